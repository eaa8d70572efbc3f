import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { mayAct, recordSurvey } from "~/staff/deciding.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput, Field, Choices, TextArea } from "~/components/forms";
import { kzDate, isIsoDate } from "~/domain/kz-time";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";
import { conclusionKey } from "~/notices/decision-kind";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:survey.title" };


const FIELDS = ["surveyedOn", "membersPresent", "livingConditions", "propertySeen", "conclusion", "notes"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["commission"]);
  if (!(await mayAct({ user, application, now: new Date() }, "record_survey")).ok) throw redirect(`/staff/cases/${application.id}`);
  return { id: application.id, registrationNumber: application.registrationNumber, service: application.service, today: kzDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["commission"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const v = formValues(form, FIELDS, 4001);
  const errors: Record<string, string> = {};
  if (!isIsoDate(v.surveyedOn)) errors.surveyedOn = "deciding:survey.errors.surveyedOn";
  for (const f of ["membersPresent", "livingConditions", "propertySeen"] as const) if (!v[f]) errors[f] = `deciding:survey.errors.${f}`;
  for (const f of FIELDS) if (v[f].length > 4000) errors[f] = "deciding:survey.errors.tooLong";
  if (v.conclusion !== "needy" && v.conclusion !== "not_needy") errors.conclusion = "deciding:survey.errors.conclusion";
  if (Object.keys(errors).length) return invalid(errors, v);
  const outcome = await recordSurvey(
    { user, application, now: new Date() },
    {
      surveyedOn: v.surveyedOn,
      membersPresent: v.membersPresent,
      livingConditions: v.livingConditions,
      propertySeen: v.propertySeen,
      conclusion: v.conclusion as "needy" | "not_needy",
      notes: v.notes || null,
    },
  );
  return respond(outcome, application.id, v);
}

export default function SurveyPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["deciding", "decision", "local"]);
  const e = a?.errors ?? {};
  const v = a?.values ?? {};
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={e} order={FIELDS} title={t("deciding:survey.title")} />
      <p>{t("deciding:survey.intro")}</p>
      <Form method="post" noValidate id="form">
        <CsrfInput />
        <Field name="surveyedOn" type="date" label={t("deciding:survey.surveyedOn")} error={e.surveyedOn} defaultValue={v.surveyedOn ?? d.today} />
        <TextArea name="membersPresent" label={t("deciding:survey.membersPresent")} hint={t("deciding:survey.membersPresentHint")} error={e.membersPresent} defaultValue={v.membersPresent} rows={2} />
        <TextArea name="livingConditions" label={t("deciding:survey.livingConditions")} error={e.livingConditions} defaultValue={v.livingConditions} />
        <TextArea name="propertySeen" label={t("deciding:survey.propertySeen")} hint={t("deciding:survey.propertySeenHint")} error={e.propertySeen} defaultValue={v.propertySeen} />
        <Choices
          name="conclusion"
          legend={t("deciding:survey.conclusion")}
          error={e.conclusion}
          checked={v.conclusion ? [v.conclusion] : []}
          options={[
            { value: "needy", label: t(conclusionKey(d.service, "needy")) },
            { value: "not_needy", label: t(conclusionKey(d.service, "not_needy")) },
          ]}
        />
        <TextArea name="notes" label={t("deciding:survey.notes")} hint={t("deciding:survey.notesHint")} error={e.notes} defaultValue={v.notes} rows={3} />
        <button type="submit" className="button">
          {t("deciding:survey.submit")}
        </button>
      </Form>
    </>
  );
}
