import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { CsrfInput } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { kzDate } from "~/domain/kz-time";
import { PAYMENT_ROLES, paymentsOverview, transferAsOfficer } from "~/payments/staff.server";
import { PaymentError } from "~/payments/pipeline.server";
import { paymentErrorText } from "~/payments/text";

import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:staff.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, PAYMENT_ROLES);
  return { overview: await paymentsOverview(user), today: kzDate(new Date()) };
}

type ActionData = { error?: string; recorded?: { demandId: number; late: boolean } };

/** The district finance officer records the transfer for one of their district's demands (clause 20). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["finance_officer"]);
  const form = await request.formData();
  await assertCsrf(request, form);
  const demandId = Number(form.get("demand"));
  const on = String(form.get("date") ?? "");
  try {
    const result = await transferAsOfficer(user, Number.isInteger(demandId) ? demandId : -1, on);
    return data<ActionData>({ recorded: { demandId: result.demandId, late: result.late } });
  } catch (error) {
    if (error instanceof PaymentError) return data<ActionData>({ error: paymentErrorText(error, await getLanguage(request)) }, 400);
    throw error;
  }
}

export default function StaffPayments() {
  const { overview, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("payments");
  const finance = overview.role === "finance_officer";
  return (
    <>
      <h1>{t("staff.title")}</h1>
      {actionData?.error ? <p role="alert" className="error-summary">{actionData.error}</p> : null}
      {actionData?.recorded ? <p role="status">{t("staff.recorded")} {actionData.recorded.late ? t("staff.late") : null}</p> : null}
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
                <td>{d.officeCode}</td>
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
                <li key={r.end_to_end_id}>
                  {r.end_to_end_id} · {r.month} · {r.amount} · •••• {r.iban_tail} · {t(`reasons.${r.return_code}`)} · {formatDate(r.returned_on)} → {formatDate(r.to_district_by)} · {t(`status.${r.line_status}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
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
