import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { services } from "~/services";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: "common:home.title" };


export default function Home() {
  const { t } = useTranslation(["common", "services"]);
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.servicesHeading")}</h2>
      <ul className="cards">
        {services.map((s) => (
          <li key={s.slug} className="card">
            <h3>
              <Link to={`/services/${s.slug}`}>{t(`services:${s.key}.title`)}</Link>
            </h3>
            <p>{t(`services:${s.key}.summary`)}</p>
          </li>
        ))}
      </ul>
      <p>{t("home.help")}</p>
    </>
  );
}
