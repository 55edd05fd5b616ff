/** host:port/database of a PostgreSQL URL, never its user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}/${database}`;
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error && "code" in cause ? ` (${String((cause as { code: unknown }).code)})` : "";
    super(
      `Cannot reach the PostgreSQL server at ${describeDatabaseUrl(url)}${reason}. ` +
        "Start that server or correct DATABASE_URL, or unset DATABASE_URL to use the embedded database.",
    );
    this.name = "DatabaseUnavailableError";
  }
}
