import type { InstrumentId } from "@/lib/domain/instruments";

export type { InstrumentId };

/** field = an item key (e.g. "function_3"), a FIQR domain id (e.g. "function") when a whole domain is unanswered, or "total". */
export type FieldError = { field: string; message: string };

export type ScoreResult =
  | { ok: true; total: number; domains?: Record<string, number>; answeredItems?: number; itemResponses?: Record<string, number | null> }
  | { ok: false; errors: FieldError[] };

export type InstrumentItem = { key: string; label: string; min: number; max: number; domain?: string };

export interface Instrument {
  id: InstrumentId;
  name: string;
  shortName: string;
  entry: "items" | "total";
  min: number;
  max: number;
  unitLabel: string;
  direction: "higher_is_worse" | "lower_is_worse";
  items: InstrumentItem[];
  source: string;
  score(input: { items?: Record<string, unknown>; total?: unknown }): ScoreResult;
}
