// Words for the Progress view: the sentences a screen reader hears and the table a printout shows.
// Pure; numbers are formatted here (lib/format.ts), never in the data.
import { formatScore, formatSigned } from "@/lib/format";
import type { ResponseCategory } from "@/lib/instruments/response";
import { pgicLabel } from "@/lib/instruments/pgic";
import { dayOf } from "./calendar";
import type { InstrumentProgress, ProgressPoint, ScoreChange } from "./progress";

type Tone = "improving" | "worsening" | "stable";

/** The CSS tone (trend-improving / trend-worsening / trend-stable) of a response category. */
export function toneOf(category: ResponseCategory | null): Tone {
  if (category?.direction === "improved") return "improving";
  if (category?.direction === "worsened") return "worsening";
  return "stable";
}

/** "FIQR, points (0–100, higher is worse)"; "PGIC (1–7, higher is worse)". */
export function axisLabel(p: Pick<InstrumentProgress, "shortName" | "unitLabel" | "min" | "max" | "direction">): string {
  const unit = p.unitLabel ? `, ${p.unitLabel}` : "";
  const direction = p.direction === "higher_is_worse" ? "higher is worse" : "lower is worse";
  return `${p.shortName}${unit} (${formatScore(p.min)}–${formatScore(p.max)}, ${direction})`;
}

function unitWord(unitLabel: string): string {
  return unitLabel || "points";
}

/** "−12.5 points (−25%)"; the percent is left out when the baseline is 0. */
export function formatChange(change: ScoreChange, unitLabel: string): string {
  const percent = change.percent === null ? "" : ` (${formatSigned(change.percent, "%")})`;
  return `${formatSigned(change.points)} ${unitWord(unitLabel)}${percent}`;
}

/** Whether a change in score is better or worse on this instrument (before any threshold is applied). */
export function changeVerdict(change: ScoreChange, direction: InstrumentProgress["direction"]): "better" | "worse" | "no change" {
  if (change.points === 0) return "no change";
  return change.points > 0 === (direction === "higher_is_worse") ? "worse" : "better";
}

/** "score fell: better" / "score rose: worse" / "no change": worsening is said in words, not only in colour. */
export function changeDirectionWords(change: ScoreChange, direction: InstrumentProgress["direction"]): string {
  const verdict = changeVerdict(change, direction);
  if (verdict === "no change") return verdict;
  return `score ${change.points > 0 ? "rose" : "fell"}: ${verdict}`;
}

/** "2 (much improved)" for PGIC, the score otherwise. */
export function formatProgressScore(instrumentId: InstrumentProgress["instrumentId"], total: number): string {
  const label = instrumentId === "pgic" ? pgicLabel(total) : undefined;
  return label ? `${formatScore(total)} (${label})` : formatScore(total);
}

/** The chart's text equivalent in one sentence (its aria-label). */
export function describeProgress(p: InstrumentProgress): string {
  const first = p.points[0];
  const last = p.points.at(-1);
  const parts: string[] = [];
  const count = p.points.length === 1 ? "1 score" : `${p.points.length} scores`;
  parts.push(
    first && last && first !== last
      ? `${p.shortName}: ${count} from ${dayOf(first.takenOn)} to ${dayOf(last.takenOn)}`
      : `${p.shortName}: ${count}${first ? ` on ${dayOf(first.takenOn)}` : ""}`,
  );
  const { summary } = p;
  if (summary.baseline) parts.push(`baseline ${formatScore(summary.baseline.total)} on ${dayOf(summary.baseline.takenOn)}`);
  if (summary.latest) {
    const latest = `latest ${formatProgressScore(p.instrumentId, summary.latest.total)} on ${dayOf(summary.latest.takenOn)}`;
    parts.push(
      summary.change
        ? `${latest}, ${formatChange(summary.change, p.unitLabel)} from baseline, ${changeDirectionWords(summary.change, p.direction)}`
        : latest,
    );
  }
  if (summary.category) parts.push(summary.category.label);
  if (summary.category?.severity) parts.push(summary.category.severity.label);
  if (p.courses.length > 0) {
    const courses = p.courses.map((c) => `${c.label} from ${dayOf(c.startDate)}${c.endDate ? ` to ${dayOf(c.endDate)}` : ""}`);
    parts.push(`courses: ${courses.join("; ")}`);
  }
  return `${parts.join("; ")}.`;
}

type ProgressTableRow = { key: string; date: string; point: ProgressPoint | null; notes: string[] };

/**
 * The table beneath the chart: every score, plus a row for each course start, course end and dose
 * change on a day without a score (on a day with one, the event is a note on its first score).
 */
export function progressTableRows(p: InstrumentProgress): ProgressTableRow[] {
  const events: { date: string; note: string }[] = [];
  for (const course of p.courses) {
    events.push({ date: dayOf(course.startDate), note: `${course.label} started` });
    for (const dose of course.doseChanges)
      events.push({ date: dayOf(dose.changedOn), note: `${course.drug} dose changed to ${dose.label}` });
    if (course.endDate) {
      const how = course.status === "stopped" ? "stopped" : course.status === "completed" ? "completed" : "ended";
      events.push({ date: dayOf(course.endDate), note: `${course.drug} ${how}` });
    }
  }
  const rows: ProgressTableRow[] = p.points.map((point) => ({
    key: point.assessmentId,
    date: dayOf(point.takenOn),
    point,
    notes: point.isBaseline ? [p.summary.baselineChosen ? "baseline (chosen)" : "baseline"] : [],
  }));
  for (const [index, event] of events.entries()) {
    const row = rows.find((r) => r.point && r.date === event.date) ?? rows.find((r) => !r.point && r.date === event.date);
    if (row) row.notes.push(event.note);
    else rows.push({ key: `event-${index}`, date: event.date, point: null, notes: [event.note] });
  }
  // Stable: scores keep their order within a day; an event-only day sorts among the scores by date.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.index - b.index)
    .map(({ row }) => row);
}
