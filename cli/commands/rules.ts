/**
 * `komek rules show <service-key> [--on YYYY-MM-DD] [--json] [--<option> value …]`: the service's
 * definition in force on the day (default: today in Kazakhstan) — names, channels with their deadlines
 * and day kind, checks, refusal and termination grounds. Options other than --on and --json (e.g.
 * `--kato 355200000` for a district's rule set) go to the definition's ruleSet.
 * Exit 2: malformed input or an unknown service; exit 1: no rules in force for that day.
 * `komek rules validate <file>` checks a district act file and prints every problem with its path.
 */
import { parseArgs } from "../args";
import { isIsoDate, kzDate } from "../../app/domain/kz-time";
import { RuleSetError } from "../../app/services/definition";
import { allServices } from "../../app/services/registry";
import { rulesInForce, UnknownRulesError } from "../../app/services/rules";

const USAGE = "usage: komek rules show <service-key> [--on YYYY-MM-DD] [--json] [--kato KATO]\n       komek rules validate <act-file.json>\n";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [sub, key, ...extra] = args.positional;
  const fail = (message: string, code = 2) => {
    process.stderr.write(`${message}\n${USAGE}`);
    return code;
  };
  if (sub === "validate") return validate(key, extra, fail);
  if (sub !== "show") return fail(sub ? `Unknown subcommand: ${sub}` : "Missing subcommand");
  if (!key) return fail(`Missing service key (one of: ${allServices().map((d) => d.key).join(", ")})`);
  if (extra.length) return fail("Too many arguments");
  const on = args.str("on") ?? kzDate(new Date());
  if (!isIsoDate(on)) return fail(`--on must be a calendar date in the form YYYY-MM-DD: ${on}`);
  const options = Object.fromEntries(
    Object.entries(args.flags)
      .filter(([name]) => name !== "on" && name !== "json")
      .map(([name, value]) => [name, value === true ? "true" : value]),
  );
  try {
    const rules = await rulesInForce({ key, on, options });
    process.stdout.write(args.bool("json") ? `${JSON.stringify(rules)}\n` : `${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UnknownRulesError) return fail(e.message);
    if (e instanceof RuleSetError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/**
 * `komek rules validate <file>`: checks a district act file (app/services/local/rule-set.ts) and prints
 * every problem as `path: message`, one a line. Exit 0 valid, 1 problems, 2 usage.
 */
async function validate(file: string | undefined, extra: string[], fail: (m: string, code?: number) => number): Promise<number> {
  if (!file) return fail("Missing the act file to validate");
  if (extra.length) return fail("Too many arguments");
  const { readActFile } = await import("../../app/services/local/acts.server");
  const read = readActFile(file);
  if (read.ok) {
    const { act, categories, occasions } = read.ruleSet;
    process.stdout.write(
      `${file}: valid — district ${act.kato}, decision № ${act.decision.number} of ${act.decision.date}, in force ${act.inForce.from} – ${act.inForce.until ?? "…"}; ${occasions.length} occasions, ${categories.length} categories\n`,
    );
    return 0;
  }
  process.stdout.write(`${file}: ${read.problems.length} problem(s)\n`);
  for (const p of read.problems) process.stdout.write(`${p.path}: ${p.message}\n`);
  return 1;
}
