type HeaderReader = { get(name: string): string | null };

/**
 * Next.js refuses a server action whose Origin is not this host, but answers 500 (and logs an
 * error). The proxy applies the same rule first so the refusal is a plain 403: the Origin's host
 * must equal the first X-Forwarded-Host entry if there is one, else Host (as in next/dist/server/app-render/
 * action-handler.js). Pages take no other writes, so every non-GET request through the proxy is
 * checked. A request without Origin is not a browser's cross-site request and is left to Next.js.
 */
export function isCrossOriginPageWrite(method: string, headers: HeaderReader): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return originHost !== host;
}
