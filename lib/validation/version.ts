import { z } from "zod";
import { decimalField } from "./decimal-field";

/** The record version a form was loaded with (optimistic locking). */
export const versionSchema = decimalField("The form is missing its version; reload the page.").pipe(
  z.number().int("The form is missing its version; reload the page.").min(1, "The form is missing its version; reload the page."),
);
