/**
 * `komek iin <IIN>`: one JSON line on stdout, exit 0 whether or not the IIN is valid, so scripts
 * can branch on the JSON; only a missing argument is a usage error (exit 2).
 */
import { parseIin } from "../../app/domain/iin";

const USAGE = "usage: komek iin <IIN>\n";

export async function run(args: string[]): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const result = parseIin(args[0]);
  const out = result.valid
    ? { valid: true, birthDate: result.birthDate, sex: result.sex }
    : { valid: false, reason: result.reason };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}
