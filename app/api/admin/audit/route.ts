import { NextResponse } from "next/server";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { readJson } from "@/lib/http/json-route";
import type { AuditFilterInput } from "@/lib/validation/admin";
import { withTeamAdmin } from "../team-admin-route";

// POST, not GET: a patient filter is about a patient and stays out of URLs and access logs.
export const POST = withTeamAdmin(async (user, request) => {
  // The data layer validates the filters; the cast only names what it expects.
  const filters = (await readJson(request)) as AuditFilterInput;
  return NextResponse.json(await listAuditEntries(user, filters));
});
