/**
 * Registry families and their signed e-applications, made directly (no generator), for the fault and
 * scale-out tests: each family lives in one settlement, the applicant has an open account, nobody has
 * ASP — so every 7-1 check passes unless the test makes families share members.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { applications, bankAccounts, households, kato, persons, registrations } from "../db/schema";
import type { Draft } from "../app/domain/application-draft";
import { signedText } from "../app/application/submit.server";
import { issuePersonCertificate, type CertificateAuthority } from "../app/signature/pki";
import { signAs } from "../app/signature/testing";
import type { PreparedSubmission } from "./workloads/submit";

/** Persons registered permanently in one settlement; returns its KATO code. */
export async function insertRegistryPeople(db: Db, iins: string[]): Promise<string> {
  const [{ code: katoCode }] = await db.select({ code: kato.code }).from(kato).where(eq(kato.isSettlement, true)).orderBy(kato.code).limit(1);
  for (let i = 0; i < iins.length; i += 500) {
    const chunk = iins.slice(i, i + 500);
    await db
      .insert(persons)
      .values(chunk.map((iin, j) => ({ iin, lastNameRu: "Тестов", firstNameRu: `Житель ${i + j}`, lastNameKk: "Тестов", firstNameKk: `Тұрғын ${i + j}`, birthDate: birthDateOf(iin), sex: Number(iin[6]) % 2 ? ("M" as const) : ("F" as const) })))
      .onConflictDoNothing();
    await db
      .insert(registrations)
      .values(chunk.map((iin) => ({ iin, kind: "permanent" as const, katoCode, addressRu: "ул. Тестовая, 1", addressKk: "Тест көшесі, 1", validFrom: "2000-01-01" })));
  }
  return katoCode;
}

/** A Kaspi account for each applicant: KZ + 2 check digits + bank 722 + 13 digits from the IIN. */
export async function openAccounts(db: Db, iins: string[]): Promise<Map<string, string>> {
  const ibans = new Map(iins.map((iin) => [iin, `KZ00722${iin}0`]));
  await db.insert(bankAccounts).values(iins.map((iin) => ({ iin, iban: ibans.get(iin)!, bankCode: "722", openedAt: "2020-01-01" })));
  return ibans;
}

/**
 * Members come only from the applicant's registry household (ADR 010): each family goes into one
 * household, and families that share a person share that household (a person has one).
 */
async function shareHouseholds(db: Db, families: string[][]) {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const family of families) for (const iin of family) if (!parent.has(iin)) parent.set(iin, iin);
  for (const [first, ...rest] of families) for (const iin of rest) parent.set(find(iin), find(first));
  const groups = new Map<string, string[]>();
  for (const iin of parent.keys()) groups.set(find(iin), [...(groups.get(find(iin)) ?? []), iin]);
  for (const [head, iins] of groups) {
    const [household] = await db.insert(households).values({}).returning({ id: households.id });
    await db
      .update(persons)
      .set({ householdId: household.id, householdRole: sql`case when ${persons.iin} = ${head} then 'head' else 'other' end::registry.household_role` })
      .where(inArray(persons.iin, iins));
  }
}

/** A complete draft for `applicant` with these other members, stored, and signed by the applicant. */
export async function signedSubmissions(
  db: Db,
  ca: CertificateAuthority,
  keys: CryptoKeyPair,
  families: { applicant: string; members: string[]; iban: string }[],
  now: Date,
): Promise<PreparedSubmission[]> {
  await shareHouseholds(db, families.map((f) => [f.applicant, ...f.members]));
  const drafts = families.map((f): Draft => ({
    applicantSeen: true,
    members: f.members.map((iin) => ({ iin, relation: "sibling" as const })),
    membersConfirmed: true,
    incomesConfirmed: true,
    payment: { kind: "on_file", iban: f.iban, bankCode: "722" },
    consent: { at: now.toISOString(), phone: "+77000000000" },
  }));
  const rows = await db
    .insert(applications)
    .values(families.map((f, i) => ({ service: "asp", applicantIin: f.applicant, channel: "portal" as const, status: "draft" as const, draft: drafts[i], createdAt: now, updatedAt: now })))
    .returning();
  return Promise.all(
    families.map(async (f, i) => {
      const entity = await issuePersonCertificate(ca, { iin: f.applicant, surname: "Тестов", givenName: "Житель" }, { keys });
      const text = signedText(rows[i], drafts[i]);
      return { application: rows[i], draft: drafts[i], postedPayload: text, jws: await signAs(entity, text) };
    }),
  );
}

function birthDateOf(iin: string) {
  const century = Number(iin[6]) <= 2 ? 1800 : Number(iin[6]) <= 4 ? 1900 : 2000;
  return `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}
