import { NextResponse } from "next/server";
import { listPatientsForTeam } from "@/lib/data/patients";
import { readJson, withUser } from "@/lib/http/json-route";
import { patientFiltersSchema } from "@/lib/validation/patient-filters";

// POST, not GET: search text is about patients and stays out of URLs and access logs.
export const POST = withUser(async (user, request) => {
  const filters = patientFiltersSchema.parse(await readJson(request));
  return NextResponse.json(await listPatientsForTeam(user, filters));
});
