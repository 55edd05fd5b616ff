import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fiq, FIQ_SOURCE } from "@/lib/instruments/fiq";
import { FIQR_DOMAINS, FIQR_ITEM_RANGE, FIQR_SOURCE, fiqr } from "@/lib/instruments/fiqr";
import {
  IRLS_APPROXIMATE_MCID,
  IRLS_IMPORTANT_CHANGE_POINTS,
  IRLS_ITEM_RANGE,
  IRLS_SEVERITY_BANDS,
  IRLS_SOURCE,
  IRLS_TOTAL_RANGE,
  irls,
} from "@/lib/instruments/irls";
import { painNrs } from "@/lib/instruments/pain-nrs";
import { painVas } from "@/lib/instruments/pain-vas";
import { PGIC_LABELS, PGIC_THRESHOLDS, pgic } from "@/lib/instruments/pgic";
import { FIQ_MCID, IMMPACT_PCT_REDUCTION } from "@/lib/instruments/published";

// Guards against invented or drifted numbers: every constant must match the evidence file.
const EVIDENCE = "/work/shared/evidence/instruments.json";

describe.skipIf(!existsSync(EVIDENCE))("Published values match the evidence file", () => {
  // biome-ignore lint/suspicious/noExplicitAny: raw JSON from the evidence file; the assertions below check its shape
  const byId = (id: string): any => JSON.parse(readFileSync(EVIDENCE, "utf8")).instruments.find((i: { id: string }) => i.id === id);

  it("FIQR: source, item range, domains, MCID", () => {
    const file = byId("fiqr");
    expect(FIQR_SOURCE).toBe(file.source);
    expect(fiqr.name).toBe(file.name);
    expect([FIQR_ITEM_RANGE.min, FIQR_ITEM_RANGE.max]).toEqual(file.item_range);
    expect(fiqr.items).toHaveLength(file.items);
    FIQR_DOMAINS.forEach((domain, i) => {
      expect(domain.divideSumBy).toBe(file.domains[i].divide_sum_by);
      expect(domain.max).toBe(file.domains[i].max);
      expect(domain.itemLabels.map((l) => l.toLowerCase())).toEqual(file.domains[i].items.map((l: string) => l.toLowerCase()));
    });
    expect(FIQ_MCID.pctReduction).toBe(file.mcid.value_pct_reduction);
    expect(FIQ_MCID.source).toBe(file.mcid.source);
    expect(FIQ_MCID.note).toBe(file.mcid.note);
  });

  it("FIQ: source, range, MCID", () => {
    const file = byId("fiq");
    expect(FIQ_SOURCE).toBe(file.source);
    expect(fiq.name).toBe(file.name);
    expect([fiq.min, fiq.max]).toEqual(file.total_range);
    expect(FIQ_MCID.pctReduction).toBe(file.mcid.value_pct_reduction);
  });

  it("Pain NRS and VAS: ranges and IMMPACT thresholds", () => {
    const nrs = byId("pain_nrs_0_10");
    expect(painNrs.name).toBe(nrs.name);
    expect([painNrs.min, painNrs.max]).toEqual(nrs.range);
    expect(IMMPACT_PCT_REDUCTION.source).toBe(nrs.thresholds.source);
    expect([...IMMPACT_PCT_REDUCTION.minimallyImportant]).toEqual(nrs.thresholds.minimally_important_pct_reduction);
    expect(IMMPACT_PCT_REDUCTION.moderatelyImportant).toBe(nrs.thresholds.moderately_important_pct_reduction);
    expect(IMMPACT_PCT_REDUCTION.substantial).toBe(nrs.thresholds.substantial_pct_reduction);
    const vas = byId("pain_vas_0_100");
    expect(painVas.name).toBe(vas.name);
    expect([painVas.min, painVas.max]).toEqual(vas.range);
  });

  it("IRLS: source, ranges, severity bands, approximate MCID", () => {
    const file = byId("irls");
    expect(IRLS_SOURCE).toBe(file.source);
    expect(irls.name).toBe(file.name);
    expect(irls.items).toHaveLength(file.items);
    expect([IRLS_ITEM_RANGE.min, IRLS_ITEM_RANGE.max]).toEqual(file.item_range);
    expect([IRLS_TOTAL_RANGE.min, IRLS_TOTAL_RANGE.max]).toEqual(file.total_range);
    expect(IRLS_SEVERITY_BANDS).toEqual(file.severity_bands);
    expect([...IRLS_APPROXIMATE_MCID.valuesPoints]).toEqual(file.mcid.values_points);
    expect(IRLS_APPROXIMATE_MCID.note).toBe(file.mcid.note);
    expect(IRLS_APPROXIMATE_MCID.source).toBe(file.mcid.source);
    // The threshold used is the lower end of the published range, not a new figure.
    expect(IRLS_IMPORTANT_CHANGE_POINTS).toBe(Math.min(...file.mcid.values_points.map(Math.abs)));
  });

  it("PGIC: range, labels, IMMPACT levels", () => {
    const file = byId("pgic");
    expect(pgic.name).toBe(file.name);
    expect([pgic.min, pgic.max]).toEqual(file.range);
    expect([...PGIC_LABELS]).toEqual(file.labels);
    expect(PGIC_THRESHOLDS.minimallyImportant).toBe(file.thresholds.minimally_important);
    expect(PGIC_THRESHOLDS.moderatelyImportant).toBe(file.thresholds.moderately_important);
    expect(PGIC_THRESHOLDS.substantial).toBe(file.thresholds.substantial);
  });
});
