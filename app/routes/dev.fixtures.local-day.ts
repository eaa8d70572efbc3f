/**
 * TEST HOOK — demo mode only. POST /dev/fixtures/local-day {"registrationNumber": "LSA26-000001"}
 * moves a demo citizen's freshly registered application to the last working day up to today
 * (app/staff/demo-case.server.ts backdateDemoApplication), so the staff e2e can survey it today even
 * when it was filed after working hours. Answers 404 unless KOMEK_DEMO=1; demands a JSON request.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { getDb } from "~/db.server";
import { backdateDemoApplication } from "~/staff/demo-case.server";

export const loader = () => new Response(null, { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  if (env().KOMEK_DEMO !== "1" || request.method !== "POST") return new Response(null, { status: 404 });
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) return new Response(null, { status: 415 });
  const body = (await request.json().catch(() => null)) as { registrationNumber?: unknown } | null;
  const number = typeof body?.registrationNumber === "string" ? body.registrationNumber : "";
  const { db } = await getDb();
  const moved = await backdateDemoApplication(db, number);
  return moved ? Response.json(moved, { headers: { "Cache-Control": "no-store" } }) : new Response(null, { status: 400 });
}
