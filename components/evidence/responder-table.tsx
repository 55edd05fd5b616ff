import { armLabel } from "@/lib/comparison";
import { formatFigure, NOT_REPORTED, type Study } from "@/lib/evidence";
import { fieldLabel, formatCi, formatRateAsPercent, formatValue } from "./figures";
import { TableScroll } from "@/components/ui/table-scroll";

const LAID_OUT = new Set(["definition", "rate_by_arm", "p", "absolute_risk_reduction_pct", "arr_ci95", "nnt", "nnt_ci95"]);

/** The study's responder figures: its definition, the rate in each arm, and NNT / absolute risk reduction where published. */
export function ResponderTable({ study }: { study: Study }) {
  const responders = study.responders;
  if (!responders) return <p className="muted">No responder analysis is reported.</p>;
  const has = (key: string) => Object.hasOwn(responders, key);
  const extra = Object.entries(responders).filter(([key]) => !LAID_OUT.has(key));
  return (
    <TableScroll label="Responders">
      <table>
        <caption className="sr-only">Responders</caption>
        <tbody>
          <tr>
            <th scope="row">Definition</th>
            <td>{responders.definition ?? NOT_REPORTED}</td>
          </tr>
          {has("rate_by_arm") && !responders.rate_by_arm && (
            <tr>
              <th scope="row">Responder rate by arm</th>
              <td>{NOT_REPORTED}</td>
            </tr>
          )}
          {Object.entries(responders.rate_by_arm ?? {}).map(([arm, rate]) => (
            <tr key={arm}>
              <th scope="row">Responders on {armLabel(study, arm)}</th>
              <td>{formatRateAsPercent(rate)}</td>
            </tr>
          ))}
          {has("p") && (
            <tr>
              <th scope="row">p</th>
              <td>{formatFigure(responders.p)}</td>
            </tr>
          )}
          {has("absolute_risk_reduction_pct") && (
            <tr>
              <th scope="row">Absolute risk reduction (%)</th>
              <td>
                {formatFigure(responders.absolute_risk_reduction_pct)}
                {has("arr_ci95") && ` (95% CI ${formatCi(responders.arr_ci95)})`}
              </td>
            </tr>
          )}
          {has("nnt") && (
            <tr>
              <th scope="row">Number needed to treat</th>
              <td>
                {formatFigure(responders.nnt)}
                {has("nnt_ci95") && ` (95% CI ${formatCi(responders.nnt_ci95)})`}
              </td>
            </tr>
          )}
          {extra.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{fieldLabel(key)}</th>
              <td>{formatValue(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
