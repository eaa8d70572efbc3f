/**
 * Where each kind of account starts and what its header links to. Pure: the sign-in action and the
 * header both ask here, so a 1414 agent lands on the console, not on a journal it cannot use.
 */
export type StaffRole = "specialist" | "commission" | "head" | "callcenter" | "admin" | "payment_officer" | "finance_officer" | "centre_specialist" | "akim";
export type NavLink = { to: string; key: string };

const JOURNAL: NavLink = { to: "/staff", key: "ui:nav.journal" };
const CONSOLE: NavLink = { to: "/callcenter", key: "ui:nav.console" };
const HISTORY: NavLink = { to: "/callcenter/history", key: "ui:nav.history" };
const LOOKUPS: NavLink = { to: "/admin/lookups", key: "ui:nav.lookups" };
const PAYMENTS: NavLink = { to: "/staff/payments", key: "ui:nav.payments" };
const INTAKE: NavLink = { to: "/staff/intake", key: "intake:nav" };
const CABINET: NavLink = { to: "/cabinet", key: "common:nav.cabinet" };
const COMPLAINTS: NavLink = { to: "/staff/complaints", key: "complaints:staff.link" };

const LINKS: Record<StaffRole, NavLink[]> = {
  specialist: [JOURNAL, COMPLAINTS],
  commission: [JOURNAL, COMPLAINTS],
  head: [JOURNAL, COMPLAINTS],
  callcenter: [CONSOLE, HISTORY],
  admin: [JOURNAL, CONSOLE, LOOKUPS],
  payment_officer: [PAYMENTS],
  finance_officer: [PAYMENTS],
  // Paper applications on a citizen's behalf (issue 16): the Centre and the village akim start at intake.
  centre_specialist: [INTAKE],
  akim: [INTAKE],
};

/** The links the header shows to a signed-in person (staff by role, a citizen their cabinet). */
export function navLinks(user: { kind: "citizen" } | { kind: "staff"; role: StaffRole } | null): NavLink[] {
  if (!user) return [];
  return user.kind === "citizen" ? [CABINET] : LINKS[user.role];
}

/** The page a staff member lands on after signing in when no other page was asked for. */
export function staffStartPage(role: StaffRole): string {
  return LINKS[role][0].to;
}
