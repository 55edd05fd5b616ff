import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits) from the operating system's CSPRNG. */
export const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding are 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new link token: 32 random bytes, base64url. Shown once; only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Whether text has the shape of a token (a forged one may too; only the hash lookup tells). */
export function isWellFormedToken(text: unknown): text is string {
  return typeof text === "string" && TOKEN_PATTERN.test(text);
}

/**
 * SHA-256 of the token, in hex: what the database holds. A plain hash (no salt, no slow KDF) is enough
 * because the token is 256 random bits, not a password a person chose: there is nothing to guess.
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
