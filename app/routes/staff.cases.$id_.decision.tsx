import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { draftDecision, mayAct } from "~/staff/deciding.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { getDb } from "~/db.server";
import { CsrfInput, Field, Choices } from "~/components/forms";
import { formatTiyn } from "~/domain/income";
import { assignmentPeriod } from "~/domain/decision";
import { REFUSAL_GROUND_CODES, isRefusalGroundCode, type RefusalGroundCode } from "~/domain/refusal";
import { isIsoDate } from "~/domain/kz-time";
import { latestCalculation, surveyActOf } from "../../db/queries/deciding";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:decide.title" };


const FIELDS = ["form", "kind", "periodFrom", "periodTo", "grounds", "groundEventDate"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  if (!(await mayAct({ user, application, now: new Date() }, "draft_decision")).ok) throw redirect(`/staff/cases/${application.id}`);
  const { db } = await getDb();
  const [calculation, survey] = await Promise.all([latestCalculation(db, application.id), surveyActOf(db, application.id)]);
  const period = assignmentPeriod(application.applicationDate!);
  const suggested: RefusalGroundCode[] = [];
  if (survey?.conclusion === "not_needy") suggested.push("commission_found_no_need");
  if (calculation && !calculation.lowIncome) suggested.push("not_low_income");
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    amountTiyn: calculation?.amountTiyn ?? 0,
    period,
    defaultKind: suggested.length || !calculation?.amountTiyn ? "refusal" : "assignment",
    suggested,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const form = await request.formData();
  await assertCsrf(request, form);
  const v = formValues(form, ["kind", "amountTiyn", "periodFrom", "periodTo", "groundEventDate"], 100);
  const grounds = form.getAll("grounds").map(String).slice(0, 10);
  const values = { ...v, grounds: grounds.join(",") };
  const ctx = { user, application, now: new Date() };
  if (v.kind === "assignment") {
    return respond(await draftDecision(ctx, { kind: "assignment", amountTiyn: Number(v.amountTiyn), period: { from: v.periodFrom, to: v.periodTo } }), application.id, values);
  }
  if (v.kind === "refusal") {
    if (v.groundEventDate && !isIsoDate(v.groundEventDate)) return invalid({ groundEventDate: "deciding:decide.errors.groundEventDate" }, values);
    const known = grounds.filter(isRefusalGroundCode);
    if (known.length !== grounds.length) return invalid({ grounds: "decision:decisionError.unknown_ground" }, values);
    return respond(await draftDecision(ctx, { kind: "refusal", grounds: known, groundEventDate: v.groundEventDate || null }), application.id, values);
  }
  return invalid({ kind: "deciding:decide.errors.kind" }, values);
}

export default function DecisionPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["deciding", "decision"]);
  const e = a?.errors ?? {};
  const v = a?.values ?? {};
  const kind = v.kind ?? d.defaultKind;
  const grounds = v.grounds !== undefined ? v.grounds.split(",").filter(Boolean) : d.suggested;
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={e} order={FIELDS} title={t("deciding:decide.title")} />
      <Form method="post" noValidate id="form">
        <CsrfInput />
        <Choices
          name="kind"
          legend={t("deciding:decide.kind")}
          error={e.kind}
          checked={[kind]}
          options={[
            { value: "assignment", label: t("decision:kind.assignment"), hint: t("deciding:decide.amountComputed", { amount: formatTiyn(d.amountTiyn) }) },
            { value: "refusal", label: t("decision:kind.refusal") },
          ]}
        />
        <input type="hidden" name="amountTiyn" value={d.amountTiyn} />
        <fieldset>
          <legend>{t("decision:kind.assignment")}</legend>
          <Field name="periodFrom" type="month" label={t("deciding:decide.periodFrom")} hint={t("deciding:decide.periodHint")} error={e.periodFrom} defaultValue={v.periodFrom ?? d.period.from} />
          <Field name="periodTo" type="month" label={t("deciding:decide.periodTo")} error={e.periodTo} defaultValue={v.periodTo ?? d.period.to} />
        </fieldset>
        <fieldset>
          <legend>{t("decision:kind.refusal")}</legend>
          <Choices
            name="grounds"
            type="checkbox"
            legend={t("deciding:decide.grounds")}
            hint={t("deciding:decide.groundsHint")}
            error={e.grounds}
            checked={grounds}
            options={REFUSAL_GROUND_CODES.map((g) => ({ value: g, label: t(`decision:ground.${g}.plain`), hint: t(`decision:ground.${g}.legal`) }))}
          />
          <Field name="groundEventDate" type="date" label={t("deciding:decide.groundEventDate")} hint={t("deciding:decide.groundEventDateHint")} error={e.groundEventDate} defaultValue={v.groundEventDate} />
        </fieldset>
        <button type="submit" className="button">
          {t("deciding:decide.submit")}
        </button>
      </Form>
    </>
  );
}
