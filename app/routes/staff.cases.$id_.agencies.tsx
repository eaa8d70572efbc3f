import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { mayAct, requestOtherAgencies } from "~/staff/deciding.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { getDb } from "~/db.server";
import { CsrfInput, Field } from "~/components/forms";
import { formatDate } from "~/components/dates";
import { isIsoDate, kzDate } from "~/domain/kz-time";
import { MAX_OTHER_AGENCIES_EXTENSION_DAYS } from "~/domain/workflow";
import { otherAgenciesDaysUsed } from "~/staff/agencies.server";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "decision:action.request_other_agencies" };


const FIELDS = ["form", "agency", "requestedOn", "days"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  if (!(await mayAct({ user, application, now: new Date() }, "request_other_agencies")).ok) throw redirect(`/staff/cases/${application.id}`);
  const { db } = await getDb();
  const used = await otherAgenciesDaysUsed(db, application.id);
  return { id: application.id, registrationNumber: application.registrationNumber, dueDate: application.dueDate, left: MAX_OTHER_AGENCIES_EXTENSION_DAYS - used, today: kzDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const v = formValues(form, ["agency", "requestedOn", "days"], 500);
  const errors: Record<string, string> = {};
  if (!v.agency) errors.agency = "deciding:agencies.errors.agency";
  if (!isIsoDate(v.requestedOn)) errors.requestedOn = "deciding:agencies.errors.requestedOn";
  const days = v.days === "" ? null : /^\d{1,3}$/.test(v.days) ? Number(v.days) : NaN;
  if (days !== null && !Number.isInteger(days)) errors.days = "decision:otherAgencies.error.invalid_days";
  if (Object.keys(errors).length) return invalid(errors, v);
  return respond(await requestOtherAgencies({ user, application, now: new Date() }, { agency: v.agency, requestedOn: v.requestedOn, days }), application.id, v);
}

export default function AgenciesPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["deciding", "decision"]);
  const e = a?.errors ?? {};
  const v = a?.values ?? {};
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={e} order={FIELDS} title={t("decision:action.request_other_agencies")} />
      <p>{t("deciding:agencies.intro")}</p>
      <p>
        {t("deciding:case.dueDate")}: {d.dueDate ? formatDate(d.dueDate) : "—"}
      </p>
      <Form method="post" noValidate id="form">
        <CsrfInput />
        <Field name="agency" label={t("deciding:agencies.agency")} error={e.agency} defaultValue={v.agency} />
        <Field name="requestedOn" type="date" label={t("deciding:agencies.requestedOn")} error={e.requestedOn} defaultValue={v.requestedOn ?? d.today} />
        <Field
          name="days"
          label={t("deciding:agencies.days")}
          hint={t("deciding:agencies.daysHint", { left: d.left })}
          error={e.days}
          defaultValue={v.days ?? String(d.left)}
          inputMode="numeric"
        />
        <button type="submit" className="button">
          {t("deciding:agencies.submit")}
        </button>
      </Form>
    </>
  );
}
