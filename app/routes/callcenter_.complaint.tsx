import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, Field, Select, TextArea, type FieldErrors } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { COMPLAINT_TEXT_MAX, caseByNumber, fileComplaint, staffViewOfFiled } from "~/complaints/complaints.server";
import { callcenterComplaintForm, COMPLAINT_FIELDS } from "~/complaints/forms";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:callcenter.title" };

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ["callcenter"]);
  return { submitKey: randomUUID(), max: COMPLAINT_TEXT_MAX };
}

type ActionData =
  | { ok: false; errors: FieldErrors; values: Record<string, string> }
  | { ok: true; number: string; registeredAt: string; answerDue: string; values?: undefined; errors?: undefined };

/** A 1414 agent registers a complaint told by phone; the number and the IIN must be one person's. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["callcenter"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(callcenterComplaintForm, form, 2000);
  if (!parsed.ok) return data<ActionData>({ ok: false, errors: parsed.errors, values: parsed.values }, 400);
  const application = await caseByNumber(parsed.data.registrationNumber);
  if (!application || application.applicantIin !== parsed.data.iin) {
    return data<ActionData>({ ok: false, errors: { registrationNumber: "complaints:errors.notFound" }, values: parsed.values }, 400);
  }
  const filed = await fileComplaint({
    application,
    channel: "callcenter",
    text: parsed.data.text,
    language: parsed.data.language,
    submitKey: `${user.staff.id}-${parsed.data.submitKey}`.slice(0, 64),
    acceptedBy: user,
    note: parsed.data.callReference,
    now: new Date(),
  });
  if (!filed.ok) return data<ActionData>({ ok: false, errors: filed.errors, values: parsed.values }, 400);
  const shown = await staffViewOfFiled(filed.id);
  return data<ActionData>({ ok: true, number: filed.number, registeredAt: shown.registeredAt, answerDue: shown.answerDue });
}

export default function CallcenterComplaint() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("complaints");
  const e = (a && !a.ok ? a.errors : {}) as FieldErrors & Record<string, string>;
  const v = a && !a.ok ? a.values : {};
  return (
    <>
      <ErrorSummary errors={e} order={COMPLAINT_FIELDS} />
      <p>
        <Link to="/callcenter">{t("callcenter:console.title")}</Link>
      </p>
      <h1>{t("callcenter.title")}</h1>
      {a?.ok ? (
        <div className="notice" role="status" data-testid="complaint-registered">
          <p>
            <strong>{t("submitted")}</strong>
          </p>
          <p>{t("callcenter.readOut", { number: a.number, date: formatKzDateTime(a.registeredAt), due: formatDate(a.answerDue) })}</p>
        </div>
      ) : null}
      <p>{t("callcenter.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="submitKey" value={d.submitKey} />
        <Field name="callReference" label={t("callcenter.callReference")} error={e.callReference} defaultValue={v.callReference} maxLength={64} autoComplete="off" />
        <Field name="iin" label={t("callcenter.iin")} error={e.iin} defaultValue={v.iin} inputMode="numeric" maxLength={14} autoComplete="off" />
        <Field name="registrationNumber" label={t("callcenter.registrationNumber")} error={e.registrationNumber} defaultValue={v.registrationNumber} maxLength={20} autoComplete="off" />
        <TextArea name="text" label={t("callcenter.text")} hint={t("cabinet.textHint", { max: d.max })} error={e.text} defaultValue={v.text} rows={6} />
        <Select
          name="language"
          label={t("callcenter.language")}
          error={e.language}
          defaultValue={v.language ?? "ru"}
          options={[
            { value: "ru", label: "Русский" },
            { value: "kk", label: "Қазақша" },
          ]}
        />
        <button type="submit" className="button">
          {t("callcenter.submit")}
        </button>
      </Form>
    </>
  );
}
