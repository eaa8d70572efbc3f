import fs from "node:fs";
import { parseArgs } from "../args";
import { closeDb, getDb, migrateDb } from "../../db/client";
import {
  importReturns, PaymentError, runPayments, transferDue, writeOrderFiles, type PaymentActor,
} from "../../app/payments/pipeline.server";
import { paymentErrorText } from "../../app/payments/text";
import { tiynToDecimal } from "../../app/payments/files";

const USAGE = `usage:
  komek payments run --date YYYY-MM-DD [--json]             schedule, registry events, demands due, orders of transferred demands
  komek payments transfer --date YYYY-MM-DD [--office CODE] [--json]   record the district's transfers that may be made that day
  komek payments orders --date YYYY-MM-DD --out DIR [--json] write that day's pain.001 files (one per bank) and the Kazpost CSV
  komek payments import-returns FILE [--json]               import a pain.002.001.11 (or .001.03) status report (returns)
`;

const OPERATOR: PaymentActor = { label: "cli", role: "payment_officer", staffId: null };
const FINANCE: PaymentActor = { label: "cli", role: "finance_officer", staffId: null };
const kzt = (tiyn: number) => `${tiynToDecimal(tiyn)} ₸`;

/**
 * `komek payments …` (issue 15). Each subcommand prints a summary, or with --json exactly one JSON
 * object on stdout. Refusals (a bad date, a file naming payments Komek never sent) print the reason
 * in Russian on stderr, exit 1 and change nothing.
 */
export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  const json = args.bool("json");
  const out = (summary: object, lines: string[]) => process.stdout.write(json ? `${JSON.stringify(summary)}\n` : `${lines.join("\n")}\n`);
  const date = args.str("date");
  const needDate = () => {
    if (!date) throw new PaymentError("payments.errors.date", { date: "" });
    return date;
  };
  if (!["run", "transfer", "orders", "import-returns"].includes(sub ?? "")) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const handle = await getDb();
    await migrateDb(handle);
    if (sub === "run") {
      const s = await runPayments(needDate(), { actor: OPERATOR });
      out(s, [
        `Payments run for ${s.date}${s.workingDay ? "" : " (not a working day: no orders)"}`,
        `  new accounts / lines      ${s.schedule.accounts} / ${s.schedule.lines} (+ ${s.schedule.grants} of list grants)`,
        `  terminations              ${s.terminations.length}${s.terminations.map((t) => `\n    ${t.applicationId} ${t.ground} from ${t.stopFrom}: ${t.stopped} stopped, ${t.overpaid} overpaid (${kzt(t.overpaidTiyn)})`).join("")}`,
        `  grant lines stopped       ${s.grantsStopped.lines} (${kzt(s.grantsStopped.totalTiyn)}, recipient died)`,
        `  demands formed            ${s.demands.demands} (${s.demands.lines} lines, ${kzt(s.demands.totalTiyn)})${s.demands.months.length ? ` for ${s.demands.months.join(", ")}` : ""}`,
        `  payment orders            ${s.orders.orders} (${s.orders.items} lines, ${kzt(s.orders.totalTiyn)})`,
        `  returns back to district  ${s.returnsToDistrict.items} (${kzt(s.returnsToDistrict.totalTiyn)}, clause 23)`,
        `  lines by status           ${Object.entries(s.lines).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
      ]);
    } else if (sub === "transfer") {
      const done = await transferDue(needDate(), { actor: FINANCE, officeCode: args.str("office") });
      out({ date, transfers: done }, [
        `Transfers recorded on ${date}: ${done.length}`,
        ...done.map((t) => `  demand ${t.demandId}: ${kzt(t.totalTiyn)}${t.late ? " (late)" : ""}, orders due by ${t.ordersDue}`),
      ]);
    } else if (sub === "orders") {
      const dir = args.str("out");
      if (!dir) {
        process.stderr.write(USAGE);
        return 2;
      }
      const files = await writeOrderFiles(needDate(), dir, { actor: OPERATOR });
      out({ date, files }, [
        `Payment files for ${date}: ${files.length}`,
        ...files.map((f) => `  ${f.file}  ${f.channel === "kazpost" ? "Kazpost CSV" : "pain.001.001.03"}  ${f.bic}  ${f.lines} lines  control sum ${f.controlSum}`),
      ]);
    } else {
      const file = args.positional[0];
      if (!file || !fs.existsSync(file)) {
        process.stderr.write(`${file ? `no such file: ${file}\n` : ""}${USAGE}`);
        return 2;
      }
      const s = await importReturns(fs.readFileSync(file, "utf8"), { actor: OPERATOR });
      out(s, [
        `Returns from ${s.msgId} (received ${s.receivedOn})`,
        `  returned now              ${s.returned} (${kzt(s.totalTiyn)})`,
        `  already recorded          ${s.alreadyRecorded}`,
        `  SMS queued                ${s.sms}`,
        `  recorded on               ${s.recordedOn}${s.late ? ` — LATE: due by ${s.recordBy} (clause 22)` : ` (due by ${s.recordBy}, clause 22)`}`,
        `  sums back to the district ${s.toDistrictBy} (clause 23)`,
      ]);
    }
    return 0;
  } catch (error) {
    if (error instanceof PaymentError) {
      process.stderr.write(`${paymentErrorText(error, "ru")}\n`);
      return 1;
    }
    throw error;
  } finally {
    await closeDb();
  }
}
