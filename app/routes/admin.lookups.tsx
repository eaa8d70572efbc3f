import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminLookups } from "~/callcenter/history.server";
import { LookupTable } from "~/callcenter/LookupTable";
import { ErrorSummary, Field } from "~/components/forms";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "callcenter:admin.title" };

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const loader = ({ request }: LoaderFunctionArgs) => adminLookups(request);

export default function AdminLookups() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("callcenter");
  const params = new URLSearchParams(Object.entries(d.values).filter(([, v]) => v));
  const withParams = (extra: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <ErrorSummary errors={d.errors} order={["agent", "from", "to"]} />
      <Form method="get" className="two-col">
        <Field name="agent" label={t("admin.agent")} defaultValue={d.values.agent} autoComplete="off" spellCheck={false} />
        <Field name="from" label={t("admin.from")} hint={t("admin.dateHint")} error={d.errors.from} defaultValue={d.values.from} />
        <Field name="to" label={t("admin.to")} hint={t("admin.dateHint")} error={d.errors.to} defaultValue={d.values.to} />
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("admin.filter")}
          </button>
          {/* A plain link: the browser downloads the file, no client-side navigation. */}
          <a href={`/admin/lookups.csv${withParams({})}`} download>
            {t("admin.download")}
          </a>
        </div>
      </Form>
      {d.rows.length ? <LookupTable rows={d.rows} showAgent /> : <p>{t("history.none")}</p>}
      {d.olderFrom ? (
        <p>
          <Link to={`/admin/lookups${withParams({ before: String(d.olderFrom) })}`}>{t("history.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
