import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { CsrfInput, translateError } from "~/components/forms";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { recoveryForm, transferForm } from "~/payments/forms";
import { RECOVERY_ACTIONS } from "~/payments/recovery";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { kzDate } from "~/domain/kz-time";
import { PAYMENT_ROLES, paymentsOverview, recoveryAsOfficer, transferAsOfficer } from "~/payments/staff.server";
import { PaymentError } from "~/payments/pipeline.server";
import { paymentErrorText, paymentsT } from "~/payments/text";
import { tiynToDecimal } from "~/payments/files";

import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:staff.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, PAYMENT_ROLES);
  return { overview: await paymentsOverview(user), today: kzDate(new Date()) };
}

type ActionData = { error?: string; recorded?: { demandId: number; late: boolean }; recovery?: { id: number; status: string; outstanding: string } };

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
    if (form.get("intent") === "recovery") {
      const parsed = parseForm(recoveryForm, form);
      if (!parsed.ok) return data<ActionData>({ error: Object.values(parsed.errors).filter(Boolean).map((e) => t(e!)).join(" ") }, 400);
      const result = await recoveryAsOfficer(user, { id: parsed.data.overpayment, action: parsed.data.action, amountTiyn: parsed.data.amountTiyn, on: parsed.data.date });
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
  const { overview, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, i18n } = useTranslation("payments");
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
