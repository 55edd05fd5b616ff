import "server-only";
import { patients } from "@/db/schema";
import type { PatientRow } from "@/lib/import/patient-rows";
import { chunks, patientsByCode, type WriteContext, type WriteCounts } from "./context";

/** New patients are added; a code the team already has is left as it is (importing twice adds nothing). */
export async function writePatients(context: WriteContext, rows: PatientRow[]): Promise<WriteCounts> {
  const { tx, teamId, problems } = context;
  const firstRowOf = new Map<string, number>();
  for (const { row, input } of rows) {
    const earlier = firstRowOf.get(input.code);
    if (earlier === undefined) firstRowOf.set(input.code, row);
    else problems.push({ row, column: "code", value: input.code, reason: `The same code as row ${earlier}: each patient once.` });
  }
  const existing = await patientsByCode(tx, teamId, [...firstRowOf.keys()]);
  if (problems.length > 0) return { added: 0, alreadyPresent: 0 };
  const fresh = rows.filter((r) => !existing.has(r.input.code));
  let done = 0;
  for (const batch of chunks(fresh)) {
    await tx.insert(patients).values(
      batch.map(({ input }) => ({
        teamId,
        code: input.code,
        birthYear: input.birthYear,
        sex: input.sex,
        conditions: input.conditions,
        notes: input.notes ?? null,
      })),
    );
    done += batch.length;
    await context.progress(done, fresh.length);
  }
  return { added: fresh.length, alreadyPresent: rows.length - fresh.length };
}
