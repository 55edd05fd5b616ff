import { normalizeAddress, type TrustedProxies } from "./trusted-proxies";

/**
 * The client's address from the connection's peer and the X-Forwarded-For chain.
 *
 * Only trusted proxies may speak for the client: when the peer is not a trusted proxy, X-Forwarded-For
 * is ignored entirely. Otherwise the chain is walked from the right (each proxy appends the address it
 * saw), skipping trusted hops; the first untrusted entry is the client. A malformed or overlong entry
 * where the client should be gives null, never the raw text.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const peerAddress = normalizeAddress(peer);
  if (!peerAddress) return null;
  if (!trusted.contains(peerAddress) || !forwardedFor) return peerAddress;
  // A proxy may send several X-Forwarded-For headers; the Fetch API joins them with ", ".
  const chain = forwardedFor.split(",");
  let client = peerAddress;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    if (!hop) return null;
    client = hop;
    if (!trusted.contains(hop)) return hop;
  }
  return client; // every hop is a trusted proxy: the leftmost one is as close to the client as we can see
}
