import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { studies, type StudyRow } from "@/db/schema";
import {
  isIdentificationProbable,
  isVerified,
  shownEvidenceLevel,
  STUDY_ID_PATTERN,
  studySchema,
  studyShortName,
  type Study,
} from "@/lib/evidence";
import { NotFoundError } from "@/lib/errors";
import { assertCan, type SessionUser } from "./session-user";

/** One published study: the list columns, and the study exactly as in the evidence file. */
export type StudyRecord = {
  id: string;
  /** "the FINAL trial", "Younger 2013" */
  shortName: string;
  drug: string;
  condition: string | null;
  design: string | null;
  verification: string;
  verified: boolean;
  /** Which publication this is is only probable: every mention of the study says so. */
  identificationProbable: boolean;
  /** As published, or "not verified" for a study found only in the source material. */
  evidenceLevel: string;
  citation: string;
  doi: string | null;
  nTotal: number | null;
  durationWeeks: number | null;
  study: Study;
};

function toRecord(row: StudyRow): StudyRecord {
  // The file was validated when it was loaded; parsing again catches a row edited by hand since.
  const parsed = studySchema.safeParse(row.data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(study)").join(", ");
    throw new Error(`Study ${row.id} in the database does not match the evidence schema (${fields}); reload the evidence file.`);
  }
  const study = parsed.data;
  return {
    id: row.id,
    shortName: studyShortName(study),
    drug: row.drug,
    condition: row.condition,
    design: row.design,
    verification: row.verification,
    verified: isVerified(study),
    identificationProbable: isIdentificationProbable(study),
    evidenceLevel: shownEvidenceLevel(study),
    citation: row.citation,
    doi: row.doi,
    nTotal: row.nTotal,
    durationWeeks: row.durationWeeks,
    study,
  };
}

/** Every published study. The evidence is the same for all teams; any signed-in member may read it. */
export async function listStudies(user: SessionUser): Promise<StudyRecord[]> {
  assertCan(user, "patient:read");
  const db = await getDb();
  const rows = await db.select().from(studies).orderBy(asc(studies.drug), asc(studies.condition), asc(studies.id));
  return rows.map(toRecord);
}

/** One published study; NotFoundError for an unknown id. */
export async function getStudy(user: SessionUser, studyId: unknown): Promise<StudyRecord> {
  assertCan(user, "patient:read");
  if (typeof studyId !== "string" || !STUDY_ID_PATTERN.test(studyId)) throw new NotFoundError("Study");
  const db = await getDb();
  const [row] = await db.select().from(studies).where(eq(studies.id, studyId)).limit(1);
  if (!row) throw new NotFoundError("Study");
  return toRecord(row);
}
