export {
  doiUrl,
  formatFigure,
  IDENTIFICATION_PROBABLE,
  isIdentificationProbable,
  isVerified,
  NOT_REPORTED,
  NOT_VERIFIED,
  shownEvidenceLevel,
  studyNameInText,
  studyShortName,
  studySize,
  UNVERIFIED_VERIFICATION,
} from "./describe-study";
export { formatFieldPath, formatStudyErrors, parseStudyFile } from "./parse-studies";
export { STUDY_ID_PATTERN, studySchema } from "./study-schema";
export type * from "./types";
