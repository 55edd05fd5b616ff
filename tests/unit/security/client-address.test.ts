import { describe, expect, it } from "vitest";
import { clientAddressOf, PEER_HEADER } from "@/lib/http/peer-header";
import { normalizeAddress, parseTrustedProxies } from "@/lib/http/trusted-proxies";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.5, 192.168.0.0/16, fd00::/8");

/** Headers as scripts/serve.ts hands them to the app: the socket's address in PEER_HEADER. */
function fromSocket(socket: string, forwardedFor?: string) {
  return new Headers({ [PEER_HEADER]: socket, ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) });
}

describe("the client's address for the audit trail and the sign-in limit", () => {
  describe("with no trusted proxies (the default), the socket's address is the client", () => {
    it("ignores an X-Forwarded-For written by the client", () => {
      expect(clientAddressOf(fromSocket("198.51.100.7", "1.2.3.4"), none, true)).toBe("198.51.100.7");
      expect(clientAddressOf(fromSocket("198.51.100.7", "1.2.3.4, 5.6.7.8"), none, true)).toBe("198.51.100.7");
    });

    it("cannot be rotated by changing X-Forwarded-For, so the per-address limit holds", () => {
      const seen = new Set(
        ["9.9.9.1", "9.9.9.2", "not-an-ip"].map((spoof) => clientAddressOf(fromSocket("198.51.100.7", spoof), none, true)),
      );
      expect([...seen]).toEqual(["198.51.100.7"]);
    });

    it("writes an IPv4 client on an IPv6 socket as plain IPv4", () => {
      expect(clientAddressOf(fromSocket("::ffff:127.0.0.1"), none, true)).toBe("127.0.0.1");
    });
  });

  describe("an untrusted peer cannot speak for anyone else", () => {
    it("ignores X-Forwarded-For from a peer outside TRUSTED_PROXIES", () => {
      expect(clientAddressOf(fromSocket("203.0.113.9", "10.0.0.5, 1.2.3.4"), proxies, true)).toBe("203.0.113.9");
    });
  });

  describe("behind trusted proxies, the first untrusted hop from the right is the client", () => {
    it("takes the address the proxy appended, not what the client wrote before it", () => {
      expect(clientAddressOf(fromSocket("10.0.0.5", "6.6.6.6, 203.0.113.20"), proxies, true)).toBe("203.0.113.20");
    });

    it("skips several trusted hops, IPv4 ranges and IPv6 ranges alike", () => {
      expect(clientAddressOf(fromSocket("10.0.0.5", "6.6.6.6, 2001:db8::1, fd00::3, 192.168.4.4"), proxies, true)).toBe("2001:db8::1");
    });

    it("uses the proxy's own address when it forwards nothing", () => {
      expect(clientAddressOf(fromSocket("10.0.0.5"), proxies, true)).toBe("10.0.0.5");
    });

    it("stores nothing when the client's entry is not an IP address", () => {
      expect(clientAddressOf(fromSocket("10.0.0.5", "6.6.6.6, <script>"), proxies, true)).toBeNull();
      expect(clientAddressOf(fromSocket("10.0.0.5", "6.6.6.6, 192.168.1.1, 1.2.3.4:8080"), proxies, true)).toBeNull();
    });

    it("stores nothing for an overlong entry (8,000 characters were once stored)", () => {
      expect(clientAddressOf(fromSocket("10.0.0.5", "1".repeat(8000)), proxies, true)).toBeNull();
      expect(clientAddressOf(fromSocket("10.0.0.5", `${"a".repeat(7990)}, 203.0.113.20`), proxies, true)).toBe("203.0.113.20");
    });
  });

  describe("the peer header is believed only when scripts/serve.ts set it", () => {
    it("under plain `next start`, a forged peer header is ignored and the rightmost X-Forwarded-For entry stands for the socket", () => {
      const headers = new Headers({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "203.0.113.20" });
      expect(clientAddressOf(headers, proxies, false)).toBe("203.0.113.20");
      expect(clientAddressOf(new Headers({ "x-forwarded-for": "10.0.0.5" }), proxies, false)).toBe("10.0.0.5");
      expect(clientAddressOf(new Headers(), proxies, false)).toBeNull();
    });
  });

  describe("what is stored is always a valid, short IP address", () => {
    it.each(["", "   ", "localhost", "1.2.3", "1.2.3.4.5", "999.1.1.1", "::gg", `${"1:".repeat(30)}1`, "1.2.3.4%eth0"])(
      "refuses %j",
      (raw) => {
        expect(normalizeAddress(raw)).toBeNull();
      },
    );
    it("accepts IPv4 and IPv6 addresses, trimmed", () => {
      expect(normalizeAddress(" 203.0.113.20 ")).toBe("203.0.113.20");
      expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    });
  });

  describe("TRUSTED_PROXIES", () => {
    it("names a malformed entry instead of trusting nobody or everybody", () => {
      expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow(/"proxy\.local"/);
      expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
      expect(() => parseTrustedProxies("fd00::/129")).toThrow(/fd00::\/129/);
      expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow();
    });
    it("matches single addresses and ranges of both families", () => {
      expect(proxies.contains("10.0.0.5")).toBe(true);
      expect(proxies.contains("10.0.0.6")).toBe(false);
      expect(proxies.contains("192.168.200.1")).toBe(true);
      expect(proxies.contains("fd12::1")).toBe(true);
      expect(proxies.contains("2001:db8::1")).toBe(false);
      expect(none.contains("127.0.0.1")).toBe(false);
    });
  });
});
