/** Reading and verifying signed notices: the citizen's copy, the PDF, the signed file, and /verify. */
import { getDb } from "../db.server";
import { getUser, servesKato } from "../session.server";
import { recordCaseAccess } from "../audit/access.server";
import { loadTrustMaterial } from "../signature/trust.server";
import { verifySignature, type VerifyFailureReason } from "../signature/verify";
import type { Notice } from "../../db/schema";
import * as q from "../../db/queries/deciding";
import { decisionKindKey } from "./decision-kind";
import { fixedT, formatCode, normalizeCode, parseNoticePayload } from "./text";
import { embeddedJws, isPdf, renderNoticePdf } from "./pdf.server";
import { isLanguage, type Language } from "../../locales";
import { getLanguage } from "../i18n.server";
import { formatKzDateTime } from "../components/dates";
import { intakeOf } from "../../db/queries/intake";
import { isIntakeRole } from "../intake/channels";

const STAFF_ROLES = ["specialist", "commission", "head"];

export type NoticeForm = "page" | "pdf" | "signed" | "print";

/**
 * A signed notice the requester may read: its applicant, or staff of the district that decided it.
 * Anyone else gets 404, as for a notice that does not exist.
 */
export async function requireNoticeAccess(request: Request, id: string | undefined, form: NoticeForm): Promise<Notice> {
  const user = await getUser(request);
  const { db } = await getDb();
  const found = user && id ? await q.findSignedNotice(db, id) : null;
  const allowed =
    !!found &&
    (user?.kind === "citizen"
      ? found.applicantIin === user.iin && found.notice.deliveredAt !== null
      : user?.kind === "staff" &&
        ((STAFF_ROLES.includes(user.staff.role) && !!found.katoCode && servesKato(user, found.katoCode)) ||
          // The Centre or the akim who accepted the papers prints the notice to hand it over (issue 16).
          (isIntakeRole(user.staff.role) && (await intakeOf(db, found.notice.applicationId))?.officeCode === user.office.code)));
  if (!found || !allowed) {
    if (!user) {
      const url = new URL(request.url);
      throw new Response(null, { status: 302, headers: { Location: `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}` } });
    }
    throw new Response("Not found", { status: 404 });
  }
  // Staff reading a notice read the applicant's (and the family's) data: it goes to their access log.
  if (user?.kind === "staff") {
    await recordCaseAccess(user, { id: found.notice.applicationId, applicantIin: found.applicantIin, registrationNumber: found.notice.registrationNumber }, "notice_reading", { form });
  }
  return found.notice;
}

export function noticeText(notice: Notice, lng: Language) {
  const [title, ...lines] = (lng === "kk" ? notice.textKk! : notice.textRu!).split("\n");
  return { title, lines };
}

/**
 * The signer as the notice names them in that language: the signed payload carries both forms (the
 * certificate's common name is the Russian one), so the Kazakh notice says the Kazakh name.
 */
export function signerNameIn(notice: Pick<Notice, "payload" | "signerName">, lng: Language): string {
  const signer = notice.payload ? parseNoticePayload(notice.payload)?.signer : undefined;
  const name = signer ? (lng === "kk" ? signer.nameKk : signer.nameRu) : null;
  return name || notice.signerName || "";
}

/** The specialist who signed a local-assistance notice before the head (ADR 022), in that language, or null. */
export function cosignerIn(notice: Pick<Notice, "payload">, lng: Language): { name: string; signedAt: string; serial: string | null } | null {
  const c = notice.payload ? parseNoticePayload(notice.payload)?.cosigner : undefined;
  return c ? { name: lng === "kk" ? c.nameKk : c.nameRu, signedAt: c.signedAt, serial: c.serial } : null;
}

/** The PDF's signature line: the signer's name in the notice's language and the time in Astana (UTC+5). */
export function pdfSignatureLine(notice: Pick<Notice, "payload" | "signerName" | "signerSerial" | "signedAt">, lng: Language) {
  return fixedT(lng)("deciding:notice.pdfSignature", {
    name: signerNameIn(notice, lng),
    date: `${formatKzDateTime(notice.signedAt!.toISOString())} (UTC+5)`,
    serial: notice.signerSerial,
  });
}

function cosignerLines(notice: Notice, lng: Language): string[] {
  const c = cosignerIn(notice, lng);
  return c ? [fixedT(lng)("deciding:notice.pdfSignature", { name: c.name, date: `${formatKzDateTime(c.signedAt)} (UTC+5)`, serial: c.serial ?? "—" })] : [];
}

export async function noticePdf(notice: Notice, lng: Language) {
  const t = fixedT(lng);
  const { title, lines } = noticeText(notice, lng);
  const signedAt = notice.signedAt!;
  return renderNoticePdf({
    lang: lng,
    title,
    lines,
    footer: [...cosignerLines(notice, lng), pdfSignatureLine(notice, lng), t("deciding:notice.pdfAttachment")],
    registrationNumber: notice.registrationNumber,
    verificationCode: notice.verificationCode,
    jws: notice.signature!,
    signedAt,
  });
}

export type VerifyOutcome =
  | {
      valid: true; registrationNumber: string; kind: "assignment" | "refusal"; signerName: string; signedAt: string; serial: string;
      /** The specialist who signed first, in both languages (the page shows the reader's). */
      cosignerName: { ru: string; kk: string } | null;
      /** The i18n key naming the decision in its service's own words (ADR 022). */
      kindKey: string;
    }
  | { valid: false; reason: "not_found" | "unknown" | "tampered" | "pdf_without_signature" | VerifyFailureReason };

/**
 * A stored signature checked as of its signing time, against the signer and payload on record: the
 * notices' rule, shared with the list decisions of app/lists/verify.server.ts.
 */
export async function checkStoredSignature(stored: { jws: string; signerIin: string; payload: string; signedAt: Date }) {
  const { trustAnchors, crls } = await loadTrustMaterial();
  return verifySignature({ jws: stored.jws, expectedIin: stored.signerIin, expectedPayload: stored.payload, trustAnchors, crls, now: stored.signedAt });
}

/**
 * A stored notice is checked as of its signing time (a certificate that expired since does not make
 * an old notice invalid), against the stored signer and payload.
 */
async function check(notice: Notice, jws: string): Promise<VerifyOutcome> {
  const result = await checkStoredSignature({ jws, signerIin: notice.signerIin!, payload: notice.payload!, signedAt: notice.signedAt! });
  if (!result.valid) return { valid: false, reason: result.reason };
  const payload = parseNoticePayload(notice.payload!);
  return {
    valid: true,
    registrationNumber: notice.registrationNumber,
    kind: payload?.decision.kind ?? "refusal",
    kindKey: decisionKindKey(payload?.local ? "local" : "asp", payload?.decision.kind ?? "refusal"),
    signerName: result.commonName,
    signedAt: notice.signedAt!.toISOString(),
    serial: result.serialNumber,
    // The head's signature covers the payload, which names the specialist who signed first.
    cosignerName: payload?.cosigner ? { ru: payload.cosigner.nameRu, kk: payload.cosigner.nameKk } : null,
  };
}

export { REGISTRATION_NUMBER } from "../services/definition";

export async function verifyByCode(registrationNumber: string, code: string): Promise<VerifyOutcome> {
  const { db } = await getDb();
  const notice = await q.findNoticeByCode(db, registrationNumber.toUpperCase(), normalizeCode(code));
  if (!notice) return { valid: false, reason: "not_found" };
  return check(notice, notice.signature!);
}

/**
 * An uploaded file: the compact JWS as downloaded, or any JSON holding it under `signature`. The notice
 * it claims to be is looked up by the id in its payload; a changed byte anywhere fails.
 */
export async function verifyFile(text: string): Promise<VerifyOutcome> {
  let jws = text.trim();
  if (jws.startsWith("{")) {
    try {
      const parsed = JSON.parse(jws) as { signature?: unknown };
      jws = typeof parsed.signature === "string" ? parsed.signature.trim() : "";
    } catch {
      return { valid: false, reason: "malformed" };
    }
  }
  const parts = jws.split(".");
  if (parts.length !== 3) return { valid: false, reason: "malformed" };
  let claimed: ReturnType<typeof parseNoticePayload> = null;
  try {
    claimed = parseNoticePayload(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return { valid: false, reason: "malformed" };
  }
  if (!claimed) return { valid: false, reason: "unknown" };
  const { db } = await getDb();
  const found = await q.findSignedNotice(db, claimed.noticeId);
  if (!found) return { valid: false, reason: "unknown" };
  const outcome = await check(found.notice, jws);
  // A file whose signature does not cover its content has been changed after signing.
  if (!outcome.valid && outcome.reason === "bad_signature") return { valid: false, reason: "tampered" };
  return outcome;
}

/** The cabinet's list: notices of decisions and notifications of extended terms. */
export async function cabinetNotices(applicantIin: string, lng: Language) {
  const { db } = await getDb();
  const t = fixedT(lng);
  const [decisions, agencies] = await Promise.all([q.deliveredNoticesOf(db, applicantIin), q.agencyNotificationsOf(db, applicantIin)]);
  return [
    ...decisions.map((n) => ({
      key: `n${n.id}`,
      href: `/notices/${n.id}`,
      title: t("deciding:cabinet.decision", { number: n.registrationNumber, kind: t(decisionKindKey(n.service, n.kind)) }),
      text: null as string | null,
      signedBy: null as string | null,
      at: n.deliveredAt!.toISOString(),
    })),
    ...agencies.map((r) => ({
      key: `a${r.id}`,
      href: null as string | null,
      title: t("deciding:cabinet.agency", { number: r.registrationNumber }),
      text: lng === "kk" ? r.kk : r.ru,
      signedBy: r.signerName,
      at: r.notifiedAt!.toISOString(),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * An uploaded file as bytes: the PDF notice (its embedded signed file is checked), or the signed file
 * itself. A PDF without a signed file inside is reported as such, not as a damaged file.
 */
export async function verifyUpload(bytes: Uint8Array): Promise<VerifyOutcome & { source: "pdf" | "jws" }> {
  if (isPdf(bytes)) {
    const jws = await embeddedJws(bytes);
    if (!jws) return { valid: false, reason: "pdf_without_signature", source: "pdf" };
    return { ...(await verifyFile(jws)), source: "pdf" };
  }
  return { ...(await verifyFile(new TextDecoder().decode(bytes))), source: "jws" };
}

/**
 * What the notice page and its printed copy both show: the text and the signer in the language asked
 * for (`?lang=`), else the reader's own, with the verification code as printed.
 */
export async function noticeView(request: Request, notice: Notice) {
  const asked = new URL(request.url).searchParams.get("lang");
  const lang = isLanguage(asked) ? asked : await getLanguage(request);
  return {
    id: notice.id,
    lang,
    registrationNumber: notice.registrationNumber,
    text: noticeText(notice, lang),
    signerName: signerNameIn(notice, lang),
    cosigner: cosignerIn(notice, lang),
    signedAt: notice.signedAt!.toISOString(),
    code: formatCode(notice.verificationCode),
  };
}
