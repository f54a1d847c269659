/**
 * Child process for tests/db/drivers.test.ts: opens the PGlite directory given as
 * argv[2], prints "ready <pid>" and keeps it open until killed.
 */
import { openPglite } from "../../db/drivers";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-pglite-lock.ts <dataDir>");
await openPglite(dataDir);
process.stdout.write(`ready ${process.pid}\n`);
setInterval(() => {}, 60_000);
