import { expect, test } from "@playwright/test";
import { runLoad } from "../support/load";

// Not a speed test (figures are printed, never asserted): under 30 s of concurrent use on loopback,
// no request may fail.
test("30 seconds of concurrent use on loopback: no request fails", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await page.getByLabel("Email").fill("clinician@yardstick.demo");
  await page.getByLabel("Password").fill("yardstick-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/worklist$/);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const list = await (await page.request.post("/api/patients/search", { data: { code: "YS-002" } })).json();

  const figures = await runLoad({ baseUrl: baseURL!, cookie, seconds: 30, connections: 8, patientId: list.rows[0].id });
  console.log(
    `load: ${figures.requests} requests, ${figures.perSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ` +
      `${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} non-2xx`,
  );
  expect(figures.requests).toBeGreaterThan(0);
  expect({ errors: figures.errors, timeouts: figures.timeouts, non2xx: figures.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
});
