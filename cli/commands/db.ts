import { parseArgs } from "../args";
import { setupRoles } from "../../db/roles";

export const DB_ROLES_HELP = `komek db roles: create the owner and runtime roles of a Komek database (ADR 009)

Run once per database as a PostgreSQL superuser; running it again changes nothing but the passwords
given. The owner role owns the database, its schemas and tables and runs the migrations; the portal
connects as the runtime role, which reads and writes rows but cannot alter, truncate or disable
triggers, and only inserts into the append-only tables (audit, data-access log, journal, SMS, …).

usage: npx komek db roles --url postgres://postgres@HOST:5432/postgres --database komek
         [--owner komek_owner] [--runtime komek_app]
         [--owner-password P] [--runtime-password P]

  --url               a superuser connection to the server (default: DATABASE_ADMIN_URL)
  --database          the database to set up; created if missing (default: the one --url names)
  --owner/--runtime   role names (plain lower-case); created if missing
  --owner-password    or KOMEK_OWNER_PASSWORD; --runtime-password or KOMEK_RUNTIME_PASSWORD

Then migrate as the owner and serve as the runtime role:
  DATABASE_OWNER_URL=postgres://komek_owner:…@HOST/komek npx komek migrate
  DATABASE_URL=postgres://komek_app:…@HOST/komek DATABASE_OWNER_URL=… npx komek serve
(\`komek migrate\` renews the runtime role's grants after every migration; serve migrates the same way
when DATABASE_OWNER_URL is set, and refuses in production to run as a superuser or an owner.)
`;

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== "roles") {
    process.stderr.write(DB_ROLES_HELP);
    return 2;
  }
  const args = parseArgs(rest);
  const url = args.str("url") ?? process.env.DATABASE_ADMIN_URL;
  if (!url) {
    process.stderr.write(`--url is required (a superuser connection), or set DATABASE_ADMIN_URL\n\n${DB_ROLES_HELP}`);
    return 2;
  }
  const owner = args.str("owner") ?? "komek_owner";
  const runtime = args.str("runtime") ?? "komek_app";
  if (owner === runtime) {
    process.stderr.write("--owner and --runtime must be two different roles\n");
    return 2;
  }
  const dbUrl = await setupRoles({
    url,
    database: args.str("database"),
    owner,
    runtime,
    ownerPassword: args.str("owner-password") ?? process.env.KOMEK_OWNER_PASSWORD,
    runtimePassword: args.str("runtime-password") ?? process.env.KOMEK_RUNTIME_PASSWORD,
  });
  const as = (role: string) => {
    const u = new URL(dbUrl);
    u.username = role;
    u.password = "";
    return u.toString();
  };
  process.stdout.write(`Roles ready on ${new URL(dbUrl).host}${new URL(dbUrl).pathname}: owner ${owner}, runtime ${runtime}\n`);
  process.stdout.write(`DATABASE_OWNER_URL=${as(owner)} (with its password)\nDATABASE_URL=${as(runtime)} (with its password)\n`);
  return 0;
}
