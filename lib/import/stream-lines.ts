import type { ImportProblem } from "./problems";
import type { ImportKind } from "./formats";

/** The lines of POST /api/import's NDJSON answer: progress while writing, then one result (or an error). */
export type ImportStreamLine =
  | { type: "progress"; phase: "checking" | "writing"; done: number; total: number }
  | { type: "result"; outcome: "accepted"; kind: ImportKind; rows: number; added: number; alreadyPresent: number }
  | {
      type: "result";
      outcome: "rejected";
      kind: ImportKind | null;
      rows: number;
      problems: ImportProblem[];
      problemCount: number;
      /** The problems as a CSV report (row, column, value, reason), for download. */
      report: string;
    }
  | { type: "error"; error: string };
