/**
 * Clause 7-1 check 2 (seed 000): «отсутствие факта назначения, выплаты, а также подачи заявления на
 * назначение адресной социальной помощи». One definition for every channel (ADR 012):
 *
 *   a person has prior assistance on day D when the state holds an assignment, a payment or an
 *   application for them whose period has not ended before D — an assignment whose period reaches D,
 *   a payment for D's month (or later), an application not yet decided (no period end) —
 *   or when they are in a live Komek case of the same service.
 *
 * A payment for a month that has ended is history, not a fact in force: the family whose assignment
 * ran out last month may apply for the next period at once. The SQL twin is db/queries/prior-assistance.ts;
 * tests/integration/prior-assistance-parity.test.ts proves both pick the same people.
 */
export type PriorRecordKind = "assignment" | "payment" | "application";

export type PriorRecord = { iin: string; kind: PriorRecordKind; periodFrom: string; periodTo: string | null };

/** Is this registry record a fact of assignment, payment or application in force on `day` (YYYY-MM-DD)? */
export function priorRecordInForce(record: Pick<PriorRecord, "periodTo">, day: string): boolean {
  return record.periodTo === null || record.periodTo >= day;
}

/** The records in force on `day`, as the check reports them. */
export function priorAssistanceOn(records: readonly PriorRecord[], day: string): { iin: string; kind: PriorRecordKind }[] {
  return records.filter((r) => priorRecordInForce(r, day)).map((r) => ({ iin: r.iin, kind: r.kind }));
}
