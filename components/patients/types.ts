export type PatientTrend = { direction: "improving" | "stable" | "worsening"; instrument: string; label: string } | null;

export type PatientListRow = {
  id: string;
  code: string;
  conditions: string[];
  activeDrugs: string | null;
  lastAssessedOn: string | null;
  trend: PatientTrend;
};

export type PatientListPage = { rows: PatientListRow[]; total: number; page: number; pageSize: number };
