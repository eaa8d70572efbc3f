/** Who may sign in: citizens (by IIN), staff of provider offices, their sessions and login throttling. */
import { sql } from "drizzle-orm";
import { pgTable, pgEnum, char, text, timestamp, bigserial, bigint, boolean, integer, varchar, index, uniqueIndex, check } from "drizzle-orm/pg-core";

export const staffRoleEnum = pgEnum("staff_role", ["specialist", "commission", "head", "callcenter", "admin", "payment_officer", "finance_officer", "centre_specialist", "akim"]);
export const sessionSubjectEnum = pgEnum("session_subject", ["citizen", "staff"]);

/** Provider offices (Центр занятости / отдел занятости и социальных программ) and the territory they serve. */
export const offices = pgTable("offices", {
  code: varchar("code", { length: 32 }).primaryKey(),
  nameRu: text("name_ru").notNull(),
  nameKk: text("name_kk").notNull(),
  /** KATO prefix of the territory served; '' means the whole country (contact centre, ministry). */
  katoPrefix: varchar("kato_prefix", { length: 9 }).notNull(),
});

export const citizenAccounts = pgTable(
  "citizen_accounts",
  {
    iin: char("iin", { length: 12 }).primaryKey(),
    /** Null for accounts created by signing in with ЭЦП only. */
    passwordHash: text("password_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [check("citizen_accounts_iin_digits", sql`${t.iin} ~ '^[0-9]{12}$'`)],
);

export const staffAccounts = pgTable(
  "staff_accounts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    login: varchar("login", { length: 64 }).notNull(),
    iin: char("iin", { length: 12 }).notNull(),
    fullNameRu: text("full_name_ru").notNull(),
    fullNameKk: text("full_name_kk").notNull(),
    role: staffRoleEnum("role").notNull(),
    officeCode: varchar("office_code", { length: 32 }).notNull().references(() => offices.code),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_accounts_login_uq").on(t.login), index("staff_accounts_office_idx").on(t.officeCode)],
);

/** Server-side sessions: the cookie carries only the id; revoking the row ends the session. */
export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session id, so a database leak does not hand out live sessions. */
    idHash: char("id_hash", { length: 64 }).primaryKey(),
    subject: sessionSubjectEnum("subject").notNull(),
    citizenIin: char("citizen_iin", { length: 12 }).references(() => citizenAccounts.iin),
    staffId: bigint("staff_id", { mode: "number" }).references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: varchar("ip", { length: 64 }),
    userAgent: text("user_agent"),
  },
  (t) => [
    // The purge job (app/purge.server.ts) deletes by expiry.
    index("sessions_expires_at_idx").on(t.expiresAt),
    check(
      "sessions_one_subject",
      sql`(${t.subject} = 'citizen' AND ${t.citizenIin} IS NOT NULL AND ${t.staffId} IS NULL) OR (${t.subject} = 'staff' AND ${t.staffId} IS NOT NULL AND ${t.citizenIin} IS NULL)`,
    ),
  ],
);

/** Failed (and successful) sign-ins, for throttling per IIN/login and per IP. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** 'iin:<IIN>', 'staff:<login>' or 'ip:<address>'. */
    key: varchar("key", { length: 128 }).notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_at_idx").on(t.key, t.at), index("login_attempts_at_idx").on(t.at)],
);

/**
 * Attempt counters (sign-in per account and per IP, one-time codes aside, adding family members):
 * one row per key, incremented in one statement before the guarded check runs (db/queries/limits.ts).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: varchar("key", { length: 160 }).primaryKey(),
    count: integer("count").notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
    nextAllowedAt: timestamp("next_allowed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_last_at_idx").on(t.lastAt)],
);

/** Single-use challenges for signing in with ЭЦП. */
export const authChallenges = pgTable(
  "auth_challenges",
  {
    nonce: char("nonce", { length: 43 }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("auth_challenges_expires_at_idx").on(t.expiresAt)],
);

export type StaffAccount = typeof staffAccounts.$inferSelect;
export type StaffRole = (typeof staffRoleEnum.enumValues)[number];
export type Office = typeof offices.$inferSelect;
