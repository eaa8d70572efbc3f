import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { services } from "~/services";

export const meta: MetaFunction = () => [{ title: "Komek" }];

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
