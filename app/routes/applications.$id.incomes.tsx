import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, updateDraft, personName } from "~/application/draft.server";
import { familyOnScreen } from "~/application/members.server";
import { familyIncomes, povertyLineForFiling } from "~/application/incomes.server";
import { getGateway } from "~/gateway.server";
import { getDb } from "~/db.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { incomesForm } from "~/application/forms";
import { parseForm } from "~/schemas/form";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { ConfirmCheckbox, CsrfInput, ErrorSummary, type FieldErrors } from "~/components/forms";
import { STEPS, stepDone } from "~/domain/application-draft";
import { formatTiyn } from "~/domain/income";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.incomes" };

const monthLabel = (m: string) => `${m.slice(5, 7)}.${m.slice(0, 4)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const family = await familyOnScreen(gateway, own, "incomes");
  const members = [own.user.iin, ...family.members.map((m) => m.iin)];
  const people = family.people;
  const now = new Date();
  const { quarter, records, breakdown } = await familyIncomes(gateway, members, now);
  const year = Number(quarter.to.slice(0, 4));
  const { db } = await getDb();
  const povertyLine = await povertyLineForFiling(db, gateway, own.user.iin, now);
  const rows = new Map<string, { iin: string; source: string; months: Record<string, number> }>();
  for (const r of records) {
    const key = `${r.iin}:${r.source}`;
    if (!rows.has(key)) rows.set(key, { iin: r.iin, source: r.source ?? "other", months: {} });
    rows.get(key)!.months[r.month] = (rows.get(key)!.months[r.month] ?? 0) + r.amount;
  }
  return {
    id: own.application.id,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    months: quarter.months,
    from: monthLabel(quarter.from),
    to: monthLabel(quarter.to),
    rows: [...rows.values()].map((r) => ({ ...r, name: people.has(r.iin) ? personName(people.get(r.iin)!, lng) : r.iin })),
    total: breakdown.totalTenge,
    members: members.length,
    perCapita: formatTiyn(breakdown.perCapitaTiyn),
    povertyLine,
    quarterYear: year,
    confirmed: own.draft.incomesConfirmed === true,
  };
}

type ActionData = { errors: FieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(incomesForm, form);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors }, 400);
  await updateDraft(own, (d) => ({ ...d, incomesConfirmed: true }));
  return redirect(`/applications/${own.application.id}/payment`);
}

const tenge = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

export default function IncomesStep() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("apply");
  const errors = actionData?.errors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <ApplicationSteps applicationId={d.id} current="incomes" done={d.done} />
      <StepHeading step="incomes" />
      <p>{t("incomes.intro", { from: d.from, to: d.to })}</p>
      {d.rows.length ? (
        <table className="stack-on-phone">
          <caption>{t("incomes.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("incomes.member")}</th>
              <th scope="col">{t("incomes.source")}</th>
              {d.months.map((m) => (
                <th scope="col" key={m} className="num">
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={`${r.iin}:${r.source}`}>
                <th scope="row">{r.name}</th>
                <td data-label={t("incomes.source")}>{t(`incomes.sources.${r.source}`)}</td>
                {d.months.map((m) => (
                  <td key={m} className="num" data-label={monthLabel(m)}>
                    {tenge(r.months[m] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("incomes.none")}</p>
      )}
      <p>
        <strong>{t("incomes.perCapita", { amount: d.perCapita })}</strong>
        <br />
        {t("incomes.perCapitaHow", { total: tenge(d.total), members: d.members })}
      </p>
      {d.povertyLine ? <p>{t("incomes.povertyLine", { year: d.povertyLine.year, amount: tenge(d.povertyLine.amount) })}</p> : null}
      <p className="notice">{t("incomes.wrong")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <ConfirmCheckbox name="confirm" label={t("incomes.confirm")} error={errors?.confirm} defaultChecked={d.confirmed} />
        <button type="submit" className="button">
          {t("saveAndContinue")}
        </button>
      </Form>
    </>
  );
}
