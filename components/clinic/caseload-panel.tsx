import { Citation } from "@/components/evidence/citation";
import { AdverseEventList } from "@/components/evidence/adverse-event-list";
import { formatCi, formatRateAsPercent } from "@/components/evidence/figures";
import { formatDerived, formatWeeks } from "@/lib/comparison/format";
import { formatFigure } from "@/lib/evidence";
import { getInstrument } from "@/lib/instruments";
import type { CaseloadPanel as Panel, CaseloadPatient } from "@/lib/data/clinic";
import type { Interval } from "@/lib/stats";
import { CohortCaveat } from "./cohort-caveat";
import { TableScroll } from "@/components/ui/table-scroll";
import { studyNameInText } from "@/lib/evidence";
import { LazyWaterfallChart } from "./lazy-waterfall-chart";

// Wide tables scroll inside their own box rather than the page sideways on a phone.

const percent = (share: number) => `${formatDerived(share * 100, 1)}%`;
const interval = (ci: Interval | null, format: (x: number) => string) =>
  ci ? `${format(ci.low)} to ${format(ci.high)}` : "not enough patients";

const OUTSIDE_WORDS: Record<CaseloadPatient["outsideEnrolment"][number], string> = {
  baseline: "baseline below the trial's minimum",
  sex: "sex not enrolled",
  age: "age outside the trial's range",
};

function responderText(patient: CaseloadPatient): string {
  if (patient.responder === null) return "—";
  return patient.responder ? "yes" : "no";
}

export function CaseloadPanel({ panel }: { panel: Panel }) {
  const { benchmark } = panel;
  const instrument = getInstrument(benchmark.instrumentId);
  const measure = instrument?.shortName ?? benchmark.instrumentId;
  const weeks = benchmark.timepointWeeks;
  const rule = benchmark.responderRule;
  const headingId = `panel-${benchmark.study.id}`;
  const studyName = studyNameInText(benchmark.study);
  const bars = panel.patients.flatMap((p) =>
    p.percentReduction === null ? [] : [{ code: p.code, percentReduction: p.percentReduction, flagged: p.outsideEnrolment.length > 0 }],
  );
  const pctArms = (benchmark.study.outcomes ?? [])
    .find((o) => o.label === benchmark.outcomeLabel)
    ?.arm_results?.flatMap((a) =>
      typeof a.mean_pct_reduction === "number" ? [{ value: a.mean_pct_reduction, label: `${a.arm} mean` }] : [],
    );
  const lines = [...(rule ? [{ value: rule.thresholdPct, label: `responder: more than ${rule.thresholdPct}%` }] : []), ...(pctArms ?? [])];
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>
        {benchmark.drug} in {benchmark.condition}, beside {benchmark.studyName}
      </h2>
      <p className="muted">
        {benchmark.outcomeLabel}. One course per patient (the latest-starting matching course); the follow-up is the first {measure} score
        at or after week {weeks} of that course.
      </p>

      <h3>Patients</h3>
      <TableScroll label={`${studyName}: Patients counted`}>
        <table>
          <caption className="sr-only">Patients counted</caption>
          <tbody>
            <tr>
              <th scope="row">Treated</th>
              <td data-figure="treated">{panel.treated}</td>
            </tr>
            <tr>
              <th scope="row">With a baseline on {measure}</th>
              <td data-figure="with-baseline">{panel.withBaseline}</td>
            </tr>
            <tr>
              <th scope="row">With a follow-up at or after week {weeks}</th>
              <td data-figure="with-follow-up">{panel.withFollowUp}</td>
            </tr>
            <tr>
              <th scope="row">
                Of those, outside {benchmark.studyName}&apos;s enrolment (left out of the figures below, flagged in the table)
              </th>
              <td data-figure="outside">{panel.outsideEnrolment}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>

      {panel.responders && rule && (
        <>
          <h3>Responders by the trial&apos;s definition</h3>
          <p>{benchmark.study.responders?.definition}</p>
          <TableScroll label={`${studyName}: Responder rates`}>
            <table>
              <caption className="sr-only">Responder rates</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Responders</th>
                  <th scope="col">Rate</th>
                  <th scope="col">95% CI</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">This clinic</th>
                  <td data-figure="responders">
                    {panel.responders.count} of {panel.responders.of}
                  </td>
                  <td data-figure="responder-rate">{panel.responders.rate === null ? "—" : percent(panel.responders.rate)}</td>
                  <td data-figure="responder-ci">{interval(panel.responders.interval, percent)} (Wilson)</td>
                </tr>
                {Object.entries(benchmark.study.responders?.rate_by_arm ?? {}).map(([arm, rate]) => (
                  <tr key={arm}>
                    <th scope="row">
                      {benchmark.studyName}, {benchmark.arms.find((a) => a.arm === arm)?.label ?? arm}
                    </th>
                    <td>not reported as a count</td>
                    <td>{formatRateAsPercent(rate)}</td>
                    <td>not reported</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h3>Mean change on {measure}</h3>
      <TableScroll label={`${studyName}: Mean change from baseline`}>
        <table>
          <caption className="sr-only">Mean change from baseline</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Patients</th>
              <th scope="col">Mean change (points)</th>
              <th scope="col">95% CI</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">This clinic</th>
              <td>{panel.meanChange.n}</td>
              <td data-figure="mean-change">{panel.meanChange.mean === null ? "—" : formatDerived(panel.meanChange.mean)}</td>
              <td data-figure="mean-change-ci">{interval(panel.meanChange.interval, (x) => formatDerived(x))} (t)</td>
            </tr>
            {benchmark.arms.map((arm) => (
              <tr key={arm.arm}>
                <th scope="row">
                  {benchmark.studyName}, {arm.label}
                </th>
                <td>{formatFigure(benchmark.study.n_per_arm?.[arm.arm])}</td>
                <td>{formatFigure(arm.meanChange)}</td>
                <td>{formatCi(arm.ci95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>Each patient at week {weeks}</h3>
      {bars.length > 0 ? (
        <LazyWaterfallChart
          bars={bars}
          lines={lines}
          description={`Waterfall of ${bars.length} patients' % reduction in ${measure} from baseline at or after week ${weeks}, largest first; grey bars are patients outside the trial's enrolment.`}
        />
      ) : (
        <p className="muted">No patient has a follow-up at or after week {weeks} yet.</p>
      )}
      {pctArms?.length === 0 && (
        <p className="muted">
          {benchmark.studyName} published its arms&apos; means as change in points, not as a % reduction, so they are in the mean-change
          table above rather than on the chart.
        </p>
      )}
      <TableScroll label={`${studyName}: Change at the trial's time point, per patient`}>
        <table>
          <caption>Patients with a follow-up at or after week {weeks}, largest reduction first</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Baseline</th>
              <th scope="col">Follow-up (week)</th>
              <th scope="col">Change (points)</th>
              <th scope="col">Reduction</th>
              {rule && <th scope="col">Responder</th>}
              <th scope="col">Outside the trial&apos;s enrolment</th>
            </tr>
          </thead>
          <tbody>
            {panel.patients.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.code}</th>
                <td>{formatDerived(p.baselineTotal)}</td>
                <td>
                  {formatDerived(p.followUpTotal)} (week {formatWeeks(p.followUpWeeks)})
                </td>
                <td>{formatDerived(p.changePoints)}</td>
                <td>{p.percentReduction === null ? "baseline 0" : `${formatDerived(p.percentReduction, 1)}%`}</td>
                {rule && <td>{responderText(p)}</td>}
                <td>{p.outsideEnrolment.map((reason) => OUTSIDE_WORDS[reason]).join("; ") || "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>Adverse events</h3>
      <TableScroll label={`${studyName}: Adverse events`}>
        <table>
          <caption className="sr-only">Adverse events recorded in this clinic</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Patients</th>
              <th scope="col">Share of the {panel.treated} treated</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Any adverse event</th>
              <td data-figure="any-adverse-event">{panel.anyAdverseEvent.patients}</td>
              <td>{panel.anyAdverseEvent.share === null ? "—" : percent(panel.anyAdverseEvent.share)}</td>
            </tr>
            {panel.adverseEvents.map((e) => (
              <tr key={e.event}>
                <th scope="row">{e.event}</th>
                <td>{e.patients}</td>
                <td>{percent(e.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>What {benchmark.studyName} reported:</p>
      <AdverseEventList study={benchmark.study} />

      <CohortCaveat studyName={benchmark.studyName} />
      <h3>Source</h3>
      <Citation study={benchmark.study} />
    </section>
  );
}
