import type { ActionFunctionArgs } from "@remix-run/node";
import { handleTwilioStatus } from "~/sms.server";

/** Twilio's delivery-status callback for the messages we sent. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  return handleTwilioStatus(request);
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
