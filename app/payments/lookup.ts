/**
 * The 1414 answer about payments, pure: the latest payment reduced to what an agent may say — its
 * state, date and the account's last four digits, or the reason of a return — never the account or
 * the amount. Stored language-neutral in the look-up log; worded in the caller's language on screen.
 */
export type ShownPayment =
  | { status: "paid"; date: string; tail: string }
  | { status: "returned"; date: string; reason: string }
  | { status: "pending"; state: string }
  | { status: "stopped"; from: string; overpaid: boolean }
  | { status: "none" };

type PaymentRow = {
  status: string; paidOn: string | null; returnedOn: string | null; returnCode: string | null; iban: string;
  stoppedFrom?: string | null; overpaymentStatus?: string | null;
};

const OPEN_RECOVERY = ["notified", "partially_repaid", "in_court"];

/** Rows newest month first. A stopped assignment is said as such (and whether something is to be paid back). */
export function shownPayment(rows: readonly PaymentRow[]): ShownPayment {
  const stopped = rows.find((r) => r.status === "stopped" && r.stoppedFrom);
  if (stopped) {
    const overpaid = rows.some((r) => r.overpaymentStatus && OPEN_RECOVERY.includes(r.overpaymentStatus));
    return { status: "stopped", from: stopped.stoppedFrom ?? "", overpaid };
  }
  const latest = rows.find((r) => r.status === "paid" || r.status === "returned") ?? rows.find((r) => r.status !== "scheduled");
  if (!latest) return { status: "none" };
  if (latest.status === "paid") return { status: "paid", date: latest.paidOn ?? "", tail: latest.iban.slice(-4) };
  if (latest.status === "returned") return { status: "returned", date: latest.returnedOn ?? "", reason: latest.returnCode ?? "NARR" };
  return { status: "pending", state: latest.status };
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** "выплачено 01.12.2026 на ••1234" / "возврат: счёт закрыт — …"; `t` bound to the payments namespace. */
export function describePayment(p: ShownPayment, t: T): string {
  switch (p.status) {
    case "paid":
      return t("lookup.paid", { date: p.date.split("-").reverse().join("."), tail: `••${p.tail}` });
    case "returned":
      return t("lookup.returned", { reason: t(`reasons.${p.reason}`) });
    case "pending":
      return t("lookup.pending", { status: t(`status.${p.state}`) });
    case "stopped":
      return t(p.overpaid ? "lookup.stoppedOverpaid" : "lookup.stopped", { date: p.from.split("-").reverse().join(".") });
    default:
      return t("lookup.none");
  }
}
