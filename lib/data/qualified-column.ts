import "server-only";
import { getTableName, sql, type Column, type SQL } from "drizzle-orm";

/**
 * `"table"."column"`, always qualified. Drizzle writes a column inside a single-table select's `sql`
 * field as a bare `"column"`, so a correlated subquery there silently binds it to its own table
 * (the patient list once compared each course's patient_id with the course's own id).
 */
export function qualifiedColumn(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
