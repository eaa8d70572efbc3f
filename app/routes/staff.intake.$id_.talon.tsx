import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnIntake } from "~/intake/intake.server";
import { getLanguage } from "~/i18n.server";
import { talonFacts } from "~/intake/talon.server";
import { Talon } from "~/intake/Talon";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "intake:talon.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireOwnIntake(request, params.id);
  const facts = await talonFacts(application, await getLanguage(request));
  if (!facts) throw new Response("Not found", { status: 404 });
  return { ...facts, id: application.id };
}

/** The talon handed to the citizen at the desk: print-friendly, naming the staff member who accepted the papers. */
export default function IntakeTalon() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["intake"]);
  return (
    <Talon d={d}>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("intake:talon.print")}
        </button>{" "}
        <Link to={`/staff/intake/${d.id}`}>{t("intake:talon.back")}</Link>
      </p>
    </Talon>
  );
}
