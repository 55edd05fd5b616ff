import type { PatientReport } from "@/lib/data/patient-report";

/** Who the report is about (by code only) and who printed it when. */
export function ReportHeader({ report, printedAt }: { report: PatientReport; printedAt: string }) {
  const { patient } = report.record;
  return (
    <header className="report-header">
      <h1>Patient report: {patient.code}</h1>
      <p>
        Born {patient.birthYear} · {patient.sex} · {patient.conditions.join(", ") || "no conditions recorded"}
        {patient.archived && <strong> · archived</strong>}
      </p>
      <p>
        Printed by {report.printedBy.displayName} ({report.printedBy.teamName}) on {printedAt}
      </p>
      <p className="muted">
        Free-text notes (patient notes, dose-change and side-effect notes, reasons for stopping) are left out of the printed report: they
        can hold names or other identifying details, and paper leaves the record's access control. Read them in Yardstick.
      </p>
    </header>
  );
}
