import { useTranslation } from "react-i18next";
import { formatKzDateTime } from "../components/dates";
import type { HistoryRow } from "./history.server";

/** The look-up log as a table: the agent's own history, or everyone's for the admin. */
export function LookupTable({ rows, showAgent }: { rows: HistoryRow[]; showAgent: boolean }) {
  const { t } = useTranslation("callcenter");
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("history.at")}</th>
          {showAgent ? <th scope="col">{t("admin.agentColumn")}</th> : null}
          <th scope="col">{t("history.call")}</th>
          <th scope="col">{t("history.query")}</th>
          <th scope="col">{t("history.language")}</th>
          <th scope="col">{t("history.outcome")}</th>
          {showAgent ? <th scope="col">{t("admin.subject")}</th> : null}
          <th scope="col">{t("history.shown")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-outcome={r.outcome}>
            <td>{formatKzDateTime(r.at)}</td>
            {showAgent ? <td>{r.agentLogin}</td> : null}
            <td>{r.callReference}</td>
            <td>{r.query}</td>
            <td>{t(`language.${r.language}`)}</td>
            <td>{t(`outcome.${r.outcome}`)}</td>
            {showAgent ? <td>{r.initials ?? "—"}</td> : null}
            <td>{r.outcome === "rate_limited" ? "—" : t("history.shownCounts", { applications: r.applications, offers: r.offers })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
