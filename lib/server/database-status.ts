import "server-only";
import { connection } from "next/server";
import { DatabaseUnavailableError, getDb } from "@/lib/server/database";

/**
 * Null when the database answers; otherwise the password-free reason, for pages
 * to show instead of a bare 500.
 */
export async function databaseProblem(): Promise<string | null> {
  await connection(); // request time only: `next build` must never open the database
  try {
    await getDb();
    return null;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) return error.message;
    throw error;
  }
}
