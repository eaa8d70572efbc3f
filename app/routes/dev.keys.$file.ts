import type { LoaderFunctionArgs } from "@remix-run/node";
import { demoKeyFileResponse } from "~/signature/demo-keys.server";

/** Development only: one demo key file (.p12), by the exact name index.json lists. */
export async function loader({ params }: LoaderFunctionArgs) {
  return demoKeyFileResponse(params.file ?? "");
}
