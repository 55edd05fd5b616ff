// Run in a child process by the crash test: writes many assessments in one transaction through the
// data layer, saying "WRITING" just before, so the parent can SIGKILL it in the middle.
import { openDatabase, activateDatabaseForThisProcess } from "@/db/client";
import { recordAssessmentsInBulk } from "@/lib/data/assessment-writes";
import { loadSessionUser } from "@/lib/data/session-user";

const [userId, patientId, rowCount] = process.argv.slice(2);

async function main() {
  const open = await openDatabase({ url: process.env.CHILD_DATABASE_URL ?? "", pgliteDir: process.env.CHILD_PGLITE_DIR });
  activateDatabaseForThisProcess(open);
  const user = await loadSessionUser(open.db, userId);
  if (!user) throw new Error("no such user");
  const rows = Array.from({ length: Number(rowCount) }, (_, i) => ({
    instrumentId: "pain_nrs_0_10" as const,
    takenOn: `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
    courseId: null,
    total: i % 11,
  }));
  process.stdout.write("WRITING\n");
  await recordAssessmentsInBulk(user, patientId, rows);
  process.stdout.write("DONE\n");
  await open.close();
}

void main();
