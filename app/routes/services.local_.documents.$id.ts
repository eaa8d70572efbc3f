import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/session.server";
import { documentForViewer } from "~/services/local/documents.server";

/**
 * A scanned document of a local-assistance case: only to its applicant and to staff who handle the
 * case's settlement; to anyone else it does not exist (404). Never cached, never sniffed, never inline
 * script: served as an attachment with its stored type.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const doc = await documentForViewer(user, params.id);
  if (!doc) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(doc.content), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.content.length),
      "Content-Disposition": `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
