import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCitizen } from "~/session.server";
import { getLanguage } from "~/i18n.server";
import { cabinetGrant } from "~/lists/pages.server";
import { verifyUrl } from "~/staff/deciding.server";
import type { TitleHandle } from "~/components/PageTitle";

/** The page's own <title> (app/components/PageTitle.tsx). */
export const handle: TitleHandle = { title: (t, d) => (d as { title?: string } | undefined)?.title ?? t("lists:cabinet.heading") };

/** One decision of a holiday or by-list payment; only its recipient may read it (another's id reads as not found). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const lng = await getLanguage(request);
  return cabinetGrant(user.iin, params.id, lng, verifyUrl(request));
}

export default function GrantPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("lists");
  return (
    <>
      <h1>{d.title}</h1>
      <section className="notice-text" aria-label={d.title}>
        {d.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>
      <p>
        <a href={d.verify.href} data-testid="grant-verify">
          {t("notice.verifyLink")}
        </a>
      </p>
      <p>
        <Link to="/cabinet">{t("notice.back")}</Link>
      </p>
    </>
  );
}
