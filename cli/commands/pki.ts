import path from "node:path";
import { parseArgs } from "../args";
import { createDemoPki } from "../../app/signature/demo-keys.server";

const USAGE = "komek pki init [--dir <dir>] [--force]";

/** `komek pki init`: the development PKI (test НУЦ РК, demo key files, CRL). */
export async function run(argv: string[]) {
  const args = parseArgs(argv);
  const [sub] = args.positional;
  if (sub !== "init") {
    process.stderr.write(`usage: ${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const result = await createDemoPki({ dir: args.str("dir"), force: args.bool("force") });
  const where = path.relative(process.cwd(), result.dir) || ".";
  if (!result.created) {
    console.log(`Development PKI already in ${where} (${result.index.keys.length} key files); --force makes a new one.`);
    return 0;
  }
  console.log(`Development PKI written to ${where} in ${Date.now() - started} ms:`);
  console.log(`  ca.pem   trust anchor (KOMEK_TRUST_ANCHORS)`);
  console.log(`  crl.pem  revocation lists (KOMEK_CRL)`);
  for (const k of result.index.keys) {
    console.log(`  ${k.file.padEnd(17)} ${k.role.padEnd(10)} ${k.status.padEnd(7)} ${k.nameRu}`);
  }
  console.log(`Key file password: ${result.index.password}`);
  return 0;
}
