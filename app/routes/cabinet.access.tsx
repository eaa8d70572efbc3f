import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { accessSeenBy } from "~/audit/access.server";
import { formatKzDateTime } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "callcenter:access.title" };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  return { entries: await accessSeenBy(user.iin) };
}

/** "Who looked at my data": every look-up of the citizen's records by 1414 agents and staff. */
export default function CabinetAccess() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["callcenter", "cabinet"]);
  return (
    <>
      <h1>{t("access.title")}</h1>
      <p className="lead">{t("access.lead")}</p>
      {entries.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("access.at")}</th>
              <th scope="col">{t("access.role")}</th>
              <th scope="col">{t("access.purpose")}</th>
              <th scope="col">{t("access.reference")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-purpose={e.purpose}>
                <td>{formatKzDateTime(e.at)}</td>
                <td>{t(`access.roles.${e.role}`)}</td>
                <td>{t(`access.purposes.${e.purpose}`, { defaultValue: e.purpose })}</td>
                <td>{e.reference ?? "—"}</td>
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
