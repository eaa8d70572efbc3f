/** The readiness probe's one question to the database (routes reach db/ only through *.server.ts modules). */
import { getDb } from "./db.server";

/** Resolves when the database answers `select 1` within `ms`; rejects with the reason otherwise. */
export async function pingDatabase(ms: number): Promise<void> {
  const handle = await getDb();
  await withTimeout(handle.query("select 1"), ms);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    p.then((v) => (clearTimeout(timer), resolve(v)), (e) => (clearTimeout(timer), reject(e)));
  });
}
