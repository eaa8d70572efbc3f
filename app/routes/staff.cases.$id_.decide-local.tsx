import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { mayAct } from "~/staff/deciding.server";
import { draftLocalDecision, localDecisionForm } from "~/services/local/deciding.server";
import { invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { readForm } from "~/forms.server";
import { parseForm, formFields } from "~/schemas/form";
import { localDecisionSchema } from "~/schemas/local-decision";
import { Choices, CsrfInput } from "~/components/forms";
import { formatTiyn } from "~/domain/income";
import type { TitleHandle } from "~/components/PageTitle";

/** The decision on a local-assistance case (seed 003 clauses 9 and 12; ADR 022). */
export const handle: TitleHandle = { title: "local:decide.title" };

const FIELDS = ["form", "kind", "grounds"];
const monthOf = (ym: string) => `${ym.slice(5, 7)}.${ym.slice(0, 4)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const now = new Date();
  if (!(await mayAct({ user, application, now }, "draft_decision")).ok) throw redirect(`/staff/cases/${application.id}`);
  const form = await localDecisionForm(application, now);
  if (!form) throw new Response("Not found", { status: 404 });
  const lng = await getLanguage(request);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    category: `${form.local.category.code}. ${form.local.category.name[lng]}`,
    act: form.local.rs.act.decision.number,
    assignment: form.assignment ? { amount: formatTiyn(form.assignment.amountTiyn), from: monthOf(form.assignment.period.from), to: monthOf(form.assignment.period.to) } : null,
    assignmentErrors: form.assignmentErrors,
    earlier: form.facts.earlierOnThisGround,
    grounds: form.grounds.map((g) => ({ code: g.code, item: g.item, text: g.text[lng] })),
    proposed: form.proposed,
    defaultKind: form.defaultKind,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const fields = { ...formFields(form), grounds: form.getAll("grounds").map(String).join(",") };
  const parsed = parseForm(localDecisionSchema, fields, 400);
  if (!parsed.ok) return invalid(parsed.errors as Record<string, string>, parsed.values);
  const ctx = { user, application, now: new Date() };
  const input = parsed.data.kind === "assignment" ? { kind: "assignment" as const } : { kind: "refusal" as const, grounds: parsed.data.grounds };
  return respond(await draftLocalDecision(ctx, input), application.id, parsed.values);
}

export default function LocalDecisionPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["local", "deciding", "decision"]);
  const e = a?.errors ?? {};
  const v = a?.values ?? {};
  const kind = v.kind ?? d.defaultKind;
  const grounds = v.grounds !== undefined ? v.grounds.split(",").filter(Boolean) : d.proposed;
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={e} order={FIELDS} title={t("local:decide.title")} />
      <p className="lead">{t("local:decide.category", { category: d.category, act: d.act })}</p>
      {d.assignment ? (
        <p data-testid="assignment-preview">{t("local:decide.assignmentPreview", d.assignment)}</p>
      ) : (
        <ul data-testid="assignment-blocked">
          {d.assignmentErrors.map((code) => (
            <li key={code}>{t(`local:decide.errors.${code}`)}</li>
          ))}
        </ul>
      )}
      {d.proposed.length ? <p data-testid="proposed">{t("local:decide.proposed", { items: d.grounds.filter((g) => d.proposed.includes(g.code)).map((g) => g.item).join(", ") })}</p> : null}
      {d.earlier ? <p>{t("local:decide.earlier", { number: d.earlier })}</p> : null}
      <Form method="post" noValidate id="form">
        <CsrfInput />
        <Choices
          name="kind"
          legend={t("deciding:decide.kind")}
          error={e.kind}
          checked={[kind]}
          options={[
            { value: "assignment", label: t("local:decide.kind.assignment"), hint: d.assignment ? t("local:decide.assignmentPreview", d.assignment) : undefined },
            { value: "refusal", label: t("local:decide.kind.refusal") },
          ]}
        />
        <Choices
          name="grounds"
          type="checkbox"
          legend={t("local:decide.grounds")}
          hint={t("local:decide.groundsHint")}
          error={e.grounds}
          checked={grounds}
          options={d.grounds.map((g) => ({ value: g.code, label: t("local:decide.groundLabel", { item: g.item, text: g.text }) }))}
        />
        <button type="submit" className="button">
          {t("deciding:decide.submit")}
        </button>
      </Form>
    </>
  );
}
