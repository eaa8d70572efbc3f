import fs from "node:fs/promises";
import { parseArgs } from "../args";
import { verifyForRequest } from "../../app/signature/trust.server";

const USAGE = "komek verify <file-with-compact-JWS> --iin <IIN> [--payload <file>]";

/**
 * `komek verify`: the server's ЭЦП check on a saved signature. Prints one JSON line and exits 0
 * whatever the verdict; exit 2 is for a wrong command line or unreadable files.
 */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const [file] = args.positional;
  const iin = args.str("iin");
  if (!file || !iin) {
    process.stderr.write(`usage: ${USAGE}\n`);
    return 2;
  }
  const payloadFile = args.str("payload");
  let jws: string;
  let expectedPayload: Uint8Array | undefined;
  try {
    jws = (await fs.readFile(file, "utf8")).trim();
    expectedPayload = payloadFile === undefined ? undefined : new Uint8Array(await fs.readFile(payloadFile));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const result = await verifyForRequest({ jws, expectedIin: iin, expectedPayload });
  const line = result.valid
    ? { valid: true, iin: result.iin, subject: result.subject, notAfter: result.notAfter.toISOString() }
    : { valid: false, reason: result.reason };
  process.stdout.write(JSON.stringify(line) + "\n");
  return 0;
}
