import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCsrf } from "~/csrf.server";
import { CsrfInput, ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { formatKzDateTime } from "~/components/dates";
import { devConversation, devReply, requireLocalTransport } from "~/sms.server";
import { readForm } from "~/forms.server";
import { devReplyForm } from "~/schemas/dev";
import { parseForm } from "~/schemas/form";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (_t, d) => (d as { phone?: string } | undefined)?.phone ?? "SMS" };

/** The phone number in the path is written without "+": /dev/sms/77015550102. */
function phoneOf(param: string | undefined) {
  const digits = param ?? "";
  if (!/^[1-9]\d{6,14}$/.test(digits)) throw new Response(null, { status: 404 });
  return `+${digits}`;
}

export async function loader({ params }: LoaderFunctionArgs) {
  requireLocalTransport();
  const phone = phoneOf(params.phone);
  const messages = await devConversation(phone);
  return {
    phone,
    messages: messages.map((m) => ({ id: m.id, direction: m.direction, body: m.body, status: m.status, at: m.createdAt.toISOString() })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireLocalTransport();
  const phone = phoneOf(params.phone);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(devReplyForm, form);
  if (!parsed.ok) return data<{ errors: FieldErrors }>({ errors: parsed.errors }, 400);
  await devReply(request, phone, parsed.data.reply);
  return redirect(`/dev/sms/${phone.slice(1)}`);
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export default function DevSmsConversation() {
  const { phone, messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const { t } = useTranslation("smsui");
  return (
    <article>
      <p>
        <Link to="/dev/sms">{t("dev.back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t("dev.conversationTitle", { phone })}</h1>
      <ol className="sms-thread" aria-label={t("dev.conversationTitle", { phone })} style={{ listStyle: "none", padding: 0, maxWidth: "32rem" }}>
        {messages.map((m) => (
          <li
            key={m.id}
            data-direction={m.direction}
            style={{
              margin: "0.5rem 0",
              padding: "0.5rem 0.75rem",
              borderRadius: "0.75rem",
              background: m.direction === "out" ? "#eef7f9" : "#f3f2f1",
              marginLeft: m.direction === "in" ? "3rem" : 0,
              marginRight: m.direction === "out" ? "3rem" : 0,
            }}
          >
            <p className="muted" style={{ margin: 0, fontSize: "0.875rem" }}>
              {m.direction === "out" ? t("dev.fromKomek") : t("dev.fromPhone")} · {formatKzDateTime(m.at)} · {t(`dev.status.${m.status}`)}
            </p>
            <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{m.body}</p>
          </li>
        ))}
      </ol>
      <Form method="post" noValidate>
        <CsrfInput />
        <Field name="reply" label={t("dev.reply")} hint={t("dev.replyHint")} error={errors?.reply} maxLength={1600} autoComplete="off" />
        <button type="submit" className="button">
          {t("dev.send")}
        </button>
      </Form>
    </article>
  );
}
