/**
 * `komek rules show <service-key> [--on YYYY-MM-DD] [--json] [--<option> value …]`: the service's
 * definition in force on the day (default: today in Kazakhstan) — names, channels with their deadlines
 * and day kind, checks, refusal and termination grounds. Options other than --on and --json (e.g.
 * `--kato 355200000` for a district's rule set) go to the definition's ruleSet.
 * Exit 2: malformed input or an unknown service; exit 1: no rules in force for that day.
 */
import { parseArgs } from "../args";
import { isIsoDate, kzDate } from "../../app/domain/kz-time";
import { RuleSetError } from "../../app/services/definition";
import { allServices } from "../../app/services/registry";
import { rulesInForce, UnknownRulesError } from "../../app/services/rules";

const USAGE = "usage: komek rules show <service-key> [--on YYYY-MM-DD] [--json] [--kato KATO]\n";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [sub, key, ...extra] = args.positional;
  const fail = (message: string, code = 2) => {
    process.stderr.write(`${message}\n${USAGE}`);
    return code;
  };
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
