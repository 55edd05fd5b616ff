import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { getPatientReport } from "./patient-report";
import { findPatientForUser, getPatientRecord } from "./patients";
import type { SessionUser } from "./session-user";

/** For pages: a "not found" record becomes the 404 page; every other error stays an error. */
async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export function patientRecordForPage(user: SessionUser, patientId: string) {
  return orNotFound(getPatientRecord(user, patientId));
}

export function patientForPage(user: SessionUser, patientId: string) {
  return orNotFound(findPatientForUser(user, patientId));
}

export function patientReportForPage(user: SessionUser, patientId: string) {
  return orNotFound(getPatientReport(user, patientId));
}
