import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

/** React attaches its fiber to DOM nodes only when the page's scripts ran and hydrated it. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("body *")].some((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber"))),
      ),
    )
    .toBe(true);
}

test.describe("the nonce CSP holds on every page, and its scripts run", () => {
  test("a missing URL: the 404 page hydrates with no blocked script", async ({ page }) => {
    const violations = await watchCspViolations(page);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expectHydrated(page);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("a record that is not found (notFound() inside a signed-in page) hydrates with no blocked script", async ({ page }) => {
    const violations = await watchCspViolations(page);
    await signInAs(page, "clinician@yardstick.demo");
    const response = await page.goto("/patients/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expectHydrated(page);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("next-auth's own pages under /api/auth have a CSP, and render under it", async ({ page, request }) => {
    for (const path of ["/api/auth/error", "/api/auth/signout", "/api/auth/csrf", "/api/auth/session"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()["content-security-policy"], path).toContain("default-src 'none'");
      expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    const violations = await watchCspViolations(page);
    await page.goto("/api/auth/error");
    await expect(page.locator("body")).toContainText(/error/i);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  });
});

test.describe("server actions from another origin", () => {
  test("are refused with 403, not 500", async ({ request, baseURL }) => {
    const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
    const crossOrigin = await request.post("/login", {
      headers: { ...action, origin: "https://evil.example" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(crossOrigin.status()).toBe(403);
    const sameOrigin = await request.post("/login", { headers: { ...action, origin: baseURL! }, data: "[]", maxRedirects: 0 });
    expect(sameOrigin.status()).not.toBe(403);
  });
});

test.describe("the audit trail records the connection's address, not what the client claims", () => {
  test("a spoofed X-Forwarded-For is ignored (no TRUSTED_PROXIES)", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
    const page = await context.newPage();
    await signInAs(page, "admin@yardstick.demo");
    await page.goto("/patients");
    await page.getByRole("link", { name: "YS-001" }).click();
    await expect(page.getByRole("heading", { name: "Patient YS-001" })).toBeVisible();
    const response = await context.request.post("/api/admin/audit", { data: {} });
    expect(response.status()).toBe(200);
    const { rows } = (await response.json()) as { rows: { action: string; recordType: string; ip: string | null }[] };
    const read = rows.find((row) => row.action === "read" && row.recordType === "patient");
    expect(read?.ip).toBe("127.0.0.1");
    expect(rows.map((row) => row.ip)).not.toContain("203.0.113.66");
    await context.close();
  });
});
