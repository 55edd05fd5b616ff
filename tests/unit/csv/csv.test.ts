import { describe, expect, it } from "vitest";
import { guardCell, plainDecimal, unguardCell } from "@/lib/csv/cell-guard";
import { detectDelimiter, parseCsv } from "@/lib/csv/parse-csv";
import { writeCsv } from "@/lib/csv/write-csv";
import { readAdverseEventRow } from "@/lib/import/adverse-event-rows";
import { totalAgrees } from "@/lib/import/assessment-rows";
import { adverseEventsCsv } from "@/lib/import/export-rows";
import { detectKind, IMPORT_KINDS } from "@/lib/import/formats";
import { templateCsv } from "@/lib/import/template";

describe("reading CSV files", () => {
  it("detects ; or , from the header line, ignoring separators inside quotes", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a\n")).toBe(",");
  });

  it("reads a BOM, CRLF, quoted newlines and quotes, and numbers rows as a spreadsheet does", () => {
    const parsed = parseCsv('\uFEFFCode;Notes\r\nA;"one\r\ntwo ""2"""\r\n\r\nB;x\r\n');
    expect(parsed).toEqual({
      ok: true,
      delimiter: ";",
      columns: ["code", "notes"],
      records: [
        { row: 2, cells: { code: "A", notes: 'one\r\ntwo "2"' } },
        { row: 3, cells: { code: "B", notes: "x" } },
      ],
    });
  });

  it("refuses a row with the wrong number of cells, an unclosed quote and a repeated column", () => {
    expect(parseCsv("a,b\n1,2,3\n")).toMatchObject({ ok: false });
    expect(parseCsv('a,b\n"1,2\n')).toMatchObject({ ok: false });
    expect(parseCsv("a,a\n1,2\n")).toMatchObject({ ok: false, row: 1 });
    expect(parseCsv("")).toMatchObject({ ok: false });
  });
});

describe("formula-injection guarding", () => {
  it("prefixes an apostrophe to text starting with = + - @ tab, carriage return or an apostrophe", () => {
    for (const text of ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'x"]) {
      expect(guardCell(text)).toBe(`'${text}`);
      expect(unguardCell(guardCell(text))).toBe(text);
    }
    expect(guardCell("fibromyalgia")).toBe("fibromyalgia");
    expect(unguardCell("'plain")).toBe("'plain");
  });

  it("writes numbers as plain decimals that read back exactly, never guarded or in exponent form", () => {
    expect(writeCsv(["n", "t"], [[45.666666666666664, "=x"]])).toBe("n,t\r\n45.666666666666664,'=x\r\n");
    expect(plainDecimal(1e-7)).toBe("0.0000001");
    expect(Number(plainDecimal(2 / 3))).toBe(2 / 3);
  });
});

describe("import formats", () => {
  it("tells the kind from the header", () => {
    expect(detectKind(["code", "birth_year", "sex"])).toBe("patients");
    expect(detectKind(["patient_code", "drug", "indication", "target_dose", "dose_unit", "start_date"])).toBe("courses");
    expect(detectKind(["patient_code", "instrument", "taken_on"])).toBe("assessments");
    expect(detectKind(["patient_code", "course_drug", "course_start_date", "occurred_on", "event", "severity"])).toBe("adverse_events");
    // An assessments header that links a course is still an assessments header.
    expect(detectKind(["patient_code", "instrument", "taken_on", "course_drug", "course_start_date"])).toBe("assessments");
    expect(detectKind(["name"])).toBeNull();
  });

  it("each template reads back with its own kind", () => {
    expect(IMPORT_KINDS).toEqual(["patients", "courses", "assessments", "adverse_events"]);
    for (const kind of IMPORT_KINDS) {
      const parsed = parseCsv(templateCsv(kind));
      expect(parsed.ok && detectKind(parsed.columns)).toBe(kind);
    }
  });

  it("a total beside item answers agrees when it matches the score to the decimals written", () => {
    expect(totalAgrees("45.67", 45.666666666666664)).toBe(true);
    expect(totalAgrees("45.7", 45.666666666666664)).toBe(true);
    expect(totalAgrees("45.6", 45.666666666666664)).toBe(false);
    expect(totalAgrees("20", 20)).toBe(true);
    expect(totalAgrees("1e3", 1000)).toBe(false);
  });
});

describe("reading a side-effects row", () => {
  const HEADER = "patient_code,course_drug,course_start_date,occurred_on,event,severity,notes";
  const read = (line: string) => {
    const parsed = parseCsv(`${HEADER}\r\n${line}\r\n`);
    if (!parsed.ok) throw new Error(parsed.reason);
    return readAdverseEventRow(parsed.records[0]);
  };

  it("reads the course, date, event, severity and notes, as the side-effect form would store them", () => {
    expect(read("AE-1, memantine ,2025-01-06,2025-01-20, dizziness ,moderate,")).toEqual({
      value: {
        row: 2,
        patientCode: "AE-1",
        course: { drug: "memantine", startDate: "2025-01-06" },
        occurredOn: "2025-01-20",
        event: "dizziness",
        severity: "moderate",
        notes: null,
      },
      problems: [],
    });
  });

  it("refuses each bad cell with its column, value and the form's reason", () => {
    expect(read(",,2025-13-01,2025-01-2,,fatal,").problems).toEqual([
      { row: 2, column: "patient_code", value: "", reason: "Patient code is required." },
      { row: 2, column: "course_drug", value: "", reason: "Course drug is required: name the side effect's course." },
      { row: 2, column: "course_start_date", value: "2025-13-01", reason: "Course start date is not a real calendar date." },
      { row: 2, column: "occurred_on", value: "2025-01-2", reason: "Date of the side effect must be a date (YYYY-MM-DD)." },
      { row: 2, column: "event", value: "", reason: "Side effect is required." },
      { row: 2, column: "severity", value: "fatal", reason: "Choose mild, moderate or severe." },
    ]);
    const long = "x".repeat(201);
    expect(read(`AE-1,memantine,2025-01-06,2025-01-20,${long},mild,`).problems).toEqual([
      { row: 2, column: "event", value: long, reason: "Side effect can be at most 200 characters." },
    ]);
  });

  it("refuses a side effect before its course's start, as the data layer does; after the course's end is allowed", () => {
    expect(read("AE-1,memantine,2025-01-06,2025-01-05,nausea,mild,").problems).toEqual([
      { row: 2, column: "occurred_on", value: "2025-01-05", reason: "A side effect of this course cannot precede its start (2025-01-06)." },
    ]);
    expect(read("AE-1,memantine,2025-01-06,2025-01-06,nausea,mild,").value?.occurredOn).toBe("2025-01-06");
  });

  it("an exported row reads back as the same side effect, text guarded against formulas and restored", () => {
    const event = { course: { drug: "low-dose naltrexone", startDate: "2025-02-01" }, occurredOn: "2025-02-03", severity: "severe" };
    const exported = adverseEventsCsv([{ patientCode: "AE-2", ...event, event: "=vivid dreams", notes: '-worse at night, "every" night' }]);
    expect(exported).toContain("'=vivid dreams");
    const parsed = parseCsv(exported);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(detectKind(parsed.columns)).toBe("adverse_events");
    expect(readAdverseEventRow(parsed.records[0]).value).toEqual({
      row: 2,
      patientCode: "AE-2",
      ...event,
      event: "=vivid dreams",
      notes: '-worse at night, "every" night',
    });
  });
});
