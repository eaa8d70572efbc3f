import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { decisionForm, draftDecision, mayAct } from "~/staff/deciding.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { personName } from "~/application/draft.server";
import { CsrfInput, Field, Choices, Select } from "~/components/forms";
import { formatTiyn } from "~/domain/income";
import { assignmentPeriod } from "~/domain/decision";
import { REFUSAL_GROUND_CODES, eventField, hasBar, isRefusalGroundCode, type GroundEvents } from "~/domain/refusal";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:decide.title" };


const BARRED = REFUSAL_GROUND_CODES.filter(hasBar);
const FIELDS = ["form", "kind", "periodFrom", "periodTo", "grounds", ...BARRED.map(eventField), "eventMember"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  if (!(await mayAct({ user, application, now: new Date() }, "draft_decision")).ok) throw redirect(`/staff/cases/${application.id}`);
  const form = await decisionForm(application, new Date());
  if (form.decisionForm !== "asp") throw redirect(`/staff/cases/${application.id}/decide-local`);
  const lng = await getLanguage(request);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    amountTiyn: form.amountTiyn,
    period: assignmentPeriod(application.applicationDate!),
    defaultKind: form.defaultKind,
    suggested: form.suggested,
    members: form.members.map((m) => ({ iin: m.iin, name: m.person ? personName(m.person, lng) : m.iin, exemption: m.exemption })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const v = formValues(form, ["kind", "amountTiyn", "periodFrom", "periodTo", "eventMember", ...BARRED.map(eventField)], 100);
  const grounds = form.getAll("grounds").map(String).slice(0, 10);
  const values = { ...v, grounds: grounds.join(",") };
  const ctx = { user, application, now: new Date() };
  if (v.kind === "assignment") {
    return respond(await draftDecision(ctx, { kind: "assignment", amountTiyn: Number(v.amountTiyn), period: { from: v.periodFrom, to: v.periodTo } }), application.id, values);
  }
  if (v.kind === "refusal") {
    const known = grounds.filter(isRefusalGroundCode);
    if (known.length !== grounds.length) return invalid({ grounds: "decision:decisionError.unknown_ground" }, values);
    // Each six-month ground with its own date (the rules treat a malformed date as a missing one).
    const events: GroundEvents = {};
    for (const g of known.filter(hasBar)) {
      const member = g === "refused_employment_measures" && v.eventMember ? { memberIin: v.eventMember } : {};
      events[g] = { date: v[eventField(g)]!, ...member };
    }
    return respond(await draftDecision(ctx, { kind: "refusal", grounds: known, events }), application.id, values);
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
          {BARRED.map((g) => (
            <Field
              key={g}
              name={eventField(g)}
              type="date"
              label={t("deciding:decide.eventDate", { ground: t(`decision:ground.${g}.plain`) })}
              hint={t("deciding:decide.eventDateHint")}
              error={e[eventField(g)]}
              defaultValue={v[eventField(g)]}
            />
          ))}
          <Select
            name="eventMember"
            label={t("deciding:decide.eventMember")}
            hint={t("deciding:decide.eventMemberHint")}
            error={e.eventMember}
            defaultValue={v.eventMember ?? ""}
            options={[
              { value: "", label: t("deciding:decide.eventMemberNone") },
              ...d.members.map((m) => ({ value: m.iin, label: m.exemption ? `${m.name} — ${t(`decision:exemption.${m.exemption}`)}` : m.name })),
            ]}
          />
        </fieldset>
        <button type="submit" className="button">
          {t("deciding:decide.submit")}
        </button>
      </Form>
    </>
  );
}
