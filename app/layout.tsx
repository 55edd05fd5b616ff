import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Yardstick", template: "%s · Yardstick" },
  description: "Track off-label treatment trials and compare each patient's response with the published evidence.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 and error pages included, is rendered per request: Next.js can then put the
  // request's CSP nonce (proxy.ts) on its scripts. A page prerendered at build time has none, and the
  // CSP blocks its scripts.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
