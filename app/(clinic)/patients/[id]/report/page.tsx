import "@/app/print.css";
import type { Metadata } from "next";
import Link from "next/link";
import { ComparedWithTrials } from "@/components/comparison/compared-with-trials";
import { ProgressView } from "@/components/progress/progress-view";
import { LatestScores } from "@/components/report/latest-scores";
import { PrintButton } from "@/components/report/print-button";
import { ReportCourses } from "@/components/report/report-courses";
import { ReportHeader } from "@/components/report/report-header";
import { StudyCitations } from "@/components/report/study-citations";
import { patientReportForPage } from "@/lib/data/page-records";
import { requirePageUser } from "@/lib/data/session";
import { latestScorePerInstrument } from "@/lib/report/latest-scores";
import { formatPrintedAt } from "@/lib/report/printed-at";

export const metadata: Metadata = { title: "Patient report" };

export default async function PatientReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const report = await patientReportForPage(user, id);
  const { record } = report;
  return (
    <article className="patient-report">
      <p className="no-print" style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap" }}>
        <Link href={`/patients/${record.patient.id}`}>← Patient {record.patient.code}</Link>
        <PrintButton />
      </p>
      <ReportHeader report={report} printedAt={formatPrintedAt(new Date())} />
      <section className="report-section" aria-labelledby="report-latest">
        <h2 id="report-latest">Latest scores</h2>
        <LatestScores scores={latestScorePerInstrument(record.assessments)} />
      </section>
      <section className="report-section" aria-labelledby="report-courses">
        <h2 id="report-courses">Treatment courses, doses and side effects</h2>
        <ReportCourses courses={record.courses} />
      </section>
      <section className="report-section page-break" aria-labelledby="report-progress">
        <h2 id="report-progress">Scores and progress</h2>
        <ProgressView record={record} />
      </section>
      <div className="report-section page-break">
        <ComparedWithTrials comparisons={report.comparisons} />
      </div>
      <section className="report-section page-break" aria-labelledby="report-references">
        <h2 id="report-references">References</h2>
        <StudyCitations studies={report.citedStudies} />
      </section>
    </article>
  );
}
