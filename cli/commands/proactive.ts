import { parseArgs } from "../args";
import { createDb, dbOptionsFromEnv, migrateDb } from "../../db/client";
import { smsConfig } from "../../sms/config";
import { runProactiveScan, ScanError } from "../../sms/scan";

/**
 * `komek proactive scan [--kato PREFIX] [--year Y] [--dry-run] [--json]`: finds the families to offer
 * ASP to and creates their offers (the SMS go out through the worker). Idempotent: a second run
 * creates nothing new. --json prints exactly one JSON object on stdout.
 */
export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "scan") {
    process.stderr.write("usage: komek proactive scan [--kato PREFIX] [--year Y] [--dry-run] [--json]\n");
    return 2;
  }
  const args = parseArgs(rest);
  const json = args.bool("json");
  const year = args.str("year") === undefined ? undefined : args.int("year", 0);
  const handle = await createDb(dbOptionsFromEnv());
  const started = performance.now();
  // One statement does the work: show that it is alive rather than a fake percentage.
  const spinner = process.stderr.isTTY
    ? setInterval(() => process.stderr.write(`\rscanning ${handle.describe}: ${((performance.now() - started) / 1000).toFixed(0)} s`), 500)
    : null;
  try {
    await migrateDb(handle);
    const config = smsConfig();
    const summary = await runProactiveScan(handle.db, {
      now: new Date(),
      katoPrefix: args.str("kato") ?? "",
      year,
      dryRun: args.bool("dry-run"),
      policy: config.offerPolicy,
      cooldownDays: config.cooldownDays,
    });
    const seconds = (performance.now() - started) / 1000;
    if (spinner) process.stderr.write("\r\x1b[K");
    const { scanned, eligible, withoutPhone, alreadyOffered, offersCreated } = summary;
    if (json) {
      process.stdout.write(`${JSON.stringify({ scanned, eligible, withoutPhone, alreadyOffered, offersCreated })}\n`);
    } else {
      const dry = args.bool("dry-run") ? " (dry run: nothing created)" : "";
      process.stdout.write(
        [
          `Proactive ASP scan${dry}: income quarter ${summary.quarter}, poverty line ${summary.year} = ${summary.povertyLine} ₸`,
          `  families scanned      ${scanned}`,
          `  eligible              ${eligible}`,
          `  without a phone       ${withoutPhone}`,
          `  already offered       ${alreadyOffered}`,
          `  offers created        ${offersCreated}`,
          `  time                  ${seconds.toFixed(1)} s`,
          "",
        ].join("\n"),
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof ScanError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    if (spinner) clearInterval(spinner);
    await handle.close();
  }
}
