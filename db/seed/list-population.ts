/**
 * Registry people for holiday lists, made set-based in SQL (the benchmark's 100,000 and the tests'
 * thousands): persons registered permanently in one settlement, a pension for the months before the
 * reference day (seed 003 clause 17: active recipients of pensions and benefits, a pension_recipient fact), and person_facts
 * spread by position so every category of an occasion has recipients. Deterministic.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../client";

export type ListPopulation = {
  /** How many persons. */
  count: number;
  /** 1–2 digits that start every IIN of this population (e.g. '97'), so populations never collide. */
  prefix: string;
  katoCode: string;
  /** The day the facts and the pension must hold on. */
  day: string;
  /** fact kind → value and one person in every `every` gets it (offset by `offset`). */
  facts: { kind: string; value?: string | null; every: number; offset?: number }[];
  /** One person in this many has no pension or benefit (not an active recipient). Default 10. */
  withoutPensionEvery?: number;
};

export const populationIin = (prefix: string, g: number) => `${prefix}${String(g).padStart(12 - prefix.length, "0")}`;

export async function insertListPopulation(db: Tx, p: ListPopulation): Promise<void> {
  const width = 12 - p.prefix.length;
  const iin = sql`(${p.prefix} || lpad(g::text, ${width}::int, '0'))`;
  await db.execute(sql`
    INSERT INTO registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex, preferred_language)
    SELECT ${iin}, 'Получатель', 'Список' || g, 'Алушы', 'Тізім' || g, date '1935-01-01' + (g % 20000), CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END::registry.sex,
           CASE WHEN g % 3 = 0 THEN 'kk' ELSE 'ru' END::registry.language
    FROM generate_series(1, ${p.count}::int) g`);
  await db.execute(sql`
    INSERT INTO registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from)
    SELECT ${iin}, 'permanent', ${p.katoCode}, 'ул. Абая, ' || g, 'Абай көшесі, ' || g, date '2000-01-01'
    FROM generate_series(1, ${p.count}::int) g`);
  const every = p.withoutPensionEvery ?? 10;
  await db.execute(sql`
    INSERT INTO registry.person_facts (iin, kind, value, valid_from, valid_to, source)
    SELECT ${iin}, 'pension_recipient', 'age', date '2000-01-01', NULL, 'ЕНПФ / ГК (population)'
    FROM generate_series(1, ${p.count}::int) g WHERE g % ${every}::int <> 0`);
  for (const f of p.facts) {
    await db.execute(sql`
      INSERT INTO registry.person_facts (iin, kind, value, valid_from, valid_to, source)
      SELECT ${iin}, ${f.kind}, ${f.value ?? null}, date '2000-01-01', NULL, 'population'
      FROM generate_series(1, ${p.count}::int) g WHERE g % ${f.every}::int = ${f.offset ?? 0}::int`);
  }
}
