/** A short name as a title: "the FINAL trial" -> "FINAL trial"; "Younger 2013" unchanged. */
export function studyTitle(shortName: string): string {
  return shortName.replace(/^the\s+/, "");
}
