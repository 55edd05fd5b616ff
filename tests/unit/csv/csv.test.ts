import { describe, expect, it } from "vitest";
import { guardCell, plainDecimal, unguardCell } from "@/lib/csv/cell-guard";
import { detectDelimiter, parseCsv } from "@/lib/csv/parse-csv";
import { writeCsv } from "@/lib/csv/write-csv";
import { totalAgrees } from "@/lib/import/assessment-rows";
import { detectKind } from "@/lib/import/formats";
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
    expect(detectKind(["name"])).toBeNull();
  });

  it("each template reads back with its own kind", () => {
    for (const kind of ["patients", "courses", "assessments"] as const) {
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
