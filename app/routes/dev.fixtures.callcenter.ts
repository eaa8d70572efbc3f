/**
 * TEST HOOK — demo mode only. POST /dev/fixtures/callcenter creates a portal application and a
 * delivered proactive offer for two generated people and answers their IINs as JSON, so the e2e test
 * can look them up in the 1414 console. Answers 404 unless KOMEK_DEMO=1 (never set in production);
 * demands a JSON request, which a cross-site form cannot send.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { getDb } from "~/db.server";
import { createLookupDemo } from "~/callcenter/demo-fixture.server";

export const loader = () => new Response(null, { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  if (env().KOMEK_DEMO !== "1" || request.method !== "POST") return new Response(null, { status: 404 });
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) return new Response(null, { status: 415 });
  const { db } = await getDb();
  return Response.json(await createLookupDemo(db), { headers: { "Cache-Control": "no-store" } });
}
