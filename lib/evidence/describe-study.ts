import type { Study } from "./types";

/** studies.json marks claims found only in the source material (no publication) this way. */
const UNVERIFIED_VERIFICATION = "source-material-only";

export const NOT_REPORTED = "not reported";

/** Shown in place of an unverified study's evidence level and size, which come from its own unverified text. */
const NOT_VERIFIED = "not verified";

/** The label every mention of a study carries when the evidence file is not sure which publication it is. */
export const IDENTIFICATION_PROBABLE = "identification probable";

/** Participants: n_total, else the sum of n_per_arm, else null (not reported). */
export function studySize(study: Pick<Study, "n_total" | "n_per_arm">): number | null {
  if (typeof study.n_total === "number") return study.n_total;
  const perArm = study.n_per_arm ? Object.values(study.n_per_arm) : [];
  if (perArm.length === 0) return null;
  return perArm.reduce((sum, n) => sum + n, 0);
}

export function isVerified(study: Pick<Study, "verification">): boolean {
  return study.verification.trim() !== UNVERIFIED_VERIFICATION;
}

/**
 * True when studies.json says which publication this is only probably: its verification says "probable"
 * (e.g. "probable identification"), or its citation starts "Probably:" (memantine-fm-open-pilot).
 */
export function isIdentificationProbable(study: Pick<Study, "verification" | "citation">): boolean {
  return /\bprobabl[ey]\b/i.test(study.verification) || /^\s*probabl[ey]\b/i.test(study.citation);
}

/** The evidence level to show: an unverified study's own wording of it (e.g. "25 patients") is not shown. */
export function shownEvidenceLevel(study: Pick<Study, "verification" | "evidence_level">): string {
  return isVerified(study) ? study.evidence_level : NOT_VERIFIED;
}

/** A figure exactly as published (String(x), never rounded), or "not reported" for null/undefined. */
export function formatFigure(x: number | null | undefined): string {
  return x === null || x === undefined ? NOT_REPORTED : String(x);
}

/** Resolver link for a DOI; null when there is none. Accepts "doi:" or resolver-URL prefixed forms. */
export function doiUrl(doi: string | null | undefined): string | null {
  if (doi === null || doi === undefined) return null;
  const bare = doi
    .trim()
    .replace(/^doi:\s*/i, "")
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  if (bare === "") return null;
  return `https://doi.org/${bare.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * Short name for sentences: the trial acronym when the citation gives one in parentheses
 * ("... (FINAL).") as "the FINAL trial", otherwise "<first author> <year>" ("Younger 2013").
 */
export function studyShortName(study: Pick<Study, "citation" | "id">): string {
  const acronym = study.citation.match(/\(([A-Z][A-Z0-9-]{2,})\)/);
  if (acronym) return `the ${acronym[1]} trial`;
  const firstAuthor = study.citation
    .replace(/^[A-Za-z]+:\s*/, "") // "Probably: Fayed N, ..."
    .split(",")[0]
    .trim()
    .replace(/\s+[A-Z]{1,3}$/, ""); // drop initials: "Younger J" -> "Younger"
  const year = study.citation.match(/\b(?:19|20)\d{2}\b/);
  if (firstAuthor === "" || !year) return study.id;
  return `${firstAuthor} ${year[0]}`;
}

/** The short name for sentences, with "(identification probable)" when the study's identification is not certain. */
export function studyNameInText(study: Pick<Study, "citation" | "id" | "verification">): string {
  const name = studyShortName(study);
  return isIdentificationProbable(study) ? `${name} (${IDENTIFICATION_PROBABLE})` : name;
}
