/** Thrown for a record that does not exist or belongs to another team: the two are never told apart. */
export class NotFoundError extends Error {
  constructor(what = "Record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The signed-in user's role in this team does not allow the action. */
export class ForbiddenError extends Error {
  constructor(message = "Your role in this team does not allow this action.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The record was changed by someone else since the form was loaded. */
export class StaleVersionError extends Error {
  constructor() {
    super("This record was changed by someone else after you opened it. Reload to see the current version, then make your change again.");
    this.name = "StaleVersionError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "UnauthenticatedError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Input the data layer refuses, with a message per field; nothing has been written. */
export class ValidationError extends Error {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors)[0] ?? "Invalid input");
    this.name = "ValidationError";
  }
}

/** The PostgreSQL error code behind a driver or Drizzle error (postgres.js and PGlite alike). */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
