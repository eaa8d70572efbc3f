/**
 * The `komek` operations CLI. Each command lives in its own module under cli/commands and is
 * loaded lazily, so `komek iin` does not pay for opening the database.
 */
type Command = {
  summary: string;
  usage: string;
  /** A longer `--help` than summary and usage. */
  help?: () => Promise<string>;
  run: (args: string[]) => Promise<number | void>;
};

const commands: Record<string, Command> = {
  serve: {
    summary: "migrate, seed demo data on first start, and serve the portal",
    usage: "komek serve [--port 3000] [--workers 1] [--fresh] [--no-seed]",
    run: async (args) => (await import("./commands/serve")).run(args),
  },
  migrate: {
    summary: "apply the committed SQL migrations (as DATABASE_OWNER_URL when set, then renew the runtime role's grants)",
    usage: "komek migrate [--runtime-role NAME]",
    run: async (args) => (await import("./commands/migrate")).run(args),
  },
  seed: {
    summary: "fill the registry stand-in with generated persons (deterministic per seed)",
    usage: "komek seed [--persons N] [--seed S] [--demo]",
    run: async (args) => (await import("./commands/seed")).run(args),
  },
  staff: {
    summary: "create or update a staff account (role, office), or list them",
    usage: 'komek staff add --login L --iin IIN --name-ru "…" --name-kk "…" --role ROLE --office CODE --password P | komek staff list',
    run: async (args) => (await import("./commands/staff")).run(args),
  },
  pki: {
    summary: "write the development PKI: test НУЦ РК root/CA, CRL and demo ЭЦП key files",
    usage: "komek pki init [--dir .data/pki] [--force]",
    run: async (args) => (await import("./commands/pki")).run(args),
  },
  verify: {
    summary: "check an ЭЦП signature (compact JWS) as the server does; prints one JSON line",
    usage: "komek verify <file-with-compact-JWS> --iin <IIN> [--payload <file>]",
    run: async (args) => (await import("./commands/verify")).run(args),
  },
  iin: {
    summary: "validate an IIN and print its birth date and sex as JSON",
    usage: "komek iin <IIN>",
    run: async (args) => (await import("./commands/iin")).run(args),
  },
  proactive: {
    summary: "find families for the proactive ASP offer and queue their SMS (set-based, idempotent)",
    usage: "komek proactive scan [--kato PREFIX] [--year Y] [--dry-run] [--json]",
    run: async (args) => (await import("./commands/proactive")).run(args),
  },
  sms: {
    summary: "the SMS worker, retrying failed offers, message counts",
    usage: "komek sms worker | komek sms retry-failed [--all] [--since YYYY-MM-DD] | komek sms stats",
    run: async (args) => (await import("./commands/sms")).run(args),
  },
  bench: {
    summary: "benchmarks on a fresh database, each figure beside a baseline: scan, submit, SMS, cabinet, 1414 look-up",
    usage: "komek bench [--persons 100000] [--json] [--only scan,submit,sms,cabinet,lookup] | komek bench lookup [--persons 100000] [--samples 2000] [--json] [--keep]",
    run: async (args) => (await import("./commands/bench")).run(args),
  },
  db: {
    summary: "create the owner and runtime database roles with their grants (production; ADR 009)",
    usage: "komek db roles --url SUPERUSER_URL [--database komek] [--owner komek_owner] [--runtime komek_app] [--owner-password P] [--runtime-password P]",
    help: async () => (await import("./commands/db")).DB_ROLES_HELP,
    run: async (args) => (await import("./commands/db")).run(args),
  },
  rules: {
    summary: "a service's rules in force on a day as JSON: names, channels and deadlines, checks, grounds",
    usage: "komek rules show <service-key> [--on YYYY-MM-DD] [--json]",
    run: async (args) => (await import("./commands/rules")).run(args),
  },
  payments: {
    summary: "payments: schedule, demands, transfers, pain.001 orders, returns (issue 15)",
    usage: "komek payments run --date YYYY-MM-DD [--json] | transfer --date D [--office CODE] | orders --date D --out DIR | import-returns FILE",
    run: async (args) => (await import("./commands/payments")).run(args),
  },
  registry: {
    summary: "import the education department's preschool file (children, organisations, fees) into registry facts for the 8.7 list",
    usage: "komek registry import-facts FILE [--json]",
    help: async () => (await import("./commands/registry")).USAGE,
    run: async (args) => (await import("./commands/registry")).run(args),
  },
  workdays: {
    summary: "working-day arithmetic on the Kazakhstan calendar (holidays, substitutions, transfers)",
    usage: "komek workdays add <YYYY-MM-DD> <n> | komek workdays is <YYYY-MM-DD> | komek workdays application-day <instant> [--channel c]",
    run: async (args) => (await import("./commands/workdays")).run(args),
  },
};


function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${" ".repeat(width)}  usage: ${c.usage}`,
  );
  return `Komek operations CLI\n\nUsage: npx komek <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help ? await command.help() : `${command.summary}\nusage: ${command.usage}\n`);
    return 0;
  }
  const code = await command.run(rest);
  return typeof code === "number" ? code : 0;
}
