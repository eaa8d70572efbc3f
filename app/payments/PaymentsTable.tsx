import { useTranslation } from "react-i18next";
import { formatDate } from "~/components/dates";
import type { CabinetPayment } from "./cabinet.server";

/** The citizen's payments: month, amount, where it went (bank •••• last 4), and its state with the reason of a return. */
export function PaymentsTable({ payments }: { payments: CabinetPayment[] }) {
  const { t } = useTranslation(["payments", "services"]);
  if (payments.length === 0) return <p>{t("cabinet.none")}</p>;
  const manyServices = new Set(payments.map((p) => p.service)).size > 1;
  return (
    <table className="payments">
      <thead>
        <tr>
          <th scope="col">{t("cabinet.month")}</th>
          <th scope="col">{t("cabinet.amount")}</th>
          <th scope="col">{t("cabinet.where")}</th>
          <th scope="col">{t("cabinet.state")}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={p.key} data-status={p.status}>
            <td>
              {p.month.split("-").reverse().join(".")}
              {manyServices ? (
                <>
                  <br />
                  <span className="hint">{t(p.serviceNameKey)}</span>
                </>
              ) : null}
            </td>
            <td>{p.amount}</td>
            <td>{p.where}</td>
            <td>
              {p.status === "paid" && p.paidOn ? t("cabinet.paidOn", { date: formatDate(p.paidOn) }) : null}
              {p.status === "returned" && p.returnedOn ? (
                <>
                  <strong>{t("cabinet.returnedWhy", { date: formatDate(p.returnedOn), reason: t(`reasons.${p.returnCode ?? "NARR"}`) })}</strong>
                  <br />
                  {t("cabinet.returnedWhat")}
                </>
              ) : null}
              {p.status === "stopped" && p.stoppedFrom ? t("cabinet.stopped", { date: formatDate(p.stoppedFrom), ground: t(`grounds.${p.terminationGround ?? "lost_grounds"}`) }) : null}
              {p.status !== "paid" && p.status !== "returned" && p.status !== "stopped" ? t(`status.${p.status}`) : null}
              {p.stoppedFrom && p.status !== "stopped" ? (
                <>
                  <br />
                  {t("cabinet.reduced", { date: formatDate(p.stoppedFrom) })}
                </>
              ) : null}
              {p.overpayment ? (
                <>
                  <br />
                  <strong>{t("cabinet.overpayment", { amount: p.overpayment })}</strong>
                  <br />
                  {t(`cabinet.recovery.${p.overpaymentStatus ?? "notified"}`, { outstanding: p.overpaymentOutstanding })}
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
