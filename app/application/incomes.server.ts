/** The family's incomes for the quarter before the quarter of application, from the registry. */
import type { Gateway } from "../domain/gateway";
import { perCapitaIncome, quarterBefore } from "../domain/income";
import { kzDate } from "../domain/kz-time";

export async function familyIncomes(gateway: Gateway, memberIins: string[], now: Date) {
  const quarter = quarterBefore(kzDate(now));
  const ym = (m: string) => m.slice(0, 7);
  const incomes = await gateway.getIncomes(memberIins, ym(quarter.from), ym(quarter.to));
  const records = incomes.map((i) => ({ iin: i.iin, month: `${ym(i.month)}-01`, amount: i.amount, source: i.source }));
  const result = perCapitaIncome({ incomes: records, members: memberIins, quarter });
  if (!result.ok) throw new Error(`income computation failed: ${JSON.stringify(result.errors)}`);
  return { quarter, records, breakdown: result.value };
}
