import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACCESS_MATRIX, OUTSIDE_MATRIX, type Actor } from "./access-matrix";

const PASSWORD = "yardstick-demo-2026";
const ACCOUNTS: Record<Exclude<Actor, "anonymous">, string> = {
  viewer: "viewer@yardstick.demo",
  clinician: "clinician@yardstick.demo",
  admin: "admin@yardstick.demo",
  otherTeam: "clinician@northside.demo",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^(page|route)\.tsx?$/.test(name) ? [full.split(path.sep).join("/")] : [];
  });
}

test("every page and route handler of the app is in the access matrix", () => {
  const listed = new Set([...ACCESS_MATRIX.map((r) => r.file), ...OUTSIDE_MATRIX]);
  const missing = routeFiles("app").filter((file) => !listed.has(file));
  expect(missing, "add these to tests/e2e/access-matrix.ts").toEqual([]);
});

async function signedInRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/worklist$/);
  return context.request;
}

test("each role, an anonymous visitor and another team get exactly what the matrix says, and nothing leaks", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const requests: Record<Actor, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    viewer: await signedInRequest(browser, ACCOUNTS.viewer),
    clinician: await signedInRequest(browser, ACCOUNTS.clinician),
    admin: await signedInRequest(browser, ACCOUNTS.admin),
    otherTeam: await signedInRequest(browser, ACCOUNTS.otherTeam),
  };

  // A Demo Pain Clinic patient with a course and an assessment, found as its own clinician would.
  const list = await (await requests.clinician.post("/api/patients/search", { data: { code: "YS-001" } })).json();
  const patient = list.rows[0] as { id: string; code: string };
  const patientPage = await (await requests.clinician.get(`/patients/${patient.id}`)).text();
  const courseId = patientPage.match(/\/courses\/([0-9a-f-]{36})/)![1];
  const assessmentId = patientPage.match(/\/assessments\/([0-9a-f-]{36})\/edit/)![1];

  const failures: string[] = [];
  for (const route of ACCESS_MATRIX) {
    const url = route.path.replace("[id]", patient.id).replace("[courseId]", courseId).replace("[assessmentId]", assessmentId);
    for (const [actor, expected] of Object.entries(route.expected) as [Actor, number][]) {
      const request = requests[actor];
      const response =
        route.method === "GET"
          ? await request.get(url, { maxRedirects: 0 })
          : route.multipart
            ? await request.post(url, { multipart: route.multipart, maxRedirects: 0 })
            : await request.post(url, { data: route.body, maxRedirects: 0 });
      const body = await response.text();
      if (response.status() !== expected)
        failures.push(`${actor} ${route.method} ${route.path}: ${response.status()}, expected ${expected}`);
      if (expected !== 200 && body.includes(patient.code)) failures.push(`${actor} ${route.method} ${route.path}: body names the patient`);
      if (body.includes("$argon2")) failures.push(`${actor} ${route.method} ${route.path}: body contains a password hash`);
      if (actor === "otherTeam" && /YS-\d{3}/.test(body))
        failures.push(`${actor} ${route.method} ${route.path}: another team's patient code in the body`);
    }
  }
  expect(failures).toEqual([]);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
});

test("a cross-site POST to a route handler is refused", async ({ browser }) => {
  const request = await signedInRequest(browser, ACCOUNTS.clinician);
  const response = await request.post("/api/patients/search", {
    data: {},
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(response.status()).toBe(403);
});
