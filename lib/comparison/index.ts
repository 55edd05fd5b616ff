export { armLabel } from "./arms";
export { compareWithStudy } from "./compare";
export type { FindingKind } from "./eligibility";
export { studyMatchesCourse } from "./matching";
export { describeEffect, summarizeComparison, summarizeResponder } from "./summary";
export type * from "./types";
