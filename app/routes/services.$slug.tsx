import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { services } from "~/services";
import { getFixedT } from "~/i18n.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (_t, d) => (d as { title?: string } | undefined)?.title ?? "Komek" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const service = services.find((s) => s.slug === params.slug);
  if (!service) throw new Response("Not found", { status: 404 });
  const t = await getFixedT(request, "services");
  return { key: service.key, title: t(`${service.key}.title`) };
}


const sections = ["who", "data", "deadlines", "channels"] as const;

export default function ServicePage() {
  const { key } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["services", "apply"]);
  return (
    <article>
      <h1>{t(`${key}.title`)}</h1>
      <p className="lead">{t(`${key}.summary`)}</p>
      {key === "asp" ? (
        <p>
          <Link to="/apply" className="button">
            {t("apply:start")}
          </Link>
        </p>
      ) : null}
      {sections.map((s) => (
        <section key={s} aria-labelledby={`section-${s}`}>
          <h2 id={`section-${s}`}>{t(`${key}.${s}Title`)}</h2>
          <p>{t(`${key}.${s}`)}</p>
        </section>
      ))}
    </article>
  );
}
