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
import { paymentSignatureForm, stepForm, terminationForm } from "~/payments/forms";
import { tiynToDecimal } from "~/payments/files";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { caseTerminationGrounds, casePayments, reviewTermination, signTermination, TERMINATION_ROLES } from "~/payments/staff.server";
import { PaymentError } from "~/payments/pipeline.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:terminate.title" };

/** The case's payments and, while they run, the form that stops them (clause 14). The district's specialist or head only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, TERMINATION_ROLES);
  return {
    id: application.id, registrationNumber: application.registrationNumber, today: kzDate(new Date()), signerIin: user.staff.iin,
    grounds: await caseTerminationGrounds(application), ...(await casePayments(application)),
  };
}

type Review = {
  payload: string; ground: string; eventDate: string; note: string; stopFrom: string;
  stops: { month: string; amount: string }[]; overpaid: { month: string; amount: string }[]; overpaidTotal: string;
};
type ActionData = {
  errors?: FieldErrors; values?: Record<string, string>; review?: Review;
  done?: { stopFrom: string; stopped: number; overpaid: number; overpaidTiyn: number };
};

const fieldOf = (key: string) => (key === "payments.errors.futureEvent" ? "eventDate" : "ground");
const errorText = (error: PaymentError) => `${error.key.replace(/^payments\./, "payments:")}|${JSON.stringify(error.params)}`;

/**
 * Two steps (ADR 023): `review` checks the form and shows what stopping does — the stop date, the
 * months no longer paid, the paid months that become overpayments — with the payload to sign; `sign`
 * records it only with the staff member's valid ЭЦП over exactly the payload the server rebuilds now.
 * A bad signature or a changed payload is refused and changes nothing.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, TERMINATION_ROLES);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(terminationForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const review = async (): Promise<Review> => {
    const r = await reviewTermination(user, application, parsed.data);
    return {
      payload: r.payload, ground: parsed.data.ground, eventDate: parsed.data.eventDate, note: parsed.data.note, stopFrom: r.stopFrom,
      stops: r.stops.map((x) => ({ month: x.month, amount: tiynToDecimal(x.tiyn) })),
      overpaid: r.overpaidMonths.map((x) => ({ month: x.month, amount: tiynToDecimal(x.tiyn) })), overpaidTotal: tiynToDecimal(r.overpaidTiyn),
    };
  };
  try {
    const step = parseForm(stepForm, form);
    if (!step.ok || step.data.step !== "sign") return data<ActionData>({ review: await review() });
    const signed = parseForm(paymentSignatureForm, form);
    if (!signed.ok) return data<ActionData>({ review: await review(), errors: { "sign-keyfile": "payments:errors.form.signature" } }, 400);
    const outcome = await signTermination(user, application, parsed.data, { payload: signed.data.payload, jws: signed.data.signature });
    if (outcome.ok) return data<ActionData>({ done: outcome.result });
    const field = outcome.error.startsWith("signature:") ? "sign-keyfile" : "form";
    return data<ActionData>({ review: await review(), errors: { [field]: outcome.error } }, 400);
  } catch (error) {
    if (error instanceof PaymentError) return data<ActionData>({ errors: { [fieldOf(error.key)]: errorText(error) }, values: parsed.values }, 400);
    throw error;
  }
}

export default function CasePayments() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["payments", "signature"]);
  const sign = useSignErrors(result?.errors ?? {});
  const review = result?.review;
  const month = (m: string) => m.split("-").reverse().join(".");
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
      ) : review ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("terminate.review")}</h2>
          <ErrorSummary errors={{ form: result?.errors?.form, ...sign.errors }} />
          <p data-testid="termination-review">
            {t(`grounds.${review.ground}`)} · {formatDate(review.eventDate)} → {t("terminate.stopFrom", { date: formatDate(review.stopFrom) })}
          </p>
          {review.note ? <p>{review.note}</p> : null}
          <ul>
            {review.stops.map((x) => (
              <li key={`s${x.month}`}>{t("terminate.notPaid", { month: month(x.month), amount: x.amount })}</li>
            ))}
            {review.overpaid.map((x) => (
              <li key={`o${x.month}`}>{t("terminate.toRecover", { month: month(x.month), amount: x.amount })}</li>
            ))}
          </ul>
          <Form method="post" id="form">
            <CsrfInput />
            <input type="hidden" name="step" value="sign" />
            <input type="hidden" name="ground" value={review.ground} />
            <input type="hidden" name="eventDate" value={review.eventDate} />
            <input type="hidden" name="note" value={review.note} />
            <input type="hidden" name="payload" value={review.payload} />
            <details>
              <summary>{t("terminate.signedData")}</summary>
              <pre className="signed-data">{review.payload}</pre>
            </details>
            <SignForm expectedIin={page.signerIin} serverError={result?.errors?.["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={result} />
          </Form>
          <p>
            <Link to={`/staff/cases/${page.id}/payments`}>{t("terminate.back")}</Link>
          </p>
        </section>
      ) : page.lines.length > 0 ? (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{t("terminate.form")}</h2>
          <ErrorSummary errors={result?.errors} order={["ground", "eventDate", "note"]} />
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="step" value="review" />
            <Choices
              name="ground"
              legend={t("terminate.ground")}
              error={result?.errors?.ground}
              checked={result?.values?.ground ? [result.values.ground] : []}
              options={page.grounds.map((g) => ({ value: g, label: t(`grounds.${g}`), hint: t(`terminate.effect.${g}`) }))}
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
