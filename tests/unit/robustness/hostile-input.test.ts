import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStudyFile } from "@/lib/evidence/parse-studies";
import { instrumentIds, getInstrument } from "@/lib/instruments";
import { classifyResponse } from "@/lib/instruments/response";
import { assessmentEnvelopeSchema } from "@/lib/validation/assessment";
import { adverseEventSchema, doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";
import { patientSchema } from "@/lib/validation/patient";
import { patientFiltersSchema } from "@/lib/validation/patient-filters";

// Values a hostile or careless client could send: strings with markup and SQL, huge and odd numbers,
// unicode, nested objects.
const hostileScalar = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("'; drop table patients; --", "<script>alert(1)</script>", "1e309", "NaN", "-0", " 7 ", "0x0A", "７", "٣", "", "null"),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, -1e308, 1e-320),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const hostileValue = fc.oneof(
  hostileScalar,
  fc.array(hostileScalar, { maxLength: 3 }),
  fc.dictionary(fc.string(), hostileScalar, { maxKeys: 3 }),
);

describe("scorers never crash and always explain a refusal", () => {
  for (const id of instrumentIds) {
    const instrument = getInstrument(id)!;
    const keys = instrument.items.map((i) => i.key);
    const items = fc.dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string()) : fc.string(), hostileValue, {
      maxKeys: keys.length + 3,
    });

    it(`${instrument.shortName}: any input gives a score in range or errors with messages`, () => {
      fc.assert(
        fc.property(items, hostileValue, (answers, total) => {
          const result = instrument.score({ items: answers, total });
          if (result.ok) {
            expect(Number.isFinite(result.total)).toBe(true);
            expect(result.total).toBeGreaterThanOrEqual(instrument.min);
            expect(result.total).toBeLessThanOrEqual(instrument.max);
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) expect(error.message.length).toBeGreaterThan(5);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`${instrument.shortName}: classification of any pair of numbers never throws`, () => {
      fc.assert(
        fc.property(fc.double(), fc.double(), (baseline, current) => {
          const category = classifyResponse(id, baseline, current);
          expect(category.label.length).toBeGreaterThan(0);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe("input validators refuse hostile input with a named field, never by crashing", () => {
  const schemas = {
    patientSchema,
    startCourseSchema,
    doseChangeSchema,
    endCourseSchema,
    adverseEventSchema,
    assessmentEnvelopeSchema,
    patientFiltersSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(name, () => {
      const shape = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
      fc.assert(
        fc.property(fc.record(Object.fromEntries(shape.map((key) => [key, hostileValue])), { requiredKeys: [] }), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) {
            for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it("the study file parser reports problems for any JSON, never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ studies: fc.array(fc.dictionary(fc.string(), hostileValue), { maxLength: 3 }) })),
        (json) => {
          const result = parseStudyFile(json);
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
