import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, Select, TextArea, type FieldErrors } from "~/components/forms";
import { formatDate } from "~/components/dates";
import { COMPLAINT_TEXT_MAX, citizenCase, citizenCases, citizenComplaints, fileComplaint } from "~/complaints/complaints.server";
import { cabinetComplaintForm, COMPLAINT_FIELDS } from "~/complaints/forms";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:cabinet.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const [cases, complaints] = await Promise.all([citizenCases(user.iin), citizenComplaints(user.iin)]);
  const preselect = new URL(request.url).searchParams.get("case");
  return { cases, complaints, submitKey: randomUUID(), max: COMPLAINT_TEXT_MAX, preselect };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCitizen(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(cabinetComplaintForm, form, 2000);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  // Someone else's case, or one that is not registered, is not found — as if it did not exist.
  const application = await citizenCase(user.iin, parsed.data.applicationId);
  if (!application) throw new Response("Not found", { status: 404 });
  const filed = await fileComplaint({
    application, channel: "cabinet", text: parsed.data.text, language: await getLanguage(request), submitKey: parsed.data.submitKey, acceptedBy: null, now: new Date(),
  });
  if (!filed.ok) return data<ActionData>({ errors: filed.errors, values: parsed.values }, 400);
  return redirect(`/cabinet/complaints/${filed.id}`);
}

export default function CabinetComplaints() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("complaints");
  const e = a?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={e} order={COMPLAINT_FIELDS} />
      <h1>{t("cabinet.title")}</h1>
      <p>{t("cabinet.intro")}</p>
      {d.complaints.length ? (
        <ul>
          {d.complaints.map((c) => (
            <li key={c.id}>
              <Link to={`/cabinet/complaints/${c.id}`}>{t("cabinet.open", { number: c.number })}</Link> — {c.registrationNumber}, {t(`status.${c.status}`)}
              {c.status !== "answered" ? `, ${t("cabinet.due", { date: formatDate(c.answerDue) })}` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("cabinet.none")}</p>
      )}
      <h2>{t("cabinet.newTitle")}</h2>
      {d.cases.length ? (
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="submitKey" value={d.submitKey} />
          <Select
            name="applicationId"
            label={t("cabinet.case")}
            error={e.applicationId ?? e.case}
            defaultValue={a?.values.applicationId ?? d.preselect ?? d.cases[0]!.id}
            options={d.cases.map((c) => ({ value: c.id, label: c.registrationNumber }))}
          />
          <TextArea name="text" label={t("cabinet.text")} hint={t("cabinet.textHint", { max: d.max })} error={e.text} defaultValue={a?.values.text} rows={6} />
          <button type="submit" className="button">
            {t("cabinet.submit")}
          </button>
        </Form>
      ) : (
        <p>{t("cabinet.noCases")}</p>
      )}
    </>
  );
}
