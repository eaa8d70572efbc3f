/**
 * DEMO DATA ONLY (KOMEK_DEMO=1, `npm start`): Nura residents the 9 May list finds — veterans of the
 * home front, a minor prisoner of a concentration camp, a worker of besieged Leningrad who is also
 * awarded for the home front (two categories of one occasion), a widow — each an active pension
 * recipient (clause 17), and one who is not. The first two can sign in (README "What to try").
 * And the 8.7 preschool family (PRESCHOOL_DEMO_FAMILY, ADR 024), whose mother can sign in too.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ensureCitizenAccount, setCitizenPassword } from "../../db/queries/accounts";
import { makeIin } from "../domain/iin";
import fs from "node:fs";
import { formatProblem, parsePreschoolFile } from "./preschool-file";
import { importPreschoolFacts } from "./preschool-import.server";

type DemoVeteran = { last: [string, string]; first: [string, string]; sex: "M" | "F"; born: string; language: "ru" | "kk"; phone: string | null; categories: string[]; pension: boolean };

const NURA = "355230100";

export const LIST_DEMO_PEOPLE: DemoVeteran[] = [
  { last: ["Жумабекова", "Жұмабекова"], first: ["Бибигуль", "Бибігүл"], sex: "F", born: "1931-03-14", language: "kk", phone: "+77018880301", categories: ["home_front_worker"], pension: true },
  { last: ["Смирнов", "Смирнов"], first: ["Виктор", "Виктор"], sex: "M", born: "1933-11-02", language: "ru", phone: "+77018880302", categories: ["leningrad_blockade", "home_front_awarded"], pension: true },
  { last: ["Кравец", "Кравец"], first: ["Анна", "Анна"], sex: "F", born: "1937-06-20", language: "ru", phone: "+77018880303", categories: ["minor_prisoner"], pension: true },
  { last: ["Оспанова", "Оспанова"], first: ["Рахима", "Рахима"], sex: "F", born: "1935-01-09", language: "kk", phone: null, categories: ["wwii_widow"], pension: true },
  { last: ["Есенов", "Есенов"], first: ["Талгат", "Талғат"], sex: "M", born: "1960-08-30", language: "kk", phone: "+77018880305", categories: ["peacetime_fallen_family"], pension: true },
  { last: ["Ахметов", "Ахметов"], first: ["Серик", "Серік"], sex: "M", born: "1930-02-01", language: "ru", phone: null, categories: ["home_front_awarded"], pension: false },
];

/**
 * The 8.7 demonstration (ADR 024): a multi-child mother in Nura whose two youngest attend the
 * settlement's kindergarten. The registry knows the family and the multi-child status; the
 * kindergarten and the fee come from the education department's file (db/seed/preschool-demo.csv),
 * imported as an administrator would with `npx komek registry import-facts`.
 */
export const PRESCHOOL_DEMO_FAMILY = {
  mother: { iin: "860512494016", last: ["Сагинтаева", "Сағынтаева"], first: ["Гульнара", "Гүлнар"], sex: "F", born: "1986-05-12", language: "kk", phone: "+77015551401" },
  children: [
    { iin: "120305594023", first: ["Данияр", "Данияр"], sex: "M", born: "2012-03-05" },
    { iin: "151020694039", first: ["Айгерим", "Әйгерім"], sex: "F", born: "2015-10-20" },
    { iin: "200714594044", first: ["Нурислам", "Нұрислам"], sex: "M", born: "2020-07-14" },
    { iin: "211201694056", first: ["Амина", "Әмина"], sex: "F", born: "2021-12-01" },
  ],
} as const;

export const PRESCHOOL_DEMO_FILE = new URL("../../db/seed/preschool-demo.csv", import.meta.url);

export function listDemoIins(): string[] {
  return LIST_DEMO_PEOPLE.map((p, i) => makeIin(p.born, p.sex, 9301 + i)!);
}

/** Once only (each group's first person is its marker). Returns whether it seeded anything. */
export async function seedListsDemo(db: Db, passwordHash: string): Promise<boolean> {
  // The preschool family came later (ADR 024): a demonstration seeded before it gets it on its next start.
  const family = await seedPreschoolDemo(db, passwordHash);
  const iins = listDemoIins();
  if (await personExists(db, iins[0])) return family;
  await db.transaction(async (tx) => {
    for (const [i, p] of LIST_DEMO_PEOPLE.entries()) {
      const iin = iins[i];
      await tx.execute(sql`INSERT INTO registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex, preferred_language)
                           VALUES (${iin}, ${p.last[0]}, ${p.first[0]}, ${p.last[1]}, ${p.first[1]}, ${p.born}, ${p.sex}, ${p.language})`);
      await tx.execute(sql`INSERT INTO registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from)
                           VALUES (${iin}, 'permanent', ${NURA}, ${`п. Нура, ул. Абая, ${10 + i}`}, ${`Нұра кенті, Абай көшесі, ${10 + i}`}, '1990-01-01')`);
      if (p.phone) await tx.execute(sql`INSERT INTO registry.mobile_numbers (iin, phone) VALUES (${iin}, ${p.phone}) ON CONFLICT DO NOTHING`);
      if (p.pension) await tx.execute(sql`INSERT INTO registry.person_facts (iin, kind, value, valid_from, source) VALUES (${iin}, 'pension_recipient', 'age', '1995-01-01', 'ГК: получатели пенсий (демо)')`);
      for (const c of p.categories) {
        await tx.execute(sql`INSERT INTO registry.person_facts (iin, kind, value, valid_from, source) VALUES (${iin}, 'benefit_category', ${c}, '1995-01-01', 'Закон «О ветеранах»: удостоверение (демо)')`);
      }
    }
  });
  for (const iin of iins.slice(0, 2)) {
    await ensureCitizenAccount(db, iin);
    await setCitizenPassword(db, iin, passwordHash);
  }
  return true;
}

/** The family of PRESCHOOL_DEMO_FAMILY in the registry, then the kindergarten's file through the import. */
export async function seedPreschoolDemo(db: Db, passwordHash: string): Promise<boolean> {
  const { mother: m, children } = PRESCHOOL_DEMO_FAMILY;
  if (await personExists(db, m.iin)) return false;
  await db.transaction(async (tx) => {
    const person = (iin: string, last: readonly string[], first: readonly string[], sex: string, born: string, role: string, lng: string) =>
      tx.execute(sql`INSERT INTO registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex, preferred_language, household_role)
                     VALUES (${iin}, ${last[0]}, ${first[0]}, ${last[1]}, ${first[1]}, ${born}, ${sex}, ${lng}, ${role})`);
    await person(m.iin, m.last, m.first, m.sex, m.born, "head", m.language);
    for (const c of children) await person(c.iin, m.last, c.first, c.sex, c.born, "child", m.language);
    for (const [i, iin] of [m.iin, ...children.map((c) => c.iin)].entries()) {
      await tx.execute(sql`INSERT INTO registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from)
                           VALUES (${iin}, 'permanent', ${NURA}, 'п. Нура, ул. Бейбитшилик, 4', 'Нұра кенті, Бейбітшілік көшесі, 4', ${i === 0 ? "2008-01-01" : children[i - 1].born})`);
    }
    await tx.execute(sql`INSERT INTO registry.mobile_numbers (iin, phone) VALUES (${m.iin}, ${m.phone}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`INSERT INTO registry.person_facts (iin, kind, value, valid_from, source) VALUES (${m.iin}, 'multi_child', '4', '2021-12-01', 'ГК: многодетные семьи (демо)')`);
  });
  const parsed = parsePreschoolFile(fs.readFileSync(PRESCHOOL_DEMO_FILE, "utf8"));
  if (!parsed.ok) throw new Error(`db/seed/preschool-demo.csv: ${parsed.problems.map(formatProblem).join("; ")}`);
  const imported = await importPreschoolFacts(db, parsed.rows);
  if (!imported.ok) throw new Error(`db/seed/preschool-demo.csv: ${imported.problems.map(formatProblem).join("; ")}`);
  await ensureCitizenAccount(db, m.iin);
  await setCitizenPassword(db, m.iin, passwordHash);
  return true;
}

async function personExists(db: Db, iin: string): Promise<boolean> {
  const found = await db.execute(sql`SELECT 1 FROM registry.persons WHERE iin = ${iin}`);
  return (Array.isArray(found) ? found : (found as { rows: unknown[] }).rows).length > 0;
}
