import type { z } from "zod";
import type { FhirIssue } from "./validate-r4";

// Reading untrusted JSON one field at a time, each problem recorded with its FHIRPath.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A FHIR date or dateTime as the calendar date written in it (YYYY-MM-DD), or the text as given for the app's own check to refuse. */
export function calendarDate(value: unknown): string | undefined {
  const text = stringAt(value);
  if (text === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
}

/** One bundle entry being read: its path, a label for messages, and the issues found in it. */
export class EntryReader {
  constructor(
    readonly index: number,
    readonly resource: Json,
    private readonly issues: FhirIssue[],
  ) {}

  get label(): string {
    const id = stringAt(this.resource.id);
    return `${String(this.resource.resourceType)}${id ? `/${id}` : ""} (entry ${this.index + 1})`;
  }

  path(relative = ""): string {
    return `Bundle.entry[${this.index}].resource${relative ? `.${relative}` : ""}`;
  }

  fail(relative: string, reason: string): undefined {
    this.issues.push({ expression: this.path(relative), reason, resource: this.label });
    this.failed = true;
    return undefined;
  }

  private failed = false;

  /** Whether a problem has been recorded in this entry. */
  get hasIssues(): boolean {
    return this.failed;
  }

  /** A required string; undefined (and an issue) when it is missing. */
  requiredString(value: unknown, relative: string, what: string): string | undefined {
    return stringAt(value) ?? this.fail(relative, `${what} is required.`);
  }
}

/**
 * Runs one of the app's own zod schemas (the forms' rules) over values read from a resource; each
 * refused field is reported at its place in the resource (`paths`: schema field → FHIRPath).
 */
export function parseWithAppRules<T>(
  reader: EntryReader,
  schema: z.ZodType<T>,
  input: Record<string, unknown>,
  paths: Record<string, string>,
): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    reader.fail(paths[field] ?? field, issue.message);
  }
  return undefined;
}
