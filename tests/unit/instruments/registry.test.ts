import { describe, expect, it } from "vitest";
import { getInstrument, instrumentIds, instruments, isInstrumentId } from "@/lib/instruments";

describe("Instrument registry", () => {
  it("lists the six instruments, each under its own id", () => {
    expect([...instrumentIds].sort()).toEqual(["fiq", "fiqr", "irls", "pain_nrs_0_10", "pain_vas_0_100", "pgic"]);
    for (const id of instrumentIds) {
      expect(instruments[id].id).toBe(id);
      expect(instruments[id].source.length).toBeGreaterThan(0);
    }
  });

  it("marks FIQR and IRLS as item-level and the others as one value", () => {
    const entries = Object.fromEntries(instrumentIds.map((id) => [id, instruments[id].entry]));
    expect(entries).toEqual({ fiqr: "items", fiq: "total", pain_nrs_0_10: "total", pain_vas_0_100: "total", irls: "items", pgic: "total" });
    expect(instruments.fiq.items).toEqual([]);
  });

  it("finds instruments by id and rejects anything else", () => {
    expect(getInstrument("irls")).toBe(instruments.irls);
    expect(getInstrument("toString")).toBeUndefined();
    expect(getInstrument("FIQR")).toBeUndefined();
    expect(isInstrumentId("pgic")).toBe(true);
    expect(isInstrumentId("constructor")).toBe(false);
    expect(isInstrumentId(3)).toBe(false);
  });
});
