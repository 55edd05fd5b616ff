import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runtimeImports } from "../../support/runtime-imports";

// Client components and the pure modules they share must never pull the database schema (or a
// database driver) into the browser bundle: constants they need come from lib/domain.
const DATABASE = [/^@\/db\//, /^drizzle-orm/, /^postgres$/, /^@electric-sql\/pglite/];
const SERVER_ONLY = [...DATABASE, /^server-only$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full.split(path.sep).join("/")] : [];
  });
}

const isClientComponent = (text: string) => /^\s*["']use client["'];?/.test(text);
// A client component calls a server action by reference: the action's own imports stay on the server.
const isServerActionFile = (text: string) => /^\s*["']use server["'];?/.test(text);

function resolveLocal(specifier: string, fromFile: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(fromFile), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate.split(path.sep).join("/");
  }
  return null;
}

/** Every forbidden module reachable from `start`, each with the chain of files that reaches it. */
function forbiddenReachedFrom(start: string, forbidden: readonly RegExp[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    if (chain.length > 0 && isServerActionFile(text)) return;
    for (const specifier of runtimeImports(text)) {
      if (forbidden.some((pattern) => pattern.test(specifier))) problems.push([...chain, file, specifier].join(" → "));
      const local = resolveLocal(specifier, file);
      if (local) walk(local, [...chain, file]);
    }
  };
  walk(start, []);
  return problems;
}

const clientComponents = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) => isClientComponent(readFileSync(f, "utf8")));

describe("Client components never import the database schema", () => {
  it("finds the client components (the check below is not vacuous)", () => {
    expect(clientComponents).toEqual(
      expect.arrayContaining(["components/patients/patient-form.tsx", "components/admin/create-user-form.tsx"]),
    );
  });

  it.each(clientComponents)("%s reaches no server-only module", (file) => {
    expect(forbiddenReachedFrom(file, SERVER_ONLY)).toEqual([]);
  });

  it.each([...sourceFiles("lib/domain"), ...sourceFiles("lib/validation")])("%s (shared with forms) reaches no database module", (file) => {
    expect(forbiddenReachedFrom(file, DATABASE)).toEqual([]);
  });
});

describe("runtimeImports", () => {
  it("reads value imports, multi-line imports and re-exports, and skips type-only ones", () => {
    const text = [
      'import { a } from "@/db/schema";',
      "import {",
      "  b,",
      "  c,",
      '} from "./multi";',
      'import type { T } from "@/db/types-only";',
      'export type { U } from "@/db/also-types";',
      'export { d } from "../re-export";',
      'import "./side-effect";',
    ].join("\n");
    expect(runtimeImports(text).sort()).toEqual(["../re-export", "./multi", "./side-effect", "@/db/schema"]);
  });
});
