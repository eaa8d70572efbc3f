/** What the journal's filter form offers; shared by the loader and the page. */
import { WORKFLOW_STATES } from "../domain/workflow";

/** Who keeps the district's e-journal (in a district office: app/routes/staff._index.tsx). */
export const JOURNAL_ROLES = ["specialist", "commission", "head"] as const;
export const CHANNELS = ["portal", "proactive", "centre", "akim"] as const;
/** Statuses a journal row can have (drafts and failed checks are not registered). */
export const JOURNAL_STATUSES = WORKFLOW_STATES.filter((s) => s !== "draft" && s !== "rejected_at_check");
