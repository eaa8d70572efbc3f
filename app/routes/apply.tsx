import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { assertCsrf } from "~/csrf.server";
import { startOrResumeDraft } from "~/application/draft.server";

/** Start or resume the e-application of `?service=` (or the posted `service`): one open draft per citizen and service. */
export async function loader({ request }: LoaderFunctionArgs) {
  return startOrResumeDraft(request, new URL(request.url).searchParams.get("service"));
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await assertCsrf(request, form);
  const posted = form.get("service");
  return startOrResumeDraft(request, typeof posted === "string" ? posted : new URL(request.url).searchParams.get("service"));
}
