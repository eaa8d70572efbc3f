import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCaseAccess } from "~/staff/case.server";
import { getDb } from "~/db.server";
import { eventsOf } from "../../db/queries/applications";
import { formatDate, formatKzDateTime } from "~/components/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireCaseAccess(request, params.id);
  const { db } = await getDb();
  const events = await eventsOf(db, application.id);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    status: application.status,
    channel: application.channel,
    dueDate: application.dueDate,
    katoCode: application.katoCode,
    events: events.map((e) => ({ at: e.at.toISOString(), status: e.status, note: e.note })),
  };
}

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "decision", "apply"]);
  return (
    <>
      <h1>
        {t("apply:status.title")} {d.registrationNumber}
      </h1>
      <dl className="summary">
        <dt>{t("apply:status.channel")}</dt>
        <dd>{t(`apply:channels.${d.channel}`)}</dd>
        <dt>{t("apply:status.dueDate")}</dt>
        <dd>{d.dueDate ? formatDate(d.dueDate) : "—"}</dd>
      </dl>
      <p>
        <span className="tag">{t(`decision:status.${d.status}.name`)}</span>
      </p>
      <h2>{t("apply:status.timeline")}</h2>
      <ol className="timeline">
        {d.events.map((e, i) => (
          <li key={i}>
            <strong>{t(`decision:status.${e.status}.name`)}</strong> <span className="muted">{formatKzDateTime(e.at)}</span>
            {e.note ? <p>{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
