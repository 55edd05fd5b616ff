import { studySchema } from "./study-schema";
import type { ParseStudiesResult, Study, StudyFieldError } from "./types";

/** "outcomes[0].arm_results[1].ci95" from zod's ["outcomes", 0, "arm_results", 1, "ci95"]. */
function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

function rawStudyId(raw: unknown): string | null {
  if (raw !== null && typeof raw === "object" && "id" in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === "string" && id.trim() !== "") return id;
  }
  return null;
}

/**
 * Validates a studies file ({ studies: [...] }, as in db/seed/data/studies.json).
 * Every error names the study id (when readable) and the field path inside that study.
 */
export function parseStudyFile(json: unknown): ParseStudiesResult {
  if (json === null || typeof json !== "object" || !Array.isArray((json as { studies?: unknown }).studies)) {
    return { ok: false, errors: [{ studyId: null, field: "studies", message: "expected an object with a 'studies' array" }] };
  }
  const rawStudies: unknown[] = (json as { studies: unknown[] }).studies;
  const errors: StudyFieldError[] = [];
  const studies: Study[] = [];
  const firstIndexById = new Map<string, number>();

  rawStudies.forEach((raw, index) => {
    const studyId = rawStudyId(raw);
    const parsed = studySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = formatFieldPath(issue.path);
        errors.push({ studyId, field: field === "" ? `studies[${index}]` : field, message: issue.message });
      }
    } else {
      studies.push(parsed.data);
    }
    if (studyId !== null) {
      const first = firstIndexById.get(studyId);
      if (first !== undefined) {
        errors.push({ studyId, field: "id", message: `duplicate id '${studyId}' (studies[${first}] and studies[${index}])` });
      } else {
        firstIndexById.set(studyId, index);
      }
    }
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, studies };
}

/** One line per error, e.g. "bruun-2024-final: outcomes[0].arm_results[1].ci95 — ci95 must be ...". */
export function formatStudyErrors(errors: readonly StudyFieldError[]): string[] {
  return errors.map((e) => `${e.studyId ?? "(no id)"}: ${e.field} — ${e.message}`);
}
