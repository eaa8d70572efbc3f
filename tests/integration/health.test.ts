import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb, closeDb, createDb } from "../../db/client";
import { loader } from "../../app/routes/healthz";

describe("GET /healthz", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb();
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("answers 200 with db ok when the database answers", async () => {
    setDb(fresh);
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    const dead = await createDb({ url: "postgres://postgres@127.0.0.1:1/nowhere", max: 1 });
    setDb(dead);
    const response = await loader();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.db).toBe("unreachable");
    expect(typeof body.reason).toBe("string");
    await closeDb();
  });
});
