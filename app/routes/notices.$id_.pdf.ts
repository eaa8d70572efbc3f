import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireNoticeAccess, noticePdf } from "~/notices/notices.server";
import { getLanguage } from "~/i18n.server";
import { isLanguage } from "../../locales";

/** The notice as a PDF in ?lang=ru|kk (default: the page language). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const notice = await requireNoticeAccess(request, params.id, "pdf");
  const asked = new URL(request.url).searchParams.get("lang");
  const lang = isLanguage(asked) ? asked : await getLanguage(request);
  const bytes = await noticePdf(notice, lang);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${notice.registrationNumber}-${lang}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
