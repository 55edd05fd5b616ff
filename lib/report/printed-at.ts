/** "2026-11-28 19:52 UTC": the moment a report was printed, in UTC so it reads the same wherever it is filed. */
export function formatPrintedAt(moment: Date): string {
  return `${moment.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
