import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertCsrf } from "~/csrf.server";
import { readForm } from "~/forms.server";
import { getLanguage } from "~/i18n.server";
import { parseForm } from "~/schemas/form";
import { applyContext, localSignedText, missingDocuments, saveLocalDraft, submitLocal } from "~/services/local/apply.server";
import { CsrfInput, ErrorSummary, type FieldErrors } from "~/components/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { formatDate } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/**
 * A local-assistance application on the portal (issue 14): the category of the citizen's district,
 * the scanned documents (PDF/JPEG/PNG, ≤ 5 MiB each, checked by content), then ЭЦП.
 */
export const handle: TitleHandle = { title: "local:apply.title" };

/** Three required documents at most plus one more, 5 MiB each, and the form's own fields. */
const MAX_BODY = 4 * 5 * 1024 * 1024 + 256 * 1024;

const signForm = z.object({ intent: z.literal("sign"), payload: z.string().min(2).max(64 * 1024), signature: z.string().min(10).max(64 * 1024) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await applyContext(request, params.code);
  const lng = await getLanguage(request);
  return {
    code: ctx.category.code,
    name: ctx.category.name[lng],
    district: ctx.rs.act.district[lng],
    act: { number: ctx.rs.act.decision.number, date: ctx.rs.act.decision.date },
    windowMonths: ctx.category.windowMonths,
    eventDate: ctx.eventDate,
    required: ctx.category.requiredDocuments.map((d) => ({ code: d.code, name: d.name[lng] })),
    documents: ctx.documents.map((d) => ({ id: d.id, docCode: d.docCode, fileName: d.fileName, sizeBytes: d.sizeBytes })),
    missing: missingDocuments(ctx),
    saved: ctx.documents.length > 0 || ctx.eventDate !== null || ctx.category.requiredDocuments.length === 0,
    iin: ctx.user.iin,
    payload: localSignedText(ctx),
  };
}

type ActionData = { errors: FieldErrors; signatureError?: string };

const saveIntentForm = z.object({ intent: z.literal("save") });

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await applyContext(request, params.code);
  // Refused before the body is read: the page answers in the citizen's language and nothing is saved.
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY) return data<ActionData>({ errors: { form: "local:apply.errors.uploadTooLarge" } }, 413);
  const form = await readForm(request);
  await assertCsrf(request, form);
  // The documents step posts files (read and typed by their bytes in saveLocalDraft); the rest is the signature.
  if (parseForm(saveIntentForm, form).ok) {
    const errors = await saveLocalDraft(ctx, form);
    if (errors) return data<ActionData>({ errors }, 400);
    return redirect(`/services/local/apply/${ctx.category.code}`);
  }
  const parsed = parseForm(signForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: { "sign-keyfile": "auth:errors.signatureRequired" } }, 400);
  const outcome = await submitLocal(ctx, parsed.data.payload, parsed.data.signature);
  switch (outcome.kind) {
    case "registered":
      return redirect(`/applications/${ctx.application.id}`);
    case "incomplete":
      return data<ActionData>({ errors: { form: "local:apply.errors.incomplete" } }, 400);
    case "payload_mismatch":
      return data<ActionData>({ errors: { "sign-keyfile": "apply:errors.payloadMismatch" } }, 400);
    case "signature":
      return data<ActionData>({ errors: {}, signatureError: `auth:errors.reasons.${outcome.reason}` }, 400);
    case "already_applied":
      return data<ActionData>({ errors: { form: "local:apply.errors.alreadyApplied" } }, 409);
    case "live_case":
      return data<ActionData>({ errors: { form: "local:apply.errors.liveCase" } }, 409);
  }
}

export default function LocalApply() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["local", "apply"]);
  const sign = useSignErrors({ ...actionData?.errors, ...(actionData?.signatureError ? { "sign-keyfile": actionData.signatureError } : {}) });
  const err = (field: string) => (sign.errors[field] ? t(sign.errors[field]!) : null);
  const ready = d.missing.length === 0 && d.saved && (!d.windowMonths || !!d.eventDate);
  return (
    <>
      <ErrorSummary errors={sign.errors} />
      <h1>{t("local:apply.title")}</h1>
      <p className="lead">
        {t("local:page.code", { code: d.code })}. {d.name}
      </p>
      <p className="hint">{t("local:apply.act", { district: d.district, number: d.act.number, date: formatDate(d.act.date) })}</p>
      <p>
        <Link to="/services/local">{t("local:apply.back")}</Link>
      </p>

      <h2>{t("local:apply.documentsTitle")}</h2>
      {d.documents.length ? (
        <ul data-testid="attached">
          {d.documents.map((doc) => (
            <li key={doc.id}>
              <a href={`/services/local/documents/${doc.id}`}>{doc.fileName}</a> ({Math.ceil(doc.sizeBytes / 1024)} KB)
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        {d.windowMonths ? (
          <div className={`field${err("eventDate") ? " field-error" : ""}`}>
            <label htmlFor="eventDate">{t("local:apply.eventDate", { months: d.windowMonths })}</label>
            {err("eventDate") ? <p className="error-message" id="eventDate-error">{err("eventDate")}</p> : null}
            <input id="eventDate" name="eventDate" type="date" defaultValue={d.eventDate ?? ""} aria-describedby={err("eventDate") ? "eventDate-error" : undefined} />
          </div>
        ) : null}
        {[...d.required, { code: "other", name: t("local:apply.otherDocument") }].map((doc) => (
          <div key={doc.code} className={`field${err(`doc-${doc.code}`) ? " field-error" : ""}`}>
            <label htmlFor={`doc-${doc.code}`}>{doc.name}</label>
            <p className="hint">{t("local:apply.fileHint")}</p>
            {err(`doc-${doc.code}`) ? (
              <p className="error-message" id={`doc-${doc.code}-error`}>
                {err(`doc-${doc.code}`)}
              </p>
            ) : null}
            <input id={`doc-${doc.code}`} name={`doc-${doc.code}`} type="file" accept="application/pdf,image/jpeg,image/png" />
          </div>
        ))}
        <button type="submit" className="button button-secondary">
          {t("local:apply.save")}
        </button>
      </Form>

      <h2>{t("local:apply.signTitle")}</h2>
      {ready ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign" />
          <input type="hidden" name="payload" value={d.payload} />
          <p>{t("local:apply.signIntro")}</p>
          <details>
            <summary>{t("local:apply.exact")}</summary>
            <pre className="signed-data">{d.payload}</pre>
          </details>
          <SignForm expectedIin={d.iin} serverError={actionData?.signatureError ?? actionData?.errors?.["sign-keyfile"]} result={actionData} onErrorChange={sign.onErrorChange} />
        </Form>
      ) : (
        <p className="hint" data-testid="sign-later">
          {t("local:apply.signLater")}
        </p>
      )}
    </>
  );
}
