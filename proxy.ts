import { NextResponse, type NextRequest } from "next/server";
import { isCrossOriginPageWrite } from "@/lib/http/server-action-origin";

// A fresh nonce per request lets Next.js's own inline scripts run under a CSP without
// 'unsafe-inline' for scripts. This proxy only sets headers; access is checked in lib/data. It asks no
// session of any path, so the patient's public questionnaire (/r/<token>, checked by its token in
// lib/data/self-report-public.ts) passes like every page.
export function proxy(request: NextRequest) {
  if (isCrossOriginPageWrite(request.method, request.headers)) {
    return new NextResponse("Cross-origin request refused.", { status: 403, headers: { "Content-Type": "text/plain" } });
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, layout) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
