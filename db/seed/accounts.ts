/** Provider offices, demo staff and demo citizen accounts (passwords in the README). */
import type { Db } from "../client";
import { ensureCitizenAccount, setCitizenPassword, upsertOffice, upsertStaff, findStaffByLogin, findCitizenAccount } from "../queries/accounts";
import { hashPassword } from "../../app/auth/password.server";
import { demoCitizens, demoStaff, DEMO_PASSWORD } from "./demo-people";
import { NURA_DISTRICT_PREFIX, AKZHAR_DISTRICT_PREFIX } from "./kato";

export const officeRows = [
  {
    code: "nura",
    nameRu: "Отдел занятости и социальных программ Нуринского района",
    nameKk: "Нұра ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі",
    katoPrefix: NURA_DISTRICT_PREFIX,
  },
  {
    code: "akzhar",
    nameRu: "Отдел занятости и социальных программ района Акжар",
    nameKk: "Ақжар ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі",
    katoPrefix: AKZHAR_DISTRICT_PREFIX,
  },
  { code: "contact-centre", nameRu: "Единый контакт-центр 1414", nameKk: "1414 Бірыңғай байланыс орталығы", katoPrefix: "" },
  {
    code: "gov4c",
    nameRu: "НАО «Государственная корпорация «Правительство для граждан»",
    nameKk: "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КеАҚ",
    katoPrefix: "",
  },
  {
    code: "ministry",
    nameRu: "Министерство труда и социальной защиты населения",
    nameKk: "Еңбек және халықты әлеуметтік қорғау министрлігі",
    katoPrefix: "",
  },
];

const fullName = (last: string, first: string, patronymic: string | null) => [last, first, patronymic].filter(Boolean).join(" ");

/** The provider offices, which a production database needs too. Idempotent. */
export async function seedOffices(db: Db) {
  for (const office of officeRows) await upsertOffice(db, office);
}

/** The offices and the demo staff and citizens (a demonstration only). Idempotent: existing accounts keep their passwords. */
export async function seedAccounts(db: Db) {
  await seedOffices(db);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const s of demoStaff) {
    if (await findStaffByLogin(db, s.login)) continue;
    await upsertStaff(db, {
      login: s.login,
      iin: s.iin,
      fullNameRu: fullName(s.lastNameRu, s.firstNameRu, s.patronymicRu),
      fullNameKk: fullName(s.lastNameKk, s.firstNameKk, s.patronymicKk),
      role: s.role,
      officeCode: s.office,
      passwordHash: hash,
    });
  }
  for (const c of demoCitizens) {
    if (await findCitizenAccount(db, c.iin)) continue;
    await ensureCitizenAccount(db, c.iin);
    await setCitizenPassword(db, c.iin, hash);
  }
}
