import { describe, expect, it } from "vitest";
import { irls, irlsSeverityBand, scoreIrls } from "@/lib/instruments/irls";

const itemsFrom = (values: unknown[]) => Object.fromEntries(values.map((value, i) => [`item_${i + 1}`, value]));

describe("IRLS: total score", () => {
  it("adds the ten items", () => {
    const values = [3, 4, 2, 3, 1, 2, 4, 3, 2, 1];
    const expected = 3 + 4 + 2 + 3 + 1 + 2 + 4 + 3 + 2 + 1; // 25
    expect(scoreIrls(itemsFrom(values))).toMatchObject({ ok: true, total: expected, answeredItems: 10 });
  });

  it("ranges from 0 (all items 0) to 40 (all items 4)", () => {
    expect(irls.score({ items: itemsFrom(Array(10).fill(0)) })).toMatchObject({ ok: true, total: 0 });
    expect(irls.score({ items: itemsFrom(Array(10).fill(4)) })).toMatchObject({ ok: true, total: 10 * 4 });
  });

  it("accepts whole numbers typed as strings", () => {
    expect(scoreIrls(itemsFrom(Array(10).fill("2")))).toMatchObject({ ok: true, total: 10 * 2 });
  });
});

describe("IRLS: severity bands", () => {
  it.each([
    [0, "none", 0, 0],
    [1, "mild", 1, 10],
    [10, "mild", 1, 10],
    [11, "moderate", 11, 20],
    [20, "moderate", 11, 20],
    [21, "severe", 21, 30],
    [30, "severe", 21, 30],
    [31, "very severe", 31, 40],
    [40, "very severe", 31, 40],
  ])("total %i is %s (%i–%i)", (total, label, min, max) => {
    expect(irlsSeverityBand(total)).toEqual({ label, min, max });
  });

  it.each([-1, 41, 10.5, Number.NaN])("has no band for %s", (total) => {
    expect(irlsSeverityBand(total)).toBeUndefined();
  });
});

describe("IRLS: answers that cannot be used", () => {
  const complete = [3, 4, 2, 3, 1, 2, 4, 3, 2, 1];

  it("refuses a missing item, because no rule for missing items is published", () => {
    const values: unknown[] = [...complete];
    values[3] = null;
    const result = scoreIrls(itemsFrom(values));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: "item_4",
          message:
            'Item 4 "Sleep disturbance" is missing: all 10 IRLS items are required, as there is no published rule for scoring missing items.',
        },
      ],
    });
  });

  it.each([5, -1, 2.5, "x", ""])("refuses %s for item 1 (except blank, reported as missing)", (value) => {
    const values: unknown[] = [...complete];
    values[0] = value;
    const result = scoreIrls(itemsFrom(values));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].field).toBe("item_1");
    expect(result.errors[0].message).toMatch(/^Item 1 "Discomfort severity" /);
    if (value !== "") expect(result.errors[0].message).toBe('Item 1 "Discomfort severity" must be a whole number from 0 to 4.');
  });

  it("refuses an unknown key", () => {
    const result = scoreIrls({ ...itemsFrom(complete), item_11: 2 });
    expect(result).toEqual({ ok: false, errors: [{ field: "item_11", message: '"item_11" is not an item of the IRLS.' }] });
  });
});

describe("IRLS: copyrighted wording", () => {
  it("uses short item labels, not questionnaire wording", () => {
    expect(irls.items.map((item) => item.key)).toEqual(Array.from({ length: 10 }, (_, i) => `item_${i + 1}`));
    for (const item of irls.items) {
      expect(item.label.length).toBeLessThanOrEqual(30);
      expect(item.label).not.toMatch(/\?/);
    }
  });
});
