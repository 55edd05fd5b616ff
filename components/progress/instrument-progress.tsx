import { LazyScoreTrendChart } from "@/components/charts/lazy-score-trend-chart";
import type { ScoreTrendPoint } from "@/components/charts/score-trend-chart";
import { formatScore, formatSigned } from "@/lib/format";
import { dayOf } from "@/lib/progress/calendar";
import {
  axisLabel,
  changeDirectionWords,
  changeVerdict,
  describeProgress,
  formatChange,
  formatProgressScore,
  progressTableRows,
  toneOf,
} from "@/lib/progress/describe";
import type { InstrumentProgress } from "@/lib/progress/progress";
import { SeverityLine } from "./severity-line";
import { TableScroll } from "@/components/ui/table-scroll";

const ARROW = { improving: "↓", worsening: "↑", stable: "→" } as const;

/** "Baseline 7 on 2024-03-30 (last score on or before the course start) · latest 5 on 2026-11-20", as one text node. */
function baselineAndLatest(summary: InstrumentProgress["summary"]): string {
  const baseline =
    summary.baseline &&
    `Baseline ${formatScore(summary.baseline.total)} on ${dayOf(summary.baseline.takenOn)}` +
      (summary.baselineChosen ? " (chosen by a clinician)" : " (last score on or before the course start)");
  const latest = summary.latest && `latest ${formatScore(summary.latest.total)} on ${dayOf(summary.latest.takenOn)}`;
  return [baseline, latest].filter(Boolean).join(" · ");
}

function SummaryPanel({ progress }: { progress: InstrumentProgress }) {
  const { summary, instrumentId, unitLabel, direction } = progress;
  const tone = toneOf(summary.category);
  const isPgic = instrumentId === "pgic";
  return (
    <section className="card" aria-label={`${progress.shortName} change from baseline`}>
      {summary.courseLabel && (
        <p>
          Course: <strong>{summary.courseLabel}</strong>
          {summary.courseStartDate && <span className="muted">{` (started ${dayOf(summary.courseStartDate)})`}</span>}
        </p>
      )}
      {isPgic ? (
        <p>
          {summary.latest ? (
            <>
              Latest rating: <strong>{formatProgressScore(instrumentId, summary.latest.total)}</strong>{" "}
              <span className="muted">{`on ${dayOf(summary.latest.takenOn)}`}</span>
            </>
          ) : (
            "No PGIC rating since the course started."
          )}
        </p>
      ) : (
        <>
          <p>
            {summary.change ? (
              <span className={`trend-${tone}`}>
                {`Change from baseline: ${formatChange(summary.change, unitLabel)} — ${changeDirectionWords(summary.change, direction)}`}
              </span>
            ) : summary.baseline ? (
              "Change from baseline: no score since the course started."
            ) : (
              "Change from baseline: no baseline (no score on or before the start of a course)."
            )}
          </p>
          <p className="muted">{baselineAndLatest(summary)}</p>
        </>
      )}
      {summary.category && (
        <>
          <p className={`trend-${tone}`}>
            <span aria-hidden="true">{`${ARROW[tone]} `}</span>
            {summary.category.label}
          </p>
          {summary.category.severity && <SeverityLine severity={summary.category.severity} />}
          {summary.category.reason && <p>{summary.category.reason}</p>}
          <p className="muted">
            <small>{`Source: ${summary.category.source}`}</small>
          </p>
        </>
      )}
    </section>
  );
}

/** The table's name: the instrument's scores, and how many rows of them when only the latest are shown. */
function scoreTableCaption(shortName: string, shown: number, all: number): string {
  return shown < all ? `${shortName} scores: latest ${shown} of ${all} rows` : `${shortName} scores`;
}

function ScoreTable({ progress, latestRows }: { progress: InstrumentProgress; latestRows?: number }) {
  const allRows = progressTableRows(progress);
  const rows = latestRows === undefined ? allRows : allRows.slice(-latestRows);
  const caption = scoreTableCaption(progress.shortName, rows.length, allRows.length);
  const isPgic = progress.instrumentId === "pgic";
  // An empty column is left out (the latest rows seldom fall on a course start or dose change).
  const hasNotes = rows.some((row) => row.notes.length > 0);
  return (
    <TableScroll label={caption}>
      {/* Columns 2–4 are numbers, right-aligned by .score-table in globals.css rather than a class on each cell. */}
      <table className="score-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">{`Change from baseline (${progress.unitLabel || "points"})`}</th>
            <th scope="col">Change from baseline (%)</th>
            {hasNotes && <th scope="col">Note</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const change = row.point?.change ?? null;
            const verdict = change ? changeVerdict(change, progress.direction) : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows hold no state; an assessment id per row was weight in the RSC payload
              <tr key={index}>
                <td>{row.date}</td>
                <td>{row.point ? formatProgressScore(progress.instrumentId, row.point.total) : "—"}</td>
                <td>
                  {change ? (
                    <>
                      {formatSigned(change.points)}
                      {verdict && verdict !== "no change" && (
                        <span className={verdict === "worse" ? "trend-worsening" : "trend-improving"}>{` (${verdict})`}</span>
                      )}
                    </>
                  ) : (
                    <span className="muted">{isPgic && row.point ? "n/a" : "—"}</span>
                  )}
                </td>
                <td>{change && change.percent !== null ? formatSigned(change.percent, "%") : <span className="muted">—</span>}</td>
                {hasNotes && <td>{row.notes.join("; ")}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

type InstrumentProgressProps = { progress: InstrumentProgress; latestRows?: number };

// The chart is a client component: its props travel in the page's RSC payload, so it gets only what it draws,
// as [date, total] pairs with totals to 2 decimals (a FIQR of 89.33333333333333 is drawn no differently as 89.33).
function chartPoints(progress: InstrumentProgress): { points: ScoreTrendPoint[]; baselineIndex: number | null } {
  const points = progress.points.map(({ takenOn, total }): ScoreTrendPoint => [takenOn, Number(total.toFixed(2))]);
  const baselineIndex = progress.points.findIndex((p) => p.isBaseline);
  return { points, baselineIndex: baselineIndex === -1 ? null : baselineIndex };
}

function chartCourses(progress: InstrumentProgress) {
  return progress.courses.map(({ drug, startDate, endDate, doseChanges }) => ({
    drug,
    startDate,
    endDate,
    doseChanges: doseChanges.map(({ changedOn, label }) => [changedOn, label] as const),
  }));
}

/** One instrument's scores over time: chart and summary side by side, the table equivalent beneath. */
export function InstrumentProgressSection({ progress, latestRows }: InstrumentProgressProps) {
  const headingId = `progress-${progress.instrumentId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{progress.shortName}</h3>
      <div className="grid-2">
        <LazyScoreTrendChart
          seriesName={progress.shortName}
          yAxisLabel={axisLabel(progress)}
          min={progress.min}
          max={progress.max}
          {...chartPoints(progress)}
          courses={chartCourses(progress)}
          description={describeProgress(progress)}
        />
        <SummaryPanel progress={progress} />
      </div>
      <ScoreTable progress={progress} latestRows={latestRows} />
    </section>
  );
}
