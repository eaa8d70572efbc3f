import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { getLanguage } from "~/i18n.server";
import { parseForm } from "~/schemas/form";
import { requireCaseAccess } from "~/staff/case.server";
import { commissionView, recordCommissionAmount } from "~/services/local/commission.server";
import { CsrfInput, ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { mayAct } from "~/staff/deciding.server";
import { refusalKey } from "~/staff/respond.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The special commission's amount on a local-assistance case (seed 003 clause 9). */
export const handle: TitleHandle = { title: "local:commission.title" };

const amountForm = z.object({ amount: z.string().trim().regex(/^\d{1,9}$/, "local:commission.errors.amount") });

async function caseOf(request: Request, id: string | undefined, roles?: ("specialist" | "commission" | "head")[]) {
  const { user, application } = await requireCaseAccess(request, id, roles);
  const view = await commissionView(application);
  if (!view) throw new Response("Not found", { status: 404 });
  return { user, application, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application, view } = await caseOf(request, params.id);
  const lng = await getLanguage(request);
  // The commission sets its amount after the survey and the income, before the decision (ADR 022).
  const canSet = (await mayAct({ user, application, now: new Date() }, "record_special_commission")).ok;
  return {
    id: application.id,
    number: application.registrationNumber,
    canSet,
    waiting: !canSet && user.staff.role === "commission",
    code: view.category.code,
    name: view.category.name[lng],
    act: view.rs.act.decision.number,
    upTo: view.category.amount.upTo,
    limit: view.limit,
    year: view.params?.year ?? null,
    amount: view.amountTenge,
  };
}

type ActionData = { errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await caseOf(request, params.id, ["commission"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(amountForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const result = await recordCommissionAmount({ user, application, now: new Date() }, Number(parsed.data.amount));
  if (!result.ok) {
    if ("reason" in result) return data<ActionData>({ errors: { amount: `local:commission.errors.${result.reason}` }, values: parsed.values }, 400);
    if ("refusal" in result) return data<ActionData>({ errors: { amount: refusalKey(result.refusal) }, values: parsed.values }, 409);
  }
  return redirect(`/staff/cases/${application.id}`);
}

export default function LocalCommission() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["local", "decision"]);
  const tenge = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return (
    <>
      <ErrorSummary errors={a?.errors} />
      <h1>{t("local:commission.title")}</h1>
      <p className="lead">
        {d.number} — {t("local:page.code", { code: d.code })}. {d.name}
      </p>
      {d.limit !== null ? (
        <p data-testid="limit">{t(d.upTo ? "local:commission.limitUpTo" : "local:commission.limitFixed", { tenge: tenge(d.limit), year: d.year, act: d.act })}</p>
      ) : null}
      {d.amount !== null ? <p data-testid="amount">{t("local:commission.recorded", { tenge: tenge(d.amount) })}</p> : null}
      {d.waiting ? <p data-testid="commission-waiting">{t("local:commission.waiting")}</p> : null}
      {d.canSet ? (
        <Form method="post" noValidate>
          <CsrfInput />
          <Field name="amount" label={t("local:commission.amount")} inputMode="numeric" defaultValue={a?.values?.amount ?? ""} error={a?.errors.amount ? t(a.errors.amount) : undefined} />
          <button type="submit" className="button">
            {t("local:commission.save")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={`/staff/cases/${d.id}`}>{t("local:commission.back")}</Link>
      </p>
    </>
  );
}
