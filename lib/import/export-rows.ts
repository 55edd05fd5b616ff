// The exporter writes each kind in its import format (lib/import/formats.ts), so an exported file
// imports back as the same records. Pure: plain records in, CSV text out.
import { writeCsv, type CsvValue } from "@/lib/csv/write-csv";
import { instruments } from "@/lib/instruments";
import type { InstrumentId } from "@/lib/instruments/types";
import { ADVERSE_EVENT_COLUMNS, ASSESSMENT_COLUMNS, CONDITION_SEPARATOR, COURSE_COLUMNS, itemColumn, PATIENT_COLUMNS } from "./formats";

export type PatientExport = { code: string; birthYear: number; sex: string; conditions: string[]; notes: string | null };
export type CourseExport = {
  patientCode: string;
  drug: string;
  indication: string;
  targetDose: number;
  doseUnit: string;
  startDate: string;
  status: string;
  endDate: string | null;
  stopReason: string | null;
  doses: { changedOn: string; dose: number; doseUnit: string; note: string | null }[];
};
export type AssessmentExport = {
  patientCode: string;
  instrumentId: InstrumentId;
  takenOn: string;
  totalScore: number;
  course: { drug: string; startDate: string } | null;
  externalId: string | null;
  itemResponses: Record<string, number | null> | null;
};
export type AdverseEventExport = {
  patientCode: string;
  course: { drug: string; startDate: string };
  occurredOn: string;
  event: string;
  severity: string;
  notes: string | null;
};

export function patientsCsv(rows: readonly PatientExport[]): string {
  return writeCsv(
    PATIENT_COLUMNS,
    rows.map((p) => [p.code, p.birthYear, p.sex, p.conditions.join(CONDITION_SEPARATOR), p.notes]),
  );
}

/** One row per dose step, the course's columns repeated on each. */
export function coursesCsv(rows: readonly CourseExport[]): string {
  return writeCsv(
    COURSE_COLUMNS,
    rows.flatMap((c) => {
      const course: CsvValue[] = [
        c.patientCode,
        c.drug,
        c.indication,
        c.targetDose,
        c.doseUnit,
        c.startDate,
        c.status,
        c.endDate,
        c.stopReason,
      ];
      if (c.doses.length === 0) return [[...course, null, null, null, null]];
      return c.doses.map((d) => [...course, d.changedOn, d.dose, d.doseUnit, d.note]);
    }),
  );
}

/** Totals for every instrument (the importer checks an item instrument's total against its answers), and the item answers. */
export function assessmentsCsv(rows: readonly AssessmentExport[]): string {
  const itemStart = ASSESSMENT_COLUMNS.indexOf("external_id") + 1;
  const itemColumns = ASSESSMENT_COLUMNS.slice(itemStart);
  return writeCsv(
    ASSESSMENT_COLUMNS,
    rows.map((a) => {
      const items = new Map<string, number | null>(
        instruments[a.instrumentId].items.map((item) => [itemColumn(a.instrumentId, item.key), a.itemResponses?.[item.key] ?? null]),
      );
      return [
        a.patientCode,
        a.instrumentId,
        a.takenOn,
        a.totalScore,
        a.course?.drug ?? null,
        a.course?.startDate ?? null,
        a.externalId,
        ...itemColumns.map((column) => items.get(column) ?? null),
      ];
    }),
  );
}

export function adverseEventsCsv(rows: readonly AdverseEventExport[]): string {
  return writeCsv(
    ADVERSE_EVENT_COLUMNS,
    rows.map((e) => [e.patientCode, e.course.drug, e.course.startDate, e.occurredOn, e.event, e.severity, e.notes]),
  );
}
