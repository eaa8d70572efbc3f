import { useTranslation } from "react-i18next";
import { formatDate, formatKzDateTime } from "../components/dates";

export type TalonView = {
  registrationNumber: string;
  registeredAt: string;
  dueDate: string;
  channel: string;
  serviceNameKey: string;
  applicant: string;
  acceptedBy: string | null;
  office: string | null;
  deadline: { days: number; dayKind: string; basis: string } | null;
};

/**
 * The talon (Annex 3 tear-off slip / Annex 3.1): printable as it is — the print button is a plain
 * link-styled button for convenience; the browser's own print works without JavaScript.
 */
export function Talon({ d, children }: { d: TalonView; children?: React.ReactNode }) {
  const { t } = useTranslation(["intake", "apply", "services"]);
  return (
    <article className="talon" aria-labelledby="talon-title">
      <h1 id="talon-title">{t("intake:talon.title")}</h1>
      <dl className="summary">
        <dt>{t("intake:talon.number")}</dt>
        <dd>{d.registrationNumber}</dd>
        <dt>{t("intake:talon.service")}</dt>
        <dd>{t(d.serviceNameKey)}</dd>
        <dt>{t("intake:talon.applicant")}</dt>
        <dd>{d.applicant}</dd>
        <dt>{t("intake:talon.acceptedAt")}</dt>
        <dd>{formatKzDateTime(d.registeredAt)}</dd>
        <dt>{t("apply:status.channel")}</dt>
        <dd>{t(`apply:channels.${d.channel}`)}</dd>
        {d.office ? (
          <>
            <dt>{t("intake:talon.office")}</dt>
            <dd>{d.office}</dd>
          </>
        ) : null}
        <dt>{t("intake:talon.acceptedBy")}</dt>
        <dd data-testid="accepted-by">{d.acceptedBy ?? t("apply:status.system")}</dd>
        <dt>{t("intake:talon.due")}</dt>
        <dd>
          {formatDate(d.dueDate)}
          {d.deadline && d.deadline.dayKind === "working" ? (
            <>
              <br />
              <span className="muted">{t("intake:talon.dueNote", { days: d.deadline.days })}</span>
            </>
          ) : null}
        </dd>
      </dl>
      {children}
    </article>
  );
}
