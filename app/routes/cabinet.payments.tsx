import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput, ErrorSummary, Field, Select, type FieldErrors } from "~/components/forms";
import { accountTarget, cabinetPayments } from "~/payments/cabinet.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { accountForm } from "~/payments/forms";
import { changePaymentAccount, PaymentError } from "~/payments/pipeline.server";
import { PaymentsTable } from "~/payments/PaymentsTable";

import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "payments:cabinet.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  return { payments: await cabinetPayments(user.iin, await getLanguage(request)) };
}

type ActionData = { errors?: FieldErrors; iban?: string; requeued?: number };

/** A corrected account: checked like the application's; returned payments go out to it again. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCitizen(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(accountForm, form);
  const iban = (parsed.ok ? parsed.data.iban : (parsed.values.iban ?? "")).slice(0, 60);
  const payments = await cabinetPayments(user.iin, await getLanguage(request));
  // Ownership: only an assignment among the citizen's own payments; the service is that assignment's.
  const target = parsed.ok ? accountTarget(payments, parsed.data.application) : null;
  if (!target) return data<ActionData>({ errors: { iban: "payments:cabinet.applicationMissing" }, iban }, 400);
  try {
    const result = await changePaymentAccount({
      service: target.service, applicationId: target.applicationId, recipientIin: user.iin, input: iban, source: "citizen",
      actor: { label: user.iin, role: "citizen", staffId: null },
    });
    return data<ActionData>({ requeued: result.requeued });
  } catch (error) {
    if (error instanceof PaymentError) return data<ActionData>({ errors: { iban: error.key.replace(/^payments\./, "payments:") }, iban }, 400);
    throw error;
  }
}

export default function PaymentsPage() {
  const { payments } = useLoaderData<typeof loader>();
  const assignments = [...new Map(payments.map((p) => [p.target, p])).values()];
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("payments");
  return (
    <>
      <h1>{t("cabinet.title")}</h1>
      {actionData?.requeued !== undefined ? <p role="status">{t("cabinet.saved", { requeued: actionData.requeued })}</p> : null}
      <PaymentsTable payments={payments} />
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        {assignments.length === 1 ? <input type="hidden" name="application" value={assignments[0].target} /> : null}
        {assignments.length > 1 ? (
          <Select
            name="application"
            label={t("cabinet.forAssignment")}
            options={assignments.map((a) => ({
              value: a.target,
              label: a.applicationId ? t(a.serviceNameKey, { ns: "services" }) : t("cabinet.listGrants"),
            }))}
          />
        ) : null}
        <Field name="iban" label={t("cabinet.changeAccount")} error={actionData?.errors?.iban} defaultValue={actionData?.iban} autoComplete="off" maxLength={60} />
        <button type="submit">{t("cabinet.save")}</button>
      </Form>
    </>
  );
}
