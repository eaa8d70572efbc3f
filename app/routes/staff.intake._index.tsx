import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireIntakeStaff, startIntake } from "~/intake/intake.server";
import { intakeList } from "~/intake/list.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { startForm } from "~/intake/forms";
import { getLanguage } from "~/i18n.server";
import { CsrfInput, ErrorSummary, Field, Select, Choices, type FieldErrors } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "intake:title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireIntakeStaff(request);
  const lng = await getLanguage(request);
  return { ...(await intakeList(user, request)), lng };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireIntakeStaff(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(startForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const started = await startIntake(user, parsed.data);
  if (!started.ok) return data<ActionData>({ errors: started.errors, values: parsed.values }, 400);
  return redirect(`/staff/intake/${started.id}`);
}

export default function IntakeHome() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["intake", "apply", "decision", "services", "ui"]);
  const e = a?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={e} order={["service", "iin", "language"]} />
      <h1>{t("intake:title")}</h1>
      <p>{t("intake:intro")}</p>
      <p className="muted">{d.office}</p>
      <section aria-labelledby="start-heading">
        <h2 id="start-heading">{t("intake:start.heading")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <Select
            name="service"
            label={t("intake:start.service")}
            error={e.service}
            defaultValue={a?.values.service ?? d.services[0]?.key}
            options={d.services.map((s) => ({ value: s.key, label: t(s.nameKey) }))}
          />
          <Field name="iin" label={t("intake:start.iin")} hint={t("intake:start.iinHint")} error={e.iin} defaultValue={a?.values.iin} inputMode="numeric" maxLength={20} autoComplete="off" />
          <Choices
            name="language"
            legend={t("intake:start.language")}
            hint={t("intake:start.languageHint")}
            error={e.language}
            checked={[a?.values.language ?? d.lng]}
            options={[
              { value: "ru", label: <span lang="ru">{t("intake:languages.ru")}</span> },
              { value: "kk", label: <span lang="kk">{t("intake:languages.kk")}</span> },
            ]}
          />
          <button type="submit" className="button">
            {t("intake:start.submit")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("intake:list.heading")}</h2>
        {d.rows.length ? (
          <table className="stack-on-phone">
            <caption>{t("intake:list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("intake:list.number")}</th>
                <th scope="col">{t("intake:list.applicant")}</th>
                <th scope="col">{t("intake:list.status")}</th>
                <th scope="col">{t("intake:list.due")}</th>
                <th scope="col">{t("intake:list.started")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("intake:list.number")}>
                    <Link to={`/staff/intake/${r.id}`}>{r.registrationNumber ?? t("intake:list.draft")}</Link>
                  </td>
                  <td data-label={t("intake:list.applicant")}>{r.applicantIin}</td>
                  <td data-label={t("intake:list.status")}>{t(`ui:staffStatus.${r.status}`)}</td>
                  <td data-label={t("intake:list.due")}>{r.dueDate ? formatDate(r.dueDate) : "—"}</td>
                  <td data-label={t("intake:list.started")}>{formatKzDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("intake:list.none")}</p>
        )}
      </section>
    </>
  );
}
