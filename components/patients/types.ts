export type PatientTrend = { direction: "improving" | "stable" | "worsening"; instrument: string; label: string } | null;

export type PatientListRow = {
  id: string;
  code: string;
  conditions: string[];
  activeDrugs: string | null;
  lastAssessedOn: string | null;
  trend: PatientTrend;
};

/** Where a page starts: the row before it, by its sort key, code and id (lib/data/patients.ts). */
export type PatientListCursor = { lastAssessedOn: string | null; code: string; id: string };

export type PatientListPage = { rows: PatientListRow[]; total: number; pageSize: number; nextCursor: PatientListCursor | null };
