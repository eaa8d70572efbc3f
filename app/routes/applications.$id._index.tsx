import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnApplication, personName } from "~/application/draft.server";
import { familyOnScreen } from "~/application/members.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { parseDraft } from "~/domain/application-draft";
import { nameMaskedMembers } from "~/domain/seven-one-names";
import { applicationEvents } from "~/application/history.server";
import { ownScans } from "~/intake/scans.server";
import type { CheckFailure } from "~/domain/seven-one";
import { formatKzDateTime, formatDate } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:status.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnApplication(request, params.id);
  const { application } = own;
  const events = await applicationEvents(application.id);
  const failures = application.status === "rejected_at_check" ? ((application.checkFailures ?? []) as CheckFailure[]) : [];
  // The citizen knows their own family: a member masked as •••1008 in the stored reason is named here.
  const memberIins = [application.applicantIin, ...(parseDraft(application.draft).members ?? []).map((m) => m.iin)];
  // Read through the household check, and logged in each member's «who looked at my data» (ADR 010).
  const people = failures.length ? (await familyOnScreen(await getGateway(), { ...own, draft: parseDraft(application.draft) }, "status")).people : new Map();
  const lng = await getLanguage(request);
  const names = memberIins.map((iin) => ({ iin, name: people.has(iin) ? personName(people.get(iin)!, lng) : null }));
  return {
    id: application.id,
    status: application.status,
    channel: application.channel,
    registrationNumber: application.registrationNumber,
    registeredAt: application.registeredAt?.toISOString() ?? null,
    dueDate: application.dueDate,
    failures: nameMaskedMembers(failures, names, lng === "kk" ? "ЖСН" : "ИИН"),
    events: events.map((e) => ({ at: e.at.toISOString(), status: e.status, note: e.note })),
    // A paper application's scanned documents are the citizen's to see (issue 16).
    scans: application.channel === "centre" || application.channel === "akim" ? await ownScans(application.id) : [],
  };
}

export default function ApplicationStatus() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["apply", "decision", "ui", "intake"]);
  const checks = [...new Set(d.failures.map((f) => f.check))];
  const justRegistered = d.status === "registered" && !!d.registrationNumber;
  return (
    <>
      {justRegistered ? (
        <div className="panel panel-confirmation" data-testid="confirmation-panel">
          <h1>{t("ui:confirmation.title")}</h1>
          <div className="panel-body">
            {t("ui:confirmation.number")}
            <br />
            <strong>{d.registrationNumber}</strong>
            {t("ui:confirmation.due", { date: formatDate(d.dueDate!) })}
          </div>
        </div>
      ) : (
        <h1>{t("apply:status.title")}</h1>
      )}
      {justRegistered ? (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("ui:confirmation.nextTitle")}</h2>
          <ol>
            <li>{t("ui:confirmation.next1")}</li>
            <li>{t("ui:confirmation.next2", { date: formatDate(d.dueDate!) })}</li>
            <li>{t("ui:confirmation.next3")}</li>
          </ol>
        </section>
      ) : null}
      <p>
        <span className={`tag${d.status === "rejected_at_check" ? " tag-error" : d.status === "draft" ? "" : " tag-ok"}`}>
          {t(`decision:status.${d.status}.name`)}
        </span>
      </p>
      {d.status === "draft" ? (
        <p>
          {t("apply:status.draft")} <Link to="/apply">{t("apply:continue")}</Link>
        </p>
      ) : null}
      {d.status === "rejected_at_check" ? (
        <section aria-labelledby="rejected-title" className="error-summary">
          <h2 id="rejected-title">{t("apply:status.rejectedTitle")}</h2>
          <p>{t("apply:status.rejectedText")}</p>
          {checks.map((check) => (
            <div key={check}>
              <h3>{t(`apply:checks.${check}`)}</h3>
              <ul>
                {d.failures
                  .filter((f) => f.check === check)
                  .map((f, i) => (
                    <li key={i}>{t(`apply:checks.reasons.${f.reason}`, f.params ?? {})}</li>
                  ))}
              </ul>
            </div>
          ))}
          <p>
            <Link to="/apply" className="button">
              {t("apply:status.fix")}
            </Link>
          </p>
        </section>
      ) : null}
      {d.registrationNumber ? (
        <>
          <dl className="summary">
            <dt>{t("apply:status.registrationNumber")}</dt>
            <dd>{d.registrationNumber}</dd>
            <dt>{t("apply:status.registeredAt")}</dt>
            <dd>{formatKzDateTime(d.registeredAt!)}</dd>
            <dt>{t("apply:status.dueDate")}</dt>
            <dd>{formatDate(d.dueDate!)}</dd>
            <dt>{t("apply:status.channel")}</dt>
            <dd>{t(`apply:channels.${d.channel}`)}</dd>
          </dl>
          <p>{t(`decision:status.${d.status}.next`, { dueDate: formatDate(d.dueDate!) })}</p>
          <p>
            <Link to={`/applications/${d.id}/talon`}>{t("apply:status.printTalon")}</Link>
          </p>
        </>
      ) : null}
      {d.scans.length ? (
        <>
          <h2>{t("intake:case.scans")}</h2>
          <ul>
            {d.scans.map((x) => (
              <li key={x.id}>
                <a href={`/scans/${x.id}`}>
                  {t(`intake:page.scanKinds.${x.kind}`)}: {x.fileName}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
            <h2>{t("apply:status.timeline")}</h2>
      <ol className="timeline">
        {d.events.map((e, i) => (
          <li key={i}>
            {/* A step that keeps the stage (the akim forwarding the package, issue 16) is named by its note. */}
            <strong>{e.note === "forwarded_to_district" ? t("intake:timeline.forwarded_to_district") : t(`decision:status.${e.status}.name`)}</strong>
            <br />
            <span className="muted">{formatKzDateTime(e.at)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
