import { describe, expect, it } from "vitest";
import { fiqr, scoreFiqr } from "@/lib/instruments/fiqr";

// Published rule (Bennett et al. 2009): total = function sum / 3 + overall sum / 1 + symptoms sum / 2.
// Missing items: a domain with x of n items answered has its raw sum multiplied by n / x before dividing.

function answers(functionItems: unknown[], overallItems: unknown[], symptomItems: unknown[]): Record<string, unknown> {
  const entries = [
    ...functionItems.map((value, i) => [`function_${i + 1}`, value]),
    ...overallItems.map((value, i) => [`overall_${i + 1}`, value]),
    ...symptomItems.map((value, i) => [`symptoms_${i + 1}`, value]),
  ];
  return Object.fromEntries(entries);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const functionItems = [2, 5, 7, 3, 8, 4, 6, 1, 10]; // sum 46
const overallItems = [6, 8]; // sum 14
const symptomItems = [7, 4, 6, 8, 3, 5, 2, 9, 4, 5]; // sum 53

describe("FIQR: a fully answered questionnaire", () => {
  it("adds function/3, overall/1 and symptoms/2, without rounding", () => {
    const result = scoreFiqr(answers(functionItems, overallItems, symptomItems));
    const sumFunction = sum(functionItems);
    const sumOverall = sum(overallItems);
    const sumSymptoms = sum(symptomItems);
    expect([sumFunction, sumOverall, sumSymptoms]).toEqual([46, 14, 53]);
    const expected = sumFunction / 3 + sumOverall / 1 + sumSymptoms / 2; // 15.333… + 14 + 26.5 = 55.833…
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.total).toBeCloseTo(expected, 12);
    expect(result.total).not.toBe(55.83);
    expect(result.domains).toEqual({ function: sumFunction / 3, overall: sumOverall, symptoms: sumSymptoms / 2 });
    expect(result.answeredItems).toBe(21);
    expect(result.itemResponses?.function_9).toBe(10);
  });

  it("keeps a total such as 47.333… exactly as computed", () => {
    const symptoms = [4, 4, 4, 4, 4, 4, 3, 3, 3, 3]; // sum 36
    const result = scoreFiqr(answers(functionItems, overallItems, symptoms));
    const expected = 46 / 3 + 14 + 36 / 2; // 15.333… + 14 + 18
    expect(result.ok && result.total).toBeCloseTo(expected, 12);
    expect(result.ok && result.total).not.toBe(47.33);
  });

  it("scores all zeros as 0 and all tens as 100 (domain maxima 30, 20 and 50)", () => {
    const zero = scoreFiqr(answers(Array(9).fill(0), Array(2).fill(0), Array(10).fill(0)));
    expect(zero).toMatchObject({ ok: true, total: 0, domains: { function: 0, overall: 0, symptoms: 0 } });
    const ten = scoreFiqr(answers(Array(9).fill(10), Array(2).fill(10), Array(10).fill(10)));
    const expected = (9 * 10) / 3 + (2 * 10) / 1 + (10 * 10) / 2; // 30 + 20 + 50
    expect(ten).toMatchObject({ ok: true, total: expected, domains: { function: 30, overall: 20, symptoms: 50 } });
    expect(expected).toBe(100);
  });

  it("accepts whole numbers typed into a form as strings", () => {
    const typed = answers(
      functionItems.map(String),
      overallItems.map((v) => ` ${v} `),
      symptomItems,
    );
    const result = scoreFiqr(typed);
    expect(result.ok && result.total).toBeCloseTo(46 / 3 + 14 + 53 / 2, 12);
  });

  it("is what the registry's fiqr.score returns", () => {
    const items = answers(functionItems, overallItems, symptomItems);
    expect(fiqr.score({ items })).toEqual(scoreFiqr(items));
  });
});

describe("FIQR: missing answers", () => {
  it("prorates a domain with two of nine function items missing (raw sum × 9/7 ÷ 3)", () => {
    const withGaps: unknown[] = [...functionItems];
    withGaps[1] = null; // function_2 (5)
    withGaps[4] = ""; // function_5 (8), blank form field
    const answeredFunction = [2, 7, 3, 4, 6, 1, 10];
    const rawSum = sum(answeredFunction); // 33
    const expectedFunction = (rawSum * 9) / 7 / 3;
    const expected = expectedFunction + sum(overallItems) + sum(symptomItems) / 2;
    const result = scoreFiqr(answers(withGaps, overallItems, symptomItems));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.domains?.function).toBeCloseTo(expectedFunction, 12);
    expect(result.total).toBeCloseTo(expected, 12);
    expect(result.answeredItems).toBe(19);
    expect(result.itemResponses?.function_2).toBeNull();
    expect(result.itemResponses?.function_5).toBeNull();
  });

  it("treats absent keys like unanswered items", () => {
    const items = answers(functionItems, overallItems, symptomItems);
    delete items.symptoms_10; // 5
    const expectedSymptoms = ((sum(symptomItems) - 5) * 10) / 9 / 2;
    const result = scoreFiqr(items);
    expect(result.ok && result.domains?.symptoms).toBeCloseTo(expectedSymptoms, 12);
  });

  it("refuses to score when a whole domain is unanswered, naming the domain", () => {
    const result = scoreFiqr(answers(functionItems, [null, ""], symptomItems));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: "overall",
          message: "The Overall impact domain has no answers, so the FIQR cannot be scored: answer at least one of its 2 items.",
        },
      ],
    });
  });

  it("refuses an empty questionnaire, naming each domain", () => {
    const result = fiqr.score({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(["function", "overall", "symptoms"]);
  });
});

describe("FIQR: answers that cannot be used", () => {
  const withItem = (key: string, value: unknown) => ({ ...answers(functionItems, overallItems, symptomItems), [key]: value });

  it.each([11, -1, 7.5, "7.5", "abc", "1e1", Number.NaN, Number.POSITIVE_INFINITY, true, {}])(
    "refuses %s for an item, naming the item and the allowed range",
    (value) => {
      expect(scoreFiqr(withItem("function_3", value))).toEqual({
        ok: false,
        errors: [{ field: "function_3", message: 'Item 3 "Prepare a homemade meal" must be a whole number from 0 to 10.' }],
      });
    },
  );

  it("names symptom items by their label", () => {
    const result = scoreFiqr(withItem("symptoms_1", 12));
    expect(result.ok === false && result.errors[0].message).toBe('Item 1 "Pain" must be a whole number from 0 to 10.');
  });

  it.each(["function_10", "overall_3", "total", "__proto__x"])("refuses the unknown key %s", (key) => {
    expect(scoreFiqr(withItem(key, 5))).toEqual({
      ok: false,
      errors: [{ field: key, message: `"${key}" is not an item of the FIQR.` }],
    });
  });

  it("reports only the item error when a domain's only answer is refused", () => {
    const result = scoreFiqr(answers(functionItems, ["x", null], symptomItems));
    expect(result.ok === false && result.errors.map((error) => error.field)).toEqual(["overall_1"]);
  });
});

describe("FIQR: questionnaire layout", () => {
  it("has 21 items 0–10 in three domains of 9, 2 and 10", () => {
    expect(fiqr.items).toHaveLength(21);
    const keys = fiqr.items.map((item) => item.key);
    expect(keys.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, i) => `function_${i + 1}`));
    expect(keys.slice(9, 11)).toEqual(["overall_1", "overall_2"]);
    expect(keys.slice(11)).toEqual(Array.from({ length: 10 }, (_, i) => `symptoms_${i + 1}`));
    expect(fiqr.items.every((item) => item.min === 0 && item.max === 10)).toBe(true);
    expect(fiqr).toMatchObject({ entry: "items", min: 0, max: 100, direction: "higher_is_worse", shortName: "FIQR" });
  });
});
