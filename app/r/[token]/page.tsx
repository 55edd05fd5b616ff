import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SelfReportForm } from "@/components/self-report/self-report-form";
import { openSelfReportLink, SelfReportRefusedError } from "@/lib/data/self-report-public";
import { selfReportQuestionnaires } from "@/lib/self-report/questions";
import { submitSelfReportAction } from "./actions";

export const metadata: Metadata = { title: "Questionnaire", robots: { index: false, follow: false } };

/**
 * The patient's questionnaire, opened from a link without an account. It shows the questions and
 * nothing about the patient (no name, code or other data). Any refusal is the not-found page beside it.
 */
export default async function SelfReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let instruments: Awaited<ReturnType<typeof openSelfReportLink>>["instruments"];
  try {
    ({ instruments } = await openSelfReportLink(token));
  } catch (error) {
    if (error instanceof SelfReportRefusedError) notFound();
    throw error;
  }
  return (
    <main id="main" className="self-report">
      <h1>Questionnaire</h1>
      <p>Your clinic asks you to answer these questions. Choose one answer for each; you can go back before sending.</p>
      <SelfReportForm questionnaires={selfReportQuestionnaires(instruments)} action={submitSelfReportAction.bind(null, token)} />
    </main>
  );
}
