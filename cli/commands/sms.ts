import { parseArgs } from "../args";
import { createDb, dbOptionsFromEnv } from "../../db/client";
import { applyMigrations } from "../../db/owner";
import { installCrashGuards } from "../../db/recoverable";
import { requeueFailed } from "../../db/queries/sms";
import { rowsOf } from "../../db/client";
import { sql } from "drizzle-orm";
import { startWorkers } from "../../sms/worker.server";
import type { SmsPurpose } from "../../db/schema";

const USAGE = "komek sms worker | komek sms retry-failed [--all] [--since YYYY-MM-DD] | komek sms stats";

/**
 * `komek sms worker`: runs the SMS worker alone (with SMS_WORKER=0 on the web servers);
 * `komek sms retry-failed`: puts failed and undelivered offers and reminders (--all: every purpose)
 * back in the outbox; `komek sms stats`: messages by direction, purpose and status.
 */
export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  const options = dbOptionsFromEnv();
  const handle = await createDb(options);
  try {
    await applyMigrations(handle);
    if (sub === "worker") {
      installCrashGuards();
      const worker = await startWorkers({ ...handle, url: options.url }, { log: (l) => process.stderr.write(`${l}\n`) });
      if (!worker) {
        process.stderr.write("SMS_WORKER=0: nothing to do\n");
        return 1;
      }
      process.stderr.write(`SMS worker running on ${handle.describe}\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGTERM", resolve);
        process.once("SIGINT", resolve);
      });
      await worker.stop();
      return 0;
    }
    if (sub === "retry-failed") {
      const since = args.str("since");
      if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`--since must be YYYY-MM-DD, got "${since}"`);
      const purposes: SmsPurpose[] | undefined = args.bool("all") ? ["otp", "offer", "reminder", "confirmation", "decision", "notice", "reply"] : undefined;
      const n = await requeueFailed(handle.db, { purposes, since: since ? new Date(`${since}T00:00:00+05:00`) : undefined, now: new Date() });
      process.stdout.write(`${n} message(s) queued again\n`);
      return 0;
    }
    if (sub === "stats") {
      const rows = rowsOf<{ direction: string; purpose: string; status: string; n: number }>(
        await handle.db.execute(sql`select direction, purpose, status, count(*)::int as n from sms_messages group by 1, 2, 3 order by 1, 2, 3`),
      );
      for (const r of rows) process.stdout.write(`${r.direction}\t${r.purpose}\t${r.status}\t${r.n}\n`);
      return 0;
    }
    process.stderr.write(`usage: ${USAGE}\n`);
    return 2;
  } finally {
    await handle.close();
  }
}
