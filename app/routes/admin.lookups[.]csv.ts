import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminLookupsCsv } from "~/callcenter/history.server";

/** GET /admin/lookups.csv — the look-up log for the admin, with the same filters as the page. */
export const loader = ({ request }: LoaderFunctionArgs) => adminLookupsCsv(request);
