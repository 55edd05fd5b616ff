import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id; the parameters are its defaults (19 MiB, 2 passes), OWASP's
// minimum recommendation for argon2id.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps the answer time the same, so response
// timing does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("yardstick-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
