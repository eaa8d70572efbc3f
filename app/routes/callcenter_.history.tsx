import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ownHistory } from "~/callcenter/history.server";
import { LookupTable } from "~/callcenter/LookupTable";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "callcenter:history.title" };

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const loader = ({ request }: LoaderFunctionArgs) => ownHistory(request);

export default function CallcenterHistory() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("callcenter");
  return (
    <>
      <h1>{t("history.title")}</h1>
      <p className="lead">{t("history.lead")}</p>
      <p>
        <Link to="/callcenter">{t("history.back")}</Link>
      </p>
      {d.rows.length ? <LookupTable rows={d.rows} showAgent={false} /> : <p>{t("history.none")}</p>}
      {d.olderFrom ? (
        <p>
          <Link to={`/callcenter/history?before=${d.olderFrom}`}>{t("history.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
