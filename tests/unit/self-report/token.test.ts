import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashLinkToken, isWellFormedToken, newLinkToken, TOKEN_BYTES } from "@/lib/self-report/token";

describe("Self-report link tokens", () => {
  it("are 32 random bytes in base64url (43 characters, no padding), different every time", () => {
    const tokens = Array.from({ length: 200 }, () => newLinkToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(TOKEN_BYTES);
      expect(isWellFormedToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored as their SHA-256 in hex, which a known vector confirms", () => {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(hashLinkToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = newLinkToken();
    expect(hashLinkToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).not.toContain(token);
  });

  it("refuses text that is not a token's shape before any lookup", () => {
    for (const bad of [
      "",
      "short",
      `${"a".repeat(42)}=`,
      "a".repeat(44),
      `${"a".repeat(42)}/`,
      `${"a".repeat(42)} `,
      null,
      42,
      undefined,
    ]) {
      expect(isWellFormedToken(bad), String(bad)).toBe(false);
    }
  });
});
