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

/**
 * Offices of the demonstration only (issue 16): a district employment Centre and the akim's office of
 * one village. A production deployment adds its real Centres and akims' offices with their KATO prefixes.
 */
export const demoOfficeRows = [
  {
    code: "nura-centre",
    nameRu: "Центр занятости населения Нуринского района",
    nameKk: "Нұра ауданының халықты жұмыспен қамту орталығы",
    katoPrefix: NURA_DISTRICT_PREFIX,
  },
  {
    code: "akim-zharaspai",
    nameRu: "Аппарат акима села Жараспай Нуринского района",
    nameKk: "Нұра ауданы Жараспай ауылы әкімінің аппараты",
    // The village's KATO prefix (region, district, rural district): 355241100 is Zharaspai (db/seed/kato.ts).
    katoPrefix: "355241",
  },
];

/** The offices and the demo staff and citizens (a demonstration only). Idempotent: existing accounts keep their passwords. */
export async function seedAccounts(db: Db) {
  await seedOffices(db);
  for (const office of demoOfficeRows) await upsertOffice(db, office);
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
    // People who never used the portal (issue 16) have no account to sign in with.
    if (c.noAccount || (await findCitizenAccount(db, c.iin))) continue;
    await ensureCitizenAccount(db, c.iin);
    await setCitizenPassword(db, c.iin, hash);
  }
}
