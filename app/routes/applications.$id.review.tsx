import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, personName } from "~/application/draft.server";
import { familyOnScreen } from "~/application/members.server";
import { signedText, submitApplication } from "~/application/submit.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { signedForm } from "~/application/forms";
import { parseForm } from "~/schemas/form";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { CsrfInput, ErrorSummary, type FieldErrors } from "~/components/forms";
import { SignForm, useSignErrors } from "~/signature/SignForm";
import { STEPS, missingBefore, stepDone, type SubmissionPayload } from "~/domain/application-draft";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.review" };
import { readForm } from "~/forms.server";

/** Signed submissions are small; anything bigger is not ours. */
/** The signed text and its JWS; anything longer than 64 KiB is not a signature of this form. */
const reviewForm = signedForm(64 * 1024, "auth:errors.signatureRequired");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const members = [{ iin: own.user.iin, relation: "applicant" }, ...(own.draft.members ?? [])];
  // Names only of the registry household; a member outside it shows as an IIN and fails at submission.
  const { people } = await familyOnScreen(gateway, own, "review");
  const banks = await gateway.listBanks();
  const bank = banks.find((b) => b.code === own.draft.payment?.bankCode);
  return {
    id: own.application.id,
    iin: own.user.iin,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    missing: missingBefore("review", own.draft),
    members: members.map((m) => ({ ...m, name: people.has(m.iin) ? personName(people.get(m.iin)!, lng) : m.iin })),
    payment: own.draft.payment ? { last4: own.draft.payment.iban.slice(-4), bank: bank ? (lng === "kk" ? bank.nameKk : bank.nameRu) : "" } : null,
    payload: signedText(own.application, own.draft),
  };
}

type ActionData = { errors: FieldErrors; signatureError?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(reviewForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: { "sign-keyfile": "auth:errors.signatureRequired" } }, 400);
  const { payload, signature } = parsed.data;
  const outcome = await submitApplication({ application: own.application, draft: own.draft, postedPayload: payload, jws: signature, language: await getLanguage(request) });
  switch (outcome.kind) {
    case "registered":
    case "rejected":
      return redirect(`/applications/${own.application.id}`);
    case "incomplete":
      return data<ActionData>({ errors: { form: "apply:errors.incomplete" } }, 400);
    case "payload_mismatch":
      return data<ActionData>({ errors: { "sign-keyfile": "apply:errors.payloadMismatch" } }, 400);
    case "signature":
      return data<ActionData>({ errors: {}, signatureError: `auth:errors.reasons.${outcome.reason}` }, 400);
  }
}

/** What is signed, in words; the exact bytes stay one click away for those who want them. */
function SignedSummary({ payload, names }: { payload: string; names: Record<string, string> }) {
  const { t } = useTranslation(["apply", "ui"]);
  const p = JSON.parse(payload) as SubmissionPayload;
  const yesNo = (v: boolean) => t(v ? "ui:signed.yes" : "ui:signed.no");
  return (
    <div className="signed-summary">
      <p>{t("ui:signed.intro")}</p>
      <dl className="summary">
        <dt>{t("ui:signed.applicant")}</dt>
        <dd>{p.applicantIin}</dd>
        <dt>{t("ui:signed.members")}</dt>
        <dd>
          <ul>
            {p.members.map((m) => (
              <li key={m.iin}>
                {names[m.iin] ?? m.iin} ({m.iin}) — {t(`members.relations.${m.relation}`)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("ui:signed.incomes")}</dt>
        <dd>{yesNo(p.incomesConfirmed)}</dd>
        <dt>{t("ui:signed.iban")}</dt>
        <dd>{p.payment.iban ?? t("ui:signed.onFile")}</dd>
        <dt>{t("ui:signed.consent")}</dt>
        <dd>{yesNo(p.documentsConsent)}</dd>
      </dl>
      <details>
        <summary>{t("ui:signed.exact")}</summary>
        <p className="hint">{t("ui:signed.exactHint")}</p>
        <pre className="signed-data">{payload}</pre>
      </details>
    </div>
  );
}

export default function ReviewStep() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("apply");
  const signatureError = actionData?.signatureError;
  const sign = useSignErrors({ ...actionData?.errors, ...(signatureError ? { "sign-keyfile": signatureError } : {}) });
  return (
    <>
      <ErrorSummary errors={sign.errors} />
      <ApplicationSteps applicationId={d.id} current="review" done={d.done} />
      <StepHeading step="review" />
      {d.missing.length ? (
        <div className="notice">
          <p>{t("review.missing", { steps: d.missing.map((s) => t(`steps.${s}`)).join(", ") })}</p>
          <ul>
            {d.missing.map((s) => (
              <li key={s}>
                <Link to={`/applications/${d.id}/${s}`}>{t(`steps.${s}`)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>{t("review.intro")}</p>
          <dl className="summary">
            <dt>{t("review.members")}</dt>
            <dd>
              <ul>
                {d.members.map((m) => (
                  <li key={m.iin}>
                    {m.name} — {t(`members.relations.${m.relation}`)}
                  </li>
                ))}
              </ul>
              <Link to={`/applications/${d.id}/members`}>
                {t("review.change")}
                <span className="visually-hidden"> {t("review.members")}</span>
              </Link>
            </dd>
            <dt>{t("review.incomes")}</dt>
            <dd>{t("review.confirmed")}</dd>
            <dt>{t("review.payment")}</dt>
            <dd>
              {d.payment ? `${d.payment.bank} •••• ${d.payment.last4}` : "—"}{" "}
              <Link to={`/applications/${d.id}/payment`}>
                {t("review.change")}
                <span className="visually-hidden"> {t("review.payment")}</span>
              </Link>
            </dd>
            <dt>{t("review.consent")}</dt>
            <dd>{t("review.yes")}</dd>
          </dl>
          <h2>{t("review.signHeading")}</h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="payload" value={d.payload} />
            <details>
              <summary>{t("review.signedDataLabel")}</summary>
              <SignedSummary payload={d.payload} names={Object.fromEntries(d.members.map((m) => [m.iin, m.name]))} />
            </details>
            <SignForm expectedIin={d.iin} serverError={signatureError ?? actionData?.errors?.["sign-keyfile"]} onErrorChange={sign.onErrorChange} result={actionData} />
          </Form>
        </>
      )}
    </>
  );
}
