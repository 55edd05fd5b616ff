/** The client's address for the audit trail, when there is a request (none in scripts and tests). */
export async function currentRequestIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const list = await headers();
    const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
    return forwarded || list.get("x-real-ip") || null;
  } catch {
    return null;
  }
}
