import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepHeader } from "~/staff/StepHeader";
import { requireCaseAccess } from "~/staff/case.server";
import { addCorrection, computeIncome, incomeInputs, mayAct } from "~/staff/deciding.server";
import { formValues, invalid, respond, type StepActionData } from "~/staff/respond.server";
import { assertCsrf } from "~/csrf.server";
import { getDb } from "~/db.server";
import { getLanguage } from "~/i18n.server";
import { gatewayIn } from "~/gateway.server";
import { CsrfInput, Field, Choices, Select, TextArea } from "~/components/forms";
import { formatDate, formatKzDateTime, formatQuarter } from "~/components/dates";
import { perCapitaIncome, formatTiyn } from "~/domain/income";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "deciding:income.title" };


const CORRECTION_FIELDS = ["iin", "month", "kind", "amount", "reason"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  if (!(await mayAct({ user, application, now: new Date() }, "compute_income")).ok) throw redirect(`/staff/cases/${application.id}`);
  const lng = await getLanguage(request);
  const { db } = await getDb();
  const inputs = await incomeInputs(db, application);
  const gateway = gatewayIn(db);
  const people = await Promise.all(inputs.members.map((iin) => gateway.getPerson(iin)));
  const names = Object.fromEntries(
    inputs.members.map((iin, i) => {
      const p = people[i];
      return [iin, p ? (lng === "kk" ? `${p.lastNameKk} ${p.firstNameKk}` : `${p.lastNameRu} ${p.firstNameRu}`) : iin];
    }),
  );
  const preview = perCapitaIncome({ incomes: inputs.incomes, members: inputs.members, quarter: inputs.quarter, corrections: inputs.corrections });
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    quarter: inputs.quarter,
    members: inputs.members.map((iin) => ({ iin, name: names[iin] })),
    incomes: inputs.incomes.map((r) => ({ ...r, name: names[r.iin] })),
    corrections: inputs.correctionRows.map(({ correction: c, nameRu, nameKk }) => ({
      id: c.id,
      iin: c.iin,
      name: c.iin ? names[c.iin] : null,
      month: c.month,
      delta: c.delta,
      replaceWith: c.replaceWith,
      reason: c.reason,
      by: lng === "kk" ? nameKk : nameRu,
      at: c.createdAt.toISOString(),
    })),
    preview: preview.ok ? { totalTenge: preview.value.totalTenge, perCapitaTiyn: preview.value.perCapitaTiyn, members: preview.value.memberCount } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await requireCaseAccess(request, params.id, ["specialist"]);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const ctx = { user, application, now: new Date() };
  const v = formValues(form, ["intent", ...CORRECTION_FIELDS], 1000);
  if (v.intent === "compute") return respond(await computeIncome(ctx), application.id);
  if (v.intent !== "add_correction") return invalid({ form: "decision:transitionError.illegal_transition" });
  const errors: Record<string, string> = {};
  const amount = /^[-−]?\d{1,9}$/.test(v.amount.replace(/\s/g, "")) ? Number(v.amount.replace(/\s/g, "").replace("−", "-")) : NaN;
  if (!Number.isSafeInteger(amount)) errors.amount = "deciding:income.errors.amount";
  if (!v.reason) errors.reason = "decision:incomeError.correction_reason_required";
  const kind = v.kind === "replace" ? "replace" : "delta";
  if (Object.keys(errors).length) return invalid(errors, v);
  const outcome = await addCorrection(ctx, { iin: v.iin || null, month: v.month || null, kind, amount, reason: v.reason });
  if (!outcome.ok) return respond(outcome, application.id, v);
  return redirect(`/staff/cases/${application.id}/income`);
}

export default function IncomePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as StepActionData | undefined;
  const { t } = useTranslation(["deciding", "decision"]);
  const e = a?.errors ?? {};
  const v = a?.values ?? {};
  const month = (m: string) => formatDate(m).slice(3);
  return (
    <>
      <StepHeader caseId={d.id} registrationNumber={d.registrationNumber} errors={e} order={["form", ...CORRECTION_FIELDS]} title={t("deciding:income.title")} />
      <p>{t("decision:income.quarter", formatQuarter(d.quarter))}</p>

      <h2>{t("deciding:income.registry")}</h2>
      {d.incomes.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("deciding:income.member")}</th>
              <th scope="col">{t("deciding:income.month")}</th>
              <th scope="col">{t("deciding:income.source")}</th>
              <th scope="col" className="numeric">
                {t("deciding:income.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.incomes.map((r, i) => (
              <tr key={i}>
                <td>{r.name}</td>
                <td>{month(r.month)}</td>
                <td>{t(`decision:income.source.${r.source ?? "unspecified"}`)}</td>
                <td className="numeric">{formatTiyn(r.amount * 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("deciding:income.noIncomes")}</p>
      )}

      <h2>{t("deciding:income.corrections")}</h2>
      {d.corrections.length ? (
        <ul>
          {d.corrections.map((c) => (
            <li key={c.id}>
              {c.name ?? t("deciding:income.wholeFamily")}, {c.month ? month(c.month) : t("deciding:income.wholeQuarter")}:{" "}
              <strong>{c.replaceWith !== null ? `= ${formatTiyn(c.replaceWith * 100)}` : `${(c.delta ?? 0) > 0 ? "+" : ""}${formatTiyn((c.delta ?? 0) * 100)}`} ₸</strong>.{" "}
              {t("decision:income.correctionReason")}: {c.reason}{" "}
              <span className="muted">{t("deciding:income.correctionBy", { name: c.by, date: formatKzDateTime(c.at) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("deciding:income.noCorrections")}</p>
      )}

      <details open={Object.keys(e).some((k) => CORRECTION_FIELDS.includes(k))}>
        <summary>{t("deciding:income.addCorrection")}</summary>
        <Form method="post" noValidate>
          <CsrfInput />
          <Select
            name="iin"
            label={t("deciding:income.member")}
            error={e.iin}
            defaultValue={v.iin}
            options={[{ value: "", label: t("deciding:income.wholeFamily") }, ...d.members.map((m) => ({ value: m.iin, label: m.name }))]}
          />
          <Select
            name="month"
            label={t("deciding:income.month")}
            error={e.month}
            defaultValue={v.month}
            options={[{ value: "", label: t("deciding:income.wholeQuarter") }, ...d.quarter.months.map((m) => ({ value: m, label: month(m) }))]}
          />
          <Choices
            name="kind"
            legend={t("deciding:income.kind")}
            checked={[v.kind || "delta"]}
            options={[
              { value: "delta", label: t("deciding:income.kindDelta") },
              { value: "replace", label: t("deciding:income.kindReplace") },
            ]}
          />
          <Field name="amount" label={t("deciding:income.correctionAmount")} hint={t("deciding:income.correctionAmountHint")} error={e.amount} defaultValue={v.amount} inputMode="text" />
          <TextArea name="reason" label={t("deciding:income.reason")} hint={t("deciding:income.reasonHint")} error={e.reason} defaultValue={v.reason} rows={2} />
          <input type="hidden" name="intent" value="add_correction" />
          <button type="submit" className="button button-secondary">
            {t("deciding:income.saveCorrection")}
          </button>
        </Form>
      </details>

      <h2>{t("decision:income.title")}</h2>
      {d.preview ? (
        <p>
          {t("decision:income.formula", { total: formatTiyn(d.preview.totalTenge * 100), members: d.preview.members, perCapita: formatTiyn(d.preview.perCapitaTiyn) })}
        </p>
      ) : null}
      <p className="muted">{t("decision:income.rounding")}</p>
      <Form method="post" id="form">
        <CsrfInput />
        <button type="submit" name="intent" value="compute" className="button">
          {t("deciding:income.compute")}
        </button>
      </Form>
    </>
  );
}
