import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n.server";
import { getUser } from "~/session.server";
import { liveCaseOf } from "~/application/draft.server";
import { localPage } from "~/services/local/page.server";
import type { CategoryView } from "~/services/local/page.server";
import { formatDate } from "~/components/dates";
import type { TitleHandle } from "~/components/PageTitle";

/**
 * Local social assistance (issue 14): the service's own page — the general sections, then the
 * categories of the district of the citizen's registered address (or the staff member's office) under
 * the act in force on the rules day, or the plain warning that the district's rules are not loaded.
 */
export const handle: TitleHandle = { title: (_t, d) => (d as { title?: string } | undefined)?.title ?? "Komek" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const lng = await getLanguage(request);
  const t = await getFixedT(request, "services");
  const page = await localPage(user, lng);
  const live = user?.kind === "citizen" ? await liveCaseOf("local", user.iin) : null;
  return { title: t("local.title"), page, live };
}

const sections = ["who", "data", "deadlines", "channels"] as const;
const tenge = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

function Amount({ c }: { c: CategoryView }) {
  const { t } = useTranslation("local");
  const base = c.unit === "PERCENT" ? t(`page.unit.${c.of}`, { value: c.value }) : t(`page.unit.${c.unit}`, { value: c.value, tenge: tenge(c.tenge ?? 0) });
  return <>{c.upTo ? t("page.upTo", { amount: base }) : base}</>;
}

function CategoryCard({ c, canApply }: { c: CategoryView; canApply: boolean }) {
  const { t } = useTranslation("local");
  const how = [
    c.byList ? t("page.byList") : t("page.onApplication"),
    t(`page.periodicity.${c.periodicity}`),
    c.survey ? t("page.survey") : null,
    c.windowMonths ? t("page.window", { months: c.windowMonths }) : null,
    c.maxDays && c.timesPerYear ? t("page.limits", { days: c.maxDays, times: c.timesPerYear }) : null,
  ].filter(Boolean);
  return (
    <li className="card" data-testid={`category-${c.code}`}>
      <h4>
        {t("page.code", { code: c.code })}. {c.name}
      </h4>
      <dl>
        {c.occasion ? (
          <>
            <dt>{t("page.occasion")}</dt>
            <dd>{c.occasion}</dd>
          </>
        ) : null}
        <dt>{t("page.amount")}</dt>
        <dd>
          <Amount c={c} />
        </dd>
        <dt>{t("page.income")}</dt>
        <dd>{c.thresholdPm !== null ? t("page.threshold", { pm: c.thresholdPm, tenge: tenge(c.thresholdTenge ?? 0) }) : t("page.noThreshold")}</dd>
        <dt>{t("page.how")}</dt>
        <dd>{how.join("; ")}</dd>
        {c.kind === "needs" && !c.byList ? (
          <>
            <dt>{t("page.documents")}</dt>
            <dd>{c.documents.length ? c.documents.join("; ") : t("page.noDocuments")}</dd>
          </>
        ) : null}
      </dl>
      {c.note ? <p className="hint">{c.note}</p> : null}
      {canApply && c.kind === "needs" && !c.byList ? (
        <p>
          <Link to={`/services/local/apply/${c.code}`} className="button">
            {t("page.apply")}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export default function LocalServicePage() {
  const { page, live } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["services", "local", "apply"]);
  const holiday = page.categories.filter((c) => c.kind === "holiday");
  const needs = page.categories.filter((c) => c.kind === "needs");
  const canApply = page.who === "citizen" && page.portalAllowed && !live;
  return (
    <article>
      <h1>{t("services:local.title")}</h1>
      <p className="lead">{t("services:local.summary")}</p>
      {live ? (
        <div className="notice" role="status" data-testid="live-case">
          <p>{live.own ? t("apply:liveCase.own", { number: live.registrationNumber }) : t("apply:liveCase.member", { number: live.registrationNumber })}</p>
          {live.own ? (
            <p>
              <Link to={`/applications/${live.applicationId}`}>{t("apply:liveCase.open")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {sections.map((s) => (
        <section key={s} aria-labelledby={`section-${s}`}>
          <h2 id={`section-${s}`}>{t(`services:local.${s}Title`)}</h2>
          <p>{t(`services:local.${s}`)}</p>
        </section>
      ))}
      <section aria-labelledby="section-district" data-testid="local-district">
        <h2 id="section-district">{t("local:page.districtTitle")}</h2>
        {page.clockOverridden ? <p className="hint">{t("local:page.clock", { date: formatDate(page.day) })}</p> : null}
        {page.who === "anonymous" ? (
          <p>{t("local:page.signIn")}</p>
        ) : !page.districtKato ? (
          <p className="notice" role="status">
            {t("local:page.noAddress")}
          </p>
        ) : !page.act ? (
          <p className="notice" role="alert" data-testid="no-act">
            {t("local:page.noAct", { date: formatDate(page.day) })}
          </p>
        ) : (
          <>
            <p data-testid="act">
              {t(page.act.until ? "local:page.actUntil" : "local:page.act", {
                district: page.act.district,
                number: page.act.number,
                date: formatDate(page.act.date),
                from: formatDate(page.act.from),
                until: page.act.until ? formatDate(page.act.until) : "",
              })}
            </p>
            {page.mrp && page.pm ? <p className="hint">{t("local:page.params", { mrp: tenge(page.mrp), pm: tenge(page.pm), year: page.parametersYear })}</p> : null}
            {page.who === "citizen" && !page.portalAllowed ? (
              <p className="notice" role="status" data-testid="portal-only-for">
                {t("local:page.portalOnlyFor")}
              </p>
            ) : null}
            <h3>{t("local:page.needsTitle")}</h3>
            <ul className="cards">
              {needs.map((c) => (
                <CategoryCard key={c.code} c={c} canApply={canApply} />
              ))}
            </ul>
            <h3>{t("local:page.holidayTitle")}</h3>
            <ul className="cards">
              {holiday.map((c) => (
                <CategoryCard key={c.code} c={c} canApply={false} />
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}
