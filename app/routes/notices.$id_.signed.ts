import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireNoticeAccess } from "~/notices/notices.server";

/** The signed notice itself: the compact JWS, whose payload holds the decision and both texts. /verify accepts it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const notice = await requireNoticeAccess(request, params.id, "signed");
  return new Response(notice.signature!, {
    headers: {
      "Content-Type": "application/jose; charset=utf-8",
      "Content-Disposition": `attachment; filename="${notice.registrationNumber}.notice.jws"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
