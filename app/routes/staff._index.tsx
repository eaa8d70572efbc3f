import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/session.server";
import { getLanguage } from "~/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, ["specialist", "commission", "head", "callcenter", "admin"]);
  const lng = await getLanguage(request);
  return {
    name: lng === "kk" ? user.staff.fullNameKk : user.staff.fullNameRu,
    role: user.staff.role,
    office: lng === "kk" ? user.office.nameKk : user.office.nameRu,
  };
}

export default function StaffHome() {
  const { name, role, office } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.signedInAs", { name })}</p>
      <dl>
        <dt>{t("home.role")}</dt>
        <dd>{t(`roles.${role}`)}</dd>
        <dt>{t("home.office")}</dt>
        <dd>{office}</dd>
      </dl>
    </>
  );
}
