export {
  doiUrl,
  formatFigure,
  isIdentificationProbable,
  isVerified,
  NOT_REPORTED,
  shownEvidenceLevel,
  studyNameInText,
  studyShortName,
  studySize,
} from "./describe-study";
export { STUDY_ID_PATTERN, studySchema } from "./study-schema";
export type * from "./types";
