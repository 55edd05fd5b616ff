// What the patient sees on a self-report link: the questions of each instrument in plain words, item by
// item. Wording and anchors come from ../shared/evidence/instruments.json where it has them (FIQR
// directions and anchors, recall periods, PGIC labels); where it has none, no anchor is shown.
import type { SelfReportInstrumentId } from "@/lib/domain/self-report";
import { FIQR_DOMAINS } from "@/lib/instruments/fiqr";
import { getInstrument } from "@/lib/instruments";
import { PGIC_LABELS } from "@/lib/instruments/pgic";

export type SelfReportQuestion = {
  /** The form field's name: `<instrument>.<item key>`, or `<instrument>.total` for a one-value instrument. */
  name: string;
  /** The item key given to the scorer, or "total". */
  key: string;
  text: string;
  /** Shown above the question when it starts a new part of the questionnaire. */
  section?: string;
  min: number;
  max: number;
  lowLabel?: string;
  highLabel?: string;
  /** A label per value (PGIC), from min to max. */
  optionLabels?: readonly string[];
};

export type SelfReportQuestionnaire = { instrumentId: SelfReportInstrumentId; title: string; questions: SelfReportQuestion[] };

const FIQR_FUNCTION_DIRECTIONS =
  "How much did your fibromyalgia make it difficult to do each of these activities during the past 7 days? If you did not do an activity in the last 7 days, rate the last time you did it. If you can't do it, choose 10.";

function fiqrQuestions(): SelfReportQuestion[] {
  const fiqr = getInstrument("fiqr")!;
  return fiqr.items.map((item) => {
    const domain = FIQR_DOMAINS.find((d) => d.id === item.domain)!;
    const first = item.key === `${domain.id}_1`;
    const base = { name: `fiqr.${item.key}`, key: item.key, min: item.min, max: item.max };
    if (domain.id === "function")
      return {
        ...base,
        text: item.label,
        section: first ? FIQR_FUNCTION_DIRECTIONS : undefined,
        lowLabel: "No difficulty",
        highLabel: "Very difficult",
      };
    if (domain.id === "overall")
      return {
        ...base,
        text: item.label,
        section: first ? "During the past 7 days:" : undefined,
        ...(item.key === "overall_1" ? { lowLabel: "Never", highLabel: "Always" } : {}),
      };
    return {
      ...base,
      text: `Your level of ${item.label.charAt(0).toLowerCase()}${item.label.slice(1)}`,
      section: first ? "Rate each of these during the past 7 days, from 0 to 10:" : undefined,
    };
  });
}

function irlsQuestions(): SelfReportQuestion[] {
  // The IRLS wording is licensed; these are Yardstick's short labels (lib/instruments/irls.ts).
  return getInstrument("irls")!.items.map((item, index) => ({
    name: `irls.${item.key}`,
    key: item.key,
    text: item.label,
    section: index === 0 ? "Your restless legs during the past week, from 0 (none) to 4 (the most):" : undefined,
    min: item.min,
    max: item.max,
  }));
}

const QUESTIONNAIRES: Record<SelfReportInstrumentId, () => SelfReportQuestionnaire> = {
  fiqr: () => ({ instrumentId: "fiqr", title: "Fibromyalgia questionnaire (FIQR)", questions: fiqrQuestions() }),
  pain_nrs_0_10: () => ({
    instrumentId: "pain_nrs_0_10",
    title: "Pain",
    questions: [
      {
        name: "pain_nrs_0_10.total",
        key: "total",
        text: "Rate your pain from 0 to 10",
        min: 0,
        max: 10,
        lowLabel: "No pain",
        highLabel: "Worst possible pain",
      },
    ],
  }),
  irls: () => ({ instrumentId: "irls", title: "Restless legs (IRLS)", questions: irlsQuestions() }),
  pgic: () => ({
    instrumentId: "pgic",
    title: "Change since treatment began",
    questions: [
      {
        name: "pgic.total",
        key: "total",
        text: "Since your treatment began, how would you describe the change in your condition?",
        min: 1,
        max: 7,
        optionLabels: PGIC_LABELS,
      },
    ],
  }),
};

/** The questionnaires of a link, in the order the link lists them. */
export function selfReportQuestionnaires(instruments: readonly SelfReportInstrumentId[]): SelfReportQuestionnaire[] {
  return instruments.map((id) => QUESTIONNAIRES[id]());
}

/** A link's answers, read from form fields named `<instrument>.<key>`, in the shape the scorers take. */
export function answersByInstrument(
  instruments: readonly SelfReportInstrumentId[],
  read: (name: string) => unknown,
): Record<SelfReportInstrumentId, { items?: Record<string, unknown>; total?: unknown }> {
  const answers = {} as Record<SelfReportInstrumentId, { items?: Record<string, unknown>; total?: unknown }>;
  for (const questionnaire of selfReportQuestionnaires(instruments)) {
    const instrument = getInstrument(questionnaire.instrumentId)!;
    if (instrument.entry === "total") {
      answers[questionnaire.instrumentId] = { total: read(questionnaire.questions[0].name) ?? "" };
    } else {
      answers[questionnaire.instrumentId] = {
        items: Object.fromEntries(questionnaire.questions.map((q) => [q.key, read(q.name) ?? ""])),
      };
    }
  }
  return answers;
}
