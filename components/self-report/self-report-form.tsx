"use client";

import { useActionState, useMemo, useRef, useState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";
import { formatScore } from "@/lib/format";
import { getInstrument } from "@/lib/instruments";
import type { SelfReportQuestion, SelfReportQuestionnaire } from "@/lib/self-report/questions";

type Props = { questionnaires: SelfReportQuestionnaire[]; action: (state: FormState, formData: FormData) => Promise<FormState> };
type Step = { questionnaire: SelfReportQuestionnaire; question: SelfReportQuestion; number: number };

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** The running score of one questionnaire from the answers so far, in words. */
function scoreLine(questionnaire: SelfReportQuestionnaire, answers: Record<string, string>): string {
  const instrument = getInstrument(questionnaire.instrumentId)!;
  const answered = questionnaire.questions.filter((q) => answers[q.name] !== undefined).length;
  const input =
    instrument.entry === "total"
      ? { total: answers[questionnaire.questions[0].name] ?? "" }
      : { items: Object.fromEntries(questionnaire.questions.map((q) => [q.key, answers[q.name] ?? ""])) };
  const result = instrument.score(input);
  const of = `${answered} of ${questionnaire.questions.length} answered`;
  if (!result.ok) return `${instrument.shortName}: no score yet (${of}).`;
  return `${instrument.shortName} score so far: ${formatScore(result.total)} of ${instrument.max} (${of}).`;
}

/** One question at a time, phone first, with the running score; the answers are sent once at the end. */
export function SelfReportForm({ questionnaires, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const steps: Step[] = useMemo(
    () =>
      questionnaires.flatMap((questionnaire) => questionnaire.questions.map((question, i) => ({ questionnaire, question, number: i + 1 }))),
    [questionnaires],
  );
  const [current, setCurrent] = useState(0);
  const review = current === steps.length;
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (state.ok)
    return (
      <p className="notice" role="status">
        {state.message}
      </p>
    );
  const errors = state.fieldErrors ?? {};
  const step = steps[current];
  const go = (to: number) => {
    setCurrent(Math.max(0, Math.min(steps.length, to)));
    // The next question's heading takes focus, so a screen reader reads it and Tab starts at its answers.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  return (
    <form action={formAction} noValidate className="stack">
      <FormMessage error={state.error} />
      <h2 ref={headingRef} tabIndex={-1}>
        {review ? "Check and send" : `${step.questionnaire.title}: question ${step.number} of ${step.questionnaire.questions.length}`}
      </h2>
      <p className="muted">
        Step {Math.min(current + 1, steps.length + 1)} of {steps.length + 1}
      </p>
      {steps.map(({ question }, index) => (
        <fieldset key={question.name} hidden={index !== current} className="self-report-question">
          <legend>
            {question.section && <span className="section">{question.section}</span>}
            {question.text}
          </legend>
          <div className={question.optionLabels ? "choices labelled" : "choices"}>
            {range(question.min, question.max).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={question.name}
                  value={value}
                  checked={answers[question.name] === String(value)}
                  onChange={() => setAnswers((all) => ({ ...all, [question.name]: String(value) }))}
                />
                <span>{question.optionLabels ? `${value}: ${question.optionLabels[value - question.min]}` : value}</span>
              </label>
            ))}
          </div>
          {(question.lowLabel || question.highLabel) && (
            <p className="hint">
              {question.min} = {question.lowLabel} · {question.max} = {question.highLabel}
            </p>
          )}
          {errors[question.name] && <p className="field-error">{errors[question.name]}</p>}
        </fieldset>
      ))}
      <div role="status" aria-live="polite" className="notice">
        {(review ? questionnaires : [step.questionnaire]).map((q) => (
          <p key={q.instrumentId}>{scoreLine(q, answers)}</p>
        ))}
      </div>
      {review && Object.keys(errors).length > 0 && (
        <ul className="field-error">
          {Object.entries(errors).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
      <div className="step-buttons">
        <button type="button" className="secondary" onClick={() => go(current - 1)} disabled={current === 0}>
          Back
        </button>
        {/* Distinct keys: reusing the clicked "Review" button as the submit button would let that click submit the form. */}
        {review ? (
          <button key="send" type="submit" disabled={pending}>
            {pending ? "Sending…" : "Send answers"}
          </button>
        ) : (
          <button key="next" type="button" onClick={() => go(current + 1)}>
            {current === steps.length - 1 ? "Review" : "Next"}
          </button>
        )}
      </div>
    </form>
  );
}
