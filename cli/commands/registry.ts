/**
 * `komek registry import-facts FILE [--json]`: the district education department's file of children
 * in preschool organisations and the monthly fee (CSV or JSON; app/lists/preschool-file.ts) into the
 * registry stand-in's facts that the 8.7 list reads (ADR 024). Every problem is printed with its line
 * and nothing is written while any remains (exit 1); importing the same file again changes nothing.
 */
import fs from "node:fs";
import { parseArgs } from "../args";
import { closeDb, getDb, migrateDb } from "../../db/client";
import { formatProblem, parsePreschoolFile, PRESCHOOL_COLUMNS } from "../../app/lists/preschool-file";
import { importPreschoolFacts } from "../../app/lists/preschool-import.server";

export const USAGE = `usage: komek registry import-facts FILE [--json]
  FILE: CSV with the header ${PRESCHOOL_COLUMNS.join(",")} (dates YYYY-MM-DD, fee in whole tenge,
        enrolled_to empty while the child attends), or a JSON array of objects with those keys.
`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [sub, file, ...extra] = args.positional;
  if (sub !== "import-facts" || !file || extra.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n${USAGE}`);
    return 2;
  }
  const json = args.bool("json");
  const parsed = parsePreschoolFile(fs.readFileSync(file, "utf8"));
  const fail = (problems: { line: number; field: string; message: string }[]) => {
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, problems })}\n`);
    else process.stderr.write(`${file}: ${problems.length} problem(s), nothing written\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`);
    return 1;
  };
  if (!parsed.ok) return fail(parsed.problems);
  const handle = await getDb();
  try {
    await migrateDb(handle);
    const result = await importPreschoolFacts(handle.db, parsed.rows);
    if (!result.ok) return fail(result.problems);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`${file}: ${result.rows} row(s): ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged\n`);
    return 0;
  } finally {
    await closeDb();
  }
}
