/**
 * The origin patients reach the app at, for links in e-mails: YARDSTICK_PUBLIC_URL when set (required
 * for links the scheduler e-mails, as it runs outside any request), else the request's own Host.
 */
export function publicOrigin(headers: { get(name: string): string | null } | null): string | null {
  const configured = process.env.YARDSTICK_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers?.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return null;
  const proto = headers?.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export function selfReportPath(token: string): string {
  return `/r/${token}`;
}
