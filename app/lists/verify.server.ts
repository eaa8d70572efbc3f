/**
 * /verify for one decision of a holiday or by-list payment list (ADR 024). The head signs the list as
 * a whole — its totals and the SHA-256 of all its lines 'IIN;category;amount' (ADR 017) — so a
 * decision is checked in three steps, all on the server, none showing another recipient:
 *  1. the number and the printed code find the decision (anything else reads as "not found");
 *  2. the list's stored signature is verified as of its signing, against the signer and payload on
 *     record (the notices' rule, checkStoredSignature), and the payload names this list and day;
 *  3. the digest of the list's granted lines, recomputed from the append-only grants, equals the
 *     signed one, and this decision's lines are among them — so its amounts are the ones signed.
 */
import { sql } from "drizzle-orm";
import { getDb } from "../db.server";
import { rowsOf } from "../../db/rows";
import type { Language } from "../../locales";
import { maskIin } from "../domain/masking";
import { checkStoredSignature } from "../notices/notices.server";
import { normalizeCode } from "../notices/text";
import type { VerifyFailureReason } from "../signature/verify";
import type { ApprovalFacts } from "./lists.server";
import { namesFor } from "./pages.server";
import { LIST_DECISION_NUMBER } from "./rules";

export { LIST_DECISION_NUMBER };

export type ListDecisionOutcome =
  | {
      valid: true;
      kind: "list_decision";
      number: string;
      recipient: string;
      decidedOn: string;
      paymentDate: string;
      what: string;
      lines: { name: string; amountTenge: number }[];
      totalTenge: number;
      list: { recipients: number; totalTenge: number; linesSha256: string };
      signerName: string;
      signedAt: string;
      serial: string;
    }
  | { valid: false; kind: "list_decision"; reason: "not_found" | "tampered" | VerifyFailureReason };

type Row = {
  id: number; number: string; iin: string; decided_on: string; payment_date: string; total_tenge: number; list_id: number;
  kind: "holiday" | "needs"; subject: string; act_id: string; approval_payload: string; approval_signature: string; signer_iin: string; approved_at: Date | string;
  lines: { code: string; amount: number }[]; digest: string;
};

export async function verifyListDecision(number: string, code: string, lng: Language): Promise<ListDecisionOutcome> {
  const normalized = normalizeCode(code);
  if (!LIST_DECISION_NUMBER.test(number) || normalized.length !== 10) return { valid: false, kind: "list_decision", reason: "not_found" };
  const { db } = await getDb();
  const [row] = rowsOf<Row>(
    await db.execute(sql`
      SELECT d.id::int, d.number, d.iin, d.decided_on::text, d.payment_date::text, d.total_tenge, d.list_id::int,
             l.kind, l.subject, l.act_id, l.approval_payload, l.approval_signature, l.signer_iin, l.approved_at,
             (SELECT jsonb_agg(jsonb_build_object('code', g.category_code, 'amount', g.amount_tenge) ORDER BY g.category_code)
                FROM local_grants g WHERE g.decision_id = d.id) AS lines,
             (SELECT encode(sha256(convert_to(coalesce(string_agg(g.recipient_iin || ';' || g.category_code || ';' || g.amount_tenge::text, E'\n'
                       ORDER BY g.recipient_iin, g.category_code), ''), 'UTF8')), 'hex')
                FROM local_grants g WHERE g.list_id = d.list_id) AS digest
      FROM local_decisions d JOIN local_lists l ON l.id = d.list_id
      WHERE d.number = ${number} AND d.verification_code = ${normalized} AND l.status = 'approved' AND l.approval_signature IS NOT NULL`),
  );
  if (!row) return { valid: false, kind: "list_decision", reason: "not_found" };
  const signedAt = new Date(row.approved_at);
  const signature = await checkStoredSignature({ jws: row.approval_signature, signerIin: row.signer_iin.trim(), payload: row.approval_payload, signedAt });
  if (!signature.valid) return { valid: false, kind: "list_decision", reason: signature.reason };
  let signed: ApprovalFacts;
  try {
    signed = JSON.parse(row.approval_payload) as ApprovalFacts;
  } catch {
    return { valid: false, kind: "list_decision", reason: "tampered" };
  }
  const lines = row.lines ?? [];
  const ownTotal = lines.reduce((sum, l) => sum + Number(l.amount), 0);
  const belongs =
    signed.kind === "local-list-approval" && signed.listId === row.list_id && signed.decidedOn === row.decided_on && signed.paymentDate === row.payment_date &&
    signed.linesSha256 === row.digest && lines.length > 0 && ownTotal === Number(row.total_tenge);
  if (!belongs) return { valid: false, kind: "list_decision", reason: "tampered" };
  const names = await namesFor(row, lng);
  const pick = (c: { nameRu: string; nameKk: string } | undefined, fallback: string) => (c ? (lng === "kk" ? c.nameKk : c.nameRu) : fallback);
  return {
    valid: true,
    kind: "list_decision",
    number: row.number,
    recipient: maskIin(row.iin),
    decidedOn: row.decided_on,
    paymentDate: row.payment_date,
    what: names.what,
    lines: lines.map((l) => ({ name: pick(names.category(l.code), l.code), amountTenge: Number(l.amount) })),
    totalTenge: Number(row.total_tenge),
    list: { recipients: signed.recipients, totalTenge: signed.totalTenge, linesSha256: signed.linesSha256 },
    signerName: signature.commonName,
    signedAt: signedAt.toISOString(),
    serial: signature.serialNumber,
  };
}
