/** Loading and saving the citizen's e-application draft, with ownership checked on every request. */
import { redirect } from "@remix-run/node";
import { getDb } from "../db.server";
import { requireCitizen, type CitizenUser } from "../session.server";
import { findOwnApplication, saveDraft } from "../../db/queries/applications";
import { parseDraft, draftSchema, type Draft } from "../domain/application-draft";
import type { Application } from "../../db/schema";
import type { GatewayPerson } from "../domain/gateway";
import type { Language } from "../../locales";

export type OwnDraft = { user: CitizenUser; application: Application; draft: Draft };

/** The citizen's own application by id, or 404 — someone else's id reads exactly like a missing one. */
export async function requireOwnApplication(request: Request, id: string | undefined) {
  const user = await requireCitizen(request);
  const { db } = await getDb();
  const application = id ? await findOwnApplication(db, id, user.iin) : null;
  if (!application) throw new Response("Not found", { status: 404 });
  return { user, application };
}

/** As above, and only while it can still be edited; a submitted one sends the citizen to its status page. */
export async function requireOwnDraft(request: Request, id: string | undefined): Promise<OwnDraft> {
  const { user, application } = await requireOwnApplication(request, id);
  if (application.status !== "draft" && application.status !== "rejected_at_check") throw redirect(`/applications/${application.id}`);
  return { user, application, draft: parseDraft(application.draft) };
}

export async function updateDraft(own: OwnDraft, change: (d: Draft) => Draft) {
  const next = draftSchema.parse(change(structuredClone(own.draft)));
  const { db } = await getDb();
  const saved = await saveDraft(db, own.application.id, own.user.iin, next, new Date());
  if (!saved) throw new Response("Conflict", { status: 409 });
  return next;
}

export function personName(p: Pick<GatewayPerson, "lastNameRu" | "firstNameRu" | "patronymicRu" | "lastNameKk" | "firstNameKk" | "patronymicKk">, lng: Language) {
  return lng === "kk"
    ? [p.lastNameKk, p.firstNameKk, p.patronymicKk].filter(Boolean).join(" ")
    : [p.lastNameRu, p.firstNameRu, p.patronymicRu].filter(Boolean).join(" ");
}
