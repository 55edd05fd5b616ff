import type { FormState } from "@/lib/actions/form-state";
import type { LinkFormState } from "@/app/(clinic)/patients/[id]/self-report/actions";
import type { SelfReportLinkView, SelfReportScheduleView } from "@/lib/data/self-report-links";
import type { LinkStatus } from "@/lib/domain/self-report";
import { getInstrument } from "@/lib/instruments";
import { TableScroll } from "@/components/ui/table-scroll";
import { ActionButton, ReissueButton } from "./link-actions";

const STATUS_WORDS: Record<LinkStatus, string> = { waiting: "waiting", answered: "answered", expired: "expired", revoked: "revoked" };

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const names = (ids: readonly string[]) => ids.map((id) => getInstrument(id)?.shortName ?? id).join(", ");

type Actions = {
  revoke: (linkId: string) => (s: FormState) => Promise<FormState>;
  reissue: (linkId: string) => (s: LinkFormState) => Promise<LinkFormState>;
  endSchedule: (scheduleId: string) => (s: FormState) => Promise<FormState>;
};

/** The patient's self-report links with their status, and the running schedules; buttons for writers. */
export function LinkList({
  links,
  schedules,
  courseLabels,
  actions,
}: {
  links: SelfReportLinkView[];
  schedules: SelfReportScheduleView[];
  courseLabels: Record<string, string>;
  actions: Actions | null;
}) {
  return (
    <>
      {schedules.length > 0 && (
        <ul aria-label="Self-report schedules">
          {schedules.map((s) => (
            <li key={s.id}>
              {names(s.instruments)} every {s.intervalWeeks} week{s.intervalWeeks === 1 ? "" : "s"} during{" "}
              {courseLabels[s.courseId] ?? "the course"}, each link valid {s.validDays} days
              {s.emails ? ", sent by e-mail" : ", copied by hand"}.{" "}
              {actions && (
                <ActionButton
                  action={actions.endSchedule(s.id)}
                  label="Stop"
                  confirmLabel={`Stop the schedule of ${names(s.instruments)}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {links.length === 0 ? (
        <p className="muted">No self-report links sent.</p>
      ) : (
        <TableScroll label="Self-report links">
          <table>
            <caption className="sr-only">Self-report links</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Questionnaires</th>
                <th scope="col">Status</th>
                <th scope="col">Valid until</th>
                {actions && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id}>
                  <td>
                    {when(link.createdAt)}
                    <span className="muted">
                      {" "}
                      by {link.createdByName}
                      {link.scheduled ? " (schedule)" : ""}
                      {link.emailedAt ? " · e-mailed" : ""}
                    </span>
                  </td>
                  <td>{names(link.instruments)}</td>
                  <td>
                    <span className="tag">{STATUS_WORDS[link.status]}</span>
                    {link.usedAt && <span className="muted"> {when(link.usedAt)}</span>}
                  </td>
                  <td>{when(link.expiresAt)}</td>
                  {actions && (
                    <td>
                      {link.status === "waiting" && (
                        <>
                          <ActionButton
                            action={actions.revoke(link.id)}
                            label="Revoke"
                            confirmLabel={`Revoke the link sent ${when(link.createdAt)}`}
                          />
                          <ReissueButton action={actions.reissue(link.id)} label={`New URL for the link sent ${when(link.createdAt)}`} />
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
