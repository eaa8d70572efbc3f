import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, TextArea, type FieldErrors } from "~/components/forms";
import { draftAnswer, staffComplaint } from "~/complaints/complaints.server";
import { answerForm } from "~/complaints/forms";
import { ComplaintTalon } from "~/complaints/ComplaintTalon";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:title" };

const ROLES = ["specialist", "commission", "head"] as const;
const DRAFT_ROLES = ["specialist", "head"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ROLES);
  const complaint = await staffComplaint(user, params.id ?? "");
  if (!complaint) throw new Response("Not found", { status: 404 });
  const { applicantIin: _iin, katoCode: _kato, ...shown } = complaint;
  return {
    complaint: shown,
    mayDraft: (DRAFT_ROLES as readonly string[]).includes(user.staff.role) && complaint.status !== "answered",
    maySign: user.staff.role === "head" && complaint.status === "under_review",
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, DRAFT_ROLES);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(answerForm, form, 2000);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const saved = await draftAnswer(user, params.id ?? "", parsed.data.answer, new Date());
  if (!saved.ok) return data<ActionData>({ errors: saved.errors, values: parsed.values }, 400);
  return redirect(`/staff/complaints/${params.id}`);
}

export default function StaffComplaint() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("complaints");
  const e = a?.errors ?? {};
  const c = d.complaint;
  return (
    <>
      <ErrorSummary errors={e} order={["answer"]} />
      <p>
        <Link to="/staff/complaints">{t("staff.title")}</Link> · <Link to={`/staff/cases/${c.applicationId}`}>{c.registrationNumber}</Link>
      </p>
      <h1>{t("cabinet.open", { number: c.number })}</h1>
      <ComplaintTalon c={c} />
      {d.mayDraft ? (
        <section aria-labelledby="draft-heading">
          <h2 id="draft-heading">{t("staff.draftTitle")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextArea name="answer" label={t("staff.answerText")} error={e.answer} defaultValue={a?.values.answer ?? c.draft ?? ""} rows={6} />
            <button type="submit" className="button button-secondary">
              {t("staff.saveDraft")}
            </button>
          </Form>
        </section>
      ) : null}
      {d.maySign ? (
        <p>
          <Link to={`/staff/complaints/${c.id}/sign`} className="button">
            {t("staff.signLink")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
