/**
 * Loading generated households into the registry tables. On PostgreSQL a large load streams through
 * COPY FROM STDIN (one connection per table, secondary indexes and foreign keys dropped for the load
 * and rebuilt once at the end); on PGlite, and for small loads, batched multi-row inserts.
 */
import type { Sql } from "postgres";
import type { Writable } from "node:stream";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, DbHandle, Tx } from "../client";
import { rowsOf as rowsOfResult } from "../rows";
import {
  aspRecords, bankAccounts, banks, households, incomes, kato, mobileNumbers, persons, property, registrations, statuses, yearlyParameters,
} from "../schema";
import { bankRows } from "./banks";
import { generatePopulation, type GenerateOptions, type HouseholdBundle, type TakenIdentifiers } from "./generate";
import { katoInsertRows } from "./kato";
import { yearlyParameterRows } from "./parameters";

/** KATO, banks and yearly parameters: what every database needs, whatever its persons. Idempotent. */
export async function seedReferenceData(db: Tx) {
  await db.insert(yearlyParameters).values(yearlyParameterRows).onConflictDoNothing();
  // Reference rows follow the code: a corrected name reaches existing databases too.
  await db.insert(kato).values(katoInsertRows()).onConflictDoUpdate({
    target: kato.code,
    set: { parentCode: sql`excluded.parent_code`, level: sql`excluded.level`, nameRu: sql`excluded.name_ru`, nameKk: sql`excluded.name_kk`, isSettlement: sql`excluded.is_settlement`, settlementCode: sql`excluded.settlement_code` },
  });
  await db.insert(banks).values(bankRows).onConflictDoUpdate({
    target: banks.code,
    set: { bic: sql`excluded.bic`, nameRu: sql`excluded.name_ru`, nameKk: sql`excluded.name_kk`, isPaymentOrganisation: sql`excluded.is_payment_organisation` },
  });
}

/** The tables a bundle fills, in the order foreign keys need them. */
const bundleTables = [
  ["household", households, ["id"]],
  ["persons", persons, ["iin", "lastNameRu", "firstNameRu", "patronymicRu", "lastNameKk", "firstNameKk", "patronymicKk", "birthDate", "sex", "preferredLanguage", "householdId", "householdRole", "deathDate"]],
  ["registrations", registrations, ["iin", "kind", "katoCode", "addressRu", "addressKk", "validFrom", "validTo"]],
  ["incomes", incomes, ["iin", "month", "source", "amount"]],
  ["mobileNumbers", mobileNumbers, ["iin", "phone", "verifiedAt"]],
  ["bankAccounts", bankAccounts, ["iin", "iban", "bankCode", "openedAt", "closedAt"]],
  ["aspRecords", aspRecords, ["iin", "kind", "periodFrom", "periodTo", "amount"]],
  ["statuses", statuses, ["iin", "kind", "detail", "validFrom", "validTo"]],
  ["property", property, ["iin", "kind", "descriptionRu", "descriptionKk"]],
] as const satisfies readonly (readonly [keyof HouseholdBundle, PgTable, readonly string[]])[];

type BundleKey = (typeof bundleTables)[number][0];
const rowsOf = (b: HouseholdBundle, key: BundleKey): Record<string, unknown>[] =>
  (key === "household" ? [b.household] : b[key]) as Record<string, unknown>[];

export type LoadProgress = (done: { persons: number; households: number }) => void;
export type LoadResult = { persons: number; households: number; rows: number; method: "copy" | "insert" };

/** Identifiers already stored, so a second generated population steps around them. */
export async function takenIdentifiers(db: Tx): Promise<TakenIdentifiers & { householdIdStart: number }> {
  const [iins, phones, ibans, [max]] = await Promise.all([
    db.select({ v: persons.iin }).from(persons),
    db.select({ v: mobileNumbers.phone }).from(mobileNumbers),
    db.select({ v: bankAccounts.iban }).from(bankAccounts),
    db.select({ max: sql<string | null>`max(${households.id})` }).from(households),
  ]);
  return {
    iins: new Set(iins.map((r) => r.v)),
    phones: new Set(phones.map((r) => r.v)),
    ibans: new Set(ibans.map((r) => r.v)),
    householdIdStart: Number(max?.max ?? 0) + 1,
  };
}

/**
 * Generates and stores a population. Steps around identifiers already stored and numbers households
 * after the existing ones, so it may run on a database that already holds the demo families.
 */
export async function loadPopulation(
  handle: Pick<DbHandle, "db" | "kind">,
  options: Omit<GenerateOptions, "taken" | "householdIdStart"> & { onProgress?: LoadProgress; copyThreshold?: number },
): Promise<LoadResult> {
  const taken = await takenIdentifiers(handle.db);
  const bundles = generatePopulation({ ...options, taken, householdIdStart: taken.householdIdStart });
  // The parallel COPY drops and rebuilds keys, which only the tables' owner may do; the runtime role
  // (ADR 009) inserts in batches instead.
  const useCopy = handle.kind === "postgres" && options.persons >= (options.copyThreshold ?? 20_000) && (await ownsRegistry(handle.db));
  const result = useCopy
    ? await copyBundles(handle.db, bundles, options.onProgress)
    : await insertBundles(handle.db, bundles, options.onProgress);
  await resetHouseholdSequence(handle.db);
  return result;
}

async function ownsRegistry(db: Tx): Promise<boolean> {
  const [row] = rowsOfResult<{ owner: boolean }>(
    await db.execute(sql`select pg_has_role(current_user, c.relowner, 'USAGE') as owner from pg_class c where c.oid = 'registry.persons'::regclass`),
  );
  return row?.owner === true;
}

async function resetHouseholdSequence(db: Tx) {
  await db.execute(sql`select setval(pg_get_serial_sequence('registry.households', 'id'), greatest((select max(id) from registry.households), 1))`);
}

/** Batched multi-row inserts: the PGlite path, and small loads on PostgreSQL. */
export async function insertBundles(db: Tx, bundles: Iterable<HouseholdBundle>, onProgress?: LoadProgress): Promise<LoadResult> {
  const result: LoadResult = { persons: 0, households: 0, rows: 0, method: "insert" };
  let chunk: HouseholdBundle[] = [];
  const flush = async () => {
    for (const [key, table] of bundleTables) {
      const rows = chunk.flatMap((b) => rowsOf(b, key));
      // Keeps each statement under PostgreSQL's 65,535 bind parameters.
      for (let i = 0; i < rows.length; i += 2000) await db.insert(table).values(rows.slice(i, i + 2000) as never);
      result.rows += rows.length;
    }
    chunk = [];
    onProgress?.({ persons: result.persons, households: result.households });
  };
  for (const b of bundles) {
    chunk.push(b);
    result.households++;
    result.persons += b.persons.length;
    if (chunk.length >= 400) await flush();
  }
  if (chunk.length) await flush();
  return result;
}

// ---- COPY on PostgreSQL ---------------------------------------------------------------------------

type PostgresSql = Sql;

function postgresClient(db: Tx): PostgresSql {
  const client = (db as unknown as { $client?: PostgresSql }).$client;
  if (!client || typeof client.unsafe !== "function") throw new Error("COPY needs the postgres driver");
  return client;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

type CopyTarget = { key: BundleKey; keys: readonly string[]; stream: Writable; buffer: string[]; size: number };

async function copyBundles(db: Tx, bundles: Iterable<HouseholdBundle>, onProgress?: LoadProgress): Promise<LoadResult> {
  const client = postgresClient(db);
  const names = bundleTables.map(([, table]) => getTableName(table));
  const saved = await dropLoadIndexes(client, names);
  const result: LoadResult = { persons: 0, households: 0, rows: 0, method: "copy" };
  let failure: unknown = null;
  const targets: CopyTarget[] = [];
  const finished: Promise<void>[] = [];
  let copyError: unknown = null;
  try {
    for (const [key, table, keys] of bundleTables) {
      const columns = getTableColumns(table) as Record<string, { name: string }>;
      const list = keys.map((k) => `"${columns[k].name}"`).join(", ");
      const stream = await client.unsafe(`copy registry."${getTableName(table)}" (${list}) from stdin`).writable();
      const done = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
      });
      // Surface a failed COPY at once instead of waiting on a drain that never comes.
      done.catch((e) => { copyError ??= e; });
      finished.push(done);
      targets.push({ key, keys, stream, buffer: [], size: 0 });
    }
    const write = async (t: CopyTarget) => {
      const ok = t.stream.write(t.buffer.join(""));
      t.buffer = [];
      t.size = 0;
      if (!ok) await new Promise<void>((resolve) => t.stream.once("drain", resolve));
      if (copyError) throw copyError;
    };
    let sinceProgress = 0;
    for (const b of bundles) {
      result.households++;
      result.persons += b.persons.length;
      for (const t of targets) {
        for (const row of rowsOf(b, t.key)) {
          const line = t.keys.map((k) => copyValue(row[k])).join("\t") + "\n";
          t.buffer.push(line);
          t.size += line.length;
          result.rows++;
        }
        if (t.size > 1 << 18) await write(t);
      }
      if (++sinceProgress >= 2000) {
        sinceProgress = 0;
        onProgress?.({ persons: result.persons, households: result.households });
      }
    }
    for (const t of targets) {
      if (t.size) await write(t);
      t.stream.end();
    }
    await Promise.all(finished);
    onProgress?.({ persons: result.persons, households: result.households });
  } catch (e) {
    failure = e;
    // Abort the open COPYs (CopyFail) so their locks do not block the index rebuild below.
    for (const t of targets) t.stream.destroy(e instanceof Error ? e : new Error(String(e)));
    throw e;
  } finally {
    await restoreLoadIndexes(client, saved).catch((e) => {
      // Say both: the load failed, and the registry is left without some of its keys.
      throw failure ? new AggregateError([failure, e], `seeding failed and registry keys could not be restored: ${String(e)}`) : e;
    });
  }
  await client.unsafe(`analyze ${names.map((n) => `registry."${n}"`).join(", ")}`);
  return result;
}

type SavedIndexes = {
  /** Primary keys and unique constraints nobody outside the loaded tables depends on. */
  keys: { table: string; name: string; def: string }[];
  indexes: { table: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
};

/**
 * Drops what makes row-by-row loading slow — foreign keys, secondary indexes, and the primary keys
 * no other table references — and returns their definitions for restoreLoadIndexes. Keys that other
 * schemas' foreign keys hang on (registry.persons' primary key, say) stay in place.
 */
async function dropLoadIndexes(client: PostgresSql, tables: string[]): Promise<SavedIndexes> {
  const constraints = await client.unsafe<{ table: string; name: string; type: string; def: string; dependents: number }[]>(
    `select c.relname as table, k.conname as name, k.contype as type, pg_get_constraintdef(k.oid) as def,
            (select count(*)::int from pg_constraint f
              where f.contype = 'f' and f.confrelid = k.conrelid
                and f.conrelid not in (select c2.oid from pg_class c2 join pg_namespace n2 on n2.oid = c2.relnamespace
                                        where n2.nspname = 'registry' and c2.relname = any($1))) as dependents
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'registry' and c.relname = any($1) and k.contype in ('p', 'u', 'f')`,
    [tables],
  );
  const indexes = await client.unsafe<{ table: string; name: string; def: string }[]>(
    `select i.tablename as table, i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'registry' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint k where k.conname = i.indexname and k.connamespace = 'registry'::regnamespace)`,
    [tables],
  );
  const saved: SavedIndexes = {
    foreignKeys: constraints.filter((c) => c.type === "f").map(({ table, name, def }) => ({ table, name, def })),
    keys: constraints.filter((c) => c.type !== "f" && c.dependents === 0).map(({ table, name, def }) => ({ table, name, def })),
    indexes: indexes.map(({ table, def }) => ({ table, def })),
  };
  for (const fk of saved.foreignKeys) await client.unsafe(`alter table registry."${fk.table}" drop constraint "${fk.name}"`);
  for (const ix of indexes) await client.unsafe(`drop index registry."${ix.name}"`);
  for (const key of saved.keys) await client.unsafe(`alter table registry."${key.table}" drop constraint "${key.name}"`);
  return saved;
}

/** Rebuilds keys and indexes table by table in parallel, then the foreign keys (which need the keys). */
async function restoreLoadIndexes(client: PostgresSql, saved: SavedIndexes) {
  const byTable = new Map<string, string[]>();
  for (const key of saved.keys) byTable.set(key.table, [...(byTable.get(key.table) ?? []), `alter table registry."${key.table}" add constraint "${key.name}" ${key.def}`]);
  for (const ix of saved.indexes) byTable.set(ix.table, [...(byTable.get(ix.table) ?? []), ix.def]);
  await Promise.all([...byTable.values()].map((statements) => client.begin(async (tx) => {
    await tx.unsafe("set local maintenance_work_mem = '256MB'");
    for (const s of statements) await tx.unsafe(s);
  })));
  for (const fk of saved.foreignKeys) await client.unsafe(`alter table registry."${fk.table}" add constraint "${fk.name}" ${fk.def}`);
}

export async function countPersons(db: Db | Tx): Promise<number> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(persons);
  return count;
}
