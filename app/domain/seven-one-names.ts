/**
 * Stored 7-1 reasons name a family member only by the last four IIN digits ("•••1008"). On the
 * applicant's own page the family is theirs to see, so the member is named: "Ахметов Ерлан, ИИН •••1008".
 * Pure: the caller supplies the names of the application's members.
 */
import type { CheckFailure } from "./seven-one";

export function nameMaskedMembers(failures: CheckFailure[], names: ReadonlyMap<string, string>, iinLabel = "ИИН"): CheckFailure[] {
  return failures.map((f) => {
    const member = f.params?.member;
    const last4 = typeof member === "string" ? /^•••(\d{4})$/.exec(member)?.[1] : undefined;
    if (!last4) return f;
    const matches = [...names].filter(([iin]) => iin.endsWith(last4));
    if (matches.length !== 1) return f;
    return { ...f, params: { ...f.params, member: `${matches[0][1]}, ${iinLabel} ${member}` } };
  });
}
