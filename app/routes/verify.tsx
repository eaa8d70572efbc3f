import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Fragment } from "react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { REGISTRATION_NUMBER, verifyByCode, verifyUpload, type VerifyOutcome } from "~/notices/notices.server";
import { LIST_DECISION_NUMBER, verifyListDecision, type ListDecisionOutcome } from "~/lists/verify.server";
import { getLanguage } from "~/i18n.server";
import { formatDate } from "~/components/dates";
import { formatTenge } from "~/lists/rules";
import { normalizeCode } from "~/notices/text";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { formatKzDateTime } from "~/components/dates";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:verify.title" };


const MAX_FILE = 1024 * 1024;

type Result = {
  outcome: (VerifyOutcome & { source?: "pdf" | "jws" }) | null;
  /** A decision of a holiday or by-list payment list (ADR 024). */
  listOutcome?: ListDecisionOutcome;
  errors: Record<string, string>;
  number?: string;
  code?: string;
};

/** By registration number and printed code: a GET form, so it works from a link and without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs): Promise<Result> {
  const url = new URL(request.url);
  const number = url.searchParams.get("number")?.trim().toUpperCase();
  const code = url.searchParams.get("code")?.trim();
  if (number === undefined && code === undefined) return { outcome: null, errors: {} };
  const errors: Record<string, string> = {};
  const listDecision = !!number && LIST_DECISION_NUMBER.test(number);
  if (!number || !(REGISTRATION_NUMBER.test(number) || listDecision)) errors.number = "deciding:verify.errors.number";
  if (!code || normalizeCode(code).length !== 10) errors.code = "deciding:verify.errors.code";
  if (Object.keys(errors).length) return { outcome: null, errors, number, code };
  if (listDecision) return { outcome: null, listOutcome: await verifyListDecision(number!, code!, await getLanguage(request)), errors, number, code };
  return { outcome: await verifyByCode(number!, code!), errors, number, code };
}

/** By the signed file (multipart upload). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await assertCsrf(request, form);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return data<Result>({ outcome: null, errors: { file: "deciding:verify.errors.file" } }, 400);
  if (file.size > MAX_FILE) return data<Result>({ outcome: null, errors: { file: "deciding:verify.errors.fileTooLarge" } }, 400);
  return { outcome: await verifyUpload(new Uint8Array(await file.arrayBuffer())), errors: {} } satisfies Result;
}

export default function VerifyPage() {
  const byCode = useLoaderData<typeof loader>();
  const byFile = useActionData<typeof action>() as Result | undefined;
  const { t, i18n } = useTranslation(["deciding", "decision", "common", "ui", "lists", "local"]);
  const shown = byFile ?? byCode;
  const errors = { ...byCode.errors, ...(byFile?.errors ?? {}) };
  const o = shown.outcome;
  return (
    <>
      <ErrorSummary errors={errors} order={["number", "code", "file"]} />
      <h1>{t("deciding:verify.title")}</h1>
      <p>{t("deciding:verify.intro")}</p>
      {o ? (
        <section aria-labelledby="verify-result" className={o.valid ? "panel panel-success" : "panel panel-error"} role="status" data-valid={o.valid}>
          <h2 id="verify-result">
            <span aria-hidden="true">{o.valid ? "✓ " : "⚠ "}</span>
            {o.valid ? t("deciding:verify.valid") : t("deciding:verify.invalid")}
          </h2>
          {o.valid ? (
            <>
              <p className="lead">{t("deciding:verify.validLead")}</p>
              {o.source === "pdf" ? <p>{t("ui:verify.fromPdf")}</p> : null}
              <dl className="summary">
                <dt>{t("deciding:verify.number")}</dt>
                <dd>{o.registrationNumber}</dd>
                <dt>{t("deciding:verify.decision")}</dt>
                <dd>{t(o.kindKey)}</dd>
                {o.cosignerName ? (
                  <>
                    <dt>{t("local:notice.cosignedByLabel")}</dt>
                    <dd>{o.cosignerName[i18n.language === "kk" ? "kk" : "ru"]}</dd>
                  </>
                ) : null}
                <dt>{t("deciding:verify.signer")}</dt>
                <dd>{o.signerName}</dd>
                <dt>{t("deciding:verify.signedAt")}</dt>
                <dd>{formatKzDateTime(o.signedAt)}</dd>
                <dt>{t("deciding:verify.certificate")}</dt>
                <dd>
                  <code>{o.serial}</code>
                </dd>
              </dl>
            </>
          ) : (
            <>
              <p className="lead">
                {o.reason === "not_found"
                  ? t("deciding:verify.notFound")
                  : o.reason === "pdf_without_signature"
                    ? t("ui:verify.pdfWithoutSignature")
                    : t(`deciding:verify.reasons.${o.reason}`)}
              </p>
              <p>{t("ui:verify.invalidLead")}</p>
            </>
          )}
        </section>
      ) : null}

      {!byFile && byCode.listOutcome ? <ListDecisionResult o={byCode.listOutcome} t={t} /> : null}

      <h2>{t("deciding:verify.byCode")}</h2>
      <Form method="get" noValidate>
        <Field name="number" label={t("deciding:verify.number")} hint={t("deciding:verify.numberHint")} error={byCode.errors.number} defaultValue={byCode.number ?? ""} spellCheck={false} />
        <Field name="code" label={t("deciding:verify.code")} hint={t("deciding:verify.codeHint")} error={byCode.errors.code} defaultValue={byCode.code ?? ""} spellCheck={false} />
        <button type="submit" className="button">
          {t("deciding:verify.check")}
        </button>
      </Form>

      <h2>{t("deciding:verify.byFile")}</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <CsrfInput />
        <div className={`field${byFile?.errors.file ? " field-error" : ""}`}>
          <label htmlFor="file">{t("deciding:verify.file")}</label>
          <span className="hint" id="file-hint">
            {t("deciding:verify.fileHint")}
          </span>
          {byFile?.errors.file ? (
            <span className="error-message" id="file-error">
              <span className="visually-hidden">{t("common:errors.prefix")} </span>
              {t(byFile.errors.file)}
            </span>
          ) : null}
          <input type="file" id="file" name="file" accept=".pdf,application/pdf,.jws,.json,.txt,application/jose" aria-describedby={`file-hint${byFile?.errors.file ? " file-error" : ""}`} />
        </div>
        <button type="submit" className="button">
          {t("deciding:verify.checkFile")}
        </button>
      </Form>
    </>
  );
}

/** A list decision's check: its own facts, and that its lines are among those the head signed (ADR 024). */
function ListDecisionResult({ o, t }: { o: ListDecisionOutcome; t: (key: string, params?: Record<string, unknown>) => string }) {
  return (
    <section aria-labelledby="verify-list-result" className={o.valid ? "panel panel-success" : "panel panel-error"} role="status" data-valid={o.valid} data-kind="list-decision">
      <h2 id="verify-list-result">
        <span aria-hidden="true">{o.valid ? "✓ " : "⚠ "}</span>
        {o.valid ? t("lists:verify.valid") : t("lists:verify.invalid")}
      </h2>
      {o.valid ? (
        <>
          <p className="lead">{t("lists:verify.validLead")}</p>
          <dl className="summary">
            <dt>{t("lists:verify.number")}</dt>
            <dd>{o.number}</dd>
            <dt>{t("lists:verify.recipient")}</dt>
            <dd>{o.recipient}</dd>
            <dt>{t("lists:verify.what")}</dt>
            <dd>{o.what}</dd>
            <dt>{t("lists:verify.decidedOn")}</dt>
            <dd>{formatDate(o.decidedOn)}</dd>
            {o.lines.map((l, i) => (
              <Fragment key={i}>
                <dt>{l.name}</dt>
                <dd>{t("lists:verify.amount", { amount: formatTenge(l.amountTenge) })}</dd>
              </Fragment>
            ))}
            <dt>{t("lists:verify.total")}</dt>
            <dd>{t("lists:verify.totalPaid", { amount: formatTenge(o.totalTenge), date: formatDate(o.paymentDate) })}</dd>
            <dt>{t("lists:verify.list")}</dt>
            <dd>
              {t("lists:verify.listBelongs", { recipients: o.list.recipients, amount: formatTenge(o.list.totalTenge) })}
              <br />
              <code>{o.list.linesSha256}</code>
            </dd>
            <dt>{t("deciding:verify.signer")}</dt>
            <dd>{o.signerName}</dd>
            <dt>{t("deciding:verify.signedAt")}</dt>
            <dd>{formatKzDateTime(o.signedAt)}</dd>
            <dt>{t("deciding:verify.certificate")}</dt>
            <dd>
              <code>{o.serial}</code>
            </dd>
          </dl>
        </>
      ) : (
        <p className="lead">{o.reason === "not_found" ? t("lists:verify.notFound") : o.reason === "tampered" ? t("lists:verify.tampered") : t(`deciding:verify.reasons.${o.reason}`)}</p>
      )}
    </section>
  );
}
