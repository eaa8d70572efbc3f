/**
 * The payment pipeline's SQL (issue 15, ADR 015). The bulk steps — the schedule, the demands, the
 * orders — are each one set-based statement, idempotent through the unique keys and the line status;
 * the calendar is computed by the caller (app/payments/calendar.ts) and passed in as dates.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";
import {
  paymentAudit, paymentDemands, paymentLines, paymentOrderItems, paymentOrders, paymentOverpayments, paymentTerminations,
  type OverpaymentStatus, type PaymentDemand,
} from "../schema";

const num = (v: unknown) => Number(v ?? 0);

/**
 * Lines for every payment month of every signed assignment, with the account the recipient chose (the
 * application's, else their newest open registry account) and the district office whose territory
 * holds the case; and one line for every grant of an approved list (ADR 017, 023), paid to the
 * recipient's newest open registry account. Months from a termination's stop date on are not created.
 * Re-running inserts nothing.
 *
 * How often an assignment is paid: its service's periodicity (`schedules`, from the definitions), or —
 * for a service whose definition says `by_category` (local assistance) — its case's category under the
 * district act it was filed under (`categories`: one row per act and category, from the act files).
 * The periodicity is fixed per decision in the work table and stored on each line.
 */
export type ServiceSchedule = { service: string; periodicity: string | null; step: number | null };
export type CategorySchedule = { kato: string; act: string; code: string; periodicity: string; step: number };

export async function scheduleLines(
  tx: Tx, now: Date, schedules: ServiceSchedule[], categories: CategorySchedule[] = [],
): Promise<{ accounts: number; lines: number; grants: number }> {
  const grants = await scheduleGrantLines(tx, now);
  if (schedules.length === 0) return { accounts: 0, lines: 0, grants };
  const plan = JSON.stringify(schedules);
  const byCategory = JSON.stringify(categories);
  // The signed assignments without lines, fixed before anything is inserted: an anti-join evaluated
  // while the same statement inserts into the joined table would rescan the growing table per row
  // (measured: 24,000 lines took 11.6 s that way). Runs inside the caller's transaction.
  await tx.execute(sql`DROP TABLE IF EXISTS payment_todo`);
  await tx.execute(sql`
    CREATE TEMP TABLE payment_todo ON COMMIT DROP AS
    SELECT a.service::text AS service, a.id AS application_id, d.id AS decision_id, a.applicant_iin, a.draft -> 'payment' ->> 'iban' AS chosen,
           coalesce(s.periodicity, c.periodicity) AS periodicity, coalesce(s.step, c.step) AS step,
           EXISTS (SELECT 1 FROM payment_accounts pa WHERE pa.service = a.service::text AND pa.application_id = a.id) AS has_account
    FROM notices n
    JOIN decisions d ON d.id = n.decision_id AND d.kind = 'assignment'
    JOIN applications a ON a.id = n.application_id
    JOIN jsonb_to_recordset(${plan}::jsonb) AS s(service text, periodicity text, step int) ON s.service = a.service::text
    LEFT JOIN local_cases lc ON s.periodicity IS NULL AND lc.application_id = a.id
    LEFT JOIN jsonb_to_recordset(${byCategory}::jsonb) AS c(kato text, act text, code text, periodicity text, step int)
      ON c.kato = lc.district_kato AND c.act = lc.act_number AND c.code = lc.category_code
    WHERE n.signature IS NOT NULL
      AND coalesce(s.periodicity, c.periodicity) IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM payment_lines pl WHERE pl.service = a.service::text AND pl.decision_id = d.id)`);
  const accounts = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH picked AS (
        SELECT t.service, t.application_id,
               coalesce(t.chosen, (SELECT ba.iban FROM registry.bank_accounts ba WHERE ba.iin = t.applicant_iin AND ba.closed_at IS NULL
                                   ORDER BY ba.opened_at DESC, ba.id DESC LIMIT 1)) AS iban,
               CASE WHEN t.chosen IS NULL THEN 'registry' ELSE 'application' END AS source
        FROM payment_todo t WHERE NOT t.has_account
      ), ins AS (
        INSERT INTO payment_accounts (service, application_id, channel, iban, bank_code, source, updated_at)
        SELECT p.service, p.application_id, CASE WHEN b.bic = 'KPSTKZKA' THEN 'kazpost' ELSE 'bank' END, p.iban, b.code, p.source, ${now.toISOString()}::timestamptz
        FROM picked p JOIN registry.banks b ON b.code = substr(p.iban, 5, 3)
        WHERE p.iban IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM ins`),
  );
  const lines = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO payment_lines (service, decision_id, application_id, office_code, month, recipient_iin, recipient_name, channel, iban, bank_code, bic,
                                   amount_tiyn, legal_basis, periodicity, created_at)
        SELECT pa.service, d.id, a.id, o.code, m.month::date, a.applicant_iin,
               concat_ws(' ', p.last_name_ru, p.first_name_ru, p.patronymic_ru), pa.channel, pa.iban, pa.bank_code, b.bic,
               d.amount_tiyn, n.registration_number, t.periodicity, ${now.toISOString()}::timestamptz
        FROM payment_todo t
        JOIN decisions d ON d.id = t.decision_id
        JOIN notices n ON n.decision_id = d.id AND n.signature IS NOT NULL
        JOIN applications a ON a.id = t.application_id
        JOIN payment_accounts pa ON pa.service = t.service AND pa.application_id = a.id
        JOIN registry.banks b ON b.code = pa.bank_code
        JOIN registry.persons p ON p.iin = a.applicant_iin
        CROSS JOIN LATERAL (SELECT o.code FROM offices o WHERE o.kato_prefix <> '' AND a.kato_code LIKE o.kato_prefix || '%'
                            ORDER BY length(o.kato_prefix) DESC LIMIT 1) o
        -- One line per payment month (app/payments/calendar.ts paymentMonths): every step months from the first, or once.
        CROSS JOIN LATERAL generate_series(to_date(d.period_from, 'YYYY-MM'),
                                           CASE WHEN t.step = 0 THEN to_date(d.period_from, 'YYYY-MM') ELSE to_date(d.period_to, 'YYYY-MM') END,
                                           make_interval(months => greatest(t.step, 1))) AS m(month)
        WHERE NOT EXISTS (SELECT 1 FROM payment_terminations pt WHERE pt.service = t.service AND pt.application_id = a.id AND pt.stop_from <= m.month::date)
        ON CONFLICT (service, decision_id, month) DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM ins`),
  );
  await tx.execute(sql`DROP TABLE payment_todo`);
  return { accounts: num(accounts[0]?.n), lines: num(lines[0]?.n), grants };
}

/**
 * One one-off line of service `local` per grant of an approved list (ADR 017: a grant exists only
 * once its list is approved and signed), in the month of its payment date, for its amount, to the
 * recipient's newest open registry account, under the decision's number, in the office whose
 * territory holds the district. A recipient who died so that clause 14 stops payment before the
 * payment month (from the month after the death) gets no line; one with no open account gets none
 * until they have one. `payment_lines_grant_uq` makes a re-run (or a concurrent one) insert nothing;
 * `local_grants_once_uq` already keeps one grant per person, occasion and category.
 */
async function scheduleGrantLines(tx: Tx, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO payment_lines (service, grant_id, office_code, month, recipient_iin, recipient_name, channel, iban, bank_code, bic,
                                   amount_tiyn, legal_basis, periodicity, created_at)
        SELECT 'local', g.id, o.code, date_trunc('month', g.payment_date)::date, g.recipient_iin,
               concat_ws(' ', p.last_name_ru, p.first_name_ru, p.patronymic_ru), CASE WHEN b.bic = 'KPSTKZKA' THEN 'kazpost' ELSE 'bank' END,
               acc.iban, b.code, b.bic, g.amount_tenge::bigint * 100, g.decision_number, 'one_off', ${now.toISOString()}::timestamptz
        FROM local_grants g
        JOIN registry.persons p ON p.iin = g.recipient_iin
        CROSS JOIN LATERAL (SELECT ba.iban FROM registry.bank_accounts ba WHERE ba.iin = g.recipient_iin AND ba.closed_at IS NULL
                            ORDER BY ba.opened_at DESC, ba.id DESC LIMIT 1) acc
        JOIN registry.banks b ON b.code = substr(acc.iban, 5, 3)
        CROSS JOIN LATERAL (SELECT o.code FROM offices o WHERE o.kato_prefix <> '' AND g.district_kato LIKE o.kato_prefix || '%'
                            ORDER BY length(o.kato_prefix) DESC LIMIT 1) o
        WHERE NOT EXISTS (SELECT 1 FROM payment_lines pl WHERE pl.grant_id = g.id)
          AND (p.death_date IS NULL OR date_trunc('month', p.death_date) + interval '1 month' > date_trunc('month', g.payment_date))
        ON CONFLICT (grant_id) WHERE grant_id IS NOT NULL DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM ins`),
  );
  return num(row?.n);
}

/** A text[] literal of the periodicities demanded daily (app/payments/calendar.ts DAILY_PERIODICITIES). */
const textArray = (values: readonly string[]) => `{${values.join(",")}}`;

/**
 * Months that still have lines waiting for a demand: lines demanded by the 29th rule, or (`daily`)
 * those demanded daily — the periodicities in `dailyPeriodicities` (one-off, half-yearly, …).
 */
export async function scheduledMonths(tx: Tx, daily: boolean, dailyPeriodicities: readonly string[]): Promise<string[]> {
  const rows = rowsOf<{ month: string }>(
    await tx.execute(sql`SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM payment_lines
                         WHERE status = 'scheduled' AND (periodicity = ANY(${textArray(dailyPeriodicities)}::text[])) = ${daily} ORDER BY 1`),
  );
  return rows.map((r) => r.month);
}

/** A demand to form; kind `one_off` is clause 19's daily demand (one-off payments and every periodicity the 29th rule does not name). */
export type DemandPlan = { month: string; dueOn: string; kind: "scheduled" | "supplementary" | "one_off"; transferEarliest: string; transferDue: string };

/**
 * Clause 19–20: one demand per service, district office and payment month for the lines of the
 * planned months, formed on `formedOn` and sent on `sentOn`. A second run the same day adds newly
 * scheduled lines to that day's demand while it is not yet funded.
 */
export async function formDemands(
  tx: Tx,
  p: { formedOn: string; sendBy: string; sentOn: string; plan: DemandPlan[]; dailyPeriodicities: readonly string[] },
): Promise<{ demands: number; lines: number; totalTiyn: number }> {
  if (p.plan.length === 0) return { demands: 0, lines: 0, totalTiyn: 0 };
  const plan = JSON.stringify(p.plan.map((x) => ({ month: `${x.month}-01`, due_on: x.dueOn, kind: x.kind, transfer_earliest: x.transferEarliest, transfer_due: x.transferDue })));
  const [row] = rowsOf<{ demands: number; lines: number; total: string }>(
    await tx.execute(sql`
      WITH plan AS (
        SELECT * FROM jsonb_to_recordset(${plan}::jsonb) AS p(month date, due_on date, kind text, transfer_earliest date, transfer_due date)
      ), due AS (
        SELECT l.id, l.service, l.office_code, l.month, l.amount_tiyn, plan.kind
        FROM payment_lines l JOIN plan ON plan.month = l.month AND (plan.kind = 'one_off') = (l.periodicity = ANY(${textArray(p.dailyPeriodicities)}::text[]))
        WHERE l.status = 'scheduled'
        FOR UPDATE OF l
      ), groups AS (
        SELECT service, office_code, month, kind, count(*)::int AS n, sum(amount_tiyn)::bigint AS total FROM due GROUP BY service, office_code, month, kind
      ), demands AS (
        INSERT INTO payment_demands (service, office_code, payment_month, kind, formed_on, due_on, send_by, sent_on, line_count, total_tiyn,
                                     transfer_earliest, transfer_due)
        SELECT g.service, g.office_code, g.month, plan.kind, ${p.formedOn}::date, plan.due_on, ${p.sendBy}::date, ${p.sentOn}::date, g.n, g.total,
               plan.transfer_earliest, plan.transfer_due
        FROM groups g JOIN plan ON plan.month = g.month AND plan.kind = g.kind
        ON CONFLICT (service, office_code, payment_month, formed_on, kind) DO UPDATE
          SET line_count = payment_demands.line_count + excluded.line_count, total_tiyn = payment_demands.total_tiyn + excluded.total_tiyn
          WHERE payment_demands.transferred_on IS NULL
        RETURNING id, service, office_code, payment_month, kind
      ), moved AS (
        UPDATE payment_lines l SET status = 'demanded', demand_id = d.id
        FROM due JOIN demands d ON d.service = due.service AND d.office_code = due.office_code AND d.payment_month = due.month AND d.kind = due.kind
        WHERE l.id = due.id
        RETURNING l.amount_tiyn
      )
      SELECT (SELECT count(*) FROM demands)::int AS demands, (SELECT count(*) FROM moved)::int AS lines,
             (SELECT coalesce(sum(amount_tiyn), 0) FROM moved)::text AS total`),
  );
  return { demands: num(row?.demands), lines: num(row?.lines), totalTiyn: num(row?.total) };
}

export async function findDemand(tx: Tx, id: number): Promise<PaymentDemand | undefined> {
  const [row] = await tx.select().from(paymentDemands).where(eq(paymentDemands.id, id));
  return row;
}

export async function listDemands(tx: Tx, f: { officeCode?: string; untransferred?: boolean; limit?: number } = {}) {
  return tx
    .select()
    .from(paymentDemands)
    .where(
      and(
        f.officeCode ? eq(paymentDemands.officeCode, f.officeCode) : undefined,
        f.untransferred ? sql`${paymentDemands.transferredOn} IS NULL` : undefined,
      ),
    )
    .orderBy(desc(paymentDemands.formedOn), asc(paymentDemands.id))
    .limit(f.limit ?? 200);
}

/** Clause 20: the district's transfer for a demand; its lines become funded. False if already recorded. */
export async function recordTransfer(tx: Tx, p: { demandId: number; on: string; ordersDue: string; staffId: number | null }): Promise<boolean> {
  const updated = await tx
    .update(paymentDemands)
    .set({ transferredOn: p.on, transferredTiyn: sql`${paymentDemands.totalTiyn}`, transferredBy: p.staffId, ordersDue: p.ordersDue })
    .where(and(eq(paymentDemands.id, p.demandId), sql`${paymentDemands.transferredOn} IS NULL`))
    .returning({ id: paymentDemands.id });
  if (updated.length === 0) return false;
  await tx.update(paymentLines).set({ status: "funded" }).where(and(eq(paymentLines.demandId, p.demandId), eq(paymentLines.status, "demanded")));
  return true;
}

/**
 * Clause 21: payment orders for every funded line whose demand was transferred by `orderDate` — one
 * order per service and payment organisation, one item (with its EndToEndId) per line; the lines
 * become paid on that date. A line re-queued after a return gets its next attempt number.
 */
export async function createOrders(tx: Tx, p: { orderDate: string; now: Date }): Promise<{ orders: number; items: number; totalTiyn: number }> {
  const [row] = rowsOf<{ orders: number; items: number; total: string }>(
    await tx.execute(sql`
      WITH due AS (
        SELECT l.id, l.service, l.channel, l.bic, l.iban, l.amount_tiyn, l.attempts + 1 AS attempt
        FROM payment_lines l JOIN payment_demands d ON d.id = l.demand_id
        WHERE l.status = 'funded' AND d.transferred_on <= ${p.orderDate}::date
        FOR UPDATE OF l
      ), orders AS (
        INSERT INTO payment_orders (service, order_date, channel, bic, msg_id, line_count, total_tiyn, created_at)
        SELECT g.service, ${p.orderDate}::date, g.channel, g.bic,
               upper(g.service) || to_char(${p.orderDate}::date, 'YYYYMMDD') || g.bic || '-' ||
                 (1 + (SELECT count(*) FROM payment_orders o WHERE o.order_date = ${p.orderDate}::date AND o.bic = g.bic AND o.service = g.service)),
               g.n, g.total, ${p.now.toISOString()}::timestamptz
        FROM (SELECT service, channel, bic, count(*)::int AS n, sum(amount_tiyn)::bigint AS total FROM due GROUP BY service, channel, bic) g
        RETURNING id, service, channel, bic
      ), items AS (
        INSERT INTO payment_order_items (order_id, line_id, attempt, end_to_end_id, iban, bic, amount_tiyn)
        SELECT o.id, due.id, due.attempt, upper(due.service) || '-L' || due.id || '-A' || due.attempt, due.iban, due.bic, due.amount_tiyn
        FROM due JOIN orders o ON o.service = due.service AND o.channel = due.channel AND o.bic = due.bic
        RETURNING line_id, attempt, amount_tiyn
      ), paid AS (
        UPDATE payment_lines l SET status = 'paid', attempts = i.attempt, paid_on = ${p.orderDate}::date
        FROM items i WHERE l.id = i.line_id
        RETURNING l.id
      )
      SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM paid)::int AS items,
             (SELECT coalesce(sum(amount_tiyn), 0) FROM items)::text AS total`),
  );
  return { orders: num(row?.orders), items: num(row?.items), totalTiyn: num(row?.total) };
}

export type OrderFileRow = {
  orderId: number; msgId: string; channel: "bank" | "kazpost"; bic: string; lineCount: number; totalTiyn: number; createdAt: Date;
  endToEndId: string; amountTiyn: number; iban: string; itemBic: string; name: string; iin: string; month: string; legalBasis: string; service: string;
};

/** The orders of a day with their items, in a stable order, for writing the files. */
export async function orderFileRows(tx: Tx, orderDate: string): Promise<OrderFileRow[]> {
  return tx
    .select({
      orderId: paymentOrders.id, msgId: paymentOrders.msgId, channel: paymentOrders.channel, bic: paymentOrders.bic,
      lineCount: paymentOrders.lineCount, totalTiyn: paymentOrders.totalTiyn, createdAt: paymentOrders.createdAt,
      endToEndId: paymentOrderItems.endToEndId, amountTiyn: paymentOrderItems.amountTiyn, iban: paymentOrderItems.iban, itemBic: paymentOrderItems.bic,
      name: paymentLines.recipientName, iin: paymentLines.recipientIin, month: sql<string>`to_char(${paymentLines.month}, 'YYYY-MM')`,
      legalBasis: paymentLines.legalBasis, service: paymentLines.service,
    })
    .from(paymentOrders)
    .innerJoin(paymentOrderItems, eq(paymentOrderItems.orderId, paymentOrders.id))
    .innerJoin(paymentLines, eq(paymentLines.id, paymentOrderItems.lineId))
    .where(eq(paymentOrders.orderDate, orderDate))
    .orderBy(asc(paymentOrders.id), asc(paymentOrderItems.id));
}

/** Items by EndToEndId with what a return needs of the line. */
export async function itemsByEndToEndId(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      itemId: paymentOrderItems.id, endToEndId: paymentOrderItems.endToEndId, attempt: paymentOrderItems.attempt, returnedOn: paymentOrderItems.returnedOn,
      lineId: paymentLines.id, lineAttempts: paymentLines.attempts, status: paymentLines.status, recipientIin: paymentLines.recipientIin,
      amountTiyn: paymentOrderItems.amountTiyn, month: sql<string>`to_char(${paymentLines.month}, 'YYYY-MM')`, service: paymentLines.service,
      applicationId: paymentLines.applicationId,
    })
    .from(paymentOrderItems)
    .innerJoin(paymentLines, eq(paymentLines.id, paymentOrderItems.lineId))
    .where(inArray(paymentOrderItems.endToEndId, ids))
    .for("update");
}

/** Clause 22: the item and its line are marked returned. */
export async function markReturned(
  tx: Tx,
  r: { itemId: number; lineId: number; on: string; code: string; recordBy: string; toDistrictBy: string; recordedOn: string; late: boolean },
) {
  await tx
    .update(paymentOrderItems)
    .set({ returnedOn: r.on, returnCode: r.code, returnRecordedBy: r.recordBy, returnToDistrictBy: r.toDistrictBy, returnRecordedOn: r.recordedOn, returnLate: r.late })
    .where(eq(paymentOrderItems.id, r.itemId));
  await tx.update(paymentLines).set({ status: "returned", returnedOn: r.on, returnCode: r.code }).where(eq(paymentLines.id, r.lineId));
}

/**
 * A corrected account: future and returned lines of the assignment take it. A returned line whose sum
 * is still with the State Corporation (before the clause 23 date) is funded again for the next
 * orders; one whose sum went back to the district waits for a new demand.
 */
export async function applyAccount(
  tx: Tx,
  p: {
    service: string; applicationId: string | null; recipientIin: string; iban: string; bankCode: string; bic: string; channel: "bank" | "kazpost";
    source: "citizen" | "staff"; today: string; now: Date;
  },
): Promise<{ updatedLines: number; requeued: number; rescheduled: number }> {
  // An assignment keeps its account; list grants (applicationId null) have none of their own — the
  // recipient's lines of grants take the corrected account directly (ADR 023).
  if (p.applicationId) {
    await tx.execute(sql`
      INSERT INTO payment_accounts (service, application_id, channel, iban, bank_code, source, updated_at)
      VALUES (${p.service}, ${p.applicationId}, ${p.channel}, ${p.iban}, ${p.bankCode}, ${p.source}, ${p.now.toISOString()}::timestamptz)
      ON CONFLICT (service, application_id) DO UPDATE
        SET channel = excluded.channel, iban = excluded.iban, bank_code = excluded.bank_code, source = excluded.source, updated_at = excluded.updated_at`);
  }
  const ofTarget = p.applicationId
    ? sql`l.service = ${p.service} AND l.application_id = ${p.applicationId}`
    : sql`l.service = ${p.service} AND l.grant_id IS NOT NULL AND l.recipient_iin = ${p.recipientIin}`;
  const [row] = rowsOf<{ updated: number; requeued: number; rescheduled: number }>(
    await tx.execute(sql`
      WITH last_item AS (
        SELECT DISTINCT ON (i.line_id) i.line_id, i.return_to_district_by, i.returned_to_district_on
        FROM payment_order_items i JOIN payment_lines l ON l.id = i.line_id
        WHERE ${ofTarget} AND l.status = 'returned'
        ORDER BY i.line_id, i.attempt DESC
      ), upd AS (
        UPDATE payment_lines l
        SET iban = ${p.iban}, bank_code = ${p.bankCode}, bic = ${p.bic}, channel = ${p.channel},
            status = CASE WHEN l.status <> 'returned' THEN l.status
                          WHEN li.return_to_district_by >= ${p.today}::date AND li.returned_to_district_on IS NULL THEN 'funded' ELSE 'scheduled' END,
            demand_id = CASE WHEN l.status = 'returned' AND (li.return_to_district_by < ${p.today}::date OR li.returned_to_district_on IS NOT NULL)
                             THEN NULL ELSE l.demand_id END
        FROM payment_lines l0 LEFT JOIN last_item li ON li.line_id = l0.id
        WHERE l.id = l0.id AND ${ofTarget}
          AND l.status IN ('scheduled', 'demanded', 'funded', 'returned')
        RETURNING l0.status AS was, l.status AS now
      )
      SELECT count(*)::int AS updated,
             count(*) FILTER (WHERE was = 'returned' AND now = 'funded')::int AS requeued,
             count(*) FILTER (WHERE was = 'returned' AND now = 'scheduled')::int AS rescheduled
      FROM upd`),
  );
  return { updatedLines: num(row?.updated), requeued: num(row?.requeued), rescheduled: num(row?.rescheduled) };
}

/**
 * Clause 23: every returned attempt whose line was not paid out again and whose hand-back day has come
 * (the last working day of the month it came back in) is recorded as returned to the district body on
 * `on`. Re-running the same day records nothing new.
 */
export async function returnToDistrict(tx: Tx, on: string): Promise<{ items: number; totalTiyn: number }> {
  const [row] = rowsOf<{ items: number; total: string }>(
    await tx.execute(sql`
      WITH back AS (
        UPDATE payment_order_items i SET returned_to_district_on = ${on}::date
        FROM payment_lines l
        WHERE l.id = i.line_id AND i.returned_on IS NOT NULL AND i.returned_to_district_on IS NULL
          AND i.return_to_district_by <= ${on}::date AND l.status = 'returned' AND l.attempts = i.attempt
        RETURNING i.amount_tiyn
      )
      SELECT count(*)::int AS items, coalesce(sum(amount_tiyn), 0)::text AS total FROM back`),
  );
  return { items: num(row?.items), totalTiyn: num(row?.total) };
}

export async function paymentAccountOf(tx: Tx, service: string, applicationId: string) {
  const [row] = rowsOf<{ iban: string; bank_code: string; channel: string }>(
    await tx.execute(sql`SELECT iban, bank_code, channel FROM payment_accounts WHERE service = ${service} AND application_id = ${applicationId}`),
  );
  return row;
}

/** The lines of an assignment not yet stopped, for a termination. */
export async function linesOfAssignment(tx: Tx, service: string, applicationId: string) {
  return tx
    .select()
    .from(paymentLines)
    .where(and(eq(paymentLines.service, service), eq(paymentLines.applicationId, applicationId), sql`${paymentLines.status} <> 'stopped'`))
    .orderBy(asc(paymentLines.month))
    .for("update");
}

export async function terminationOf(tx: Tx, service: string, applicationId: string) {
  const [row] = await tx
    .select({ id: paymentTerminations.id })
    .from(paymentTerminations)
    .where(and(eq(paymentTerminations.service, service), eq(paymentTerminations.applicationId, applicationId)));
  return row;
}

export async function insertTermination(tx: Tx, row: typeof paymentTerminations.$inferInsert) {
  const [inserted] = await tx.insert(paymentTerminations).values(row).onConflictDoNothing().returning({ id: paymentTerminations.id });
  return inserted?.id ?? null;
}

export async function stopLine(tx: Tx, lineId: number, stopFrom: string) {
  await tx.update(paymentLines).set({ status: "stopped", stoppedFrom: stopFrom }).where(eq(paymentLines.id, lineId));
}

export async function reduceLine(tx: Tx, lineId: number, amountTiyn: number, stopFrom: string) {
  await tx.update(paymentLines).set({ amountTiyn, stoppedFrom: stopFrom }).where(eq(paymentLines.id, lineId));
}

export async function insertOverpayment(tx: Tx, row: typeof paymentOverpayments.$inferInsert) {
  await tx.insert(paymentOverpayments).values(row).onConflictDoNothing();
}

/** One overpayment with what its recovery needs: the line's district, month and service. */
export async function findOverpayment(tx: Tx, id: number) {
  const [row] = await tx
    .select({
      id: paymentOverpayments.id, status: paymentOverpayments.status, amountTiyn: paymentOverpayments.amountTiyn, repaidTiyn: paymentOverpayments.repaidTiyn,
      recipientIin: paymentOverpayments.recipientIin, recovery: paymentOverpayments.recovery, officeCode: paymentLines.officeCode,
      month: sql<string>`to_char(${paymentLines.month}, 'YYYY-MM')`, service: paymentLines.service,
    })
    .from(paymentOverpayments)
    .innerJoin(paymentLines, eq(paymentLines.id, paymentOverpayments.lineId))
    .where(eq(paymentOverpayments.id, id))
    .for("update", { of: paymentOverpayments });
  return row;
}

export async function updateOverpayment(tx: Tx, id: number, p: { status: OverpaymentStatus; repaidTiyn: number; on: string }) {
  await tx.update(paymentOverpayments).set({ status: p.status, repaidTiyn: p.repaidTiyn, statusOn: p.on }).where(eq(paymentOverpayments.id, id));
}

/** Overpayments for the finance officer (their district) or the payment officer (all): no name, the IIN's last 4 digits only. */
export async function listOverpayments(tx: Tx, f: { officeCode?: string; limit?: number } = {}) {
  return rowsOf<{ id: string; office_code: string; service: string; month: string; iin_tail: string; amount_tiyn: string; repaid_tiyn: string; recovery: string; status: string; detected_on: string; status_on: string | null; ground: string }>(
    await tx.execute(sql`
      SELECT op.id::text, l.office_code, l.service, to_char(l.month, 'YYYY-MM') AS month, right(op.recipient_iin, 4) AS iin_tail,
             op.amount_tiyn::text, op.repaid_tiyn::text, op.recovery, op.status, to_char(op.detected_on, 'YYYY-MM-DD') AS detected_on,
             to_char(op.status_on, 'YYYY-MM-DD') AS status_on, t.ground
      FROM payment_overpayments op
      JOIN payment_lines l ON l.id = op.line_id
      JOIN payment_terminations t ON t.id = op.termination_id
      WHERE ${f.officeCode ?? null}::text IS NULL OR l.office_code = ${f.officeCode ?? null}
      ORDER BY (op.status IN ('repaid', 'recovered', 'written_off')), op.detected_on DESC, op.id DESC
      LIMIT ${f.limit ?? 100}`),
  );
}

/**
 * Registry events (clause 14 grounds 1–2) for assignments still paid: the recipient's death, or a
 * current permanent registration outside the office's territory. Assignments already terminated are left.
 */
export async function registryEventCandidates(tx: Tx, asOf: string) {
  return rowsOf<{ service: string; application_id: string; ground: "death" | "moved_out"; event_date: string }>(
    await tx.execute(sql`
      WITH live AS (
        SELECT DISTINCT l.service, l.application_id, l.recipient_iin, o.kato_prefix
        FROM payment_lines l JOIN offices o ON o.code = l.office_code
        WHERE l.status <> 'stopped' AND l.application_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM payment_terminations t WHERE t.service = l.service AND t.application_id = l.application_id)
      )
      SELECT live.service, live.application_id, 'death' AS ground, to_char(p.death_date, 'YYYY-MM-DD') AS event_date
      FROM live JOIN registry.persons p ON p.iin = live.recipient_iin
      WHERE p.death_date IS NOT NULL AND p.death_date <= ${asOf}::date
      UNION ALL
      SELECT live.service, live.application_id, 'moved_out', to_char(r.valid_from, 'YYYY-MM-DD')
      FROM live JOIN registry.registrations r ON r.iin = live.recipient_iin AND r.kind = 'permanent' AND r.valid_to IS NULL
      WHERE r.kato_code NOT LIKE live.kato_prefix || '%' AND r.valid_from <= ${asOf}::date
        AND NOT EXISTS (SELECT 1 FROM registry.persons p WHERE p.iin = live.recipient_iin AND p.death_date IS NOT NULL AND p.death_date <= ${asOf}::date)
      ORDER BY 2`),
  );
}

/**
 * Clause 14 sub-item 1 for list grants (ADR 023): a grant line not yet paid whose recipient died so
 * that payment stops before its month (from the month after the death) is stopped from that day.
 * Grants have no application, so no termination row: the line carries its stop date. Returns the lines.
 */
export async function stopGrantLinesOfDead(tx: Tx, asOf: string): Promise<{ lines: number; totalTiyn: number }> {
  const [row] = rowsOf<{ n: number; total: string }>(
    await tx.execute(sql`
      WITH stopped AS (
        UPDATE payment_lines l SET status = 'stopped', stopped_from = (date_trunc('month', p.death_date) + interval '1 month')::date
        FROM registry.persons p
        WHERE l.grant_id IS NOT NULL AND l.status IN ('scheduled', 'demanded', 'funded') AND p.iin = l.recipient_iin
          AND p.death_date IS NOT NULL AND p.death_date <= ${asOf}::date AND date_trunc('month', p.death_date) + interval '1 month' <= l.month
        RETURNING l.amount_tiyn
      )
      SELECT count(*)::int AS n, coalesce(sum(amount_tiyn), 0)::text AS total FROM stopped`),
  );
  return { lines: num(row?.n), totalTiyn: num(row?.total) };
}

export type CitizenPayment = {
  lineId: number; applicationId: string | null; grantId: number | null; service: string; month: string; amountTiyn: number; status: string; paidOn: string | null; returnedOn: string | null;
  returnCode: string | null; iban: string; bankNameRu: string; bankNameKk: string; channel: string; overpaymentTiyn: number | null;
  overpaymentRepaidTiyn: number; overpaymentStatus: OverpaymentStatus | null; stoppedFrom: string | null; terminationGround: string | null;
};

/** A recipient's payment lines, newest month first, with the bank's names and any overpayment. */
export async function paymentsOfRecipient(tx: Tx, iin: string, limit = 36): Promise<CitizenPayment[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      SELECT l.id, l.application_id, l.grant_id, l.service, to_char(l.month, 'YYYY-MM') AS month, l.amount_tiyn, l.status,
             to_char(l.paid_on, 'YYYY-MM-DD') AS paid_on, to_char(l.returned_on, 'YYYY-MM-DD') AS returned_on, l.return_code,
             l.iban, b.name_ru, b.name_kk, l.channel, op.amount_tiyn AS overpayment, op.repaid_tiyn AS overpayment_repaid, op.status AS overpayment_status,
             to_char(l.stopped_from, 'YYYY-MM-DD') AS stopped_from,
             -- A grant line is only ever stopped by its recipient's death (stopGrantLinesOfDead).
             coalesce(t.ground, CASE WHEN l.grant_id IS NOT NULL AND l.status = 'stopped' THEN 'death' END) AS ground
      FROM payment_lines l
      JOIN registry.banks b ON b.code = l.bank_code
      LEFT JOIN payment_overpayments op ON op.line_id = l.id
      LEFT JOIN payment_terminations t ON t.service = l.service AND t.application_id = l.application_id
      WHERE l.recipient_iin = ${iin}
      ORDER BY l.month DESC, l.id DESC
      LIMIT ${limit}`),
  );
  return rows.map((r) => ({
    lineId: num(r.id), applicationId: (r.application_id as string | null) ?? null, grantId: r.grant_id == null ? null : num(r.grant_id), service: String(r.service), month: String(r.month), amountTiyn: num(r.amount_tiyn), status: String(r.status),
    paidOn: (r.paid_on as string | null) ?? null, returnedOn: (r.returned_on as string | null) ?? null, returnCode: (r.return_code as string | null) ?? null,
    iban: String(r.iban), bankNameRu: String(r.name_ru), bankNameKk: String(r.name_kk), channel: String(r.channel),
    overpaymentTiyn: r.overpayment == null ? null : num(r.overpayment),
    overpaymentRepaidTiyn: num(r.overpayment_repaid), overpaymentStatus: (r.overpayment_status as OverpaymentStatus | null) ?? null,
    stoppedFrom: (r.stopped_from as string | null) ?? null, terminationGround: (r.ground as string | null) ?? null,
  }));
}

export type PaymentAuditEntry = { at: Date; actorLabel: string; actorRole: string; action: string; subject: string; details?: unknown };

export async function insertPaymentAudit(tx: Tx, e: PaymentAuditEntry) {
  await tx.insert(paymentAudit).values({ ...e, details: e.details ?? null });
}

export async function paymentAuditOf(tx: Tx, subject: string) {
  return tx.select().from(paymentAudit).where(eq(paymentAudit.subject, subject)).orderBy(asc(paymentAudit.id));
}

/** Counts by status for the run summary and the officer's page. */
export async function lineCounts(tx: Tx): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await tx.execute(sql`SELECT status, count(*)::int AS n FROM payment_lines GROUP BY status`));
  return Object.fromEntries(rows.map((r) => [r.status, num(r.n)]));
}

/** The latest payment orders (files) with their totals. */
export async function recentOrders(tx: Tx, limit = 30) {
  return tx
    .select({ id: paymentOrders.id, orderDate: paymentOrders.orderDate, msgId: paymentOrders.msgId, channel: paymentOrders.channel, bic: paymentOrders.bic, lineCount: paymentOrders.lineCount, totalTiyn: paymentOrders.totalTiyn })
    .from(paymentOrders)
    .orderBy(desc(paymentOrders.orderDate), desc(paymentOrders.id))
    .limit(limit);
}

/** Returned attempts for the payment officer: identifiers, amount, account tail and reason — nothing of the case. */
export async function recentReturns(tx: Tx, limit = 50) {
  return rowsOf<{
    end_to_end_id: string; month: string; amount_tiyn: string; iban_tail: string; return_code: string; returned_on: string; record_by: string;
    recorded_on: string | null; late: boolean | null; to_district_by: string; to_district_on: string | null; line_status: string; repaid: boolean;
  }>(
    await tx.execute(sql`
      SELECT i.end_to_end_id, to_char(l.month, 'YYYY-MM') AS month, i.amount_tiyn::text AS amount_tiyn, right(i.iban, 4) AS iban_tail, i.return_code,
             to_char(i.returned_on, 'YYYY-MM-DD') AS returned_on, to_char(i.return_recorded_by, 'YYYY-MM-DD') AS record_by,
             to_char(i.return_to_district_by, 'YYYY-MM-DD') AS to_district_by, l.status AS line_status,
             to_char(i.return_recorded_on, 'YYYY-MM-DD') AS recorded_on, i.return_late AS late,
             to_char(i.returned_to_district_on, 'YYYY-MM-DD') AS to_district_on, l.attempts > i.attempt AS repaid
      FROM payment_order_items i JOIN payment_lines l ON l.id = i.line_id
      WHERE i.returned_on IS NOT NULL
      ORDER BY i.returned_on DESC, i.id DESC
      LIMIT ${limit}`),
  );
}

export async function recentPaymentAudit(tx: Tx, limit = 30) {
  return tx.select().from(paymentAudit).orderBy(desc(paymentAudit.id)).limit(limit);
}

/** A case's payment lines, its termination and overpayments, for the staff page of the case. */
export async function paymentsOfCase(tx: Tx, service: string, applicationId: string) {
  const lines = rowsOf<{ id: string; month: string; amount_tiyn: string; status: string; paid_on: string | null; stopped_from: string | null; overpayment_tiyn: string | null; overpayment_status: string | null }>(
    await tx.execute(sql`
      SELECT l.id::text, to_char(l.month, 'YYYY-MM') AS month, l.amount_tiyn::text, l.status, to_char(l.paid_on, 'YYYY-MM-DD') AS paid_on,
             to_char(l.stopped_from, 'YYYY-MM-DD') AS stopped_from, op.amount_tiyn::text AS overpayment_tiyn, op.status AS overpayment_status
      FROM payment_lines l LEFT JOIN payment_overpayments op ON op.line_id = l.id
      WHERE l.service = ${service} AND l.application_id = ${applicationId}
      ORDER BY l.month`),
  );
  const [termination] = await tx
    .select()
    .from(paymentTerminations)
    .where(and(eq(paymentTerminations.service, service), eq(paymentTerminations.applicationId, applicationId)));
  return { lines, termination };
}
