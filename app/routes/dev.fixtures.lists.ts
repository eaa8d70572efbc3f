/**
 * TEST HOOK — demo mode only. POST /dev/fixtures/lists {"kind": "needs", "subject": "8.7", "year": 2025,
 * "half": 2} generates, reviews and approves that list of Nura as the demo staff, the head signing with
 * the demo key (app/lists/demo-approve.server.ts), so the 1414 e2e finds a real list decision. Answers
 * 404 unless KOMEK_DEMO=1 (never set in production); demands a JSON request, which a cross-site form
 * cannot send.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/env.server";
import { getDb } from "~/db.server";
import { approveDemoList } from "~/lists/demo-approve.server";

export const loader = () => new Response(null, { status: 404 });

const body = z.object({
  kind: z.enum(["holiday", "needs"]),
  subject: z.string().regex(/^(\d{2}-\d{2}|\d+(\.\d+)*)$/),
  year: z.number().int().min(2020).max(2100),
  half: z.union([z.literal(1), z.literal(2)]).default(1),
});

export async function action({ request }: ActionFunctionArgs) {
  if (env().KOMEK_DEMO !== "1" || request.method !== "POST") return new Response(null, { status: 404 });
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) return new Response(null, { status: 415 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response(null, { status: 400 });
  const { db } = await getDb();
  return Response.json(await approveDemoList(db, parsed.data), { headers: { "Cache-Control": "no-store" } });
}
