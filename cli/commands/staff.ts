import { z } from "zod";
import { parseArgs } from "../args";
import { getDb, migrateDb, closeDb } from "../../db/client";
import { upsertStaff } from "../../db/queries/accounts";
import { hashPassword } from "../../app/auth/password.server";
import { parseIin } from "../../app/domain/iin";
import { staffAccounts, offices, staffRoleEnum } from "../../db/schema";
import { eq } from "drizzle-orm";

const addSchema = z.object({
  login: z.string().regex(/^[a-z0-9._-]{3,64}$/, "login: 3-64 characters of a-z 0-9 . _ -"),
  iin: z.string().refine((s) => parseIin(s).valid, "iin: not a valid IIN"),
  "name-ru": z.string().min(3, "name-ru is required"),
  "name-kk": z.string().min(3, "name-kk is required"),
  role: z.enum(staffRoleEnum.enumValues),
  office: z.string().min(1, "office is required"),
  password: z.string().min(10, "password: at least 10 characters"),
});

export async function run(argv: string[]) {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  if (sub === "add") {
    const parsed = addSchema.safeParse(args.flags);
    if (!parsed.success) {
      process.stderr.write(
        `${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("\n")}\n` +
          'usage: komek staff add --login L --iin IIN --name-ru "…" --name-kk "…" --role specialist|commission|head|callcenter|admin --office CODE --password P\n',
      );
      return 2;
    }
    const handle = await getDb();
    try {
      await migrateDb(handle);
      const [office] = await handle.db.select().from(offices).where(eq(offices.code, parsed.data.office));
      if (!office) {
        const known = (await handle.db.select({ code: offices.code }).from(offices)).map((o) => o.code);
        process.stderr.write(`Unknown office "${parsed.data.office}". Known: ${known.join(", ")}\n`);
        return 2;
      }
      const staff = await upsertStaff(handle.db, {
        login: parsed.data.login,
        iin: parsed.data.iin,
        fullNameRu: parsed.data["name-ru"],
        fullNameKk: parsed.data["name-kk"],
        role: parsed.data.role,
        officeCode: office.code,
        passwordHash: await hashPassword(parsed.data.password),
      });
      console.log(JSON.stringify({ id: staff.id, login: staff.login, role: staff.role, office: staff.officeCode }));
      return 0;
    } finally {
      await closeDb();
    }
  }
  if (sub === "list") {
    const handle = await getDb();
    try {
      const rows = await handle.db
        .select({ login: staffAccounts.login, role: staffAccounts.role, office: staffAccounts.officeCode, active: staffAccounts.active })
        .from(staffAccounts)
        .orderBy(staffAccounts.login);
      for (const r of rows) console.log(`${r.login}\t${r.role}\t${r.office}${r.active ? "" : "\t(inactive)"}`);
      return 0;
    } finally {
      await closeDb();
    }
  }
  process.stderr.write("usage: komek staff add … | komek staff list\n");
  return 2;
}
