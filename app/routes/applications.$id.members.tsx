import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, updateDraft, personName } from "~/application/draft.server";
import { checkNewMember, currentMembers, familyOnScreen } from "~/application/members.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { ConfirmCheckbox, CsrfInput, ErrorSummary, Field, Select, errorKey, type FieldErrors } from "~/components/forms";
import { MAX_MEMBERS, RELATIONS, STEPS, changeMembers, stepDone } from "~/domain/application-draft";
import { membersFields, membersForm } from "~/application/forms";
import { formFields, parseForm } from "~/schemas/form";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.members" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const { members, people } = await familyOnScreen(gateway, own, "members");
  return {
    id: own.application.id,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    members: members.map((m) => ({ iin: m.iin, relation: m.relation, name: people.has(m.iin) ? personName(people.get(m.iin)!, lng) : null })),
    confirmed: own.draft.membersConfirmed === true,
  };
}

type ActionData = { errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const gateway = await getGateway();
  const members = await currentMembers(gateway, own.user.iin, own.draft);
  const parsed = parseForm(membersForm, membersFields(formFields(form)), 20);
  const values = { iin: parsed.values.iin ?? "", relation: parsed.values.relation ?? "" };
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, 400);
  const input = parsed.data;

  if (input.intent === "remove") {
    await updateDraft(own, (d) => changeMembers(d, members.filter((m) => m.iin !== input.iin)));
    return redirect(`/applications/${own.application.id}/members`);
  }

  if (input.intent === "add") {
    const { iin, relation } = input;
    const fail = (field: string, key: string, status = 400) => data<ActionData>({ errors: { [field]: key }, values }, status);
    if (iin === own.user.iin) return fail("iin", "apply:errors.memberIsApplicant");
    if (members.some((m) => m.iin === iin)) return fail("iin", "apply:errors.memberDuplicate");
    if (members.length >= MAX_MEMBERS) return fail("iin", errorKey("apply:errors.tooManyMembers", { max: MAX_MEMBERS + 1 }));
    const check = await checkNewMember(gateway, own.user.iin, iin);
    if (!check.ok && check.error === "throttled") return fail("iin", errorKey("apply:errors.memberAddThrottled", { minutes: check.retryAfterMinutes }), 429);
    if (!check.ok) return fail("iin", "apply:errors.memberNotInHousehold");
    await updateDraft(own, (d) => changeMembers(d, [...members, { iin, relation }]));
    return redirect(`/applications/${own.application.id}/members`);
  }

  // Confirm the list as it stands (the schema required the box to be ticked).
  await updateDraft(own, (d) => ({ ...d, members, membersConfirmed: true }));
  return redirect(`/applications/${own.application.id}/incomes`);
}

export default function MembersStep() {
  const { id, done, members, confirmed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation(["apply", "ui"]);
  const errors = actionData?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={["iin", "relation", "confirm"]} />
      <ApplicationSteps applicationId={id} current="members" done={done} />
      <StepHeading step="members" />
      <p>{t("members.intro")}</p>
      {members.length ? (
        <table className="stack-on-phone">
          <caption className="visually-hidden">{t("members.listCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.iin")}</th>
              <th scope="col">{t("members.relation")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("members.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.iin}>
                <td className="row-title">{m.name ?? "—"}</td>
                <td data-label={t("members.iin")}>{m.iin}</td>
                <td data-label={t("members.relation")}>{t(`members.relations.${m.relation}`)}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="iin" value={m.iin} />
                    <button type="submit" className="button button-secondary" aria-label={t("members.removeLabel", { name: m.name ?? m.iin })}>
                      {t("members.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("members.none")}</p>
      )}

      <h2>{t("members.addHeading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <Field name="iin" label={t("members.addIin")} error={errors?.iin} defaultValue={actionData?.values?.iin} inputMode="numeric" maxLength={20} spellCheck={false} />
        <Select
          name="relation"
          label={t("members.addRelation")}
          error={errors?.relation}
          defaultValue={actionData?.values?.relation ?? ""}
          options={[{ value: "", label: t("ui:members.choose") }, ...RELATIONS.map((r) => ({ value: r, label: t(`members.relations.${r}`) }))]}
        />
        <button type="submit" className="button button-secondary">
          {t("members.add")}
        </button>
      </Form>

      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="confirm" />
        <ConfirmCheckbox name="confirm" label={t("members.confirm")} error={errors?.confirm} defaultChecked={confirmed} />
        <button type="submit" className="button">
          {t("saveAndContinue")}
        </button>
      </Form>
    </>
  );
}
