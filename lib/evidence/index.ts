export { doiUrl, formatFigure, isVerified, NOT_REPORTED, studyShortName, studySize, UNVERIFIED_VERIFICATION } from "./describe-study";
export { formatFieldPath, formatStudyErrors, parseStudyFile } from "./parse-studies";
export { STUDY_ID_PATTERN, studySchema } from "./study-schema";
export type * from "./types";
