import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { readForm } from "~/forms.server";
import { formFields, parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, Field, Select } from "~/components/forms";
import { addForm, excludeForm, type ListsActionData } from "~/lists/forms";
import { addByIin, exclude, generateChoices, listErrorKey, listPage, requireList, reviewed, rulesOfList } from "~/lists/pages.server";
import { categoriesOfList } from "~/lists/rules";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (t, d) => `${t("lists:review.heading")} № ${(d as { id?: number } | undefined)?.id ?? ""}` };

/** While the list is being generated the page refreshes itself every two seconds (no JavaScript needed). */
export const meta: MetaFunction<typeof loader> = ({ data: d }) => (d && !d.finished ? [{ httpEquiv: "refresh", content: "2" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ["specialist", "head", "commission"]);
  const list = await requireList(user, params.id);
  const lng = await getLanguage(request);
  const rules = await rulesOfList(list);
  const pick = (x: { nameRu: string; nameKk: string }) => (lng === "kk" ? x.nameKk : x.nameRu);
  const categories = rules ? categoriesOfList(rules, list.kind, list.subject).map((c) => ({ code: c.code, name: pick(c) })) : [];
  const choice = rules ? generateChoices(rules, lng).find((c) => c.value === `${list.kind}:${list.subject}`) : undefined;
  return {
    id: list.id,
    name: choice?.name ?? list.subject,
    period: list.period,
    status: list.status,
    finished: !!list.generationFinishedAt,
    error: list.generationError,
    progress: list.progress,
    categories,
    role: user.staff.role,
    editable: list.status !== "approved" && user.staff.role !== "commission",
    approvedNow: list.status === "approved" ? (new URL(request.url).searchParams.get("approved") ?? "").match(/^\d{1,9}$/)?.[0] ?? null : null,
    ...(await listPage(user, list, lng)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, ["specialist", "head"]);
  const list = await requireList(user, params.id);
  const form = await readForm(request);
  await assertCsrf(request, form);
  const fields = formFields(form);
  const intent = fields.intent ?? "";
  try {
    if (intent === "add") {
      const parsed = parseForm(addForm, form);
      if (!parsed.ok) return data<ListsActionData>({ errors: parsed.errors, values: parsed.values }, 400);
      const rules = await rulesOfList(list);
      if (!rules) return data<ListsActionData>({ errors: { iin: "lists:errors.noAct" }, values: parsed.values }, 409);
      await addByIin(user, list, rules, parsed.data);
      return data<ListsActionData>({ done: "lists:review.added" });
    }
    if (intent === "exclude") {
      const parsed = parseForm(excludeForm, form);
      if (!parsed.ok) return data<ListsActionData>({ errors: { [`reason-${(fields.entry ?? "").slice(0, 40)}`]: parsed.errors.reason ?? parsed.errors.entry ?? "lists:errors.entry" } }, 400);
      await exclude(user, list, parsed.data);
      return data<ListsActionData>({ done: "lists:review.excludedDone" });
    }
    if (intent === "reviewed") {
      await reviewed(user, list);
      return data<ListsActionData>({ done: "lists:review.reviewedDone" });
    }
  } catch (error) {
    const key = listErrorKey(error);
    if (key) return data<ListsActionData>({ errors: { [intent === "add" ? "iin" : "form"]: key }, values: intent === "add" ? Object.fromEntries(["iin", "category", "reason"].map((n) => [n, (fields[n] ?? "").slice(0, 100)])) : undefined }, 400);
    throw error;
  }
  return data<ListsActionData>({ errors: { form: "lists:errors.notFound" } }, 400);
}

export default function ListPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ListsActionData | undefined;
  const { t } = useTranslation(["lists", "common"]);
  const errors = a?.errors ?? {};
  const done = d.progress.filter((p) => p.done).length;
  const added = d.progress.reduce((s, p) => s + p.added, 0);
  return (
    <>
      <p>
        <Link to="/staff/lists">{t("lists:review.back")}</Link>
      </p>
      <h1>
        {t("lists:review.heading")} № {d.id}: {d.name}, {d.period}
      </h1>
      <p>
        {t("lists:table.status")}: <span className="tag" data-testid="list-status">{t(`lists:status.${d.status}`)}</span>
      </p>
      <ErrorSummary errors={errors} order={["form", "iin", "category", "reason"]} />
      {a?.done ? <p role="status">{t(a.done)}</p> : null}
      {d.approvedNow ? <p role="status">{t("lists:approve.done", { decisions: d.approvedNow })}</p> : null}

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("lists:progress.heading")}</h2>
        <progress max={d.progress.length || 1} value={done} aria-labelledby="progress-heading">
          {done}/{d.progress.length}
        </progress>
        {d.error ? (
          <p role="alert">{t("lists:progress.failed", { error: d.error })}</p>
        ) : d.finished ? (
          <p role="status" data-testid="progress-result">
            {t("lists:progress.finished", { total: d.progress.length, added })} {added === 0 ? t("lists:progress.nothingNew") : null}
          </p>
        ) : (
          <p role="status">
            {t("lists:progress.running", { done, total: d.progress.length })} <Link to=".">{t("lists:progress.refresh")}</Link>
          </p>
        )}
        <ul>
          {d.progress.map((p) => (
            <li key={p.code}>{t("lists:progress.category", { code: p.code, total: p.total, added: p.added })}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("lists:review.total", { recipients: d.recipients, total: d.total })}</h2>
        {d.shown < d.all ? <p>{t("lists:review.shown", { shown: d.shown, total: d.all })}</p> : null}
        <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("lists:review.iin")}</th>
                <th scope="col">{t("lists:review.name")}</th>
                <th scope="col">{t("lists:review.category")}</th>
                <th scope="col">{t("lists:review.amount")}</th>
                <th scope="col">{t("lists:review.facts")}</th>
                {d.editable ? <th scope="col">{t("lists:review.exclude")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.id} data-iin={e.iin}>
                  <td data-label={t("lists:review.iin")}>{e.iin}</td>
                  <td data-label={t("lists:review.name")}>{e.excluded_reason ? <s>{e.name}</s> : e.name}</td>
                  <td data-label={t("lists:review.category")}>{e.category_code}</td>
                  <td data-label={t("lists:review.amount")}>{e.amount}</td>
                  <td data-label={t("lists:review.facts")}>
                    {e.source_facts.map((f) => (f.value ? `${f.kind}: ${f.value}` : f.kind)).join(", ")}
                    {e.added_reason ? <div>{t("lists:review.manual", { reason: e.added_reason })}</div> : null}
                    {e.excluded_reason ? <div>{t("lists:review.excluded", { reason: e.excluded_reason })}</div> : null}
                  </td>
                  {d.editable ? (
                    <td data-label={t("lists:review.exclude")}>
                      {e.excluded_reason ? null : (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="exclude" />
                          <input type="hidden" name="entry" value={e.id} />
                          <label htmlFor={`reason-${e.id}`} className="visually-hidden">
                            {t("lists:review.excludeReason")} {e.iin}
                          </label>
                          <input id={`reason-${e.id}`} name="reason" maxLength={500} placeholder={t("lists:review.excludeReason")} aria-invalid={errors[`reason-${e.id}`] ? true : undefined} />
                          <button type="submit">{t("lists:review.exclude")}</button>
                        </Form>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
        </table>
      </section>

      {d.editable && d.categories.length ? (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">{t("lists:review.add")}</h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="add" />
            <Field name="iin" label={t("lists:review.iin")} error={errors.iin} inputMode="numeric" maxLength={12} defaultValue={a?.values?.iin} />
            <Select name="category" label={t("lists:review.category")} error={errors.category} defaultValue={a?.values?.category} options={d.categories.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))} />
            <Field name="reason" label={t("lists:review.addReason")} error={errors.reason} maxLength={500} defaultValue={a?.values?.reason} />
            <button type="submit">{t("lists:review.addSubmit")}</button>
          </Form>
        </section>
      ) : null}

      {d.editable && d.finished && d.status === "generated" ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="reviewed" />
          <button type="submit" className="button">
            {t("lists:review.markReviewed")}
          </button>
        </Form>
      ) : null}
      {d.status === "reviewed" && d.mayApprove ? (
        <p>
          <Link to={`/staff/lists/${d.id}/approve`} className="button">
            {t("lists:review.approve")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
