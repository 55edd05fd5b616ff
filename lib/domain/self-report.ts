// Patient self-report by link: what a link may ask for and where an assessment came from. Pure, so the
// schema's CHECK constraints, validation and client components derive from it.
import type { InstrumentId } from "./instruments";

/** The instruments a patient may answer from a link (issue 11: FIQR, pain NRS, IRLS, PGIC), in form order. */
export const SELF_REPORT_INSTRUMENTS = ["fiqr", "pain_nrs_0_10", "irls", "pgic"] as const satisfies readonly InstrumentId[];
export type SelfReportInstrumentId = (typeof SELF_REPORT_INSTRUMENTS)[number];

export function isSelfReportInstrument(value: unknown): value is SelfReportInstrumentId {
  return typeof value === "string" && (SELF_REPORT_INSTRUMENTS as readonly string[]).includes(value);
}

/** Who put an assessment in the record: a team member, or the patient through a self-report link. */
export const ASSESSMENT_SOURCES = ["clinician", "self_report"] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

/** A link is valid this many days unless the clinician chooses otherwise (issue 11). */
export const DEFAULT_LINK_VALID_DAYS = 7;
export const MAX_LINK_VALID_DAYS = 60;
export const MAX_SCHEDULE_INTERVAL_WEEKS = 26;

export const LINK_STATUSES = ["waiting", "answered", "expired", "revoked"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
