/**
 * A portal process for the fault tests: it reads prepared submissions (a JSON file), submits them
 * from `clients` concurrent callers through its own pool, and prints one JSON line per caller's
 * outcome — `{"i":3,"kind":"registered"}` or `{"i":4,"error":"57P01"}` — so the test can kill the
 * database's connections, or this whole process, and still know what every caller was told.
 *
 * Env: DATABASE_URL, KOMEK_DATA_DIR (trust material). Args: <file.json> [clients].
 */
import fs from "node:fs";
import { createDb, setDb } from "../db/client";
import { submitApplication } from "../app/application/submit.server";
import { concurrently, type PreparedSubmission } from "./workloads/submit";

/** The first error code on the cause chain (drizzle wraps the driver's error). */
function errorCode(error: unknown): string {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code) return e.code;
  return error instanceof Error ? error.message : String(error);
}

const [file, clients = "32"] = process.argv.slice(2);
const submissions: PreparedSubmission[] = JSON.parse(fs.readFileSync(file, "utf8"));
const now = new Date(process.env.SUBMIT_NOW ?? Date.now());
const handle = await createDb({ url: process.env.DATABASE_URL!, max: 10 });
setDb(handle);
await concurrently(submissions.length, Number(clients), async (i) => {
  try {
    const outcome = await submitApplication({ ...submissions[i], now });
    process.stdout.write(`${JSON.stringify({ i, kind: outcome.kind })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ i, error: errorCode(error) })}\n`);
  }
});
await handle.close();
