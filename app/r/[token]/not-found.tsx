import { SELF_REPORT_REFUSAL } from "@/lib/self-report/refusal";

/** The one refusal for a link that cannot be used, whatever the reason (lib/self-report/refusal.ts). */
export default function SelfReportRefused() {
  return (
    <main id="main" className="self-report">
      <title>Questionnaire · Yardstick</title>
      <h1>Questionnaire</h1>
      <p>{SELF_REPORT_REFUSAL}</p>
    </main>
  );
}
