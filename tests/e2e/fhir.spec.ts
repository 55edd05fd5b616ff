import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("a clinician downloads a patient's FHIR bundle from the patient page; importing it back adds nothing, a broken one is refused", async ({
  page,
}) => {
  await signInAs(page);
  const list = await (await page.request.post("/api/patients/search", { data: { code: "YS-001" } })).json();
  const patient = list.rows[0] as { id: string; code: string };
  await page.goto(`/patients/${patient.id}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download FHIR bundle" }).click()]);
  const bundle = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(bundle.resourceType).toBe("Bundle");
  expect(bundle.type).toBe("searchset");
  const fhirPatient = bundle.entry[0].resource;
  expect(fhirPatient.resourceType).toBe("Patient");
  expect(fhirPatient.identifier[0].value).toBe(patient.code);

  const served = await page.request.get(`/api/fhir/Patient/${patient.id}/$everything`);
  expect(served.headers()["content-type"]).toMatch(/^application\/fhir\+json/);

  // The same record imported into its own team: every record is already there, so nothing is added.
  const again = await page.request.post("/api/fhir/Bundle", { data: bundle });
  expect(again.status()).toBe(200);
  const summary = await again.json();
  expect(summary.patient).toEqual({ id: patient.id, code: patient.code, created: false });
  expect(summary.added).toEqual({ courses: 0, doseChanges: 0, adverseEvents: 0, assessments: 0 });

  const broken = structuredClone(bundle);
  delete broken.entry[0].resource.identifier;
  const refused = await page.request.post("/api/fhir/Bundle", { data: broken });
  expect(refused.status()).toBe(400);
  expect(refused.headers()["content-type"]).toMatch(/^application\/fhir\+json/);
  const outcome = await refused.json();
  expect(outcome.resourceType).toBe("OperationOutcome");
  expect(outcome.issue).toContainEqual(
    expect.objectContaining({
      expression: ["Bundle.entry[0].resource.identifier"],
      details: { text: expect.stringMatching(/pseudonymous code is required/) },
    }),
  );
});
