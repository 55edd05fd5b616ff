import { armLabel } from "@/lib/comparison";
import { formatFigure, NOT_REPORTED, type ArmResult, type Outcome, type Study } from "@/lib/evidence";
import { getInstrument } from "@/lib/instruments";
import { fieldLabel, formatCi, formatRateAsPercent, formatTimepoint, formatValue } from "./figures";
import { figureRows, FigureTable } from "./figure-table";
import { TableScroll } from "@/components/ui/table-scroll";

const ARM_COLUMNS: Record<string, string> = {
  mean_change: "Mean change from baseline",
  ci95: "95% CI of the mean change",
  mean_pct_reduction: "Mean % reduction from baseline",
};

const BETWEEN_GROUP_LABELS: Record<string, string> = {
  difference: "Difference (active minus comparator)",
  mean_difference: "Mean difference",
  median_difference: "Median difference",
  smd: "Standardised mean difference",
  // studies.json gives one ci95 per between-group result, for the difference listed above it.
  ci95: "95% CI",
  iqr: "Interquartile range",
  p: "p",
  cohens_d: "Cohen's d",
  effect_size: "Effect size",
  i2: "I² (heterogeneity)",
  grade: "GRADE certainty",
};

const EFFECT_LABELS: Record<string, string> = { cohens_d: "Cohen's d", ci95: "95% CI", favours: "Favours" };

const OTHER_LABELS: Record<string, string> = { p: "p", ed50_mg: "ED50 (mg)", ed95_mg: "ED95 (mg)" };

// Fields laid out by this component; anything else in an outcome is listed under "Other figures".
const LAID_OUT = new Set([
  "instrument",
  "label",
  "timepoint_weeks",
  "scoring",
  "arm_results",
  "between_group",
  "effect_vs_placebo",
  "arm_means",
  "claim",
  "note",
]);

const figureFormats = {
  ci95: (v: unknown) => formatCi(v as [number, number] | null),
  i2: (v: unknown) => formatRateAsPercent(v as number | null),
};

function instrumentText(id: string | null): string {
  if (id === null) return "not named";
  const known = getInstrument(id);
  return known ? `${known.name} (${id})` : id;
}

function ArmResultsTable({ study, outcome, arms }: { study: Study; outcome: Outcome; arms: ArmResult[] }) {
  const columns = [...new Set(arms.flatMap((arm) => Object.keys(arm)))].filter((key) => key !== "arm");
  columns.sort((a, b) => (Object.keys(ARM_COLUMNS).indexOf(a) + 1 || 99) - (Object.keys(ARM_COLUMNS).indexOf(b) + 1 || 99));
  return (
    <TableScroll label={`Results by arm: ${outcome.label}`}>
      <table>
        <caption>Results by arm: {outcome.label}</caption>
        <thead>
          <tr>
            <th scope="col">Arm</th>
            {columns.map((key) => (
              <th scope="col" key={key} className="num">
                {ARM_COLUMNS[key] ?? fieldLabel(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {arms.map((arm) => (
            <tr key={arm.arm}>
              <th scope="row">{armLabel(study, arm.arm)}</th>
              {columns.map((key) => {
                const value = (arm as Record<string, unknown>)[key];
                return (
                  <td key={key} className="num">
                    {key === "ci95" ? formatCi(arm.ci95) : formatValue(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One published outcome of a verified study, every figure as in the evidence file. */
export function OutcomeTable({ study, outcome, index }: { study: Study; outcome: Outcome; index: number }) {
  const headingId = `outcome-${index}`;
  const others = Object.fromEntries(Object.entries(outcome).filter(([key]) => !LAID_OUT.has(key)));
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{outcome.label}</h3>
      <p className="muted">
        Instrument: {instrumentText(outcome.instrument)} · Time point:{" "}
        {formatTimepoint(outcome.timepoint_weeks, (arm) => armLabel(study, arm))}
      </p>
      {outcome.scoring && <p>Scoring: {outcome.scoring}</p>}
      {outcome.arm_results && outcome.arm_results.length > 0 && (
        <ArmResultsTable study={study} outcome={outcome} arms={outcome.arm_results} />
      )}
      {Object.hasOwn(outcome, "arm_results") && !outcome.arm_results && <p>Results by arm: {NOT_REPORTED}</p>}
      {Object.hasOwn(outcome, "arm_means") &&
        (outcome.arm_means ? (
          <FigureTable
            outcome={outcome.label}
            caption="Arm means"
            rows={Object.entries(outcome.arm_means).map(([arm, mean]) => ({ label: armLabel(study, arm), value: formatFigure(mean) }))}
          />
        ) : (
          <p>Arm means: {NOT_REPORTED}</p>
        ))}
      {outcome.between_group && (
        <FigureTable
          outcome={outcome.label}
          caption="Between-group effect"
          rows={figureRows(outcome.between_group, BETWEEN_GROUP_LABELS, figureFormats)}
        />
      )}
      {Object.hasOwn(outcome, "between_group") && !outcome.between_group && <p>Between-group effect: {NOT_REPORTED}</p>}
      {outcome.effect_vs_placebo && (
        <FigureTable
          outcome={outcome.label}
          caption="Effect versus placebo"
          rows={figureRows(outcome.effect_vs_placebo, EFFECT_LABELS, figureFormats)}
        />
      )}
      <FigureTable outcome={outcome.label} caption="Other figures" rows={figureRows(others, OTHER_LABELS, figureFormats)} />
      {outcome.claim && (
        <p>
          <strong>Stated in words only:</strong> {outcome.claim}
        </p>
      )}
      {outcome.note && <p className="muted">Note: {outcome.note}</p>}
    </section>
  );
}
