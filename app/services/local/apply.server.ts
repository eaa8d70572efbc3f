/**
 * The citizen's local-assistance application on the portal (issue 14; seed 001 clauses 2 and 10):
 * pick a category of the district of the registered address, attach the scanned documents, sign with
 * ЭЦП, registered with the `local` definition's deadline. Only people with disabilities or socially
 * significant diseases may apply here (clause 2 sub-item 3); others are sent to the district office
 * or the village akim by the service page, which says so plainly.
 */
import { redirect } from "@remix-run/node";
import { and, asc, eq, gte, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db.server";
import { gatewayIn } from "../../gateway.server";
import { requireCitizen, type CitizenUser } from "../../session.server";
import { canonicalJson } from "../../signature/canonical";
import { verifyForRequest } from "../../signature/trust.server";
import type { VerifyFailureReason } from "../../signature/verify";
import { applicationDates } from "../../domain/application-day";
import { kzCalendar } from "../../domain/workdays";
import { getOrCreateDraft } from "../../../db/queries/applications";
import { factsOn } from "../../../db/queries/person-facts";
import { applications, localCases, localDocuments, personFacts, type Application } from "../../../db/schema";
import { registerCase } from "../register.server";
import { getService } from "../registry";
import { channelOf } from "../definition";
import { ruleSetInForce } from "./acts.server";
import { withinWindow } from "./amounts";
import { checkUpload, safeFileName } from "./documents";
import { PORTAL_APPLICANTS, satisfies } from "./eligibility";
import { districtOf } from "./page.server";
import { categoryOf, type Category, type RuleSet } from "./rule-set";
import { rulesToday } from "./rules-day.server";

export type StoredDocument = { id: string; docCode: string; fileName: string; sha256: string; sizeBytes: number };

export type ApplyContext = {
  user: CitizenUser;
  day: string;
  settlementKato: string;
  districtKato: string;
  rs: RuleSet;
  category: Category;
  application: Application;
  eventDate: string | null;
  documents: StoredDocument[];
};

/** Everything the apply page needs, or a redirect to the service page (which explains why) / 404. */
export async function applyContext(request: Request, code: string | undefined, now = new Date()): Promise<ApplyContext> {
  const user = await requireCitizen(request);
  const day = rulesToday(now);
  const { db } = await getDb();
  const gateway = gatewayIn(db);
  const regs = (await gateway.getRegistrations([user.iin])).filter((r) => r.kind === "permanent");
  const reg = regs.find((r) => r.validFrom <= day && (r.validTo === null || r.validTo >= day)) ?? regs.at(-1);
  const districtKato = reg ? districtOf(reg.katoCode) : null;
  const rs = districtKato ? ruleSetInForce(districtKato, day) : null;
  if (!reg || !districtKato || !rs) throw redirect("/services/local");
  const category = code ? categoryOf(rs, code) : undefined;
  if (!category || category.kind !== "needs" || category.byList) throw new Response("Not found", { status: 404 });
  const person = await gateway.getPerson(user.iin);
  const allowed = person ? satisfies(PORTAL_APPLICANTS, { facts: await factsOn(db, user.iin, day), birthDate: person.birthDate }, day) : false;
  if (!allowed) throw redirect("/services/local");
  const application = await getOrCreateDraft(db, "local", user.iin, now);
  if (application.status !== "draft" && application.status !== "rejected_at_check") throw redirect(`/applications/${application.id}`);
  const [lc] = await db.select().from(localCases).where(eq(localCases.applicationId, application.id));
  // A draft started for another category keeps nothing of it: its documents belong to that category.
  const sameCategory = lc?.categoryCode === category.code;
  const documents = sameCategory ? await documentsOf(application.id) : [];
  return { user, day, settlementKato: reg.settlementKato, districtKato, rs, category, application, eventDate: sameCategory ? (lc?.eventDate ?? null) : null, documents };
}

export async function documentsOf(applicationId: string): Promise<StoredDocument[]> {
  const { db } = await getDb();
  return db
    .select({ id: localDocuments.id, docCode: localDocuments.docCode, fileName: localDocuments.fileName, sha256: localDocuments.sha256, sizeBytes: localDocuments.sizeBytes })
    .from(localDocuments)
    .where(eq(localDocuments.applicationId, applicationId))
    .orderBy(asc(localDocuments.uploadedAt), asc(localDocuments.id));
}

/** Documents the category still lacks (codes). */
export function missingDocuments(ctx: Pick<ApplyContext, "category" | "documents">): string[] {
  return ctx.category.requiredDocuments.map((d) => d.code).filter((code) => !ctx.documents.some((d) => d.docCode === code));
}

/** The exact text the citizen signs: the district, the act, the category, the event day, each document's hash. */
export function localSignedText(ctx: ApplyContext): string {
  return canonicalJson({
    service: "local",
    applicationId: ctx.application.id,
    applicantIin: ctx.user.iin,
    district: ctx.districtKato,
    act: { number: ctx.rs.act.decision.number, date: ctx.rs.act.decision.date },
    category: { code: ctx.category.code, name: ctx.category.name.ru },
    eventDate: ctx.eventDate,
    documents: ctx.documents.map((d) => ({ code: d.docCode, fileName: d.fileName, sha256: d.sha256 })),
  });
}

export type SaveErrors = Record<string, string>;

/**
 * Saves the category, the event day and the attached files — all or nothing: one bad file or date
 * returns its error and changes nothing.
 */
export async function saveLocalDraft(ctx: ApplyContext, form: FormData, now = new Date()): Promise<SaveErrors | null> {
  const errors: SaveErrors = {};
  let eventDate: string | null = null;
  if (ctx.category.windowMonths) {
    const raw = String(form.get("eventDate") ?? "").trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) errors.eventDate = "local:apply.errors.eventDate";
    else if (!withinWindow(ctx.category, raw, ctx.day)) errors.eventDate = "local:apply.errors.window";
    else eventDate = raw;
  }
  const uploads: { docCode: string; file: File; bytes: Uint8Array }[] = [];
  const codes = [...ctx.category.requiredDocuments.map((d) => d.code), "other"];
  for (const code of codes) {
    const value = form.get(`doc-${code}`);
    if (!(value instanceof File) || value.size === 0) continue;
    const bytes = new Uint8Array(await value.arrayBuffer());
    const check = checkUpload(bytes);
    if (!check.ok) errors[`doc-${code}`] = `local:apply.errors.file_${check.reason}`;
    else uploads.push({ docCode: code, file: value, bytes });
  }
  for (const code of missingDocuments(ctx)) {
    if (!uploads.some((u) => u.docCode === code) && !errors[`doc-${code}`]) errors[`doc-${code}`] = "local:apply.errors.fileMissing";
  }
  if (Object.keys(errors).length) return errors;
  const { db } = await getDb();
  await db.transaction(async (tx) => {
    const row = {
      applicationId: ctx.application.id,
      districtKato: ctx.districtKato,
      actNumber: ctx.rs.act.decision.number,
      actDate: ctx.rs.act.decision.date,
      categoryCode: ctx.category.code,
      eventDate,
    };
    const [before] = await tx.select().from(localCases).where(eq(localCases.applicationId, ctx.application.id));
    if (before && before.categoryCode !== ctx.category.code) await tx.delete(localDocuments).where(eq(localDocuments.applicationId, ctx.application.id));
    await tx.insert(localCases).values(row).onConflictDoUpdate({ target: localCases.applicationId, set: row });
    for (const u of uploads) {
      // A new file for a document replaces the old one.
      await tx.delete(localDocuments).where(and(eq(localDocuments.applicationId, ctx.application.id), eq(localDocuments.docCode, u.docCode)));
      const check = checkUpload(u.bytes);
      if (!check.ok) throw new Error("checked above");
      await tx.insert(localDocuments).values({
        applicationId: ctx.application.id,
        docCode: u.docCode,
        fileName: safeFileName(u.file.name, check.type),
        contentType: check.type,
        sizeBytes: u.bytes.length,
        sha256: check.sha256,
        content: Buffer.from(u.bytes),
        uploadedAt: now,
      });
    }
    await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, ctx.application.id));
  });
  return null;
}

export type LocalSubmitOutcome =
  | { kind: "registered"; registrationNumber: string }
  | { kind: "incomplete" }
  | { kind: "payload_mismatch" }
  | { kind: "signature"; reason: VerifyFailureReason }
  | { kind: "already_applied"; registrationNumber: string | null }
  | { kind: "live_case" };

/**
 * Clause 12 ground 4 against Komek's own cases and the registry: the person already applied for (or
 * was assigned) this category under this act — a registered case that was not refused (its number) —
 * or the district's register records it as assigned or paid (a `local_assistance` fact; number null).
 */
const notRefused = sql`not exists (select 1 from decisions d where d.application_id = ${applications.id} and d.kind = 'refusal')`;

export async function earlierCaseOnThisGround(iin: string, ctx: Pick<ApplyContext, "districtKato" | "rs" | "category" | "application">, tx?: Tx) {
  // The caller's transaction when there is one (the staff decision reads it with the case locked).
  const db = tx ?? (await getDb()).db;
  const [row] = await db
    .select({ number: applications.registrationNumber })
    .from(applications)
    .innerJoin(localCases, eq(localCases.applicationId, applications.id))
    .where(
      and(
        eq(applications.applicantIin, iin),
        eq(applications.service, "local"),
        ne(applications.id, ctx.application.id),
        // Any registered case: a refusal's decision stays in the case, and a new application after it is allowed.
        ne(applications.status, "draft"),
        ne(applications.status, "rejected_at_check"),
        notRefused,
        eq(localCases.districtKato, ctx.districtKato),
        eq(localCases.actNumber, ctx.rs.act.decision.number),
        eq(localCases.categoryCode, ctx.category.code),
      ),
    )
    .limit(1);
  if (row) return row;
  // The district's register: assigned or paid on this ground under this act outside Komek.
  const [record] = await db
    .select({ id: personFacts.id })
    .from(personFacts)
    .where(
      and(
        eq(personFacts.iin, iin),
        eq(personFacts.kind, "local_assistance"),
        eq(personFacts.value, `${ctx.districtKato}:${ctx.category.code}`),
        gte(personFacts.validFrom, ctx.rs.act.inForce.from),
      ),
    )
    .limit(1);
  return record ? { number: null } : null;
}

export async function submitLocal(ctx: ApplyContext, postedPayload: string, jws: string, now = new Date()): Promise<LocalSubmitOutcome> {
  const { db } = await getDb();
  const [lc] = await db.select().from(localCases).where(eq(localCases.applicationId, ctx.application.id));
  if (!lc || lc.categoryCode !== ctx.category.code || missingDocuments(ctx).length) return { kind: "incomplete" };
  if (ctx.category.windowMonths && (!ctx.eventDate || !withinWindow(ctx.category, ctx.eventDate, ctx.day))) return { kind: "incomplete" };
  const expected = localSignedText(ctx);
  if (postedPayload !== expected) return { kind: "payload_mismatch" };
  const verdict = await verifyForRequest({ jws, expectedIin: ctx.user.iin, expectedPayload: expected });
  if (!verdict.valid) return { kind: "signature", reason: verdict.reason };
  const earlier = await earlierCaseOnThisGround(ctx.user.iin, ctx);
  if (earlier) return { kind: "already_applied", registrationNumber: earlier.number };
  const local = getService("local");
  const dates = applicationDates(now, channelOf(local, "portal"), kzCalendar);
  const outcome = await registerCase(db, local, {
    applicationId: ctx.application.id,
    applicantIin: ctx.user.iin,
    channel: "portal",
    members: [{ iin: ctx.user.iin, relation: "applicant" }],
    katoCode: ctx.settlementKato,
    applicationDate: dates.applicationDay,
    registeredBy: "system",
    now,
    signedPayload: expected,
    signature: jws,
    signerSerial: verdict.serialNumber,
  });
  if (!outcome.ok) return { kind: "live_case" };
  return { kind: "registered", registrationNumber: outcome.registrationNumber };
}
