import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, servesKato } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, Field, Select, TextArea, type FieldErrors } from "~/components/forms";
import { formatDate } from "~/components/dates";
import { COMPLAINT_TEXT_MAX, caseByNumber, districtComplaints, fileComplaint } from "~/complaints/complaints.server";
import { COMPLAINT_FIELDS, paperComplaintForm } from "~/complaints/forms";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:staff.title" };

/** District staff see their district's complaints; specialists and heads register paper ones (issue 16). */
const ROLES = ["specialist", "commission", "head"] as const;
const PAPER_ROLES = ["specialist", "head"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ROLES);
  return {
    complaints: await districtComplaints(user),
    mayRegister: (PAPER_ROLES as readonly string[]).includes(user.staff.role),
    submitKey: randomUUID(),
    max: COMPLAINT_TEXT_MAX,
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, PAPER_ROLES);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(paperComplaintForm, form, 2000);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const application = await caseByNumber(parsed.data.registrationNumber);
  // Another district's case is not found here, like one that does not exist.
  if (!application?.katoCode || !servesKato(user, application.katoCode)) {
    return data<ActionData>({ errors: { registrationNumber: "complaints:errors.registrationNumber" }, values: parsed.values }, 400);
  }
  const filed = await fileComplaint({
    application, channel: "paper", text: parsed.data.text, language: parsed.data.language, submitKey: `${user.staff.id}-${parsed.data.submitKey}`.slice(0, 64), acceptedBy: user, now: new Date(),
  });
  if (!filed.ok) return data<ActionData>({ errors: filed.errors, values: parsed.values }, 400);
  return redirect(`/staff/complaints/${filed.id}`);
}

export default function StaffComplaints() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("complaints");
  const e = a?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={e} order={COMPLAINT_FIELDS} />
      <h1>{t("staff.title")}</h1>
      <p>{t("staff.intro")}</p>
      {d.complaints.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t("staff.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.number")}</th>
                <th scope="col">{t("staff.case")}</th>
                <th scope="col">{t("staff.status")}</th>
                <th scope="col">{t("staff.due")}</th>
              </tr>
            </thead>
            <tbody>
              {d.complaints.map((c) => (
                <tr key={c.id} data-complaint={c.number}>
                  <td>
                    <Link to={`/staff/complaints/${c.id}`}>{c.number}</Link>
                  </td>
                  <td>{c.registrationNumber}</td>
                  <td>
                    {t(`status.${c.status}`)} · {t(`channel.${c.channel}`)}
                  </td>
                  <td>
                    {formatDate(c.answerDue)} {c.overdue ? <span className="tag tag-error">{t("staff.overdue")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("staff.none")}</p>
      )}
      {d.mayRegister ? (
        <section aria-labelledby="paper-heading">
          <h2 id="paper-heading">{t("staff.paperTitle")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="submitKey" value={d.submitKey} />
            <Field name="registrationNumber" label={t("staff.registrationNumber")} error={e.registrationNumber} defaultValue={a?.values.registrationNumber} maxLength={20} autoComplete="off" />
            <TextArea name="text" label={t("staff.paperText")} hint={t("cabinet.textHint", { max: d.max })} error={e.text} defaultValue={a?.values.text} rows={6} />
            <Select
              name="language"
              label={t("staff.paperLanguage")}
              error={e.language}
              defaultValue={a?.values.language ?? "ru"}
              options={[
                { value: "ru", label: "Русский" },
                { value: "kk", label: "Қазақша" },
              ]}
            />
            <button type="submit" className="button">
              {t("staff.submitPaper")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
