import { INSTRUMENT_DISPLAY_ORDER, isInstrumentId } from "@/lib/domain/instruments";
import { fiq } from "./fiq";
import { fiqr } from "./fiqr";
import { irls } from "./irls";
import { painNrs } from "./pain-nrs";
import { painVas } from "./pain-vas";
import { pgic } from "./pgic";
import type { Instrument, InstrumentId } from "./types";

export type { InstrumentId } from "./types";

export const instruments: Record<InstrumentId, Instrument> = {
  fiqr,
  fiq,
  pain_nrs_0_10: painNrs,
  pain_vas_0_100: painVas,
  irls,
  pgic,
};

/** In display order (lib/domain/instruments.ts). */
export const instrumentIds: readonly InstrumentId[] = INSTRUMENT_DISPLAY_ORDER;

export { isInstrumentId };

export function getInstrument(id: string): Instrument | undefined {
  return isInstrumentId(id) ? instruments[id] : undefined;
}
