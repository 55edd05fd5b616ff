import { fiq } from "./fiq";
import { fiqr } from "./fiqr";
import { irls } from "./irls";
import { painNrs } from "./pain-nrs";
import { painVas } from "./pain-vas";
import { pgic } from "./pgic";
import type { Instrument, InstrumentId } from "./types";

export type { FieldError, Instrument, InstrumentId, InstrumentItem, ScoreResult } from "./types";

export const instruments: Record<InstrumentId, Instrument> = {
  fiqr,
  fiq,
  pain_nrs_0_10: painNrs,
  pain_vas_0_100: painVas,
  irls,
  pgic,
};

export const instrumentIds = Object.keys(instruments) as InstrumentId[];

export function isInstrumentId(x: unknown): x is InstrumentId {
  return typeof x === "string" && Object.hasOwn(instruments, x);
}

export function getInstrument(id: string): Instrument | undefined {
  return isInstrumentId(id) ? instruments[id] : undefined;
}
