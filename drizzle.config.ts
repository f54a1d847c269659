import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from the schema; the app applies them itself
// (PGlite on start, `npm run db:migrate` for DATABASE_URL), so no credentials are needed here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
