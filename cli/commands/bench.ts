/**
 * `komek bench`: the whole-portal benchmark (bench/run.ts) — `npm run bench [-- --persons N] [-- --json]`.
 * `komek bench lookup …`: the call-centre look-up alone, with its own table (bench-lookup.ts).
 * `komek bench payments …`: the payment schedule and orders for 300,000 recipients (bench-payments.ts).
 * `komek bench lists …`: the 9 May list of a district of 100,000 people (bench-lists.ts, issue 14).
 */
export async function run(argv: string[]) {
  if (argv[0] === "lookup") return (await import("./bench-lookup")).run(argv.slice(1));
  if (argv[0] === "payments") return (await import("./bench-payments")).run(argv.slice(1));
  if (argv[0] === "lists") return (await import("./bench-lists")).run(argv.slice(1));
  if (argv[0] && !argv[0].startsWith("--")) {
    const { USAGE } = await import("../../bench/run");
    process.stderr.write(`Usage:\n  ${USAGE}\n  komek bench lookup [--persons 100000] [--samples 2000] [--seed 1] [--json] [--keep]\n  komek bench lists [--persons 100000] [--json] [--keep]\n`);
    return 2;
  }
  return (await import("../../bench/run")).runBench(argv);
}
