import { getDb } from "~/db.server";

export async function loader() {
  try {
    const handle = await getDb();
    await withTimeout(handle.query("select 1"), 2_000);
    return Response.json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json(
      { status: "unavailable", db: "unreachable", reason },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    p.then((v) => (clearTimeout(timer), resolve(v)), (e) => (clearTimeout(timer), reject(e)));
  });
}
