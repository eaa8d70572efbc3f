import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { assertCsrf } from "~/csrf.server";
import { getLanguage } from "~/i18n.server";
import { readForm } from "~/forms.server";
import { parseForm } from "~/schemas/form";
import { CsrfInput, ErrorSummary, Field, Select } from "~/components/forms";
import { formatDate } from "~/components/dates";
import { generateForm, type ListsActionData } from "~/lists/forms";
import { generateChoices, listErrorKey, listsOfDistrict, rulesForStaff, startGeneration } from "~/lists/pages.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "lists:title" };

/** District office staff who generate and review lists; the head also approves them. */
const LIST_ROLES = ["specialist", "head"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, [...LIST_ROLES, "commission"]);
  if (!user.office.katoPrefix) throw new Response("Not found", { status: 404 });
  const lng = await getLanguage(request);
  const { day, rules } = await rulesForStaff(user);
  return {
    day,
    act: rules ? (lng === "kk" ? rules.act.titleKk : rules.act.titleRu) : null,
    choices: rules ? generateChoices(rules, lng) : [],
    mayGenerate: (LIST_ROLES as readonly string[]).includes(user.staff.role),
    lists: await listsOfDistrict(user),
    year: Number(day.slice(0, 4)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, LIST_ROLES);
  if (!user.office.katoPrefix) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  await assertCsrf(request, form);
  const parsed = parseForm(generateForm, form);
  if (!parsed.ok) return data<ListsActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const { rules } = await rulesForStaff(user);
  if (!rules) return data<ListsActionData>({ errors: { what: "lists:errors.noAct" }, values: parsed.values }, 409);
  const [kind, subject] = parsed.data.what.split(":") as ["holiday" | "needs", string];
  try {
    const id = await startGeneration(user, rules, { kind, subject, year: parsed.data.year, half: parsed.data.half === "2" ? 2 : 1 });
    return redirect(`/staff/lists/${id}`);
  } catch (error) {
    const key = listErrorKey(error);
    if (key) return data<ListsActionData>({ errors: { what: key }, values: parsed.values }, 400);
    throw error;
  }
}

export default function ListsPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ListsActionData | undefined;
  const { t } = useTranslation(["lists", "common"]);
  const errors = a?.errors ?? {};
  const subjectName = (kind: string, subject: string) => {
    const c = d.choices.find((x) => x.value === `${kind}:${subject}`);
    return c ? (c.kind === "holiday" ? t("lists:generate.holiday", { date: c.date, name: c.name }) : t("lists:generate.needs", { code: c.code, name: c.name })) : kind === "holiday" ? subject.split("-").reverse().join(".") : subject;
  };
  return (
    <>
      <h1>{t("lists:title")}</h1>
      <p>{t("lists:intro")}</p>
      {d.act ? (
        <p>{t("lists:act", { title: d.act })}</p>
      ) : (
        <div className="notice" role="status" data-testid="no-act">
          <p>{t("lists:noAct", { day: formatDate(d.day) })}</p>
        </div>
      )}
      <ErrorSummary errors={errors} order={["what", "year", "half"]} />
      {d.act && d.mayGenerate ? (
        <section aria-labelledby="generate-heading">
          <h2 id="generate-heading">{t("lists:generate.heading")}</h2>
          <Form method="post">
            <CsrfInput />
            <Select
              name="what"
              label={t("lists:generate.what")}
              error={errors.what}
              defaultValue={a?.values?.what}
              options={d.choices.map((c) => ({
                value: c.value,
                label: c.kind === "holiday" ? t("lists:generate.holiday", { date: c.date, name: c.name }) : t("lists:generate.needs", { code: c.code, name: c.name }),
              }))}
            />
            <Field name="year" label={t("lists:generate.year")} error={errors.year} inputMode="numeric" maxLength={4} defaultValue={a?.values?.year ?? String(d.year)} />
            <Select
              name="half"
              label={t("lists:generate.half")}
              defaultValue={a?.values?.half ?? "1"}
              options={[
                { value: "1", label: t("lists:generate.half1") },
                { value: "2", label: t("lists:generate.half2") },
              ]}
            />
            <button type="submit" className="button">
              {t("lists:generate.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t("lists:title")}</h2>
        {d.lists.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lists:table.list")}</th>
                <th scope="col">{t("lists:table.period")}</th>
                <th scope="col">{t("lists:table.status")}</th>
                <th scope="col">{t("lists:table.entries")}</th>
              </tr>
            </thead>
            <tbody>
              {d.lists.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/staff/lists/${l.id}`}>
                      № {l.id}: {subjectName(l.kind, l.subject)}
                    </Link>
                  </td>
                  <td>{l.period}</td>
                  <td>{t(`lists:status.${l.status}`)}</td>
                  <td>{l.entries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("lists:table.none")}</p>
        )}
      </section>
    </>
  );
}
