import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { citizenComplaint } from "~/complaints/complaints.server";
import { ComplaintTalon } from "~/complaints/ComplaintTalon";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "complaints:title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  // Another person's complaint, or an id that is not one, reads as not found.
  const complaint = await citizenComplaint(user.iin, params.id ?? "");
  if (!complaint) throw new Response("Not found", { status: 404 });
  const { applicantIin: _iin, katoCode: _kato, draft: _draft, ...shown } = complaint;
  return { complaint: shown };
}

export default function CabinetComplaint() {
  const { complaint } = useLoaderData<typeof loader>();
  const { t } = useTranslation("complaints");
  return (
    <>
      <h1>{t("cabinet.open", { number: complaint.number })}</h1>
      <ComplaintTalon c={complaint} />
      <p>
        <Link to="/cabinet/complaints">{t("cabinet.title")}</Link>
      </p>
    </>
  );
}
