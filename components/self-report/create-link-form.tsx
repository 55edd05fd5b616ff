"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { LinkFormState } from "@/app/(clinic)/patients/[id]/self-report/actions";
import { DEFAULT_LINK_VALID_DAYS, SELF_REPORT_INSTRUMENTS } from "@/lib/domain/self-report";
import { getInstrument } from "@/lib/instruments";
import { LinkUrl } from "./link-url";

type Props = {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
  /** The patient's active courses, for "during" and for a repeating schedule. */
  courses: { id: string; label: string }[];
  emailConfigured: boolean;
};

const EMAIL_NOTE: Record<"sent" | "not_asked" | "failed", string> = {
  sent: "It was also e-mailed to the patient.",
  not_asked: "Send it to the patient yourself (a message, a text).",
  failed: "The e-mail could not be sent; the link works: copy it and send it yourself.",
};

/** Creates a self-report link for chosen questionnaires; the URL is shown once in the answer. */
export function CreateLinkForm({ action, courses, emailConfigured }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const chosen = v.instruments?.split("|") ?? ["fiqr"];
  return (
    <form action={formAction} className="stack card" noValidate aria-label="Create a self-report link">
      <h3>Create a self-report link</h3>
      <FormMessage error={state.error} />
      {state.link && <LinkUrl token={state.link.token} note={EMAIL_NOTE[state.link.email]} />}
      <fieldset aria-describedby={e.instruments ? "self-report-instruments-error" : undefined}>
        <legend>Questionnaires</legend>
        {SELF_REPORT_INSTRUMENTS.map((id) => (
          <label key={id} style={{ display: "block" }}>
            <input type="checkbox" name="instruments" value={id} defaultChecked={chosen.includes(id)} /> {getInstrument(id)!.name}
          </label>
        ))}
        {e.instruments && (
          <span id="self-report-instruments-error" className="field-error">
            {e.instruments}
          </span>
        )}
      </fieldset>
      <Field name="validDays" label="Valid for (days)" error={e.validDays} hint={`Default ${DEFAULT_LINK_VALID_DAYS}`}>
        {(p) => <input {...p} inputMode="numeric" size={4} defaultValue={v.validDays ?? String(DEFAULT_LINK_VALID_DAYS)} />}
      </Field>
      <Field name="courseId" label="During treatment course" error={e.courseId}>
        {(p) => (
          <select {...p} defaultValue={v.courseId ?? ""}>
            <option value="">not during a course</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="repeatWeeks"
        label="Repeat"
        error={e.repeatWeeks}
        hint="A new link every N weeks after the previous one, until the course ends."
      >
        {(p) => (
          <select {...p} defaultValue={v.repeatWeeks ?? ""}>
            <option value="">once</option>
            {[1, 2, 4, 6, 8, 12].map((weeks) => (
              <option key={weeks} value={weeks}>
                {`every ${weeks} week${weeks === 1 ? "" : "s"} during the course`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {emailConfigured ? (
        <Field
          name="email"
          label="Patient's e-mail (optional)"
          error={e.email}
          hint="Used to send this link (and a schedule's next links); not kept with the record."
        >
          {(p) => <input {...p} type="email" autoComplete="off" defaultValue={v.email ?? ""} />}
        </Field>
      ) : (
        <p className="muted">E-mail is not set up on this server (no SMTP_URL): copy the link and send it to the patient yourself.</p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create link"}
      </button>
    </form>
  );
}
