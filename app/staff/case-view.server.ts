/** Everything the staff case page shows, read once, as plain data for the loader. */
import { getDb } from "../db.server";
import { gatewayIn } from "../gateway.server";
import type { StaffUser } from "../session.server";
import type { Application } from "../../db/schema";
import type { Language } from "../../locales";
import * as q from "../../db/queries/deciding";
import { availableActions, isFinal, transitionsOf, type WorkflowAction, type WorkflowState } from "../domain/workflow";
import { stepAllows } from "../domain/case-steps";
import { caseStepsOf } from "../services/local/case.server";
import { cosignatureOfCase, localCaseSummary } from "../services/local/deciding.server";
import { kzDate } from "../domain/kz-time";
import { workingDaysLeft } from "./journal.server";
import { compareFamily } from "../domain/family";
import { intakeOf, registrarOf, scansOf } from "../../db/queries/intake";

const fullName = (p: { lastNameRu: string; firstNameRu: string; patronymicRu: string | null; lastNameKk: string; firstNameKk: string; patronymicKk: string | null }, lng: Language) =>
  lng === "kk" ? [p.lastNameKk, p.firstNameKk, p.patronymicKk].filter(Boolean).join(" ") : [p.lastNameRu, p.firstNameRu, p.patronymicRu].filter(Boolean).join(" ");

export async function caseView(user: StaffUser, application: Application, lng: Language, now: Date) {
  const { db } = await getDb();
  const gateway = gatewayIn(db);
  const [members, transitions, survey, assignment, calculation, decision, signed, requests] = await Promise.all([
    q.membersOf(db, application.id),
    q.transitionsOf(db, application.id),
    q.surveyActOf(db, application.id),
    q.currentAssignment(db, application.id),
    q.latestCalculation(db, application.id),
    q.latestDecision(db, application.id),
    q.signedNoticeOf(db, application.id),
    q.otherAgencyRequestsOf(db, application.id),
  ]);
  const people = await Promise.all(members.map((m) => gateway.getPerson(m.iin)));
  // A paper application (issue 16): who accepted it, and its scanned documents for the case's staff.
  const [intake, registrar, scans] = await Promise.all([intakeOf(db, application.id), registrarOf(db, application.id), scansOf(db, application.id)]);
  // Defect 7: the declared family against the registry household, shown as flags, never blocking.
  const household = await gateway.getHouseholdMembers(application.applicantIin);
  const flags = compareFamily(application.applicantIin, members, household);
  const householdName = new Map(household.map((p) => [p.iin, fullName(p, lng)]));
  const applicantPerson = people[members.findIndex((m) => m.iin === application.applicantIin)] ?? (await gateway.getPerson(application.applicantIin));
  const status = application.status as WorkflowState;
  const role = user.staff.role;
  const isAssignee = assignment?.specialistId === user.staff.id;
  const steps = await caseStepsOf(db, application);
  const serviceTransitions = transitionsOf(application.service).filter((t) => t.from.includes(status) && stepAllows(steps, status, t.action));
  const cosignature = steps.cosign ? await cosignatureOfCase(db, application.id) : null;
  // The head signs a co-signed notice only after the specialist; the specialist signs it once.
  const cosignBlocks = (a: WorkflowAction) => steps.cosign && ((a === "sign_decision" && !cosignature) || (a === "cosign_decision" && !!cosignature));
  const actions = availableActions(status, role, application.service)
    .filter((a) => stepAllows(steps, status, a) && !cosignBlocks(a))
    .filter((a) => !serviceTransitions.find((t) => t.action === a)?.assigneeOnly || isAssignee);
  const waitingFor = [...new Set(serviceTransitions.filter((t) => t.action !== "request_other_agencies" && t.action !== "record_special_commission" && !cosignBlocks(t.action)).flatMap((t) => t.roles))];
  const local = application.service === "local" ? await localCaseSummary(db, application, kzDate(now)) : null;
  const today = kzDate(now);
  const name = (row: { nameRu: string | null; nameKk: string | null } | null) => (row ? (lng === "kk" ? row.nameKk : row.nameRu) : null);
  return {
    id: application.id,
    registrationNumber: application.registrationNumber,
    status,
    final: isFinal(status),
    channel: application.channel,
    paper: intake
      ? {
          acceptedBy: registrar?.nameRu ? (lng === "kk" ? registrar.nameKk : registrar.nameRu) : null,
          scans: scans.map((x) => ({ id: x.id, kind: x.kind, fileName: x.fileName, sizeBytes: x.sizeBytes, sha256: x.sha256 })),
        }
      : null,
    applicationDate: application.applicationDate,
    dueDate: application.dueDate,
    daysLeft: status === "notice_delivered" ? null : workingDaysLeft(today, application.dueDate),
    katoCode: application.katoCode,
    today,
    applicant: { iin: application.applicantIin, name: applicantPerson ? fullName(applicantPerson, lng) : application.applicantIin },
    members: members.map((m, i) => ({ iin: m.iin, relation: m.relation, name: people[i] ? fullName(people[i]!, lng) : m.iin })),
    familyFlags: {
      added: flags.added.map((f) => ({ ...f, name: people[members.findIndex((m) => m.iin === f.iin)] ? fullName(people[members.findIndex((m) => m.iin === f.iin)]!, lng) : f.iin })),
      leftOut: flags.leftOut.map((f) => ({ ...f, name: householdName.get(f.iin) ?? f.iin })),
    },
    actions: actions as WorkflowAction[],
    steps,
    local,
    service: application.service,
    waitingFor,
    assignee: assignment ? { id: assignment.specialistId, name: lng === "kk" ? assignment.nameKk : assignment.nameRu } : null,
    survey: survey
      ? {
          surveyedOn: survey.surveyedOn,
          membersPresent: survey.membersPresent,
          livingConditions: survey.livingConditions,
          propertySeen: survey.propertySeen,
          conclusion: survey.conclusion,
          notes: survey.notes,
          recordedAt: survey.recordedAt.toISOString(),
        }
      : null,
    calculation: calculation
      ? {
          quarterFrom: calculation.quarterFrom,
          quarterTo: calculation.quarterTo,
          totalTenge: calculation.totalTenge,
          members: calculation.members.length,
          perCapitaTiyn: calculation.perCapitaTiyn,
          povertyLineTenge: calculation.povertyLineTenge,
          povertyYear: calculation.povertyYear,
          amountTiyn: calculation.amountTiyn,
          lowIncome: calculation.lowIncome,
          computedAt: calculation.computedAt.toISOString(),
        }
      : null,
    decision: decision
      ? { kind: decision.kind, amountTiyn: decision.amountTiyn, periodFrom: decision.periodFrom, periodTo: decision.periodTo, grounds: decision.grounds }
      : null,
    notice: signed ? { id: signed.id, signedAt: signed.signedAt!.toISOString(), signerName: signed.signerName, code: signed.verificationCode } : null,
    requests: requests.map((r) => ({
      id: r.id,
      agency: r.agency,
      requestedOn: r.requestedOn,
      extendedDays: r.extendedDays,
      dueBefore: r.dueBefore,
      dueAfter: r.dueAfter,
      notifyBy: r.notifyBy,
      notifiedAt: r.notifiedAt?.toISOString() ?? null,
      signerName: r.signerName ?? null,
    })),
    extendedDays: requests.reduce((s, r) => s + r.extendedDays, 0),
    timeline: transitions.map((t) => ({
      id: t.id,
      at: t.at.toISOString(),
      action: t.action,
      from: t.from,
      to: t.to,
      actorKind: t.actorKind,
      actorRole: t.actorRole,
      who: t.actorKind === "staff" ? name(t) ?? t.actorLabel : null,
      reason: t.reason,
    })),
  };
}
