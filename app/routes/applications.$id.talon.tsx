import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnApplication } from "~/application/draft.server";
import { getLanguage } from "~/i18n.server";
import { talonFacts } from "~/intake/talon.server";
import { Talon } from "~/intake/Talon";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:talon.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireOwnApplication(request, params.id);
  const facts = await talonFacts(application, await getLanguage(request));
  if (!facts) throw new Response("Not found", { status: 404 });
  return facts;
}

/**
 * The talon (Annex 3.1): what was registered, when, by whom — the name of the Centre specialist or the
 * akim's staff member for paper applications, the portal for its own — and when the answer is due. Printable.
 */
export default function ApplicationTalon() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["apply"]);
  return (
    <Talon d={d}>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("apply:talon.print")}
        </button>
      </p>
    </Talon>
  );
}
