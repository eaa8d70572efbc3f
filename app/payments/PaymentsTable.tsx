import { useTranslation } from "react-i18next";
import { formatDate } from "~/components/dates";
import type { CabinetPayment } from "./cabinet.server";

/** The citizen's payments: month, amount, where it went (bank •••• last 4), and its state with the reason of a return. */
export function PaymentsTable({ payments }: { payments: CabinetPayment[] }) {
  const { t } = useTranslation("payments");
  if (payments.length === 0) return <p>{t("cabinet.none")}</p>;
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
            <td>{p.month.split("-").reverse().join(".")}</td>
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
              {p.status !== "paid" && p.status !== "returned" ? t(`status.${p.status}`) : null}
              {p.overpayment ? (
                <>
                  <br />
                  {t("cabinet.overpayment", { amount: p.overpayment })}
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
