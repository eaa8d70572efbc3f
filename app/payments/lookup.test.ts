import { describe, expect, it } from "vitest";
import { describePayment, shownPayment } from "./lookup";
import { paymentsT } from "./text";

const row = (status: string, extra: Partial<{ paidOn: string; returnedOn: string; returnCode: string }> = {}) => ({
  status, paidOn: extra.paidOn ?? null, returnedOn: extra.returnedOn ?? null, returnCode: extra.returnCode ?? null, iban: "KZ756018820000012345",
});

describe("the 1414 payment answer", () => {
  it("says where a payment went by the last four digits only", () => {
    const shown = shownPayment([row("scheduled"), row("paid", { paidOn: "2026-12-01" })]);
    expect(shown).toEqual({ status: "paid", date: "2026-12-01", tail: "2345" });
    expect(describePayment(shown, paymentsT("ru"))).toBe("выплачено 01.12.2026 на ••2345");
    expect(describePayment(shown, paymentsT("kk"))).toBe("01.12.2026 ••2345 шотына төленді");
    expect(JSON.stringify(shown)).not.toContain("KZ75");
  });
  it("gives the reason and what to do for a return", () => {
    const shown = shownPayment([row("returned", { returnedOn: "2026-12-03", returnCode: "AC04" }), row("paid", { paidOn: "2026-11-02" })]);
    expect(describePayment(shown, paymentsT("ru"))).toBe("возврат: счёт закрыт — укажите счёт в личном кабинете или обратитесь в банк");
    expect(describePayment(shown, paymentsT("kk"))).toContain("шот жабық");
  });
  it("says nothing was paid yet, or the state before payment", () => {
    expect(describePayment(shownPayment([row("scheduled")]), paymentsT("ru"))).toBe("выплат нет");
    expect(describePayment(shownPayment([row("demanded")]), paymentsT("ru"))).toBe("заявка на финансирование");
  });
  it("says a stopped assignment is stopped, and that something is to be paid back while it is", () => {
    const rows = [
      { ...row("stopped"), stoppedFrom: "2027-01-01" },
      { ...row("paid", { paidOn: "2026-12-01" }), stoppedFrom: "2027-01-01", overpaymentStatus: "notified" },
    ];
    expect(describePayment(shownPayment(rows), paymentsT("ru"))).toBe("выплаты прекращены с 01.01.2027; есть излишне выплаченная сумма к возврату — подробности в личном кабинете");
    expect(describePayment(shownPayment(rows), paymentsT("kk"))).toContain("тоқтатылды");
    const repaid = [rows[0], { ...rows[1], overpaymentStatus: "repaid" }];
    expect(describePayment(shownPayment(repaid), paymentsT("ru"))).toBe("выплаты прекращены с 01.01.2027");
    expect(JSON.stringify(shownPayment(rows))).not.toContain("KZ75");
  });
});
