// Weighs the benchmark's sample patient page (issue 12): the uncompressed HTML, split into the markup and
// the RSC payload inlined as self.__next_f.push(...) scripts. Against a server already running on a
// benchmark dataset (scripts/bench/dataset.ts; scripts/serve.ts or `npm start`):
//
//   DATABASE_URL=… npx tsx scripts/bench/page-weight.ts --url http://127.0.0.1:3000 [--save page.html]
import { writeFileSync } from "node:fs";
import { benchClinicianEmail, BENCH_PASSWORD, pickSamplePatient } from "./dataset";
import { parseFlags } from "./flags";
import { signIn } from "./sign-in";

const RSC_SCRIPT = /<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs;

async function main() {
  const flags = parseFlags(process.argv.slice(2), { url: "string", save: "string", pglite: "string" });
  const { openDatabase } = await import("@/db/client");
  const open = await openDatabase(flags.pglite ? { url: "", pgliteDir: flags.pglite } : {});
  const sample = await pickSamplePatient(open).finally(() => open.close());
  const baseUrl = flags.url ?? "http://127.0.0.1:3000";
  const cookie = await signIn(baseUrl, benchClinicianEmail(1), BENCH_PASSWORD);
  const response = await fetch(`${baseUrl}/patients/${sample.id}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (flags.save) writeFileSync(flags.save, html);
  const size = (text: string) => Buffer.byteLength(text);
  const rscScripts = [...html.matchAll(RSC_SCRIPT)];
  const rscBytes = rscScripts.reduce((sum, match) => sum + size(match[0]), 0);
  const total = size(html);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`Patient ${sample.code} (${sample.assessments} assessments): status ${response.status}`);
  console.log(`  HTML ${kb(total)} = markup ${kb(total - rscBytes)} + RSC payload ${kb(rscBytes)} (${rscScripts.length} scripts)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
