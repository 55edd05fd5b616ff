// The dataset sizes issue 12's targets are set at, and the default sizes of a full run. Pure.
export type DatasetSize = { patients: number; assessments: number; teams: number };

export const DEFAULT_POSTGRES_SIZE: DatasetSize = { patients: 20_000, assessments: 1_000_000, teams: 20 };
export const DEFAULT_PGLITE_SIZE: DatasetSize = { patients: 2_000, assessments: 100_000, teams: 20 };
