/**
 * Where the server's trust comes from: the trust anchors (`KOMEK_TRUST_ANCHORS`, a PEM bundle) and
 * the revocation lists (`KOMEK_CRL`, comma-separated PEM or DER files). Unset, both default to the
 * development PKI that `komek pki init` writes to `${KOMEK_DATA_DIR:-.data}/pki/`.
 *
 * Files are parsed once and re-read only when their modification time changes, so replacing the
 * CRL file takes effect on the next request without a restart.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseCertificates, parseCrls } from "./pem";
import { demoMode } from "../env.server";
import { verifySignature, type VerifyResult } from "./verify";
import type { x509 } from "./x509";

type Env = Record<string, string | undefined>;

export type TrustMaterial = {
  trustAnchors: x509.X509Certificate[];
  crls: x509.X509Crl[];
};

export function pkiDir(env: Env = process.env): string {
  return path.resolve(env.KOMEK_DATA_DIR ?? ".data", "pki");
}

/** The files to read, and whether each was configured explicitly (then it must exist). */
export function trustSources(env: Env = process.env) {
  const dir = pkiDir(env);
  const anchors = env.KOMEK_TRUST_ANCHORS?.trim();
  const crls = env.KOMEK_CRL?.split(",").map((s) => s.trim()).filter(Boolean);
  // Outside a demonstration the development PKI is never a default: an unset variable in production
  // names a file that cannot exist, so every signature is refused (and `komek serve` refuses to start).
  const fallback = demoMode(env) ? dir : path.join(dir, "unset-in-production");
  return {
    trustAnchors: { file: path.resolve(anchors || path.join(fallback, "ca.pem")), explicit: !!anchors },
    crls: crls?.length
      ? crls.map((file) => ({ file: path.resolve(file), explicit: true }))
      : [{ file: path.join(fallback, "crl.pem"), explicit: false }],
  };
}

type Cached<T> = { mtimeMs: number; value: T };
const cache = new Map<string, Cached<unknown>>();
const warned = new Set<string>();

async function readParsed<T>(source: { file: string; explicit: boolean }, parse: (bytes: Uint8Array) => T[]): Promise<T[]> {
  let mtimeMs: number;
  try {
    mtimeMs = (await fs.stat(source.file)).mtimeMs;
  } catch (error) {
    // A configured file that is missing is a deployment error: fail loudly rather than trust nothing.
    if (source.explicit) throw new Error(`cannot read ${source.file}: ${(error as Error).message}`);
    if (!warned.has(source.file)) {
      warned.add(source.file);
      console.warn(`ЭЦП: ${source.file} not found; run \`npx komek pki init\`. Every signature will be refused.`);
    }
    return [];
  }
  const hit = cache.get(source.file) as Cached<T[]> | undefined;
  if (hit && hit.mtimeMs === mtimeMs) return hit.value;
  const value = parse(new Uint8Array(await fs.readFile(source.file)));
  if (value.length === 0) throw new Error(`${source.file} holds no certificate or CRL`);
  cache.set(source.file, { mtimeMs, value });
  return value;
}

export async function loadTrustMaterial(env: Env = process.env): Promise<TrustMaterial> {
  const sources = trustSources(env);
  const trustAnchors = await readParsed(sources.trustAnchors, parseCertificates);
  const crls = (await Promise.all(sources.crls.map((s) => readParsed(s, parseCrls)))).flat();
  return { trustAnchors, crls };
}

/** Forget parsed files (tests; an operator would just touch the file). */
export function clearTrustCache() {
  cache.clear();
  warned.clear();
}

/**
 * The verification every signed action calls: the configured trust material and the current time.
 * See verify.ts for the checks and the meaning of each failure reason.
 */
export async function verifyForRequest(input: {
  jws: string;
  expectedIin: string;
  expectedPayload?: string | Uint8Array;
}): Promise<VerifyResult> {
  const { trustAnchors, crls } = await loadTrustMaterial();
  return verifySignature({ ...input, trustAnchors, crls, now: new Date() });
}
