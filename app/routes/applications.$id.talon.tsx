import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnApplication, personName } from "~/application/draft.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { getService } from "~/services/registry";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:talon.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireOwnApplication(request, params.id);
  if (!application.registrationNumber) throw new Response("Not found", { status: 404 });
  const lng = await getLanguage(request);
  const person = await (await getGateway()).getPerson(application.applicantIin);
  return {
    registrationNumber: application.registrationNumber,
    registeredAt: application.registeredAt!.toISOString(),
    dueDate: application.dueDate!,
    channel: application.channel,
    serviceNameKey: getService(application.service).nameKey,
    applicant: person ? personName(person, lng) : application.applicantIin,
  };
}

/** The talon (Annex 3.1): what was registered, when, by whom, and when the answer is due. Printable. */
export default function Talon() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["apply", "services"]);
  return (
    <article className="talon" aria-labelledby="talon-title">
      <h1 id="talon-title">{t("apply:talon.title")}</h1>
      <dl className="summary">
        <dt>{t("apply:status.registrationNumber")}</dt>
        <dd>{d.registrationNumber}</dd>
        <dt>{t("apply:talon.service")}</dt>
        <dd>{t(d.serviceNameKey)}</dd>
        <dt>{t("apply:talon.applicant")}</dt>
        <dd>{d.applicant}</dd>
        <dt>{t("apply:status.registeredAt")}</dt>
        <dd>{formatKzDateTime(d.registeredAt)}</dd>
        <dt>{t("apply:status.dueDate")}</dt>
        <dd>{formatDate(d.dueDate)}</dd>
        <dt>{t("apply:status.channel")}</dt>
        <dd>{t(`apply:channels.${d.channel}`)}</dd>
        <dt>{t("apply:status.registeredBy")}</dt>
        <dd>{t("apply:status.system")}</dd>
      </dl>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("apply:talon.print")}
        </button>
      </p>
    </article>
  );
}
