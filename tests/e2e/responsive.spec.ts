import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { ACCESS_MATRIX } from "./access-matrix";
import { createLinkOnPatientPage } from "./support/self-report";
import { signInAs } from "./support/sign-in";

// Every page a clinician can open (and an admin, for the admin pages) must fit a phone and a desktop
// without sideways scrolling of the whole document, and pass axe with no serious or critical finding.
// Pages come from the access matrix, so a page added there is checked here too.

const WIDTHS = [390, 1280];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);
type Viewer = "anonymous" | "clinician" | "admin";

// Pages only: a GET route handler (a file download: CSV, FHIR bundle) is not a page to lay out.
const pages = ACCESS_MATRIX.filter((route) => route.method === "GET" && /\/page\.tsx$/.test(route.file)).flatMap((route) => {
  const viewer: Viewer | undefined =
    route.expected.anonymous === 200
      ? "anonymous"
      : route.expected.clinician === 200
        ? "clinician"
        : route.expected.admin === 200
          ? "admin"
          : undefined;
  return viewer ? [{ path: route.path, viewer }] : [];
});

const contexts = {} as Record<Viewer, BrowserContext>;
const ids: Record<string, string> = {};

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInAs(await context.newPage(), email);
  return context;
}

test.beforeAll(async ({ browser }) => {
  contexts.anonymous = await browser.newContext();
  contexts.clinician = await signedInContext(browser, "clinician@yardstick.demo");
  contexts.admin = await signedInContext(browser, "admin@yardstick.demo");
  // A seeded Demo Pain Clinic patient with a course and an assessment, found as its clinician would.
  const request = contexts.clinician.request;
  const list = await (await request.post("/api/patients/search", { data: { code: "YS-001" } })).json();
  ids["[id]"] = list.rows[0].id;
  const patientPage = await (await request.get(`/patients/${ids["[id]"]}`)).text();
  ids["[courseId]"] = patientPage.match(/\/courses\/([0-9a-f-]{36})/)![1];
  ids["[assessmentId]"] = patientPage.match(/\/assessments\/([0-9a-f-]{36})\/edit/)![1];
});

test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context.close();
});

function concretePath(path: string): string {
  const url = Object.entries(ids).reduce((result, [segment, id]) => result.replaceAll(segment, id), path);
  if (/\[[^\]]+\]/.test(url)) throw new Error(`responsive.spec.ts: give ${url}'s dynamic segment a seeded id`);
  return url;
}

test("the access matrix yields the pages to check", () => {
  expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(["/login", "/patients", "/patients/[id]", "/admin/users", "/import"]));
});

function blockingViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>): string[] {
  return results.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the axe check catches an unlabelled field and unreadable text", async () => {
  const page = await contexts.anonymous.newPage();
  try {
    // A static page of its own: faults added to an app page could be wiped out by React's hydration.
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Control</title></head><body><main><h1>Control</h1>' +
        '<p id="faint" style="color:#ddd;background:#fff">Faint text</p><input id="unlabelled" type="text"></main></body></html>',
    );
    const blocking = blockingViolations(await new AxeBuilder({ page }).analyze());
    expect(blocking).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^serious color-contrast: .*#faint/),
        expect.stringMatching(/^critical label: .*#unlabelled/),
      ]),
    );
  } finally {
    await page.close();
  }
});

for (const { path, viewer } of pages) {
  for (const width of WIDTHS) {
    test(`${path} fits ${width} px and passes axe (${viewer})`, async () => {
      const page = await contexts[viewer].newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(concretePath(path));
        expect(response?.status(), `${path} should open for ${viewer}`).toBe(200);
        await page.waitForLoadState("networkidle");

        const sizes = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        const results = await new AxeBuilder({ page }).analyze();
        const blocking = blockingViolations(results);

        console.log(
          `figures ${path} @${width}: scrollWidth ${sizes.scrollWidth}/${sizes.innerWidth}, serious+critical ${blocking.length} (all impacts: ${results.violations.map((v) => `${v.impact} ${v.id}`).join(", ") || "none"})`,
        );
        expect.soft(sizes.scrollWidth, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(sizes.innerWidth);
        expect.soft(blocking, `${path} axe at ${width} px`).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
}

// The patient's questionnaire is public but needs a real link, which the matrix cannot list (a link works
// once): one is made here for all four questionnaires. Its refusal page is checked as well.
test.describe("the self-report page", () => {
  let linkPath = "";
  test.beforeAll(async () => {
    const page = await contexts.clinician.newPage();
    await page.goto(concretePath("/patients/[id]"));
    linkPath = await createLinkOnPatientPage(page, [
      "Revised Fibromyalgia Impact Questionnaire (FIQR)",
      "Pain intensity, 11-point numeric rating scale (0 = no pain, 10 = worst possible pain)",
      "International Restless Legs Syndrome Study Group rating scale (IRLS)",
      "Patient Global Impression of Change",
    ]);
    await page.close();
  });

  for (const width of WIDTHS) {
    for (const which of ["questionnaire", "refusal"] as const) {
      test(`/r/[token] (${which}) fits ${width} px and passes axe (anonymous)`, async () => {
        const page = await contexts.anonymous.newPage();
        try {
          await page.setViewportSize({ width, height: 900 });
          const response = await page.goto(which === "questionnaire" ? linkPath : `/r/${"R".repeat(43)}`);
          expect(response?.status()).toBe(which === "questionnaire" ? 200 : 404);
          await page.waitForLoadState("networkidle");
          if (which === "questionnaire") await page.getByRole("radio", { name: "3", exact: true }).check();
          const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          const blocking = blockingViolations(await new AxeBuilder({ page }).analyze());
          console.log(
            `figures /r/[token] ${which} @${width}: scrollWidth ${sizes.scrollWidth}/${sizes.innerWidth}, serious+critical ${blocking.length}`,
          );
          expect.soft(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
          expect.soft(blocking).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
