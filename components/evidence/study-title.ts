import { IDENTIFICATION_PROBABLE } from "@/lib/evidence/describe-study";

/** A short name as a title: "the FINAL trial" -> "FINAL trial"; "Younger 2013" unchanged. */
export function studyTitle(shortName: string): string {
  return shortName.replace(/^the\s+/, "");
}

/** The title as plain text (page titles), labelled when the study's identification is only probable. */
export function studyTitleText(study: { shortName: string; identificationProbable: boolean }): string {
  const title = studyTitle(study.shortName);
  return study.identificationProbable ? `${title} (${IDENTIFICATION_PROBABLE})` : title;
}
