// Treatment course statuses and side-effect severities. Pure, so forms may import it.

export const COURSE_STATUSES = ["active", "stopped", "completed"] as const;

export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** The statuses a course can be ended with: every status except "active". */
export const ENDED_COURSE_STATUSES = ["stopped", "completed"] as const satisfies readonly Exclude<CourseStatus, "active">[];

export const ADVERSE_EVENT_SEVERITIES = ["mild", "moderate", "severe"] as const;

export type AdverseEventSeverity = (typeof ADVERSE_EVENT_SEVERITIES)[number];

/** The drugs a course can be started with (the source material's off-label uses), and dose units. */
export const DRUG_CHOICES = ["memantine", "low-dose naltrexone"] as const;
export const DOSE_UNITS = ["mg/day", "mg", "µg/day", "mL/day"] as const;
