import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { purgeExpired } from "../../db/queries/purge";
import { challengeExpiry, CHALLENGE_TTL_MS, newLoginChallenge } from "../../app/auth/ecp-login.server";

const NOW = new Date("2026-11-23T06:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const hash = (n: number) => n.toString(16).padStart(64, "0");

describe("the purge job and the ЭЦП sign-in challenge", () => {
  let fresh: FreshDb;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_purge" });
    setDb(fresh);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  const count = async (table: string) => (await fresh.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

  it("deletes expired challenges, old attempts, ended sessions and expired codes, and keeps the live ones", async () => {
    await ensureCitizenAccount(fresh.db, "900512440017");
    // [kept, purged] for each table.
    await fresh.query(
      `insert into auth_challenges (nonce, created_at, expires_at, used_at) values
         (repeat('a', 43), $1, $2, $1), (repeat('b', 43), $3, $4, $3)`,
      [hoursAgo(1), hoursAgo(0.9), hoursAgo(30), hoursAgo(29.9)],
    );
    await fresh.query(`insert into login_attempts (key, succeeded, at) values ('iin:900512440017', false, $1), ('iin:900512440017', false, $2)`, [hoursAgo(24 * 10), hoursAgo(24 * 40)]);
    await fresh.query(
      `insert into sessions (id_hash, subject, citizen_iin, created_at, last_seen_at, expires_at, revoked_at) values
         ($1, 'citizen', '900512440017', $5, $5, $6, null),
         ($2, 'citizen', '900512440017', $7, $7, $8, null),
         ($3, 'citizen', '900512440017', $5, $5, $6, $9),
         ($4, 'citizen', '900512440017', $7, $10, $6, null)`,
      [hash(1), hash(2), hash(3), hash(4), hoursAgo(1), hoursAgo(-11), hoursAgo(60), hoursAgo(48), hoursAgo(25), hoursAgo(26)],
    );
    await fresh.query(
      `insert into rate_limits (key, count, last_at, next_allowed_at) values ('iin:900512440017', 3, $1, $1), ('ip:10.0.0.1', 9, $2, $2)`,
      [hoursAgo(0.5), hoursAgo(48)],
    );
    await fresh.query(
      `insert into otp_codes (iin, purpose, phone, code_hash, created_at, expires_at) values
         ('900512440017', 'consent', '+77015550102', repeat('0', 64), $1, $2), ('900512440017', 'consent', '+77015550102', repeat('1', 64), $3, $4)`,
      [hoursAgo(0.1), hoursAgo(-0.1), hoursAgo(50), hoursAgo(49.9)],
    );

    expect(await purgeExpired(fresh.db, NOW)).toEqual({ challenges: 1, attempts: 1, sessions: 3, codes: 1, limits: 1 });
    expect((await fresh.query<{ nonce: string }>(`select nonce from auth_challenges`)).map((r) => r.nonce)).toEqual(["a".repeat(43)]);
    expect(await count("login_attempts")).toBe(1);
    expect((await fresh.query<{ id_hash: string }>(`select id_hash from sessions`)).map((r) => r.id_hash)).toEqual([hash(1)]);
    expect((await fresh.query<{ code_hash: string }>(`select code_hash from otp_codes`)).map((r) => r.code_hash)).toEqual(["0".repeat(64)]);
    // A second run finds nothing more.
    expect(await purgeExpired(fresh.db, NOW)).toEqual({ challenges: 0, attempts: 0, sessions: 0, codes: 0, limits: 0 });
  });

  it("an anonymous GET /login/ecp writes nothing: the challenge carries its own MAC", async () => {
    const before = await count("auth_challenges");
    const payloads = Array.from({ length: 50 }, () => JSON.parse(newLoginChallenge("https://komek.example.kz", NOW)) as { nonce: string; issuedAt: string; origin: string });
    expect(await count("auth_challenges")).toBe(before);

    const [c] = payloads;
    expect(challengeExpiry(c, NOW)).toEqual(new Date(NOW.getTime() + CHALLENGE_TTL_MS));
    // Expired, from another origin, with a changed time or a forged nonce: refused.
    expect(challengeExpiry(c, new Date(NOW.getTime() + CHALLENGE_TTL_MS))).toBeNull();
    expect(challengeExpiry({ ...c, origin: "https://evil.example" }, NOW)).toBeNull();
    expect(challengeExpiry({ ...c, issuedAt: new Date(NOW.getTime() + 1000).toISOString() }, NOW)).toBeNull();
    const forged = Buffer.from(c.nonce, "base64url");
    forged[20] ^= 1;
    expect(challengeExpiry({ ...c, nonce: forged.toString("base64url") }, NOW)).toBeNull();
    expect(challengeExpiry({ ...c, nonce: "x".repeat(43) }, NOW)).toBeNull();
  });
});
