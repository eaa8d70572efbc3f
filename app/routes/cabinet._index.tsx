import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { personName } from "~/application/draft.server";
import { maskPhone } from "~/application/otp.server";
import { applicationsOf } from "~/application/history.server";
import { CsrfInput } from "~/components/forms";
import { formatDate, formatKzDateTime } from "~/components/dates";
import { cabinetNotices } from "~/notices/notices.server";
import { cabinetOffer, citizenSmsHistory } from "~/sms.server";
import { allServices, findService } from "~/services/registry";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "cabinet:title" };
import { cabinetPayments } from "~/payments/cabinet.server";
import { PaymentsTable } from "~/payments/PaymentsTable";
import { cabinetGrants } from "~/lists/pages.server";


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const [person, mobile, applications] = await Promise.all([
    gateway.getPerson(user.iin),
    gateway.getMobileNumber(user.iin),
    applicationsOf(user.iin),
  ]);
  const [notices, sms, offer, payments, grants] = await Promise.all([
    cabinetNotices(user.iin, lng),
    citizenSmsHistory(user.iin, mobile?.phone ?? null),
    cabinetOffer(user.iin),
    cabinetPayments(user.iin, lng),
    cabinetGrants(user.iin, lng),
  ]);
  return {
    payments,
    grants,
    notices,
    sms,
    openOffer: offer?.open ? { stage: offer.stage, expiresAt: offer.expiresAt } : null,
    name: person ? personName(person, lng) : user.iin,
    phone: mobile ? maskPhone(mobile.phone) : null,
    // One start/continue button per service the portal takes applications for.
    portalServices: allServices()
      .filter((def) => def.channels.some((c) => c.channel === "portal") && def.portalSteps.length > 0)
      .map((def) => ({
        key: def.key,
        nameKey: def.nameKey,
        hasOpenDraft: applications.some((a) => a.service === def.key && (a.status === "draft" || a.status === "rejected_at_check")),
      })),
    // Services with their own application flow (no draft steps) link to their page; its draft lives there.
    ownFlowServices: allServices()
      .filter((def) => def.channels.some((c) => c.channel === "portal") && def.portalSteps.length === 0)
      .map((def) => ({ key: def.key, nameKey: def.nameKey })),
    applications: applications.map((a) => ({
      id: a.id,
      href:
        a.status === "draft" && findService(a.service)?.portalSteps.length === 0 ? `/services/${a.service}` : `/applications/${a.id}`,
      serviceNameKey: findService(a.service)?.nameKey ?? a.service,
      status: a.status,
      registrationNumber: a.registrationNumber,
      dueDate: a.dueDate,
      channel: a.channel,
    })),
  };
}

export default function Cabinet() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["cabinet", "decision", "services", "apply", "payments", "complaints", "lists"]);
  return (
    <>
      <h1>{t("cabinet:title")}</h1>
      <p className="lead">{t("cabinet:greeting", { name: d.name })}</p>

      {d.openOffer ? (
        <div className="notice" role="status">
          <p>{t("cabinet:offer.text", { until: formatKzDateTime(d.openOffer.expiresAt) })}</p>
          <p>
            <Link to="/cabinet/offer">{t("cabinet:offer.link")}</Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t("cabinet:applications.heading")}</h2>
        {d.applications.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("cabinet:applications.number")}</th>
                <th scope="col">{t("cabinet:applications.service")}</th>
                <th scope="col">{t("cabinet:applications.status")}</th>
                <th scope="col">{t("cabinet:applications.due")}</th>
              </tr>
            </thead>
            <tbody>
              {d.applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={a.href}>{a.registrationNumber ?? t("cabinet:applications.draft")}</Link>
                  </td>
                  <td>
                    {t(a.serviceNameKey)} <span className="muted">({t(`apply:channels.${a.channel}`)})</span>
                  </td>
                  <td>
                    <span className={`tag${a.status === "rejected_at_check" ? " tag-error" : ""}`} data-status={a.status}>
                      {t(`decision:status.${a.status}.name`)}
                    </span>
                  </td>
                  <td>{a.dueDate ? formatDate(a.dueDate) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("cabinet:applications.none")}</p>
        )}
        {d.portalServices.map((s) => (
          <Form method="post" action="/apply" key={s.key}>
            <CsrfInput />
            <input type="hidden" name="service" value={s.key} />
            <button type="submit" className="button">
              {s.hasOpenDraft ? t("cabinet:applications.continue") : t("cabinet:applications.start")}
            </button>
          </Form>
        ))}
        {d.ownFlowServices.map((s) => (
          <p key={s.key}>
            <Link to={`/services/${s.key}`}>{t(s.nameKey)}</Link>
          </p>
        ))}
      </section>

      {d.payments.length ? (
        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading">{t("payments:cabinet.title")}</h2>
          <PaymentsTable payments={d.payments} />
          <p>
            <Link to="/cabinet/payments">{t("payments:cabinet.changeAccount")}</Link>
          </p>
        </section>
      ) : null}

      {d.grants.length ? (
        <section aria-labelledby="grants-heading">
          <h2 id="grants-heading">{t("lists:cabinet.heading")}</h2>
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("lists:cabinet.number")}</th>
                <th scope="col">{t("lists:cabinet.date")}</th>
                <th scope="col">{t("lists:cabinet.what")}</th>
                <th scope="col">{t("lists:cabinet.amount")}</th>
                <th scope="col">{t("lists:cabinet.paymentDate")}</th>
              </tr>
            </thead>
            <tbody>
              {d.grants.map((g) => (
                <tr key={g.id}>
                  <td data-label={t("lists:cabinet.number")}>
                    <Link to={`/cabinet/grants/${g.id}`}>{t("lists:cabinet.open", { number: g.number })}</Link>
                  </td>
                  <td data-label={t("lists:cabinet.date")}>{formatDate(g.decidedOn)}</td>
                  <td data-label={t("lists:cabinet.what")}>{g.what}</td>
                  <td data-label={t("lists:cabinet.amount")}>{g.amount}</td>
                  <td data-label={t("lists:cabinet.paymentDate")}>{formatDate(g.paymentDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t("cabinet:notices.heading")}</h2>
        {d.notices.length ? (
          <ul>
            {d.notices.map((n) => (
              <li key={n.key}>
                {n.href ? <Link to={n.href}>{n.title}</Link> : <strong>{n.title}</strong>} <span className="muted">{formatKzDateTime(n.at)}</span>
                {n.text ? <p>{n.text}</p> : null}
                {n.signedBy ? <p className="muted">{t("complaints:extension.signed", { name: n.signedBy })}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("cabinet:notices.none")}</p>
        )}
      </section>

      <section aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">{t("complaints:cabinet.title")}</h2>
        <p>
          <Link to="/cabinet/complaints">{t("complaints:cabinet.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="sms-heading">
        <h2 id="sms-heading">{t("cabinet:sms.heading")}</h2>
        {d.sms.length ? (
          <ol className="sms-history">
            {d.sms.map((m) => (
              <li key={m.id} data-direction={m.direction}>
                <span className="muted">
                  {m.direction === "in" ? t("cabinet:sms.in") : t("cabinet:sms.out")} · {formatKzDateTime(m.at)}
                </span>
                <br />
                {m.body}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("cabinet:sms.none")}</p>
        )}
      </section>

      <section aria-labelledby="phone-heading">
        <h2 id="phone-heading">{t("cabinet:phone.heading")}</h2>
        <p>{d.phone ? t("cabinet:phone.current", { phone: d.phone }) : t("cabinet:phone.none")}</p>
        <p>
          <Link to="/cabinet/phone">{d.phone ? t("cabinet:phone.change") : t("cabinet:phone.add")}</Link>
        </p>
      </section>
      <p>
        <Link to="/cabinet/access">{t("callcenter:access.link")}</Link>
      </p>
    </>
  );
}
