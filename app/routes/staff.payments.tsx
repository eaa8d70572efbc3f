import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { CsrfInput, ErrorSummary, translateError } from "~/components/forms";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { paymentSignatureForm, paymentsIntentForm, recoveryForm, stepForm, transferForm } from "~/payments/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { RECOVERY_ACTIONS } from "~/payments/recovery";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { kzDate } from "~/domain/kz-time";
import { PAYMENT_ROLES, paymentsOverview, reviewRecovery, signRecovery, transferAsOfficer } from "~/payments/staff.server";
import { PaymentError } from "~/payments/pipeline.server";
import { paymentErrorText, paymentsT } from "~/payments/text";
import { tiynToDecimal } from "~/payments/files";

import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:staff.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, PAYMENT_ROLES);
  return { overview: await paymentsOverview(user), today: kzDate(new Date()), signerIin: user.staff.iin };
}

/** A recovery step checked and waiting for the officer's ЭЦП (ADR 023): the form's fields, what it does, the payload. */
type RecoveryReview = { id: number; action: string; amount: string; date: string; from: string; to: string; month: string; outstanding: string; payload: string };
type ActionData = {
  error?: string; signError?: string; recorded?: { demandId: number; late: boolean }; recovery?: { id: number; status: string; outstanding: string };
  recoveryReview?: RecoveryReview;
};

/**
 * The district finance officer records the transfer for one of their district's demands (clause 20),
 * or a step in recovering one of their district's overpayments (clause 15). Both audited.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["finance_officer"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const lng = await getLanguage(request);
  const t = (key: string) => translateError(paymentsT(lng) as never, key.replace(/^payments:/, ""));
  try {
    const intent = parseForm(paymentsIntentForm, form);
    if (intent.ok && intent.data.intent === "recovery") {
      const parsed = parseForm(recoveryForm, form);
      if (!parsed.ok) return data<ActionData>({ error: Object.values(parsed.errors).filter(Boolean).map((e) => t(e!)).join(" ") }, 400);
      // Two steps (ADR 023): review shows what the move does and the payload; sign records it with the officer's ЭЦП only.
      const move = { id: parsed.data.overpayment, action: parsed.data.action, amountTiyn: parsed.data.amountTiyn, on: parsed.data.date };
      const review = async (): Promise<RecoveryReview> => {
        const r = await reviewRecovery(user, move);
        return {
          id: r.id, action: move.action, amount: parsed.values.amount ?? "", date: move.on, from: r.from, to: r.status, month: r.month,
          outstanding: tiynToDecimal(r.outstandingTiyn), payload: r.payload,
        };
      };
      const step = parseForm(stepForm, form);
      if (!step.ok || step.data.step !== "sign") return data<ActionData>({ recoveryReview: await review() });
      const signed = parseForm(paymentSignatureForm, form);
      if (!signed.ok) return data<ActionData>({ recoveryReview: await review(), signError: "payments:errors.form.signature" }, 400);
      const outcome = await signRecovery(user, move, { payload: signed.data.payload, jws: signed.data.signature });
      if (!outcome.ok) {
        const fromSignature = outcome.error.startsWith("signature:");
        return data<ActionData>({ recoveryReview: await review(), ...(fromSignature ? { signError: outcome.error } : { error: t(outcome.error) }) }, 400);
      }
      const result = outcome.result;
      return data<ActionData>({ recovery: { id: result.id, status: result.status, outstanding: tiynToDecimal(result.outstandingTiyn) } });
    }
    const parsed = parseForm(transferForm, form);
    if (!parsed.ok) return data<ActionData>({ error: Object.values(parsed.errors).filter(Boolean).map((e) => t(e!)).join(" ") }, 400);
    const result = await transferAsOfficer(user, parsed.data.demand, parsed.data.date);
    return data<ActionData>({ recorded: { demandId: result.demandId, late: result.late } });
  } catch (error) {
    if (error instanceof PaymentError) return data<ActionData>({ error: paymentErrorText(error, lng) }, 400);
    throw error;
  }
}

export default function StaffPayments() {
  const { overview, today, signerIin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, i18n } = useTranslation(["payments", "signature"]);
  const sign = useSignErrors(actionData?.signError ? { "sign-keyfile": actionData.signError } : {});
  const review = actionData?.recoveryReview;
  const finance = overview.role === "finance_officer";
  const officeName = (code: string) => overview.officeNames[code]?.[i18n.language === "kk" ? "kk" : "ru"] ?? code;
  return (
    <>
      <h1>{t("staff.title")}</h1>
      {actionData?.error ? <p role="alert" className="error-summary">{actionData.error}</p> : null}
      {actionData?.recorded ? <p role="status">{t("staff.recorded")} {actionData.recorded.late ? t("staff.late") : null}</p> : null}
      {actionData?.recovery ? (
        <p role="status">{t("recovery.saved", { status: t(`recovery.status.${actionData.recovery.status}`), outstanding: actionData.recovery.outstanding })}</p>
      ) : null}
      {review ? (
        <section aria-labelledby="recovery-review-heading">
          <h2 id="recovery-review-heading">{t("recovery.review", { id: review.id })}</h2>
          <ErrorSummary errors={sign.errors} />
          <p data-testid="recovery-review">
            {t("recovery.reviewLine", {
              month: review.month, action: t(`recovery.actions.${review.action}`), from: t(`recovery.status.${review.from}`), to: t(`recovery.status.${review.to}`),
              outstanding: review.outstanding,
            })}
          </p>
          <Form method="post" id="form">
            <CsrfInput />
            <input type="hidden" name="intent" value="recovery" />
            <input type="hidden" name="step" value="sign" />
            <input type="hidden" name="overpayment" value={review.id} />
            <input type="hidden" name="action" value={review.action} />
            <input type="hidden" name="amount" value={review.amount} />
            <input type="hidden" name="date" value={review.date} />
            <input type="hidden" name="payload" value={review.payload} />
            <details>
              <summary>{t("terminate.signedData")}</summary>
              <pre className="signed-data">{review.payload}</pre>
            </details>
            <SignForm idPrefix="sign" expectedIin={signerIin} serverError={actionData?.signError} onErrorChange={sign.onErrorChange} result={actionData} />
          </Form>
        </section>
      ) : null}
      <p className="muted">{Object.entries(overview.lines).map(([k, v]) => `${t(`status.${k}`)}: ${v}`).join(" · ")}</p>
      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">{t("staff.demands")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t("staff.office")}</th>
              <th scope="col">{t("staff.paymentMonth")}</th>
              <th scope="col">{t("staff.formedOn")}</th>
              <th scope="col">{t("staff.lines")}</th>
              <th scope="col">{t("staff.total")}</th>
              <th scope="col">{t("staff.transferDue")}</th>
              <th scope="col">{t("staff.transferred")}</th>
            </tr>
          </thead>
          <tbody>
            {overview.demands.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <td>{officeName(d.officeCode)}</td>
                <td>{d.month.split("-").reverse().join(".")}</td>
                <td>{formatDate(d.formedOn)}</td>
                <td>{d.lines}</td>
                <td>{d.total}</td>
                <td>
                  {formatDate(d.transferEarliest)}–{formatDate(d.transferDue)}
                </td>
                <td>
                  {d.transferredOn ? (
                    formatDate(d.transferredOn)
                  ) : finance ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="transfer" />
                      <input type="hidden" name="demand" value={d.id} />
                      <label>
                        <span className="visually-hidden">{t("staff.transferred")}</span>
                        <input type="date" name="date" defaultValue={today} />
                      </label>
                      <button type="submit">{t("staff.record")}</button>
                    </Form>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {!finance ? (
        <>
          <section aria-labelledby="orders-heading">
            <h2 id="orders-heading">pain.001</h2>
            <ul>
              {overview.orders.map((o) => (
                <li key={o.id}>
                  {formatDate(o.orderDate)} {o.msgId} · {o.bic} · {o.lineCount} · {o.total}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="returns-heading">
            <h2 id="returns-heading">{t("status.returned")}</h2>
            <ul>
              {overview.returns.map((r) => (
                <li key={r.end_to_end_id} data-overdue={r.overdue ? "yes" : undefined}>
                  {r.end_to_end_id} · {r.month} · {r.amount} · •••• {r.iban_tail} · {t(`reasons.${r.return_code}`)} · {formatDate(r.returned_on)}
                  {" · "}
                  {r.recorded_on ? t(r.late ? "returns.recordedLate" : "returns.recorded", { date: formatDate(r.recorded_on), by: formatDate(r.record_by) }) : null}
                  {" · "}
                  {r.repaid
                    ? t("returns.repaid")
                    : r.to_district_on
                      ? t("returns.backOn", { date: formatDate(r.to_district_on) })
                      : r.overdue
                        ? <strong>{t("returns.overdue", { date: formatDate(r.to_district_by) })}</strong>
                        : t("returns.backBy", { date: formatDate(r.to_district_by) })}
                  {" · "}
                  {t(`status.${r.line_status}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
      <section aria-labelledby="overpayments-heading">
        <h2 id="overpayments-heading">{t("recovery.title")}</h2>
        {overview.overpayments.length === 0 ? <p>{t("recovery.none")}</p> : null}
        <ul>
          {overview.overpayments.map((o) => (
            <li key={o.id} data-testid={`overpayment-${o.id}`}>
              №{o.id} · {officeName(o.officeCode)} · {o.month} · ••{o.iinTail} · {t(`grounds.${o.ground}`)} · {o.amount} ·{" "}
              {t("recovery.line", { status: t(`recovery.status.${o.status}`), repaid: o.repaid, outstanding: o.outstanding })}
              {finance && !["repaid", "recovered", "written_off"].includes(o.status) ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="recovery" />
                  <input type="hidden" name="overpayment" value={o.id} />
                  <label>
                    {t("recovery.action")}{" "}
                    <select name="action" defaultValue="repay">
                      {RECOVERY_ACTIONS.map((a) => (
                        <option key={a} value={a}>
                          {t(`recovery.actions.${a}`)}
                        </option>
                      ))}
                    </select>
                  </label>{" "}
                  <label>
                    {t("recovery.amount")} <input name="amount" inputMode="decimal" size={10} />
                  </label>{" "}
                  <label>
                    {t("recovery.date")} <input type="date" name="date" defaultValue={today} />
                  </label>{" "}
                  <button type="submit">{t("recovery.submit")}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t("staff.audit")}</h2>
        <ul>
          {overview.audit.map((a) => (
            <li key={a.id}>
              {formatKzDateTime(a.at)} · {a.actor} ({a.role}) · {a.action} · {a.subject}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
