/**
 * The development PKI on disk: `komek pki init` writes it, the /dev/keys pages read it.
 *
 *   ca.pem       trust anchor bundle (the test root)
 *   crl.pem      CRLs of the intermediate and of the root (`X509 CRL` blocks)
 *   <iin>.p12    a key file for every demo citizen and staff member (password DEMO_KEY_PASSWORD)
 *   revoked.p12  a second key of the first demo citizen, listed on the CRL
 *   expired.p12  an old key of the first demo citizen, past its validity
 *   index.json   what is where, for the download page
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { demoCitizens, demoStaff, DEMO_KEY_PASSWORD } from "../../db/seed/demo-people";
import { createCrl, createIntermediateCa, createRootCa, issuePersonCertificate, toPkcs12, type EndEntity } from "./pki";
import { certificateToPem, crlToPem } from "./pem";
import { pkiDir } from "./trust.server";
import { demoMode } from "../env.server";

const DAY = 24 * 60 * 60 * 1000;

export const demoKeyEntry = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{1,64}\.p12$/),
  iin: z.string().regex(/^\d{12}$/),
  nameRu: z.string(),
  nameKk: z.string(),
  role: z.enum(["citizen", "specialist", "commission", "head", "callcenter", "admin", "payment_officer", "finance_officer", "centre_specialist", "akim"]),
  login: z.string().nullable(),
  status: z.enum(["valid", "revoked", "expired"]),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type DemoKeyEntry = z.infer<typeof demoKeyEntry>;

export const demoKeyIndex = z.object({
  version: z.literal(1),
  generatedAt: z.string(),
  password: z.string(),
  trustAnchors: z.literal("ca.pem"),
  crl: z.literal("crl.pem"),
  keys: z.array(demoKeyEntry),
});
export type DemoKeyIndex = z.infer<typeof demoKeyIndex>;

type Env = Record<string, string | undefined>;

/** Demo keys are served in a demonstration only (app/env.server.ts demoMode). */
export function demoKeysEnabled(env: Env = process.env): boolean {
  return demoMode(env);
}

/** The index, or null when `komek pki init` has not run (or wrote something we cannot read). */
export async function readDemoKeyIndex(dir = pkiDir()): Promise<DemoKeyIndex | null> {
  try {
    return demoKeyIndex.parse(JSON.parse(await fs.readFile(path.join(dir, "index.json"), "utf8")));
  } catch {
    return null;
  }
}

/**
 * The bytes of a key file named in the index, or null. The name must be listed in the index exactly,
 * so nothing else in the directory (let alone outside it) can be fetched.
 */
export async function readDemoKeyFile(name: string, dir = pkiDir()): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> } | null> {
  if (!demoKeyEntry.shape.file.safeParse(name).success) return null;
  const index = await readDemoKeyIndex(dir);
  const entry = index?.keys.find((k) => k.file === name);
  if (!entry) return null;
  const file = path.join(dir, entry.file);
  if (path.dirname(file) !== path.resolve(dir)) return null;
  try {
    return { name: entry.file, bytes: new Uint8Array(await fs.readFile(file)) as Uint8Array<ArrayBuffer> };
  } catch {
    return null;
  }
}

/** Data for /dev/keys, or null when the page must not exist (404). `index` is null before `pki init`. */
export async function demoKeysPage(env: Env = process.env): Promise<{ index: DemoKeyIndex | null } | null> {
  if (!demoKeysEnabled(env)) return null;
  return { index: await readDemoKeyIndex(pkiDir(env)) };
}

/** The response for /dev/keys/<file>: the .p12 as a download, or 404. */
export async function demoKeyFileResponse(name: string, env: Env = process.env): Promise<Response> {
  const file = demoKeysEnabled(env) ? await readDemoKeyFile(name, pkiDir(env)) : null;
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(file.bytes, {
    headers: {
      "Content-Type": "application/x-pkcs12",
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Writes the development PKI into `dir`. Does nothing when a complete one is already there, unless
 * `force`. index.json is written last, so an interrupted run is redone next time.
 */
export async function createDemoPki(options: { dir?: string; force?: boolean; now?: Date } = {}) {
  const dir = path.resolve(options.dir ?? pkiDir());
  const existing = await readDemoKeyIndex(dir);
  if (existing && !options.force && (await allPresent(dir, existing))) return { created: false as const, dir, index: existing };

  const now = options.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const root = await createRootCa({ commonName: "НУЦ РК (тест)", notBefore: ago(3 * 365), notAfter: new Date(now.getTime() + 20 * 365 * DAY) });
  const ca = await createIntermediateCa(root, { commonName: "НУЦ РК (тест) RSA", notBefore: ago(2 * 365), notAfter: new Date(now.getTime() + 10 * 365 * DAY) });

  const keys: { entry: DemoKeyEntry; p12: Uint8Array }[] = [];
  const add = async (
    file: string,
    person: { iin: string; lastNameRu: string; firstNameRu: string; patronymicRu: string | null; lastNameKk: string; firstNameKk: string; patronymicKk: string | null },
    role: DemoKeyEntry["role"],
    login: string | null,
    status: DemoKeyEntry["status"],
  ): Promise<EndEntity> => {
    const validity = status === "expired" ? { notBefore: ago(400), notAfter: ago(35) } : { notBefore: ago(1), notAfter: new Date(now.getTime() + 365 * DAY) };
    const entity = await issuePersonCertificate(
      ca,
      { iin: person.iin, surname: person.lastNameRu, givenName: person.firstNameRu, patronymic: person.patronymicRu },
      validity,
    );
    const nameRu = [person.lastNameRu, person.firstNameRu, person.patronymicRu].filter(Boolean).join(" ");
    const nameKk = [person.lastNameKk, person.firstNameKk, person.patronymicKk].filter(Boolean).join(" ");
    keys.push({
      entry: demoKeyEntry.parse({
        file, iin: person.iin, nameRu, nameKk, role, login, status,
        serialNumber: entity.certificate.serialNumber,
        notBefore: entity.certificate.notBefore.toISOString(),
        notAfter: entity.certificate.notAfter.toISOString(),
      }),
      p12: await toPkcs12(entity, DEMO_KEY_PASSWORD, nameRu),
    });
    return entity;
  };

  for (const c of demoCitizens) await add(`${c.iin}.p12`, c, "citizen", null, "valid");
  for (const s of demoStaff) await add(`${s.iin}.p12`, s, s.role, s.login, "valid");
  const revoked = await add("revoked.p12", demoCitizens[0], "citizen", null, "revoked");
  await add("expired.p12", demoCitizens[0], "citizen", null, "expired");

  const caCrl = await createCrl(ca, [revoked.certificate], { thisUpdate: now, nextUpdate: new Date(now.getTime() + 30 * DAY) });
  const rootCrl = await createCrl(root, [], { thisUpdate: now, nextUpdate: new Date(now.getTime() + 365 * DAY) });

  await fs.mkdir(dir, { recursive: true });
  if (existing) await Promise.all(existing.keys.map((k) => fs.rm(path.join(dir, k.file), { force: true })));
  await fs.writeFile(path.join(dir, "ca.pem"), certificateToPem(root.certificate));
  await fs.writeFile(path.join(dir, "crl.pem"), crlToPem(caCrl) + crlToPem(rootCrl));
  for (const { entry, p12 } of keys) await fs.writeFile(path.join(dir, entry.file), p12);
  const index: DemoKeyIndex = {
    version: 1,
    generatedAt: now.toISOString(),
    password: DEMO_KEY_PASSWORD,
    trustAnchors: "ca.pem",
    crl: "crl.pem",
    keys: keys.map((k) => k.entry),
  };
  await fs.writeFile(path.join(dir, "index.json"), JSON.stringify(index, null, 2) + "\n");
  return { created: true as const, dir, index };
}

async function allPresent(dir: string, index: DemoKeyIndex) {
  const files = ["ca.pem", "crl.pem", ...index.keys.map((k) => k.file)];
  const found = await Promise.all(files.map((f) => fs.access(path.join(dir, f)).then(() => true, () => false)));
  return found.every(Boolean);
}
