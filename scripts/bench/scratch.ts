// The benchmark's own databases: a scratch PostgreSQL database (created, migrated, filled, dropped at
// the end) and a PGlite folder in a temporary directory (migrated and filled before the app opens it:
// PGlite takes no lock, so two processes must never hold it at once).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { describeDatabaseUrl } from "@/db/connection-error";
import { applyMigrations } from "@/db/migrate";
import { type DatasetSummary, fillBenchDataset, pickSamplePatient, type SamplePatient } from "./dataset";
import type { DatasetSize } from "./sizes";

export const DEFAULT_ADMIN_URL = "postgres://root@127.0.0.1:5432/postgres";

export type Scratch = {
  kind: "postgres" | "pglite";
  database: { url: string } | { pgliteDir: string };
  label: string;
  dataset: DatasetSummary;
  sample: SamplePatient;
  drop: () => Promise<void>;
};

/** The server to create the scratch database on: TEST_DATABASE_URL, DATABASE_URL, or the local default. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
}

export async function createPostgresScratch(size: DatasetSize): Promise<Scratch> {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const name = `yardstick_bench_${process.pid}`;
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  };
  try {
    const filled = await migrateAndFill({ url: url.toString() }, size);
    return { kind: "postgres", database: { url: url.toString() }, label: describeDatabaseUrl(url.toString()), ...filled, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

export async function createPgliteScratch(size: DatasetSize): Promise<Scratch> {
  const parent = mkdtempSync(path.join(tmpdir(), "yardstick-bench-"));
  const pgliteDir = path.join(parent, "pglite");
  const drop = async () => rmSync(parent, { recursive: true, force: true });
  try {
    const filled = await migrateAndFill({ pgliteDir }, size);
    return { kind: "pglite", database: { pgliteDir }, label: `PGlite in ${pgliteDir}`, ...filled, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function migrateAndFill(target: { url: string } | { pgliteDir: string }, size: DatasetSize) {
  const open = await openDatabase("url" in target ? { url: target.url } : { url: "", pgliteDir: target.pgliteDir });
  try {
    await applyMigrations(open);
    const dataset = await fillBenchDataset(open, size);
    return { dataset, sample: await pickSamplePatient(open) };
  } finally {
    await open.close();
  }
}
