import type { ActionFunctionArgs } from "@remix-run/node";
import { handleTwilioInbound } from "~/sms.server";

/** Twilio's inbound-message webhook: verified, deduplicated, applied; always answered with empty TwiML. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  return handleTwilioInbound(request);
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
