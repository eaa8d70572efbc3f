/**
 * TEST AND DEMO DATA ONLY — reached from POST /dev/fixtures/decide, which answers 404 unless demo mode
 * is on (app/routes/dev.fixtures.decide.ts).
 *
 * Decides a registered case the staff's way: every step goes through app/staff/deciding.server.ts as
 * the demo district staff (specialist, commission, head), and the head signs the notice with the demo
 * key file, so the signed notice, its delivery and the decision SMS are the real ones. A refusal rests
 * on the commission's conclusion (Annex 12 item 9 sub-item 5).
 */
import { findStaffById, findStaffByLogin } from "../../db/queries/accounts";
import { findCase } from "../../db/queries/cases";
import { latestCalculation } from "../../db/queries/deciding";
import type { Db } from "../../db/client";
import type { StaffUser } from "../session.server";
import { readDemoKeyFile } from "../signature/demo-keys.server";
import { openKeyFile } from "../signature/signer";
import { DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { kzDate, kzStartOfDay } from "../domain/kz-time";
import { noticePayload } from "../notices/text";
import {
  assignSpecialist, computeIncome, draftDecision, noticeFacts, recordSurvey, sendToCommission, signAndDeliver, type StepOutcome,
} from "./deciding.server";

async function staff(db: Db, login: string): Promise<StaffUser> {
  const row = await findStaffByLogin(db, login);
  const found = row ? await findStaffById(db, row.id) : null;
  if (!found) throw new Error(`demo staff ${login} is missing: seed the demo accounts first`);
  return { kind: "staff", staff: found.staff, office: found.office, sessionHash: "demo-fixture" };
}

function must(step: string, outcome: StepOutcome) {
  if (!outcome.ok) throw new Error(`demo decision: ${step} failed: ${JSON.stringify(outcome)}`);
}

export async function decideDemoCase(db: Db, applicationId: string, kind: "assignment" | "refusal", verifyUrl: string, now = new Date()) {
  const [specialist, commission, head] = await Promise.all([staff(db, "nura.specialist"), staff(db, "nura.commission"), staff(db, "nura.head")]);
  const first = await findCase(db, applicationId);
  if (!first?.applicationDate) throw new Error(`no registered case ${applicationId}`);
  // A case filed after working hours starts on the next working day; its survey cannot be earlier.
  const dayStart = new Date(kzStartOfDay(first.applicationDate).getTime() + 10 * 3_600_000);
  const at = now < dayStart ? dayStart : now;
  const ctx = async (user: StaffUser) => ({ user, application: (await findCase(db, applicationId))!, now: at });
  must("send_to_commission", await sendToCommission(await ctx(specialist)));
  must(
    "record_survey",
    await recordSurvey(await ctx(commission), {
      surveyedOn: kzDate(at),
      membersPresent: "Заявитель; члены комиссии",
      livingConditions: "Частный дом, печное отопление",
      propertySeen: "нет",
      conclusion: kind === "refusal" ? "not_needy" : "needy",
      notes: null,
    }),
  );
  must("assign_specialist", await assignSpecialist(await ctx(head), specialist.staff.id));
  must("compute_income", await computeIncome(await ctx(specialist)));
  const calculation = await latestCalculation(db, applicationId);
  const month = kzDate(at).slice(0, 7);
  must(
    "draft_decision",
    await draftDecision(
      await ctx(specialist),
      kind === "refusal"
        ? { kind: "refusal", grounds: ["commission_found_no_need"], events: {} }
        : { kind: "assignment", amountTiyn: calculation!.amountTiyn, period: { from: month, to: month } },
    ),
  );
  const signing = await ctx(head);
  const built = await noticeFacts(db, signing, verifyUrl);
  if (!built) throw new Error("demo decision: no notice to sign");
  const payload = noticePayload(built.facts);
  const key = await readDemoKeyFile(`${head.staff.iin}.p12`);
  if (!key) throw new Error("demo decision: the head's demo key file is missing (komek pki init)");
  const jws = await (await openKeyFile(key.bytes, DEMO_KEY_PASSWORD)).sign(payload);
  const signed = await signAndDeliver(signing, { postedPayload: payload, jws, verifyUrl });
  if (!signed.ok) throw new Error(`demo decision: signing failed: ${JSON.stringify(signed)}`);
  return { noticeId: built.noticeId };
}
