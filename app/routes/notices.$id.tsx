import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { noticeView, requireNoticeAccess } from "~/notices/notices.server";
import { formatKzDateTime } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (t, d) => t("deciding:notice.pageTitle", { number: (d as { registrationNumber?: string } | undefined)?.registrationNumber ?? "" }) };


export async function loader({ request, params }: LoaderFunctionArgs) {
  const notice = await requireNoticeAccess(request, params.id, "page");
  return noticeView(request, notice);
}

export default function NoticePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["deciding", "common", "local"]);
  return (
    <>
      <h1>{t("deciding:notice.pageTitle", { number: d.registrationNumber })}</h1>
      <nav aria-label={t("deciding:notice.language")}>
        <ul className="inline-list">
          <li>
            {d.lang === "ru" ? <strong aria-current="page">Русский</strong> : <Link to={`/notices/${d.id}?lang=ru`} lang="ru" hrefLang="ru">Русский</Link>}
          </li>
          <li>
            {d.lang === "kk" ? <strong aria-current="page">Қазақша</strong> : <Link to={`/notices/${d.id}?lang=kk`} lang="kk" hrefLang="kk">Қазақша</Link>}
          </li>
        </ul>
      </nav>
      <article lang={d.lang} className="notice-text" aria-labelledby="notice-title">
        <h2 id="notice-title">{d.text.title}</h2>
        {d.text.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </article>
      <dl className="summary">
        {d.cosigner ? (
          <>
            <dt>{t("local:notice.cosignedByLabel")}</dt>
            <dd data-testid="cosigner">
              {d.cosigner.name}, {formatKzDateTime(d.cosigner.signedAt)}
            </dd>
          </>
        ) : null}
        <dt>{t("deciding:notice.signedByLabel")}</dt>
        <dd data-testid="signer">{d.signerName}</dd>
        <dt>{t("deciding:notice.signedAt")}</dt>
        <dd>{formatKzDateTime(d.signedAt)}</dd>
        <dt>{t("deciding:notice.code")}</dt>
        <dd>
          <code>{d.code}</code>
        </dd>
      </dl>
      <ul>
        <li>
          <a href={`/notices/${d.id}/pdf?lang=${d.lang}`} download>
            {t("deciding:notice.pdf")} ({d.lang === "kk" ? "Қазақша" : "Русский"})
          </a>
        </li>
        <li>
          <a href={`/notices/${d.id}/signed`} download>
            {t("deciding:notice.signedFile")}
          </a>
        </li>
        <li>
          <Link to="/verify">{t("deciding:notice.verifyLink")}</Link>
        </li>
      </ul>
    </>
  );
}
