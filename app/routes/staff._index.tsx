import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDistrictOffice, requireStaff } from "~/session.server";
import { getLanguage } from "~/i18n.server";
import { journal } from "~/staff/journal.server";
import { CHANNELS, JOURNAL_ROLES, JOURNAL_STATUSES } from "~/staff/journal";
import { ErrorSummary, Field, Select } from "~/components/forms";
import { formatDate } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";
import { officeLocalRules } from "~/services/local/page.server";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "staff:home.title" };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ["specialist", "commission", "head", "callcenter", "admin"]);
  const lng = await getLanguage(request);
  const base = {
    name: lng === "kk" ? user.staff.fullNameKk : user.staff.fullNameRu,
    role: user.staff.role,
    office: lng === "kk" ? user.office.nameKk : user.office.nameRu,
    // Local assistance (issue 14): the district's act in force today, or the same warning citizens see.
    localRules: isDistrictOffice(user) ? officeLocalRules(user.office.katoPrefix) : null,
  };
  if (!(JOURNAL_ROLES as readonly string[]).includes(user.staff.role) || !isDistrictOffice(user)) return { ...base, journal: null };
  return { ...base, journal: await journal(user, new URL(request.url), new Date()) };
}

export default function StaffHome() {
  const { name, role, office, journal: j, localRules } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "deciding", "decision", "apply", "local", "lists"]);
  return (
    <>
      <h1>{t("staff:home.title")}</h1>
      {j && ["specialist", "head", "commission"].includes(role) ? (
        <p>
          <Link to="/staff/lists">{t("lists:title")}</Link>
        </p>
      ) : null}
      <p>{t("staff:home.signedInAs", { name })}</p>
      <dl>
        <dt>{t("staff:home.role")}</dt>
        <dd>{t(`staff:roles.${role}`)}</dd>
        <dt>{t("staff:home.office")}</dt>
        <dd>{office}</dd>
      </dl>
      {localRules ? (
        localRules.act ? (
          <p data-testid="local-rules">
            <Link to="/services/local">{t("local:staffRules.inForce", { number: localRules.act.number, date: formatDate(localRules.act.date) })}</Link>
          </p>
        ) : (
          <p className="notice" role="status" data-testid="local-rules">
            {t("local:page.noAct", { date: formatDate(localRules.day) })}
          </p>
        )
      ) : null}
      {j ? <Journal j={j} role={role} /> : <p>{t("deciding:journal.noJournal")}</p>}
    </>
  );
}

type JournalData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["journal"]>;

function Journal({ j, role }: { j: JournalData; role: string }) {
  const { t } = useTranslation(["staff", "deciding", "decision", "apply"]);
  const f = j.filters;
  return (
    <>
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{t("deciding:reminders.heading")}</h2>
        {j.reminders.length ? (
          <ul>
            {j.reminders.map((r) => (
              <li key={r.applicationId}>
                <Link to={`/staff/cases/${r.applicationId}`}>
                  {t("deciding:reminders.item", { number: r.registrationNumber, date: formatDate(r.dueDate), days: r.workingDaysLeft })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("deciding:reminders.none")}</p>
        )}
      </section>

      <section aria-labelledby="journal-heading">
        <h2 id="journal-heading">{t("deciding:journal.title")}</h2>
        <p>{t("deciding:journal.intro")}</p>
        <nav aria-label={t("deciding:journal.views")}>
          <ul className="inline-list">
            <li>
              <Link to="/staff?due=3">{t("deciding:journal.dueSoon")}</Link>
            </li>
            <li>
              <Link to="/staff?overdue=1">{t("deciding:journal.overdueView")}</Link>
            </li>
            <li>
              <Link to="/staff?notify=1">{t("deciding:journal.flagged")}</Link>
            </li>
          </ul>
        </nav>
        <ErrorSummary errors={j.errors} />
        <Form method="get" className="filters">
          <fieldset>
            <legend>{t("deciding:journal.filters")}</legend>
            <Select
              name="status"
              label={t("deciding:journal.status")}
              defaultValue={f.status ?? ""}
              options={[{ value: "", label: t("deciding:journal.anyStatus") }, ...JOURNAL_STATUSES.map((s) => ({ value: s, label: t(`ui:staffStatus.${s}`) }))]}
            />
            <Select
              name="channel"
              label={t("deciding:journal.channel")}
              defaultValue={f.channel ?? ""}
              options={[{ value: "", label: t("deciding:journal.anyChannel") }, ...CHANNELS.map((c) => ({ value: c, label: t(`apply:channels.${c}`) }))]}
            />
            <Field name="due" label={t("deciding:journal.dueWithin")} hint={t("deciding:journal.dueWithinHint")} error={j.errors.due} defaultValue={f.due ?? ""} inputMode="numeric" />
            <div className="choice">
              <input type="checkbox" id="overdue" name="overdue" value="1" defaultChecked={f.overdue} />
              <label htmlFor="overdue">{t("deciding:journal.overdue")}</label>
            </div>
            <div className="choice">
              <input type="checkbox" id="notify" name="notify" value="1" defaultChecked={f.notify} />
              <label htmlFor="notify">{t("deciding:journal.notificationMissing")}</label>
            </div>
            {role === "specialist" ? (
              <div className="choice">
                <input type="checkbox" id="mine" name="mine" value="1" defaultChecked={f.mine} />
                <label htmlFor="mine">{t("deciding:journal.mine")}</label>
              </div>
            ) : null}
            <button type="submit" className="button">
              {t("deciding:journal.apply")}
            </button>{" "}
            <Link to="/staff">{t("deciding:journal.reset")}</Link>
          </fieldset>
        </Form>
        {j.rows.length ? (
          <table>
            <caption>{t("deciding:journal.caption", { count: j.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deciding:journal.number")}</th>
                <th scope="col">{t("deciding:journal.channel")}</th>
                <th scope="col">{t("deciding:journal.status")}</th>
                <th scope="col">{t("deciding:journal.registered")}</th>
                <th scope="col">{t("deciding:journal.due")}</th>
                <th scope="col">{t("deciding:journal.left")}</th>
                <th scope="col">{t("deciding:journal.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {j.rows.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>
                    <Link to={`/staff/cases/${r.id}`}>{r.registrationNumber}</Link>
                  </td>
                  <td>{t(`apply:channels.${r.channel}`)}</td>
                  <td>
                    <span className="tag">{t(`ui:staffStatus.${r.status}`)}</span>
                  </td>
                  <td>{r.applicationDate ? formatDate(r.applicationDate) : "—"}</td>
                  <td>{r.dueDate ? formatDate(r.dueDate) : "—"}</td>
                  <td>
                    {r.daysLeft === null ? (
                      "—"
                    ) : r.daysLeft < 0 ? (
                      <strong className="tag tag-error">{t("deciding:journal.overdueBy", { count: -r.daysLeft })}</strong>
                    ) : r.daysLeft === 0 ? (
                      <strong className="tag tag-error">{t("deciding:journal.dueToday")}</strong>
                    ) : (
                      t("deciding:journal.daysLeft", { count: r.daysLeft })
                    )}
                  </td>
                  <td>
                    {r.notifyBy ? (
                      <strong className={r.notifyLate ? "tag tag-error" : "tag"}>
                        {t(r.notifyLate ? "deciding:journal.flagNotifyLate" : "deciding:journal.flagNotify", { date: formatDate(r.notifyBy) })}
                      </strong>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("deciding:journal.none")}</p>
        )}
      </section>
    </>
  );
}
