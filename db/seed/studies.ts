import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { studies } from "@/db/schema";
import { parseStudyFile } from "@/lib/evidence/parse-studies";
import type { Study } from "@/lib/evidence/types";
import { studySize } from "@/lib/evidence/describe-study";

export const STUDIES_FILE = path.resolve(process.cwd(), "db/seed/data/studies.json");

export class StudyFileError extends Error {
  constructor(public readonly problems: { studyId: string | null; field: string; message: string }[]) {
    super(
      "The evidence file was not loaded; fix these fields first:\n" +
        problems.map((p) => `  ${p.studyId ?? "(file)"}: ${p.field}: ${p.message}`).join("\n"),
    );
    this.name = "StudyFileError";
  }
}

async function readStudyFile(file = STUDIES_FILE): Promise<Study[]> {
  const json: unknown = JSON.parse(await readFile(file, "utf8"));
  const parsed = parseStudyFile(json);
  if (!parsed.ok) throw new StudyFileError(parsed.errors);
  return parsed.studies;
}

function durationWeeks(study: Study): number | null {
  const value = (study as { duration_weeks?: unknown }).duration_weeks;
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** Loads every study of the file in one transaction: all of them, or none when one is invalid. */
export async function loadStudies(db: Database, file = STUDIES_FILE): Promise<number> {
  const list = await readStudyFile(file);
  await db.transaction(async (tx) => {
    for (const study of list) {
      const row = {
        id: study.id,
        drug: study.drug,
        condition: (study as { condition?: string | null }).condition ?? null,
        design: study.design ?? null,
        verification: study.verification,
        evidenceLevel: study.evidence_level,
        citation: study.citation,
        doi: (study as { doi?: string | null }).doi ?? null,
        nTotal: studySize(study),
        durationWeeks: durationWeeks(study),
        data: study,
      };
      await tx
        .insert(studies)
        .values(row)
        .onConflictDoUpdate({ target: studies.id, set: { ...row, loadedAt: sql`now()` } });
    }
  });
  return list.length;
}
