/** The district's registration journal for /staff: filters from the query string, deadlines in working days. */
import { z } from "zod";
import { getDb } from "../db.server";
import type { StaffUser } from "../session.server";
import { listJournal, remindersFor } from "../../db/queries/deciding";
import { CHANNELS, JOURNAL_STATUSES } from "./journal";
import { kzDate } from "../domain/kz-time";
import { addWorkingDays, kzCalendar, workingDaysBetween } from "../domain/workdays";
import type { ApplicationStatus, Channel } from "../../db/schema";


const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const filterSchema = z.object({
  status: z.preprocess(empty, z.enum(JOURNAL_STATUSES as unknown as [string, ...string[]]).optional()),
  channel: z.preprocess(empty, z.enum(CHANNELS).optional()),
  due: z.preprocess(empty, z.coerce.number().int().min(0).max(60).optional()),
  overdue: z.preprocess(empty, z.literal("1").optional()),
  notify: z.preprocess(empty, z.literal("1").optional()),
  mine: z.preprocess(empty, z.literal("1").optional()),
});
export type JournalFilters = { status?: string; channel?: string; due?: string; overdue?: boolean; notify?: boolean; mine?: boolean };

/** Days left in working days (negative when overdue), or null outside the reviewed calendar. */
export function workingDaysLeft(today: string, dueDate: string | null) {
  if (!dueDate) return null;
  try {
    return workingDaysBetween(today, dueDate, kzCalendar);
  } catch {
    return null;
  }
}

export async function journal(user: StaffUser, url: URL, now: Date) {
  const raw = Object.fromEntries(["status", "channel", "due", "overdue", "notify", "mine"].map((k) => [k, url.searchParams.get(k)]));
  const today = kzDate(now);
  const shown: JournalFilters = {
    status: raw.status ?? undefined,
    channel: raw.channel ?? undefined,
    due: raw.due ?? undefined,
    overdue: raw.overdue === "1",
    notify: raw.notify === "1",
    mine: raw.mine === "1",
  };
  // Each filter on its own: one mistyped field is reported and the others still apply.
  const errors: Record<string, string> = {};
  const f: Partial<z.infer<typeof filterSchema>> = {};
  for (const [key, schema] of Object.entries(filterSchema.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) (f as Record<string, unknown>)[key] = parsed.data;
    else if (key === "due") errors.due = "deciding:journal.errors.dueWithin";
  }
  let dueBy: string | undefined;
  if (f.due !== undefined) {
    try {
      dueBy = addWorkingDays(today, f.due, kzCalendar);
    } catch {
      errors.due = "deciding:journal.errors.dueWithin";
    }
  }
  const { db } = await getDb();
  const rows = await listJournal(db, {
    katoPrefix: user.office.katoPrefix,
    statuses: f.status ? [f.status as ApplicationStatus] : undefined,
    channel: f.channel as Channel | undefined,
    dueBy,
    overdueBefore: f.overdue ? today : undefined,
    notificationMissing: !!f.notify,
    assignedTo: f.mine ? user.staff.id : undefined,
  });
  const reminders = await remindersFor(db, user.staff.id, today);
  return {
    today,
    filters: shown,
    errors,
    reminders: reminders.map((r) => ({ ...r, dueDate: r.dueDate })),
    rows: rows.map((r) => ({
      id: r.id,
      registrationNumber: r.registrationNumber,
      channel: r.channel,
      status: r.status,
      applicationDate: r.applicationDate,
      dueDate: r.dueDate,
      daysLeft: r.status === "notice_delivered" ? null : workingDaysLeft(today, r.dueDate),
      notifyBy: r.pendingNotifications > 0 ? r.notifyBy : null,
      notifyLate: r.pendingNotifications > 0 && !!r.notifyBy && r.notifyBy < today,
    })),
  };
}
