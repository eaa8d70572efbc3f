/**
 * THE ONE FIXTURE for an application-based local assistance assignment (service `local`, numbers
 * LSA-…) in bulk: a registered application, its `local_cases` row (district, act and category the
 * case was filed under), an assignment decision (`decisions`, kind `assignment`, amount per payment,
 * period 'YYYY-MM'–'YYYY-MM') and a notice signed by the specialist and then the head, delivered —
 * the rows the staff steps leave (ADR 022; signDemoAssignment records both signatures, the database
 * refuses the head's alone). The payment pipeline starts from exactly these rows (ADR 023);
 * tests/integration/local-deciding.test.ts pays a decision made through the real steps.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { createDemoAssignments, type DemoAssignment } from "../../app/payments/demo.server";
import { localDefinition } from "../../app/services/local/definition";

/** Nura district and its act № 159 of 29 April 2025 (app/services/local/acts). */
export const NURA_ACT = { districtKato: "355200000", actNumber: "159", actDate: "2025-04-29" } as const;

export type LocalAssignment = DemoAssignment & { categoryCode: string; eventDate?: string | null };

export async function createLocalAssignments(
  db: Db, list: LocalAssignment[], now: Date, act: { districtKato: string; actNumber: string; actDate: string } = NURA_ACT,
): Promise<{ applicationId: string; iban: string; registrationNumber: string; decisionId: number }[]> {
  const out = [];
  for (const a of list) {
    const [made] = await createDemoAssignments(db, [a], now, localDefinition);
    await db.execute(sql`
      INSERT INTO local_cases (application_id, district_kato, act_number, act_date, category_code, event_date, commission_amount_tiyn)
      VALUES (${made.applicationId}, ${act.districtKato}, ${act.actNumber}, ${act.actDate}::date, ${a.categoryCode}, ${a.eventDate ?? null}, ${a.amountTiyn})`);
    out.push(made);
  }
  return out;
}
