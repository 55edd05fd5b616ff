import "server-only";
import { clientAddressOf, trustedProxiesFromEnv } from "@/lib/http/peer-header";

/**
 * The client's address for the audit trail and the sign-in limit: a validated IP address (at most 45
 * characters) from a trusted proxy or the socket, or null (no request, as in scripts and tests, or an
 * address that is not an IP).
 */
export async function currentRequestIp(): Promise<string | null> {
  let list: Headers;
  try {
    const { headers } = await import("next/headers");
    list = (await headers()) as unknown as Headers;
  } catch {
    return null;
  }
  return clientAddressOf(list, trustedProxiesFromEnv());
}
