import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput } from "~/components/forms";
import { formatKzDateTime } from "~/components/dates";
import { devPhones, devScan, requireLocalTransport } from "~/sms.server";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "smsui:dev.title" };

/** Development only (404 once a real SMS provider is configured): every number the portal wrote to. */
export async function loader(_: LoaderFunctionArgs) {
  requireLocalTransport();
  const phones = await devPhones();
  return { phones: phones.map((p) => ({ phone: p.phone, count: p.count, last: p.last.toISOString() })) };
}

export async function action({ request }: ActionFunctionArgs) {
  requireLocalTransport();
  const form = await readForm(request);
  await assertCsrf(request, form);
  const summary = await devScan();
  return { scan: summary };
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export default function DevSms() {
  const { phones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("smsui");
  return (
    <article>
      <h1>{t("dev.title")}</h1>
      <p className="lead">{t("dev.lead")}</p>

      <section aria-labelledby="scan-heading">
        <h2 id="scan-heading">{t("dev.scanHeading")}</h2>
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button">
            {t("dev.scanButton")}
          </button>
        </Form>
        {result?.scan ? (
          <p className="notice" role="status">
            {t("dev.scanResult", result.scan)}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="phones-heading">
        <h2 id="phones-heading">{t("dev.phonesHeading")}</h2>
        {phones.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dev.phone")}</th>
                <th scope="col">{t("dev.messages")}</th>
                <th scope="col">{t("dev.last")}</th>
              </tr>
            </thead>
            <tbody>
              {phones.map((p) => (
                <tr key={p.phone}>
                  <th scope="row">
                    <Link to={`/dev/sms/${p.phone.replace(/^\+/, "")}`}>{p.phone}</Link>
                  </th>
                  <td>{p.count}</td>
                  <td>{formatKzDateTime(p.last)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("dev.none")}</p>
        )}
      </section>
    </article>
  );
}
