/** GET /scans/:id — a scanned paper document, to the citizen and the case's staff only (app/intake/scans.server.ts). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scanResponse } from "~/intake/scans.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return scanResponse(request, params.id);
}
