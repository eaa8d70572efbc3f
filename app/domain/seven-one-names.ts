/**
 * Stored 7-1 reasons name a family member only by the last four IIN digits ("•••1008"). On the
 * applicant's own page the family is theirs to see, so the member is named: "Ахметов Ерлан, ИИН •••1008".
 * `members` is the application's list in its order (the applicant first), each with a name; a reason's
 * `memberAt` points into it, and older reasons without it are matched by the last digits when unique.
 * Pure: the caller supplies the names.
 */
import type { CheckFailure } from "./seven-one";

export function nameMaskedMembers(failures: CheckFailure[], members: readonly { iin: string; name: string | null }[], iinLabel = "ИИН"): CheckFailure[] {
  return failures.map((f) => {
    const member = f.params?.member;
    const last4 = typeof member === "string" ? /^•••(\d{4})$/.exec(member)?.[1] : undefined;
    if (!last4) return f;
    const at = f.params?.memberAt;
    const byPlace = typeof at === "number" && members[at]?.iin.endsWith(last4) ? members[at] : undefined;
    const byDigits = members.filter((m) => m.iin.endsWith(last4));
    const found = byPlace ?? (byDigits.length === 1 ? byDigits[0] : undefined);
    if (!found?.name) return f;
    return { ...f, params: { ...f.params, member: `${found.name}, ${iinLabel} ${member}` } };
  });
}
