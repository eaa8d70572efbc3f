import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { noticeView, requireNoticeAccess } from "~/notices/notices.server";
import { verifyUrl } from "~/staff/deciding.server";
import { formatKzDateTime } from "~/components/dates";
import { QrCode } from "~/components/QrCode";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (t, d) => t("intake:print.title", { number: (d as { registrationNumber?: string } | undefined)?.registrationNumber ?? "" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const notice = await requireNoticeAccess(request, params.id, "print");
  const view = await noticeView(request, notice);
  const verify = verifyUrl(request);
  return {
    ...view,
    verify,
    // The QR code opens /verify with the number and the code filled in (a GET form: works without JavaScript).
    qr: `${verify}?number=${encodeURIComponent(notice.registrationNumber)}&code=${encodeURIComponent(view.code)}`,
  };
}

/**
 * The signed notice printed at the Centre or the akim's office to hand to a person without a cabinet
 * (seed 000 Annex 12 item 5: "в письменной форме через Центр или акима"), with its verification code
 * and a QR code to /verify. Print-friendly; the browser's print works without JavaScript.
 */
export default function NoticePrint() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["intake", "deciding", "local"]);
  return (
    <article className="notice-print" lang={d.lang} aria-labelledby="notice-title">
      <nav aria-label={t("deciding:notice.language")} className="no-print">
        <ul className="inline-list">
          <li>{d.lang === "ru" ? <strong aria-current="page">Русский</strong> : <Link to={`/notices/${d.id}/print?lang=ru`} lang="ru" hrefLang="ru">Русский</Link>}</li>
          <li>{d.lang === "kk" ? <strong aria-current="page">Қазақша</strong> : <Link to={`/notices/${d.id}/print?lang=kk`} lang="kk" hrefLang="kk">Қазақша</Link>}</li>
        </ul>
      </nav>
      <h1 id="notice-title">{d.text.title}</h1>
      {d.text.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
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
          <code data-testid="verification-code">{d.code}</code>
        </dd>
      </dl>
      <figure>
        <QrCode value={d.qr} label={t("intake:print.qr")} />
        <figcaption>{t("intake:print.verifyHint", { url: d.verify, number: d.registrationNumber, code: d.code })}</figcaption>
      </figure>
      <p className="no-print qr-link">
        <a href={d.qr} data-testid="qr-link">
          {d.qr}
        </a>
      </p>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("intake:print.print")}
        </button>
      </p>
    </article>
  );
}
