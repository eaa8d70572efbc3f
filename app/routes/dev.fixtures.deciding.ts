/**
 * TEST HOOK — demo mode only. POST /dev/fixtures/deciding {"iin": "..."} registers an ASP application
 * for a demo citizen (app/staff/demo-case.server.ts) and answers its id and number as JSON, so the
 * deciding e2e test has a case for the staff steps. Answers 404 unless KOMEK_DEMO=1 (never set in
 * production); demands a JSON request, which a cross-site form cannot send.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { getDb } from "~/db.server";
import { isDemoCitizen, registerDemoCase } from "~/staff/demo-case.server";

export const loader = () => new Response(null, { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  if (env().KOMEK_DEMO !== "1" || request.method !== "POST") return new Response(null, { status: 404 });
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) return new Response(null, { status: 415 });
  const body = (await request.json().catch(() => null)) as { iin?: unknown } | null;
  const iin = typeof body?.iin === "string" ? body.iin : "";
  if (!isDemoCitizen(iin)) return new Response(null, { status: 400 });
  const { db } = await getDb();
  return Response.json(await registerDemoCase(db, iin), { headers: { "Cache-Control": "no-store" } });
}
