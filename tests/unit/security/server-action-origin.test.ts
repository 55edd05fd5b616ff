import { describe, expect, it } from "vitest";
import { isCrossOriginPageWrite } from "@/lib/http/server-action-origin";

const refused = (method: string, headers: Record<string, string>) => isCrossOriginPageWrite(method, new Headers(headers));

describe("a server action from another origin is refused by the proxy (403, not Next.js's 500)", () => {
  it("refuses a POST whose Origin is another site", () => {
    expect(refused("POST", { origin: "https://evil.example", host: "yardstick.example.org" })).toBe(true);
    expect(refused("POST", { origin: "null", host: "yardstick.example.org" })).toBe(true);
    expect(refused("POST", { origin: "not a url", host: "yardstick.example.org" })).toBe(true);
    expect(refused("POST", { origin: "http://127.0.0.1:3001", host: "127.0.0.1:3000" })).toBe(true);
  });

  it("accepts a POST from this site, directly or behind a proxy that sets X-Forwarded-Host", () => {
    expect(refused("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(false);
    expect(
      refused("POST", { origin: "https://yardstick.example.org", host: "127.0.0.1:3000", "x-forwarded-host": "yardstick.example.org" }),
    ).toBe(false);
  });

  it("compares with X-Forwarded-Host when a proxy sets it, as Next.js does", () => {
    expect(refused("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "x-forwarded-host": "yardstick.example.org" })).toBe(
      true,
    );
  });

  it("leaves reads, and requests without Origin (not a browser's cross-site request), to Next.js", () => {
    expect(refused("GET", { origin: "https://evil.example", host: "yardstick.example.org" })).toBe(false);
    expect(refused("POST", { host: "yardstick.example.org" })).toBe(false);
  });
});
