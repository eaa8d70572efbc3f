/** What the payment pipeline's integration tests share: places, the clock, the finance officers, a refusal's key. */
import { PaymentError, type PaymentActor } from "../../app/payments/pipeline.server";

/** Nura (Nura district office) and Talshik (Akzhar district office) settlements. */
export const NURA = "355230100";
export const TALSHIK = "593430100";
/** 10:00 in Kazakhstan on `date`. */
export const at = (date: string) => new Date(`${date}T05:00:00Z`);
export const finance: PaymentActor = { label: "nura.finance", role: "finance_officer", staffId: null, officeCode: "nura" };
export const akzharFinance: PaymentActor = { label: "akzhar.finance", role: "finance_officer", staffId: null, officeCode: "akzhar" };

/** The i18n key of the PaymentError `run` throws (another error as text), or null when it succeeds. */
export async function refusal(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
  } catch (error) {
    return error instanceof PaymentError ? error.key : String(error);
  }
  return null;
}
