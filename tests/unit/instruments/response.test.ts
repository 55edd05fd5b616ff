import { describe, expect, it } from "vitest";
import { changeFromBaseline, classifyPgic, classifyResponse, percentReduction } from "@/lib/instruments/response";

// IMMPACT (Dworkin et al. 2008): ≥50% reduction substantial, ≥30% moderate, 10–20% minimally important.
// FIQ MCID (Bennett et al. 2009): 14.1% reduction. Worsening mirrors these thresholds (product rule).

describe("Change from baseline", () => {
  it("gives points (negative = fell) and percent of baseline", () => {
    expect(changeFromBaseline(8, 4)).toEqual({ points: 4 - 8, percent: ((4 - 8) / 8) * 100 });
    expect(changeFromBaseline(5, 7)).toEqual({ points: 2, percent: (2 / 5) * 100 });
    expect(percentReduction(10, 7)).toBe(((10 - 7) / 10) * 100);
  });
  it("has no percent when baseline is 0", () => {
    expect(changeFromBaseline(0, 3)).toEqual({ points: 3, percent: null });
    expect(percentReduction(0, 3)).toBeNull();
  });
  it("does not round", () => {
    expect(percentReduction(60, 52)).toBeCloseTo(((60 - 52) / 60) * 100, 12); // 13.333…
  });
});

describe("Pain NRS/VAS: IMMPACT response levels", () => {
  it("8 → 4 is a 50% reduction: substantial", () => {
    expect(((8 - 4) / 8) * 100).toBe(50);
    expect(classifyResponse("pain_nrs_0_10", 8, 4)).toEqual({
      key: "substantial",
      label: "Substantial improvement (≥50% reduction)",
      direction: "improved",
      source: "IMMPACT (Dworkin et al. J Pain 2008)",
    });
  });

  it("a patient with 60% fewer points is substantial", () => {
    const baseline = 70;
    const current = baseline * (1 - 0.6); // 28 mm
    expect(classifyResponse("pain_vas_0_100", baseline, current).key).toBe("substantial");
  });

  it("10 → 7 is a 30% reduction: moderate", () => {
    expect(classifyResponse("pain_nrs_0_10", 10, 7)).toMatchObject({ key: "moderate", direction: "improved" });
  });

  it("10 → 8 is a 20% reduction: minimal", () => {
    const result = classifyResponse("pain_nrs_0_10", 10, 8);
    expect(result).toMatchObject({ key: "minimal", label: "Minimal improvement (≥10% reduction)", direction: "improved" });
    expect(result.source).toContain("10–20%");
  });

  it("10 → 9.5 is a 5% reduction: no important change", () => {
    expect(classifyResponse("pain_nrs_0_10", 10, 9.5)).toMatchObject({ key: "no_important_change", direction: "unchanged" });
  });

  it("5 → 7 is a 40% increase: worsened, and says the mirror is the product's rule", () => {
    const result = classifyResponse("pain_nrs_0_10", 5, 7);
    expect(result).toMatchObject({ key: "worsened", label: "Worsened (≥10% increase)", direction: "worsened" });
    expect(result.source).toContain("product rule");
  });

  it("a 10% increase is worsened as surely as a 10% reduction is minimal", () => {
    expect(classifyResponse("pain_vas_0_100", 50, 55).key).toBe("worsened"); // (55 - 50) / 50 = 10%
    expect(classifyResponse("pain_vas_0_100", 50, 45).key).toBe("minimal");
    expect(classifyResponse("pain_vas_0_100", 50, 54.5).key).toBe("no_important_change"); // 9%
  });

  it("baseline 0 cannot give a percentage: not classifiable", () => {
    const result = classifyResponse("pain_nrs_0_10", 0, 3);
    expect(result).toMatchObject({ key: "not_classifiable", direction: "unknown" });
    expect(result.reason).toMatch(/Baseline is 0/);
  });

  it("values outside the scale are not classifiable", () => {
    expect(classifyResponse("pain_nrs_0_10", 12, 4)).toMatchObject({ key: "not_classifiable" });
    expect(classifyResponse("pain_nrs_0_10", 8, Number.NaN)).toMatchObject({ key: "not_classifiable" });
  });
});

describe("FIQ and FIQR: the FIQ's MCID (14.1% reduction)", () => {
  it("FIQR 60 → 51.54 is exactly a 14.1% reduction: meaningful, labelled as the FIQ's MCID", () => {
    const baseline = 60;
    const current = baseline * (1 - 14.1 / 100); // 60 − 8.46 = 51.54
    expect(current).toBeCloseTo(51.54, 12);
    const result = classifyResponse("fiqr", 60, 51.54);
    expect(result.key).toBe("meaningful");
    expect(result.direction).toBe("improved");
    expect(result.label).toContain("FIQ's MCID");
    expect(result.source).toContain("Bennett et al. J Rheumatol 2009");
  });

  it("FIQR 60 → 52 is a 13.3% reduction: no important change", () => {
    expect(((60 - 52) / 60) * 100).toBeLessThan(14.1);
    expect(classifyResponse("fiqr", 60, 52)).toMatchObject({ key: "no_important_change", direction: "unchanged" });
  });

  it("FIQ 100 → 85.9 reaches 14.1% even though binary floating point makes it 14.0999…", () => {
    expect(((100 - 85.9) / 100) * 100).toBeLessThan(14.1);
    expect(classifyResponse("fiq", 100, 85.9).key).toBe("meaningful");
  });

  it("FIQR 60 → 68.46 is a 14.1% increase: worsened; 60 → 68 is not", () => {
    expect(classifyResponse("fiqr", 60, 68.46)).toMatchObject({ key: "worsened", direction: "worsened" });
    expect(classifyResponse("fiqr", 60, 68).key).toBe("no_important_change");
  });

  it("FIQ's own label does not mention the FIQR", () => {
    expect(classifyResponse("fiq", 50, 40).label).toBe("Meaningful improvement (≥14.1% reduction, the FIQ's MCID)");
  });

  it("baseline 0 is not classifiable", () => {
    expect(classifyResponse("fiqr", 0, 10)).toMatchObject({ key: "not_classifiable", reason: expect.stringMatching(/Baseline is 0/) });
  });
});

describe("IRLS: response by points against the approximate MCID, severity band beside it", () => {
  // instruments.json, irls.mcid: a fall of 9 to 11 points matched "much improved" (approximate); 9 is used.
  it.each([
    [20, 12, -8, "no_important_change", "unchanged", "Severity: moderate (same band)"],
    [20, 11, -9, "meaningful", "improved", "Severity: moderate (same band)"],
    [20, 10, -10, "meaningful", "improved", "Severity: moderate → mild"],
    [30, 21, -9, "meaningful", "improved", "Severity: severe (same band)"],
    [29, 20, -9, "meaningful", "improved", "Severity: severe → moderate"],
    [12, 20, 8, "no_important_change", "unchanged", "Severity: moderate (same band)"],
    [11, 20, 9, "worsened", "worsened", "Severity: moderate (same band)"],
    [10, 11, 1, "no_important_change", "unchanged", "Severity: mild → moderate"],
    [21, 20, -1, "no_important_change", "unchanged", "Severity: severe → moderate"],
    [20, 20, 0, "no_important_change", "unchanged", "Severity: moderate (same band)"],
  ] as const)("%i → %i (%i points) is %s; %s", (baseline, current, points, key, direction, severity) => {
    expect(current - baseline).toBe(points);
    const result = classifyResponse("irls", baseline, current);
    expect(result).toMatchObject({ key, direction });
    expect(result.severity?.label).toBe(severity);
  });

  it("a fall of 9 or more is a meaningful improvement, labelled approximate, with its source", () => {
    const result = classifyResponse("irls", 20, 11);
    expect(result.label).toBe("Meaningful improvement (fell 9 or more points; approximate threshold)");
    expect(result.source).toContain("a fall of 9–11 points");
    expect(result.source).toContain("post hoc analysis of rotigotine RLS trials; authors and journal not verified");
    expect(result.source).not.toMatch(/product rule/);
  });

  it("a rise of 9 or more is worsening, labelled as the product's own mirror rule", () => {
    const result = classifyResponse("irls", 11, 20);
    expect(result.label).toBe("Worsened (rose 9 or more points; this product's mirror of the improvement threshold)");
    expect(result.source).toMatch(/mirrored for worsening \(product rule\)$/);
  });

  it("less than 9 either way is no important change, whatever the bands", () => {
    expect(classifyResponse("irls", 10, 11).label).toBe("No important change (less than 9 points either way)");
  });

  it("reports the band move as severity, with the bands' own source, never as the response", () => {
    expect(classifyResponse("irls", 20, 10).severity).toEqual({
      from: "moderate",
      to: "mild",
      label: "Severity: moderate → mild",
      source: "Severity bands: IRLS Study Group, Sleep Med 2003",
    });
    expect(classifyResponse("irls", 10, 11).label).not.toMatch(/moderate|mild|band/);
  });

  it("for every pair of totals, the response depends on the points alone", () => {
    for (let baseline = 0; baseline <= 40; baseline++) {
      for (let current = 0; current <= 40; current++) {
        const points = current - baseline;
        const expected = points <= -9 ? "meaningful" : points >= 9 ? "worsened" : "no_important_change";
        expect(classifyResponse("irls", baseline, current).key, `${baseline} → ${current}`).toBe(expected);
      }
    }
  });

  it("a baseline of 0 is classified by points (no percentage is needed)", () => {
    expect(classifyResponse("irls", 0, 8)).toMatchObject({ key: "no_important_change", severity: { label: "Severity: none → mild" } });
    expect(classifyResponse("irls", 0, 9)).toMatchObject({ key: "worsened", severity: { label: "Severity: none → mild" } });
    expect(classifyResponse("irls", 9, 0)).toMatchObject({ key: "meaningful", severity: { label: "Severity: mild → none" } });
  });

  it.each([
    [41, 20, /Baseline 41 is outside the IRLS range 0 to 40/],
    [20, -1, /Current value -1 is outside the IRLS range 0 to 40/],
    [20, Number.NaN, /Current value NaN is outside/],
    [Number.POSITIVE_INFINITY, 20, /Baseline Infinity is outside/],
    [20.5, 10, /IRLS total 20.5 is not a whole number/],
    [20, 10.5, /IRLS total 10.5 is not a whole number/],
  ])("%s → %s is not classifiable", (baseline, current, reason) => {
    const result = classifyResponse("irls", baseline, current);
    expect(result).toMatchObject({ key: "not_classifiable", direction: "unknown", reason: expect.stringMatching(reason) });
    expect(result.severity).toBeUndefined();
  });
});

describe("PGIC: classified by the patient's own rating", () => {
  it.each([
    [1, "substantial", "improved"],
    [2, "moderate", "improved"],
    [3, "minimal", "improved"],
    [4, "no_important_change", "unchanged"],
    [5, "worsened", "worsened"],
    [6, "worsened", "worsened"],
    [7, "worsened", "worsened"],
  ])("PGIC %i is %s", (value, key, direction) => {
    expect(classifyPgic(value)).toMatchObject({ key, direction });
  });

  it("names the rating in the label", () => {
    expect(classifyPgic(2).label).toBe("Moderate improvement (PGIC 2: much improved)");
  });

  it("classifyResponse uses the current rating only", () => {
    expect(classifyResponse("pgic", 7, 1)).toEqual(classifyPgic(1));
  });

  it.each([0, 8, 2.5])("PGIC %s is not classifiable", (value) => {
    expect(classifyPgic(value).key).toBe("not_classifiable");
  });
});
