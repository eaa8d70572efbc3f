import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, updateDraft } from "~/application/draft.server";
import { checkOwnAccount } from "~/application/payment.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { paymentForm } from "~/application/forms";
import { parseForm } from "~/schemas/form";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { CsrfInput, ErrorSummary, Field, type FieldErrors, translateError } from "~/components/forms";
import { STEPS, stepDone } from "~/domain/application-draft";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.payment" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const [accounts, banks] = await Promise.all([gateway.getBankAccounts(own.user.iin), gateway.listBanks()]);
  const bankName = (code: string) => {
    const b = banks.find((x) => x.code === code);
    return b ? (lng === "kk" ? b.nameKk : b.nameRu) : code;
  };
  const open = accounts.filter((a) => !a.closedAt);
  return {
    id: own.application.id,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    // The index stands for the account: full IBANs are not sent to the page.
    accounts: open.map((a, i) => ({ index: i, last4: a.iban.slice(-4), bank: bankName(a.bankCode) })),
    selected: own.draft.payment
      ? own.draft.payment.kind === "on_file"
        ? { kind: "on_file" as const, index: open.findIndex((a) => a.iban === own.draft.payment!.iban) }
        : { kind: "other" as const, iban: own.draft.payment.iban }
      : null,
  };
}

type ActionData = { errors: FieldErrors; values?: { iban?: string; account?: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const gateway = await getGateway();
  const parsed = parseForm(paymentForm, form, 40);
  const values = { account: (parsed.values.account ?? "").slice(0, 10), iban: parsed.values.iban ?? "" };
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, 400);
  const choice = parsed.data.account;
  if (choice === "other") {
    const check = await checkOwnAccount(gateway, own.user.iin, parsed.data.iban ?? "");
    if (!check.ok) return data<ActionData>({ errors: { iban: `apply:errors.${check.error}` }, values }, 400);
    await updateDraft(own, (d) => ({ ...d, payment: { kind: "other", iban: check.iban, bankCode: check.bankCode } }));
  } else {
    const open = (await gateway.getBankAccounts(own.user.iin)).filter((a) => !a.closedAt);
    const account = open[Number(choice)];
    if (!account) return data<ActionData>({ errors: { account: "apply:errors.accountRequired" }, values }, 400);
    await updateDraft(own, (d) => ({ ...d, payment: { kind: "on_file", iban: account.iban, bankCode: account.bankCode } }));
  }
  return redirect(`/applications/${own.application.id}/consent`);
}

export default function PaymentStep() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("apply");
  const errors = actionData?.errors;
  const checked = (value: string) =>
    actionData?.values?.account
      ? actionData.values.account === value
      : d.selected
        ? d.selected.kind === "other"
          ? value === "other"
          : String(d.selected.index) === value
        : false;
  return (
    <>
      <ErrorSummary errors={errors} order={["account", "iban"]} />
      <ApplicationSteps applicationId={d.id} current="payment" done={d.done} />
      <StepHeading step="payment" />
      <p>{t("payment.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <fieldset id="account" className={errors?.account ? "field-error" : undefined} aria-describedby={errors?.account ? "account-error" : undefined}>
          <legend>{t("payment.legend")}</legend>
          {errors?.account ? (
            <span className="error-message" id="account-error">
              {translateError(t, errors.account)}
            </span>
          ) : null}
          {d.accounts.length === 0 ? <p>{t("payment.noAccounts")}</p> : null}
          {d.accounts.map((a) => (
            <div className="radio" key={a.index}>
              <input type="radio" id={`account-${a.index}`} name="account" value={String(a.index)} defaultChecked={checked(String(a.index))} />
              <label htmlFor={`account-${a.index}`}>{t("payment.onFile", { bank: a.bank, last4: a.last4 })}</label>
            </div>
          ))}
          <div className="radio">
            <input type="radio" id="account-other" name="account" value="other" defaultChecked={checked("other") || d.accounts.length === 0} />
            <label htmlFor="account-other">{t("payment.other")}</label>
          </div>
          {/* Revealed only under «Другой счёт» (CSS :has, so it works without JavaScript too). */}
          <div className={`reveal reveal-when-checked${errors?.iban ? " reveal-open" : ""}`} id="iban-reveal">
            <Field
              name="iban"
              label={t("payment.iban")}
              hint={t("payment.ibanHint")}
              error={errors?.iban}
              defaultValue={actionData?.values?.iban ?? (d.selected?.kind === "other" ? d.selected.iban : "")}
              maxLength={40}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t("saveAndContinue")}
        </button>
      </Form>
    </>
  );
}
