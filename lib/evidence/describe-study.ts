import type { Study } from "./types";

/** studies.json marks claims found only in the source material (no publication) this way. */
export const UNVERIFIED_VERIFICATION = "source-material-only";

export const NOT_REPORTED = "not reported";

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
