/** The talon of a complaint (seed 004 Annex 2 clause 20) with its progress and the signed answer. */
import { useTranslation } from "react-i18next";
import { formatDate, formatKzDateTime } from "~/components/dates";

export type TalonData = {
  number: string;
  registrationNumber: string | null;
  channel: string;
  status: string;
  text: string;
  registeredAt: string;
  answerDue: string;
  overdue: boolean;
  ruleSource: { ru: string; kk: string };
  acceptedBy: { ru: string; kk: string };
  office: { ru: string; kk: string };
  events: { id: number; at: string; event: string; actor?: string }[];
  answer: { text: string; signerName: string | null; answeredAt: string } | null;
};

export function ComplaintTalon({ c }: { c: TalonData }) {
  const { t, i18n } = useTranslation("complaints");
  const lng = i18n.language === "kk" ? "kk" : "ru";
  return (
    <>
      <article className="talon" aria-labelledby="talon-title" data-testid="complaint-talon">
        <h2 id="talon-title">{t("talon.title", { number: c.number })}</h2>
        <dl className="summary">
          <dt>{t("talon.number")}</dt>
          <dd data-testid="complaint-number">{c.number}</dd>
          <dt>{t("talon.case")}</dt>
          <dd>{c.registrationNumber}</dd>
          <dt>{t("talon.registeredAt")}</dt>
          <dd>{formatKzDateTime(c.registeredAt)}</dd>
          <dt>{t("talon.channel")}</dt>
          <dd>{t(`channel.${c.channel}`)}</dd>
          <dt>{t("talon.acceptedBy")}</dt>
          <dd>{c.acceptedBy[lng]}</dd>
          <dt>{t("talon.answerDue")}</dt>
          <dd data-testid="complaint-due">
            {formatDate(c.answerDue)} {c.overdue ? <span className="tag tag-error">{t("staff.overdue")}</span> : null}
          </dd>
          <dt>{t("talon.rule")}</dt>
          <dd>{c.ruleSource[lng]}</dd>
          <dt>{t("talon.contacts")}</dt>
          <dd>{t("talon.contactsText", { office: c.office[lng] })}</dd>
          <dt>{t("talon.status")}</dt>
          <dd>
            <span className="tag" data-testid="complaint-status">
              {t(`status.${c.status}`)}
            </span>
          </dd>
        </dl>
        <p className="muted">{t("talon.print")}</p>
      </article>
      <section aria-labelledby="complaint-text">
        <h2 id="complaint-text">{t("talon.text")}</h2>
        {/* Rendered as text: markup the citizen typed stays inert. */}
        <p className="prewrap" data-testid="complaint-text">
          {c.text}
        </p>
      </section>
      <section aria-labelledby="complaint-answer">
        <h2 id="complaint-answer">{t("answer.title")}</h2>
        {c.answer ? (
          <>
            <p className="prewrap" data-testid="complaint-answer-text">
              {c.answer.text}
            </p>
            <p className="muted">{t("answer.signedBy", { name: c.answer.signerName ?? "", date: formatKzDateTime(c.answer.answeredAt) })}</p>
          </>
        ) : (
          <p>{t("answer.none", { date: formatDate(c.answerDue) })}</p>
        )}
      </section>
      <section aria-labelledby="complaint-history">
        <h2 id="complaint-history">{t("talon.history")}</h2>
        <ol>
          {c.events.map((e) => (
            <li key={e.id}>
              {formatKzDateTime(e.at)} — {t(`event.${e.event}`)}
              {e.actor ? <span className="muted"> ({e.actor})</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
