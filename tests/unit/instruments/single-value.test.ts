import { describe, expect, it } from "vitest";
import { fiq } from "@/lib/instruments/fiq";
import { painNrs } from "@/lib/instruments/pain-nrs";
import { painVas } from "@/lib/instruments/pain-vas";
import { PGIC_LABELS, pgic, pgicLabel } from "@/lib/instruments/pgic";

describe("Pain NRS: whole numbers 0 to 10", () => {
  it.each([0, 7, 10, "7"])("accepts %s", (total) => {
    expect(painNrs.score({ total })).toEqual({ ok: true, total: Number(total) });
  });
  it.each([-1, 11, 7.5, "7.5", "seven", Number.NaN, Number.POSITIVE_INFINITY])("refuses %s", (total) => {
    expect(painNrs.score({ total })).toEqual({
      ok: false,
      errors: [{ field: "total", message: "Pain NRS must be a whole number from 0 to 10." }],
    });
  });
  it("says when the value is missing", () => {
    expect(painNrs.score({ total: "" })).toEqual({
      ok: false,
      errors: [{ field: "total", message: "Pain NRS is missing: enter a whole number from 0 to 10." }],
    });
  });
});

describe("Pain VAS: millimetres 0 to 100, decimals allowed", () => {
  it.each([0, 45.5, 100, "62.5"])("accepts %s", (total) => {
    expect(painVas.score({ total })).toEqual({ ok: true, total: Number(total) });
  });
  it.each([-0.5, 100.5, "abc", null])("refuses %s", (total) => {
    const result = painVas.score({ total });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.errors[0].message).toMatch(/^Pain VAS .*a number from 0 to 100\.$/);
  });
  it("is measured in mm", () => {
    expect(painVas.unitLabel).toBe("mm");
  });
});

describe("FIQ total: 0 to 100, decimals allowed", () => {
  it.each([0, 47.333333333333336, 100])("accepts %s exactly", (total) => {
    expect(fiq.score({ total })).toEqual({ ok: true, total });
  });
  it.each([-1, 100.01, "n/a"])("refuses %s", (total) => {
    expect(fiq.score({ total })).toEqual({
      ok: false,
      errors: [{ field: "total", message: "FIQ total must be a number from 0 to 100." }],
    });
  });
});

describe("PGIC: whole numbers 1 to 7", () => {
  it.each([1, 4, 7])("accepts %i", (total) => {
    expect(pgic.score({ total })).toEqual({ ok: true, total });
  });
  it.each([0, 8, 2.5])("refuses %s", (total) => {
    expect(pgic.score({ total })).toEqual({
      ok: false,
      errors: [{ field: "total", message: "PGIC must be a whole number from 1 to 7." }],
    });
  });
  it("labels 1 as very much improved and 7 as very much worse", () => {
    expect(PGIC_LABELS).toHaveLength(7);
    expect(pgicLabel(1)).toBe("very much improved");
    expect(pgicLabel(4)).toBe("no change");
    expect(pgicLabel(7)).toBe("very much worse");
    expect(pgicLabel(8)).toBeUndefined();
    expect(pgic.direction).toBe("higher_is_worse");
  });
});
