/**
 * TEST AND DEMO DATA ONLY — reached from POST /dev/fixtures/lists, which answers 404 unless demo mode is
 * on (app/routes/dev.fixtures.lists.ts).
 *
 * Generates, reviews and approves one by-list list of Nura the staff's way (app/lists/pages.server.ts
 * as nura.specialist and nura.head), the head signing with the demo key file, so the decisions, grants,
 * SMS and the signature /verify checks are the real ones. The 1414 e2e uses the 8.7 preschool list of
 * the second half of 2025 (the demonstration family of app/lists/demo.server.ts); no other suite does.
 */
import { findStaffById, findStaffByLogin } from "../../db/queries/accounts";
import type { Db } from "../../db/client";
import type { StaffUser } from "../session.server";
import { readDemoKeyFile } from "../signature/demo-keys.server";
import { openKeyFile } from "../signature/signer";
import { DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { approvalView, approveWithSignature, districtOf, requireList, reviewed, rulesForStaff, startGeneration } from "./pages.server";

async function staff(db: Db, login: string): Promise<StaffUser> {
  const row = await findStaffByLogin(db, login);
  const found = row ? await findStaffById(db, row.id) : null;
  if (!found) throw new Error(`demo staff ${login} is missing: seed the demo accounts first`);
  return { kind: "staff", staff: found.staff, office: found.office, sessionHash: "demo-fixture" };
}

export async function approveDemoList(db: Db, input: { kind: "holiday" | "needs"; subject: string; year: number; half: 1 | 2 }) {
  const [specialist, head] = await Promise.all([staff(db, "nura.specialist"), staff(db, "nura.head")]);
  const { rules } = await rulesForStaff(specialist);
  if (!rules) throw new Error(`demo list: no act in force for ${districtOf(specialist)}`);
  const listId = await startGeneration(specialist, rules, input, true);
  const list = await requireList(specialist, String(listId));
  if (list.status === "approved") return { listId: list.id, approved: false };
  await reviewed(specialist, list);
  const view = await approvalView(await requireList(head, String(list.id)));
  const key = await readDemoKeyFile(`${head.staff.iin}.p12`);
  if (!key) throw new Error("demo list: the head's demo key file is missing (komek pki init)");
  const jws = await (await openKeyFile(key.bytes, DEMO_KEY_PASSWORD)).sign(view.payload);
  const outcome = await approveWithSignature(head, await requireList(head, String(list.id)), rules, { payload: view.payload, jws });
  if (!outcome.ok) throw new Error(`demo list: approval failed: ${outcome.error}`);
  return { listId: list.id, approved: true, decisions: outcome.decisions };
}
