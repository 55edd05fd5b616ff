import { BlockList, isIP } from "node:net";

/** The longest address we accept: a full IPv6 address with an embedded IPv4 tail is 45 characters. */
const MAX_ADDRESS_LENGTH = 45;

/** An address as stored and compared: trimmed, IPv4-mapped IPv6 ("::ffff:10.0.0.1") as plain IPv4; null if not an IP. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  let address = raw.trim();
  if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  const version = isIP(address);
  if (version === 0) return null;
  return version === 6 ? address.toLowerCase() : address;
}

export type TrustedProxies = { contains(address: string): boolean; size: number };

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 and IPv6) of the reverse proxies
 * in front of the app. Empty means none: the socket's address is the client. A bad entry is an error
 * naming it, so a typo cannot silently trust nobody (or everybody).
 */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const version = isIP(address);
    const bits = prefix === undefined ? (version === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (version === 0 || extra !== undefined || !(bits >= 0 && bits <= (version === 6 ? 128 : 32))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8).`);
    }
    list.addSubnet(address, bits, version === 6 ? "ipv6" : "ipv4");
  }
  return {
    size: entries.length,
    contains: (candidate) => {
      const address = normalizeAddress(candidate);
      if (!address) return false;
      return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
    },
  };
}
