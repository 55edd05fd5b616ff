import autocannon from "autocannon";

type LoadFigures = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

/** A bounded load on this machine's loopback only: `connections` at once for `seconds`, then it stops. */
export async function runLoad(options: {
  baseUrl: string;
  cookie: string;
  seconds: number;
  connections: number;
  patientId: string;
}): Promise<LoadFigures> {
  const url = new URL(options.baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("Load tests run against loopback only");
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 20,
    headers: { cookie: options.cookie, "content-type": "application/json" },
    requests: [
      { method: "POST", path: "/api/patients/search", body: JSON.stringify({ sort: "last_assessment_desc" }) },
      // A later page: after a cursor (any place in the order will do; the id breaks a tie on the code).
      {
        method: "POST",
        path: "/api/patients/search",
        body: JSON.stringify({ code: "YS-0", after: { lastAssessedOn: null, code: "YS-010", id: "00000000-0000-0000-0000-000000000000" } }),
      },
      { method: "GET", path: `/patients/${options.patientId}` },
    ],
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
