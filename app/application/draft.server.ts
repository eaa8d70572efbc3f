/** Loading and saving the citizen's e-application draft, with ownership checked on every request. */
import { redirect } from "@remix-run/node";
import { getDb } from "../db.server";
import { requireCitizen, type CitizenUser } from "../session.server";
import { findActiveCaseMembers, findOwnApplication, getOrCreateDraft, saveDraft } from "../../db/queries/applications";
import { parseDraft, draftSchema, resumeStep, type Draft } from "../domain/application-draft";
import { findService } from "../services/registry";
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

/** A service the citizen can apply for on the portal, or 404. */
export function portalService(key: string | null | undefined) {
  const def = key ? findService(key) : undefined;
  // A service without draft steps (local assistance) has its own application flow on its page.
  if (!def || !def.channels.some((c) => c.channel === "portal") || def.portalSteps.length === 0) throw new Response("Not found", { status: 404 });
  return def;
}

/**
 * The live case of this service the citizen is in (as applicant or family member), if any: the
 * service page says so before a new draft is started (issue 13, defect 8).
 */
export async function liveCaseOf(serviceKey: string, iin: string) {
  const { db } = await getDb();
  const [live] = await findActiveCaseMembers(db, serviceKey, [iin]);
  return live ? { registrationNumber: live.registrationNumber, applicationId: live.applicationId, own: live.applicantIin === iin } : null;
}

/** Start or resume the citizen's portal draft of a service; with a live case, back to the service page. */
export async function startOrResumeDraft(request: Request, serviceKey: string | null) {
  const user = await requireCitizen(request);
  const def = portalService(serviceKey);
  if (await liveCaseOf(def.key, user.iin)) return redirect(`/services/${def.key}`);
  const { db } = await getDb();
  const draft = await getOrCreateDraft(db, def.key, user.iin, new Date());
  return redirect(`/applications/${draft.id}/${resumeStep(parseDraft(draft.draft))}`);
}
