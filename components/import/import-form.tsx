"use client";

import { useState } from "react";
import { IMPORT_KIND_LABELS, IMPORT_KIND_ROW_NOUNS, IMPORT_KINDS } from "@/lib/import/kinds";
import type { ImportStreamLine } from "@/lib/import/stream-lines";
import { TableScroll } from "@/components/ui/table-scroll";

type Progress = Extract<ImportStreamLine, { type: "progress" }>;
type Result = Extract<ImportStreamLine, { type: "result" }>;
type State =
  | { status: "idle" }
  | { status: "running"; progress: Progress | null }
  | { status: "done"; result: Result }
  | { status: "failed"; error: string };

/** Reads the route's NDJSON answer line by line as it arrives. */
async function readLines(response: Response, onLine: (line: ImportStreamLine) => void) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportStreamLine);
  }
  if (buffer.trim()) onLine(JSON.parse(buffer) as ImportStreamLine);
}

function ProgressLine({ progress }: { progress: Progress | null }) {
  if (!progress || progress.phase === "checking") {
    return <p>Checking {progress ? `${progress.total.toLocaleString("en")} rows` : "the file"}…</p>;
  }
  return (
    <p>
      <label htmlFor="import-progress">
        Writing: {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} rows
      </label>{" "}
      <progress id="import-progress" max={progress.total} value={progress.done} />
    </p>
  );
}

function Rejected({ result }: { result: Extract<Result, { outcome: "rejected" }> }) {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(result.report)}`;
  return (
    <div>
      <p className="form-error">
        The file was refused and nothing was imported: {result.problemCount.toLocaleString("en")} problem
        {result.problemCount === 1 ? "" : "s"}
        {result.problemCount > result.problems.length ? ` (the first ${result.problems.length} are listed)` : ""}. Correct the rows and
        upload the whole file again.
      </p>
      <p>
        <a href={href} download="import-problems.csv">
          Download the problem report (CSV)
        </a>
      </p>
      <TableScroll label="Problems found in the file">
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p, i) => (
              // Problems have no id of their own; the list is fixed once shown.
              // biome-ignore lint/suspicious/noArrayIndexKey: the report never changes order
              <tr key={i}>
                <td>{p.row ?? "file"}</td>
                <td>{p.column || "—"}</td>
                <td>{p.value}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function ImportForm() {
  const [state, setState] = useState<State>({ status: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ status: "running", progress: null });
    try {
      const response = await fetch("/api/import", { method: "POST", body: form });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        setState({ status: "failed", error: (Object.values(body.fieldErrors ?? {})[0] as string) ?? body.error ?? "The import failed." });
        return;
      }
      await readLines(response, (line) => {
        if (line.type === "progress") setState({ status: "running", progress: line });
        else if (line.type === "result") setState({ status: "done", result: line });
        else setState({ status: "failed", error: line.error });
      });
    } catch {
      setState({ status: "failed", error: "The connection was lost; nothing was imported unless the result said so. Try again." });
    }
  }

  const running = state.status === "running";
  return (
    <>
      <form onSubmit={submit} className="filters">
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <div className="field">
          <label htmlFor="import-kind">Kind</label>
          <select id="import-kind" name="kind" defaultValue="">
            <option value="">Tell from the header</option>
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {IMPORT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={running}>
          {running ? "Importing…" : "Import"}
        </button>
      </form>
      <section aria-live="polite" aria-label="Import status">
        {state.status === "running" && <ProgressLine progress={state.progress} />}
        {state.status === "failed" && <p className="form-error">{state.error}</p>}
        {state.status === "done" && state.result.outcome === "accepted" && (
          <p className="notice">
            Imported: {state.result.rows.toLocaleString("en")} {IMPORT_KIND_ROW_NOUNS[state.result.kind]} rows read,{" "}
            {state.result.added.toLocaleString("en")} added, {state.result.alreadyPresent.toLocaleString("en")} already present.
          </p>
        )}
        {state.status === "done" && state.result.outcome === "rejected" && <Rejected result={state.result} />}
      </section>
    </>
  );
}
