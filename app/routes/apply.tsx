import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { requireCitizen } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getOrCreateDraft } from "../../db/queries/applications";
import { parseDraft, resumeStep } from "~/domain/application-draft";
import { readForm } from "~/forms.server";

/** Start or resume the ASP e-application: one open draft per citizen, kept on the server. */
async function resume(request: Request) {
  const user = await requireCitizen(request);
  const { db } = await getDb();
  const draft = await getOrCreateDraft(db, user.iin, new Date());
  return redirect(`/applications/${draft.id}/${resumeStep(parseDraft(draft.draft))}`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  return resume(request);
}

export async function action({ request }: ActionFunctionArgs) {
  await assertCsrf(request, await readForm(request));
  return resume(request);
}
