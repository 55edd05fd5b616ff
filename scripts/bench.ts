// `npm run bench`: figures for the patient list and record under concurrent use, against an app that
// is already running (`npm start`). Reports numbers; asserts nothing.
//   BENCH_URL=http://127.0.0.1:3000 BENCH_SECONDS=20 BENCH_CONNECTIONS=8 npm run bench
import { runLoad } from "../tests/support/load";

async function main() {
  const baseUrl = process.env.BENCH_URL ?? "http://127.0.0.1:3000";
  const email = process.env.BENCH_EMAIL ?? "clinician@yardstick.demo";
  const password = process.env.BENCH_PASSWORD ?? "yardstick-demo-2026";
  const jar: string[] = [];
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) jar.push(cookie.split(";")[0]);
  };
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  keep(signIn);
  const cookie = jar.join("; ");
  const search = await fetch(`${baseUrl}/api/patients/search`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: "{}",
  });
  if (!search.ok) throw new Error(`Sign-in for the benchmark failed (${search.status}); is the app running at ${baseUrl}?`);
  const { rows } = await search.json();
  const figures = await runLoad({
    baseUrl,
    cookie,
    seconds: Number(process.env.BENCH_SECONDS ?? 20),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 8),
    patientId: rows[0].id,
  });
  console.table(figures);
}

void main();
