/**
 * TEST HOOK — demo mode only. POST /dev/fixtures/decide {"registrationNumber": "...", "kind": "refusal"}
 * walks a registered case of a demo citizen through the staff steps and signs its notice
 * (app/staff/demo-decide.server.ts), so the intake e2e test has a decided case. Answers 404 unless
 * KOMEK_DEMO=1 (never set in production); demands a JSON request, which a cross-site form cannot send.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { getDb } from "~/db.server";
import { decideDemoCase } from "~/staff/demo-decide.server";
import { verifyUrl } from "~/staff/deciding.server";
import { findCaseByNumber } from "~/intake/demo.server";
import { isDemoCitizen } from "~/staff/demo-case.server";

export const loader = () => new Response(null, { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  if (env().KOMEK_DEMO !== "1" || request.method !== "POST") return new Response(null, { status: 404 });
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) return new Response(null, { status: 415 });
  const body = (await request.json().catch(() => null)) as { registrationNumber?: unknown; kind?: unknown } | null;
  const number = typeof body?.registrationNumber === "string" ? body.registrationNumber : "";
  const kind = body?.kind === "assignment" ? "assignment" : "refusal";
  const { db } = await getDb();
  const found = await findCaseByNumber(db, number);
  if (!found || !isDemoCitizen(found.applicantIin)) return new Response(null, { status: 400 });
  return Response.json(await decideDemoCase(db, found.id, kind, verifyUrl(request)), { headers: { "Cache-Control": "no-store" } });
}
