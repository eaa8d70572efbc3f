/**
 * Writes the education department's preschool file (app/lists/preschool-file.ts) into the registry
 * stand-in's facts (ADR 024), so the 8.7 list finds the parents: per row, on the parent (the fee
 * payer) a `preschool_child` fact (value: the organisation's BIN) and a `preschool_fee` fact (value:
 * the monthly fee in tenge), both valid for the enrolment.
 *
 * All or nothing: a parent or child not in the registry is a problem with its line, and nothing is
 * written while any problem remains. Idempotent: a row is identified by parent, child and enrolment
 * start (the child's IIN is in the fact's `source`); importing the same file again changes nothing, a
 * corrected fee or end date updates that row's facts, and nothing else is touched.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import type { FileProblem, PreschoolRow } from "./preschool-file";

export const PRESCHOOL_SOURCE = "Отдел образования: дошкольная организация, ребёнок ";

export type PreschoolImport = { ok: true; rows: number; added: number; changed: number; unchanged: number } | { ok: false; problems: FileProblem[] };

export async function importPreschoolFacts(db: Db, rows: readonly PreschoolRow[]): Promise<PreschoolImport> {
  const input = JSON.stringify(
    rows.map((r) => ({ line: r.line, parent: r.parentIin, child: r.childIin, bin: r.organisationBin, fee: String(r.monthlyFee), from: r.enrolledFrom, to: r.enrolledTo })),
  );
  const data = sql`SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x(line int, parent text, child text, bin text, fee text, "from" date, "to" date)`;
  return db.transaction(async (tx) => {
    // Two imports at once would both see a row as missing; the second waits for the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('registry_preschool_import'))`);
    const missing = rowsOf<{ line: number; field: string }>(
      await tx.execute(sql`
        WITH x AS (${data})
        SELECT x.line, 'parent_iin' AS field FROM x WHERE NOT EXISTS (SELECT 1 FROM registry.persons p WHERE p.iin = x.parent)
        UNION ALL
        SELECT x.line, 'child_iin' FROM x WHERE NOT EXISTS (SELECT 1 FROM registry.persons p WHERE p.iin = x.child)
        ORDER BY 1, 2 DESC`),
    );
    if (missing.length) return { ok: false as const, problems: missing.map((m) => ({ line: Number(m.line), field: m.field, message: "no such person in the registry" })) };
    // Both facts of a row, keyed by (parent, kind, source with the child, enrolment start).
    const facts = sql`
      SELECT x.parent AS iin, k.kind, CASE k.kind WHEN 'preschool_child' THEN x.bin ELSE x.fee END AS value,
             x."from" AS valid_from, x."to" AS valid_to, ${PRESCHOOL_SOURCE} || x.child AS source
      FROM (${data}) x CROSS JOIN (VALUES ('preschool_child'), ('preschool_fee')) AS k(kind)`;
    const [counts] = rowsOf<{ changed: number; added: number }>(
      await tx.execute(sql`
        WITH f AS (${facts}),
        changed AS (
          UPDATE registry.person_facts p SET value = f.value, valid_to = f.valid_to
          FROM f WHERE p.iin = f.iin AND p.kind = f.kind AND p.source = f.source AND p.valid_from = f.valid_from
            AND (p.value IS DISTINCT FROM f.value OR p.valid_to IS DISTINCT FROM f.valid_to)
          RETURNING p.iin, p.source, p.valid_from
        ),
        added AS (
          INSERT INTO registry.person_facts (iin, kind, value, valid_from, valid_to, source)
          SELECT f.iin, f.kind, f.value, f.valid_from, f.valid_to, f.source FROM f
          WHERE NOT EXISTS (SELECT 1 FROM registry.person_facts p WHERE p.iin = f.iin AND p.kind = f.kind AND p.source = f.source AND p.valid_from = f.valid_from)
          RETURNING iin, source, valid_from
        )
        SELECT (SELECT count(DISTINCT (iin, source, valid_from))::int FROM changed) AS changed,
               (SELECT count(DISTINCT (iin, source, valid_from))::int FROM added) AS added`),
    );
    // A row counts once (its two facts share parent, source and start).
    const added = Number(counts.added);
    const changed = Number(counts.changed);
    return { ok: true as const, rows: rows.length, added, changed, unchanged: rows.length - added - changed };
  });
}
