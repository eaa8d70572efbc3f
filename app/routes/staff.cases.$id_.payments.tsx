import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCaseAccess } from "~/staff/case.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { CsrfInput, ErrorSummary, Field, Choices, TextArea, type FieldErrors } from "~/components/forms";
import { formatDate } from "~/components/dates";
import { kzDate } from "~/domain/kz-time";
import { parseForm } from "~/schemas/form";
import { terminationForm } from "~/payments/forms";
import { TERMINATION_GROUNDS } from "~/payments/calendar";
import { casePayments, terminateAsStaff, TERMINATION_ROLES } from "~/payments/staff.server";
import { PaymentError } from "~/payments/pipeline.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:terminate.title" };

/** The case's payments and, while they run, the form that stops them (clause 14). The district's specialist or head only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireCaseAccess(request, params.id, TERMINATION_ROLES);
  return { id: application.id, registrationNumber: application.registrationNumber, today: kzDate(new Date()), ...(await casePayments(application)) };
}

type ActionData = { errors?: FieldErrors; values?: Record<string, string>; done?: { stopFrom: string; stopped: number; overpaid: number; overpaidTiyn: number } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, TERMINATION_ROLES);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(terminationForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  try {
    const done = await terminateAsStaff(user, application, parsed.data);
    return data<ActionData>({ done });
  } catch (error) {
    if (error instanceof PaymentError) {
      const field = error.key === "payments.errors.futureEvent" ? "eventDate" : "ground";
      return data<ActionData>({ errors: { [field]: `${error.key.replace(/^payments\./, "payments:")}|${JSON.stringify(error.params)}` }, values: parsed.values }, 400);
    }
    throw error;
  }
}

export default function CasePayments() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("payments");
  return (
    <>
      <p>
        <Link to={`/staff/cases/${page.id}`}>← {page.registrationNumber}</Link>
      </p>
      <h1>{t("terminate.title")}</h1>
      {result?.done ? (
        <p role="status">
          {t("terminate.done", { date: formatDate(result.done.stopFrom), stopped: result.done.stopped, overpaid: result.done.overpaid })}
        </p>
      ) : null}
      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t("terminate.lines")}</h2>
        {page.lines.length === 0 ? (
          <p>{t("terminate.noLines")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("cabinet.month")}</th>
                  <th scope="col">{t("cabinet.amount")}</th>
                  <th scope="col">{t("cabinet.state")}</th>
                </tr>
              </thead>
              <tbody>
                {page.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{l.month.split("-").reverse().join(".")}</td>
                    <td>{l.amount}</td>
                    <td>
                      {t(`status.${l.status}`)}
                      {l.paidOn ? ` ${formatDate(l.paidOn)}` : null}
                      {l.overpayment ? ` · ${t("terminate.overpaid", { amount: l.overpayment, status: t(`recovery.status.${l.overpaymentStatus}`) })}` : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {page.termination ? (
        <section aria-labelledby="termination-heading">
          <h2 id="termination-heading">{t("terminate.recorded")}</h2>
          <p>
            {t(`grounds.${page.termination.ground}`)} · {formatDate(page.termination.eventDate)} → {t("terminate.stopFrom", { date: formatDate(page.termination.stopFrom) })} ·{" "}
            {t(`terminate.source.${page.termination.source}`)} {formatDate(page.termination.recordedOn)}
          </p>
          {page.termination.note ? <p>{page.termination.note}</p> : null}
        </section>
      ) : page.lines.length > 0 ? (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{t("terminate.form")}</h2>
          <ErrorSummary errors={result?.errors} order={["ground", "eventDate", "note"]} />
          <Form method="post" noValidate>
            <CsrfInput />
            <Choices
              name="ground"
              legend={t("terminate.ground")}
              error={result?.errors?.ground}
              checked={result?.values?.ground ? [result.values.ground] : []}
              options={TERMINATION_GROUNDS.map((g) => ({ value: g, label: t(`grounds.${g}`), hint: t(`terminate.effect.${g}`) }))}
            />
            <Field name="eventDate" type="date" label={t("terminate.eventDate")} hint={t("terminate.eventDateHint")} error={result?.errors?.eventDate} defaultValue={result?.values?.eventDate ?? page.today} />
            <TextArea name="note" label={t("terminate.note")} error={result?.errors?.note} defaultValue={result?.values?.note} rows={3} />
            <button type="submit">{t("terminate.submit")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
