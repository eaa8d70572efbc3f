import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { demoKeysPage } from "~/signature/demo-keys.server";
import { getFixedT } from "~/i18n.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (_t, d) => (d as { title?: string } | undefined)?.title ?? "Komek" };

/** Development only: the demo ЭЦП key files to download, with whose they are and their password. */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = await demoKeysPage();
  if (!page) throw new Response(null, { status: 404 });
  const t = await getFixedT(request, "signature");
  return { ...page, title: t("devKeys.title") };
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const ddmmyyyy = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

export default function DevKeys() {
  const { index } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("signature");
  return (
    <article>
      <h1>{t("devKeys.title")}</h1>
      <p className="lead">{t("devKeys.lead")}</p>
      {!index ? (
        <div className="notice">
          <p>{t("devKeys.notInitialised")}</p>
          <pre>
            <code>npx komek pki init</code>
          </pre>
        </div>
      ) : (
        <>
          <p>
            {t("devKeys.passwordLabel")} <code>{index.password}</code>
          </p>
          <p className="muted">{t("devKeys.trustNote")}</p>
          <table>
            <caption>{t("devKeys.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("devKeys.columns.name")}</th>
                <th scope="col">{t("devKeys.columns.iin")}</th>
                <th scope="col">{t("devKeys.columns.role")}</th>
                <th scope="col">{t("devKeys.columns.status")}</th>
                <th scope="col">{t("devKeys.columns.validUntil")}</th>
                <th scope="col">{t("devKeys.columns.file")}</th>
              </tr>
            </thead>
            <tbody>
              {index.keys.map((k) => (
                <tr key={k.file}>
                  <th scope="row">{i18n.language === "kk" ? k.nameKk : k.nameRu}</th>
                  <td>{k.iin}</td>
                  <td>{t(`devKeys.roles.${k.role}`)}</td>
                  <td>
                    <span className={`tag${k.status === "valid" ? " tag-ok" : " tag-error"}`}>{t(`devKeys.status.${k.status}`)}</span>
                  </td>
                  <td>{ddmmyyyy(k.notAfter)}</td>
                  <td>
                    {/* A plain link: the browser downloads the file instead of client-side routing. */}
                    <a href={`/dev/keys/${k.file}`} download={k.file}>
                      {k.file}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
