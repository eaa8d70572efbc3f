import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { services } from "~/services";
import { getFixedT } from "~/i18n.server";
import { getUser } from "~/session.server";
import { liveCaseOf } from "~/application/draft.server";
import { findService } from "~/services/registry";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (_t, d) => (d as { title?: string } | undefined)?.title ?? "Komek" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const service = services.find((s) => s.slug === params.slug);
  if (!service) throw new Response("Not found", { status: 404 });
  const t = await getFixedT(request, "services");
  const def = findService(service.key);
  // The generic draft start only for services with draft steps (local assistance has its own flow).
  const onPortal = !!def?.channels.some((c) => c.channel === "portal") && (def?.portalSteps.length ?? 0) > 0;
  const user = onPortal ? await getUser(request) : null;
  // A citizen already in a live case of this service is told so before a new draft is started.
  const live = user?.kind === "citizen" ? await liveCaseOf(def!.key, user.iin) : null;
  return { key: service.key, title: t(`${service.key}.title`), onPortal, live };
}


const sections = ["who", "data", "deadlines", "channels"] as const;

export default function ServicePage() {
  const { key, onPortal, live } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["services", "apply"]);
  return (
    <article>
      <h1>{t(`${key}.title`)}</h1>
      <p className="lead">{t(`${key}.summary`)}</p>
      {live ? (
        <div className="notice" role="status" data-testid="live-case">
          <p>
            {live.own
              ? t("apply:liveCase.own", { number: live.registrationNumber })
              : t("apply:liveCase.member", { number: live.registrationNumber })}
          </p>
          {live.own ? (
            <p>
              <Link to={`/applications/${live.applicationId}`}>{t("apply:liveCase.open")}</Link>
            </p>
          ) : null}
        </div>
      ) : onPortal ? (
        <p>
          <Link to={`/apply?service=${key}`} className="button">
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
