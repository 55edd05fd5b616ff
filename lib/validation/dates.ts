import { z } from "zod";

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A calendar date written YYYY-MM-DD that really exists (no 2026-02-30). */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${label} is not a real calendar date.`);

/** Problems with a clinical date: in the future, or before the patient was born. */
export function clinicalDateProblem(value: string, birthYear: number, label: string, today = todayIso()): string | null {
  if (value > today) return `${label} cannot be in the future (today is ${today}).`;
  if (value < `${birthYear}-01-01`) return `${label} cannot be before the patient's birth year (${birthYear}).`;
  return null;
}
