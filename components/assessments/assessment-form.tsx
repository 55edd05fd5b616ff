"use client";

import { useActionState, useMemo, useState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";
import { getInstrument, instrumentIds } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import { formatScore } from "@/lib/format";

type Props = {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  today: string;
  courses: { id: string; label: string }[];
  initial?: {
    instrumentId: InstrumentId;
    takenOn: string;
    courseId: string | null;
    items: Record<string, number | null> | null;
    total: number;
    version: number;
  };
  defaultInstrument?: InstrumentId;
};

/** Item-level entry for FIQR and IRLS with the score shown live; one value for the other instruments. */
export function AssessmentForm({ action, today, courses, initial, defaultInstrument }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [instrumentId, setInstrumentId] = useState<InstrumentId>(
    initial?.instrumentId ?? (v.instrumentId as InstrumentId) ?? defaultInstrument ?? instrumentIds[0],
  );
  const instrument = getInstrument(instrumentId)!;
  const [items, setItems] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(initial?.items ?? {}).map(([k, val]) => [k, val === null ? "" : String(val)])),
  );
  const live = useMemo(() => {
    if (instrument.entry !== "items") return null;
    const answered = instrument.items.filter((i) => (items[i.key] ?? "").trim() !== "").length;
    const result = instrument.score({ items: Object.fromEntries(instrument.items.map((i) => [i.key, items[i.key] ?? ""])) });
    return { answered, result };
  }, [instrument, items]);

  const domains = [...new Set(instrument.items.map((i) => i.domain ?? ""))];
  return (
    <form action={formAction} className="stack" noValidate style={{ maxWidth: "60rem" }}>
      <FormMessage error={state.error} />
      {initial && <input type="hidden" name="version" value={initial.version} />}
      <Field name="instrumentId" label="Instrument" error={e.instrumentId}>
        {(p) => (
          <select
            {...p}
            value={instrumentId}
            disabled={!!initial}
            onChange={(event) => setInstrumentId(event.target.value as InstrumentId)}
          >
            {instrumentIds.map((id) => (
              <option key={id} value={id}>
                {getInstrument(id)!.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {initial && <input type="hidden" name="instrumentId" value={instrumentId} />}
      <Field name="takenOn" label="Date taken" error={e.takenOn}>
        {(p) => <input {...p} type="date" max={today} defaultValue={v.takenOn ?? initial?.takenOn ?? today} required />}
      </Field>
      <Field
        name="courseId"
        label="During treatment course"
        error={e.courseId}
        hint="Leave as “not during a course” for a score taken before treatment (a baseline)."
      >
        {(p) => (
          <select {...p} defaultValue={v.courseId ?? initial?.courseId ?? ""}>
            <option value="">not during a course</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>

      {instrument.entry === "items" ? (
        <>
          {domains.map((domain) => (
            <fieldset key={domain || "items"} className="card">
              <legend>{domain ? `${instrument.shortName}: ${domain}` : instrument.shortName}</legend>
              <div className="item-grid">
                {instrument.items
                  .filter((i) => (i.domain ?? "") === domain)
                  .map((item) => (
                    <Field
                      key={item.key}
                      name={`item.${item.key}`}
                      label={item.label}
                      hint={`${item.min}–${item.max}`}
                      error={e[`item.${item.key}`]}
                    >
                      {(p) => (
                        <input
                          {...p}
                          inputMode="numeric"
                          size={4}
                          value={items[item.key] ?? ""}
                          onChange={(event) => setItems((current) => ({ ...current, [item.key]: event.target.value }))}
                        />
                      )}
                    </Field>
                  ))}
              </div>
            </fieldset>
          ))}
          {Object.keys(e)
            .filter((k) => !k.startsWith("item.") && !["takenOn", "courseId", "instrumentId", "version"].includes(k))
            .map((k) => (
              <p key={k} className="field-error">
                {e[k]}
              </p>
            ))}
          <p role="status" aria-live="polite" className="notice">
            {live?.result.ok
              ? `${instrument.shortName} score: ${formatScore(live.result.total)} of ${instrument.max} (${live.answered} of ${instrument.items.length} items answered). The server scores it again when you save.`
              : `${live?.answered ?? 0} of ${instrument.items.length} items answered; the score appears when it can be calculated.`}
          </p>
        </>
      ) : (
        <Field
          name="total"
          label={`${instrument.shortName} (${instrument.min}–${instrument.max}${instrument.unitLabel ? ` ${instrument.unitLabel}` : ""})`}
          error={e.total}
        >
          {(p) => <input {...p} inputMode="decimal" defaultValue={v.total ?? (initial ? String(initial.total) : "")} required />}
        </Field>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : initial ? "Save correction" : "Save assessment"}
      </button>
    </form>
  );
}
