import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { getInstrument, instrumentIds } from "@/lib/instruments";
import { auditFiltersSchema } from "@/lib/validation/admin";
import { doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";
import { readDecimal } from "@/lib/validation/decimal";
import { patientSchema, versionSchema } from "@/lib/validation/patient";

// Everything that is not a plain decimal numeral: hex, octal and binary literals, exponents, the
// special values, blanks, decimal commas, units, and unicode digits that Number() would not read.
const notDecimal = fc.oneof(
  fc.constantFrom(
    "0x10",
    "0X1A",
    "0o17",
    "0b101",
    "1e3",
    "1E3",
    "2.5e-1",
    "-1e+2",
    "Infinity",
    "-Infinity",
    "+Infinity",
    "NaN",
    "",
    " ",
    "\t\n",
    "12,5",
    "1,500",
    "7 kg",
    "--1",
    "+-1",
    ".",
    "1..2",
    "１２",
    "٣",
    "1_000",
    "9".repeat(400),
  ),
  fc.integer({ min: 0, max: 0xffff }).map((n) => `0x${n.toString(16)}`),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: -20, max: 20 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom(" ", "\t", "\n", "  \n ").chain((ws) => fc.nat({ max: 4 }).map((n) => ws.repeat(n))),
);

// A decimal numeral with up to 3 decimals, e.g. "12", "-0.5", "+7.250", " 3 " (whitespace is trimmed).
function decimalText(min: number, max: number, decimals: number) {
  const scale = 10 ** decimals;
  return fc
    .tuple(fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }), fc.constantFrom("", " "), fc.boolean())
    .map(([n, pad, plus]) => `${pad}${plus && n >= 0 ? "+" : ""}${(n / scale).toFixed(decimals)}${pad}`);
}

// optional: a blank field means "not given" (a filter), so only non-blank refusals are expected.
type Field = {
  name: string;
  schema: z.ZodType;
  path: string;
  base: Record<string, unknown>;
  min: number;
  max: number;
  decimals: number;
  optional?: boolean;
};

const thisYear = new Date().getUTCFullYear();
const FIELDS: Field[] = [
  {
    name: "target dose",
    schema: startCourseSchema,
    path: "targetDose",
    base: { drug: "memantine", indication: "fibromyalgia", doseUnit: "mg/day", startDate: "2026-01-05" },
    min: 0.001,
    max: 10_000,
    decimals: 3,
  },
  {
    name: "starting dose",
    schema: startCourseSchema,
    path: "startingDose",
    base: { drug: "memantine", indication: "fibromyalgia", targetDose: "20", doseUnit: "mg/day", startDate: "2026-01-05" },
    min: 0.001,
    max: 10_000,
    decimals: 3,
  },
  {
    name: "changed dose",
    schema: doseChangeSchema,
    path: "dose",
    base: { changedOn: "2026-02-01", doseUnit: "mg/day" },
    min: 0.001,
    max: 10_000,
    decimals: 3,
  },
  {
    name: "course version",
    schema: endCourseSchema,
    path: "version",
    base: { status: "stopped", endDate: "2026-03-01", stopReason: "side effects" },
    min: 1,
    max: 1e9,
    decimals: 0,
  },
  {
    name: "birth year",
    schema: patientSchema,
    path: "birthYear",
    base: { code: "P-1", sex: "female", conditions: [] },
    min: 1900,
    max: thisYear,
    decimals: 0,
  },
  { name: "audit page", schema: auditFiltersSchema, path: "page", base: {}, min: 1, max: 100_000, decimals: 0, optional: true },
];

describe("numbers typed into forms are plain decimals only", () => {
  it("readDecimal refuses hex, exponents, Infinity, NaN, blanks and decimal commas", () => {
    fc.assert(
      fc.property(notDecimal, (text) => {
        expect(readDecimal(text)).toBeUndefined();
      }),
    );
  });

  it("readDecimal reads any decimal numeral as the same number Number() gives it", () => {
    fc.assert(
      fc.property(decimalText(-1e6, 1e6, 3), (text) => {
        expect(readDecimal(text)).toBe(Number(text.trim()));
      }),
    );
  });

  it("the version of a record refuses an exponent too", () => {
    expect(versionSchema.safeParse("1e0").success).toBe(false);
    expect(versionSchema.safeParse("3").data).toBe(3);
  });

  for (const field of FIELDS) {
    describe(field.name, () => {
      it("refuses anything but a decimal with a message on the field, nothing else", () => {
        fc.assert(
          fc.property(
            notDecimal.filter((t) => !field.optional || t.trim() !== ""),
            (text) => {
              const result = field.schema.safeParse({ ...field.base, [field.path]: text });
              expect(result.success).toBe(false);
              const issues = result.error!.issues;
              expect(issues.map((i) => i.path.join("."))).toEqual([field.path]);
              expect(issues[0].message.length).toBeGreaterThan(10);
            },
          ),
        );
      });

      it("keeps a decimal within range exactly as typed", () => {
        fc.assert(
          fc.property(decimalText(field.min, field.max, field.decimals), (text) => {
            const result = field.schema.safeParse({ ...field.base, [field.path]: text });
            expect(result.error?.issues).toBeUndefined();
            expect((result.data as Record<string, unknown>)[field.path]).toBe(Number(text.trim()));
          }),
        );
      });
    });
  }

  for (const id of instrumentIds) {
    const instrument = getInstrument(id)!;
    it(`${instrument.shortName}: refuses a non-decimal answer, naming the item or the total`, () => {
      fc.assert(
        fc.property(
          notDecimal.filter((t) => t.trim() !== ""),
          (text) => {
            const field = instrument.entry === "items" ? instrument.items[0].key : "total";
            const input = instrument.entry === "items" ? { items: { [field]: text } } : { total: text };
            const result = instrument.score(input);
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.errors.find((e) => e.field === field)?.message).toMatch(/must be/);
          },
        ),
      );
    });

    it(`${instrument.shortName}: a decimal answer is read as typed`, () => {
      const wholeNumbers = instrument.entry === "items" || id !== "pain_vas_0_100";
      const min = instrument.entry === "items" ? instrument.items[0].min : instrument.min;
      const max = instrument.entry === "items" ? instrument.items[0].max : instrument.max;
      fc.assert(
        fc.property(decimalText(min, max, wholeNumbers ? 0 : 2), (text) => {
          if (instrument.entry === "items") {
            const items = Object.fromEntries(instrument.items.map((item) => [item.key, String(item.min)]));
            const result = instrument.score({ items: { ...items, [instrument.items[0].key]: text } });
            expect(result.ok && result.itemResponses?.[instrument.items[0].key]).toBe(Number(text.trim()));
          } else {
            const result = instrument.score({ total: text });
            expect(result.ok && result.total).toBe(Number(text.trim()));
          }
        }),
      );
    });
  }
});
