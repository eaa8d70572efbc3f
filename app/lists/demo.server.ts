/**
 * DEMO DATA ONLY (KOMEK_DEMO=1, `npm start`): Nura residents the 9 May list finds — veterans of the
 * home front, a minor prisoner of a concentration camp, a worker of besieged Leningrad who is also
 * awarded for the home front (two categories of one occasion), a widow — each an active pension
 * recipient (clause 17), and one who is not. The first two can sign in (README "What to try").
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ensureCitizenAccount, setCitizenPassword } from "../../db/queries/accounts";
import { makeIin } from "../domain/iin";

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

export function listDemoIins(): string[] {
  return LIST_DEMO_PEOPLE.map((p, i) => makeIin(p.born, p.sex, 9301 + i)!);
}

/** Once only (the first person's row is the marker). Returns whether it seeded. */
export async function seedListsDemo(db: Db, passwordHash: string): Promise<boolean> {
  const iins = listDemoIins();
  const existing = await db.execute(sql`SELECT 1 FROM registry.persons WHERE iin = ${iins[0]}`);
  if ((Array.isArray(existing) ? existing : (existing as { rows: unknown[] }).rows).length > 0) return false;
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
