import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { accessSeenBy } from "~/audit/access.server";
import { formatKzDateTime, formatKzTime } from "~/components/dates";
import { groupAccess } from "~/domain/access-groups";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "callcenter:access.title" };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  return { entries: groupAccess(await accessSeenBy(user.iin)) };
}

/** "Who looked at my data": every look-up of the citizen's records by 1414 agents and staff. */
export default function CabinetAccess() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["callcenter", "cabinet", "ui"]);
  const when = (e: { first: string; last: string }) =>
    e.first === e.last ? formatKzDateTime(e.first) : formatKzDateTime(e.first).slice(0, 10) === formatKzDateTime(e.last).slice(0, 10)
      ? `${formatKzDateTime(e.first)}–${formatKzTime(e.last)}`
      : `${formatKzDateTime(e.first)} – ${formatKzDateTime(e.last)}`;
  return (
    <>
      <h1>{t("access.title")}</h1>
      <p className="lead">{t("access.lead")}</p>
      {entries.length ? <p className="hint">{t("ui:access.grouped")}</p> : null}
      {entries.length ? (
        <table className="stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("access.at")}</th>
              <th scope="col">{t("access.role")}</th>
              <th scope="col">{t("access.purpose")}</th>
              <th scope="col">{t("access.reference")}</th>
              <th scope="col">{t("ui:access.count")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-purpose={e.purpose}>
                <td className="row-title">{when(e)}</td>
                <td data-label={t("access.role")}>{t(`access.roles.${e.role}`)}</td>
                <td data-label={t("access.purpose")}>{t(`access.purposes.${e.purpose}`, { defaultValue: e.purpose })}</td>
                <td data-label={t("access.reference")}>{e.reference ?? "—"}</td>
                <td className="access-count" data-label={t("ui:access.count")}>{t("ui:access.times", { count: e.count })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("access.none")}</p>
      )}
      <p>
        <Link to="/cabinet">{t("cabinet:title")}</Link>
      </p>
    </>
  );
}
