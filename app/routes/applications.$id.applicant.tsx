import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnDraft, updateDraft, personName } from "~/application/draft.server";
import { getGateway } from "~/gateway.server";
import { getLanguage } from "~/i18n.server";
import { assertCsrf } from "~/csrf.server";
import { ApplicationSteps, StepHeading } from "~/components/ApplicationSteps";
import { CsrfInput } from "~/components/forms";
import { STEPS, stepDone } from "~/domain/application-draft";
import { maskPhone } from "~/application/otp.server";
import { readForm } from "~/forms.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "apply:steps.applicant" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  const lng = await getLanguage(request);
  const gateway = await getGateway();
  const [person, registrations, mobile] = await Promise.all([
    gateway.getPerson(own.user.iin),
    gateway.getRegistrations([own.user.iin]),
    gateway.getMobileNumber(own.user.iin),
  ]);
  const permanent = registrations.find((r) => r.kind === "permanent") ?? registrations[0];
  return {
    id: own.application.id,
    done: STEPS.filter((s) => stepDone(s, own.draft)),
    person: person ? { name: personName(person, lng), iin: person.iin, birthDate: person.birthDate } : null,
    address: permanent ? (lng === "kk" ? permanent.addressKk : permanent.addressRu) : null,
    phone: mobile ? maskPhone(mobile.phone) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnDraft(request, params.id);
  await assertCsrf(request, await readForm(request));
  await updateDraft(own, (d) => ({ ...d, applicantSeen: true }));
  return redirect(`/applications/${own.application.id}/members`);
}

export default function ApplicantStep() {
  const { id, done, person, address, phone } = useLoaderData<typeof loader>();
  const { t } = useTranslation("apply");
  return (
    <>
      <ApplicationSteps applicationId={id} current="applicant" done={done} />
      <StepHeading step="applicant" />
      {person ? (
        <>
          <p>{t("applicant.intro")}</p>
          <dl className="summary">
            <dt>{t("applicant.name")}</dt>
            <dd>{person.name}</dd>
            <dt>{t("applicant.iin")}</dt>
            <dd>{person.iin}</dd>
            <dt>{t("applicant.birthDate")}</dt>
            <dd>{person.birthDate.split("-").reverse().join(".")}</dd>
            <dt>{t("applicant.address")}</dt>
            <dd>{address ?? "—"}</dd>
            <dt>{t("applicant.phone")}</dt>
            <dd>{phone ?? t("applicant.noPhone")}</dd>
          </dl>
          <div className="notice">
            <h2>{t("applicant.wrongTitle")}</h2>
            <p>{t("applicant.wrongText")}</p>
          </div>
          <Form method="post">
            <CsrfInput />
            <button type="submit" className="button">
              {t("saveAndContinue")}
            </button>
          </Form>
        </>
      ) : (
        <p className="notice">{t("applicant.notFound")}</p>
      )}
    </>
  );
}
