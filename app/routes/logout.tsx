import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertCsrf } from "~/csrf.server";
import { endSession } from "~/session.server";
import { readForm } from "~/forms.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await assertCsrf(request, await readForm(request));
  return endSession(request, "/");
}
