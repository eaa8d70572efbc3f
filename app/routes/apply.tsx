import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { assertCsrf } from "~/csrf.server";
import { startOrResumeDraft } from "~/application/draft.server";
import { parseForm } from "~/schemas/form";
import { readForm } from "~/forms.server";

/** Which service to apply for: a key (checked against the definitions by startOrResumeDraft). */
const startForm = z.object({ service: z.string().max(32).optional() });

/** Start or resume the e-application of `?service=` (or the posted `service`): one open draft per citizen and service. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseForm(startForm, new URL(request.url).searchParams);
  return startOrResumeDraft(request, query.ok ? (query.data.service ?? null) : null);
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await assertCsrf(request, form);
  const posted = parseForm(startForm, form);
  const query = parseForm(startForm, new URL(request.url).searchParams);
  const service = (posted.ok ? posted.data.service : undefined) ?? (query.ok ? query.data.service : undefined);
  return startOrResumeDraft(request, service ?? null);
}
