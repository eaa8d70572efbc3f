import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { Choices, CsrfInput, ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { formatKzDateTime } from "~/components/dates";
import { answerCabinetOffer, cabinetOffer } from "~/sms.server";
import { badRequest, readForm } from "~/forms.server";
import { offerAnswerFields, offerAnswerForm } from "~/schemas/cabinet";
import { formFields, parseForm } from "~/schemas/form";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "smsui:offer.title" };

/** The proactive offer in the cabinet, for phones that cannot send SMS: the same dialogue, the same pipeline. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const offer = await cabinetOffer(user.iin);
  // A fresh id per form shown: the same form submitted twice is one answer.
  return { offer, formId: randomUUID() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCitizen(request);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(offerAnswerForm, offerAnswerFields(formFields(form)));
  // The hidden form id is missing or altered: not something the citizen can correct on the page.
  if (!parsed.ok && parsed.errors.formId) throw badRequest("Форма устарела. Обновите страницу и ответьте снова.", "Форма ескірген. Бетті жаңартып, қайта жауап беріңіз.");
  if (!parsed.ok) return data<{ errors: FieldErrors }>({ errors: parsed.errors }, 400);
  const { formId } = parsed.data;
  const text = parsed.data.intent === "choice" ? parsed.data.quick : parsed.data.answer;
  const outcome = await answerCabinetOffer(user.iin, text, formId);
  if (!outcome) throw new Response(null, { status: 404 });
  return redirect("/cabinet/offer");
}


export default function CabinetOffer() {
  const { offer, formId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const { t } = useTranslation(["smsui", "ui"]);
  if (!offer) {
    return (
      <>
        <h1>{t("offer.title")}</h1>
        <p>{t("offer.none")}</p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t("offer.title")}</h1>
      <p className="lead">{t("offer.lead")}</p>
      <p>
        <span className="tag" data-stage={offer.stage}>
          {t(`offer.stage.${offer.stage}`)}
        </span>
      </p>
      {offer.open ? <p>{t("offer.expires", { date: formatKzDateTime(offer.expiresAt) })}</p> : null}

      <section aria-labelledby="offer-messages">
        <h2 id="offer-messages">{t("offer.conversation")}</h2>
        <ol style={{ listStyle: "none", padding: 0, maxWidth: "36rem" }}>
          {offer.messages.map((m) => (
            <li key={m.id} data-direction={m.direction} style={{ margin: "0.5rem 0", paddingLeft: "0.75rem", borderLeft: `4px solid ${m.direction === "out" ? "#00657f" : "#b1b4b6"}` }}>
              <p className="muted" style={{ margin: 0, fontSize: "0.875rem" }}>
                {m.direction === "out" ? t("offer.komek") : t("offer.you")} · {formatKzDateTime(m.at)}
              </p>
              <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{m.body}</p>
            </li>
          ))}
        </ol>
      </section>

      {offer.open ? (
        <>
          {offer.choices.length ? (
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="formId" value={formId} />
              <input type="hidden" name="intent" value="choice" />
              <Choices
                name="quick"
                legend={t("ui:offer.choose")}
                hint={t("ui:offer.chooseHint", { numbers: offer.choices.map((c) => c.value).slice(0, 3).join(", ") + (offer.choices.length > 3 ? "…" : "") })}
                error={errors?.quick}
                options={offer.choices.map((c) => ({
                  value: c.value,
                  label: `${c.value} — ${c.kind === "organisation" ? c.name : t(`ui:offer.kind.${c.kind}`, { last4: c.last4 })}`,
                }))}
              />
              <button type="submit" className="button">
                {t("ui:offer.submit")}
              </button>
            </Form>
          ) : null}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="formId" value={formId} />
            {offer.choices.length ? <h2>{t("ui:offer.orText")}</h2> : null}
            <Field name="answer" label={t("offer.answer")} hint={t("offer.answerHint")} error={errors?.answer} maxLength={1600} autoComplete="off" />
            <button type="submit" className="button button-secondary">
              {t("offer.send")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("offer.closed")}</p>
      )}
    </>
  );
}
