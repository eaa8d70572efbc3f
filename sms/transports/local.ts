/**
 * The development transport, active when no Twilio credentials are set: nothing leaves the machine;
 * the outbox row itself is the "phone", shown by /dev/sms.
 */
import { randomUUID } from "node:crypto";
import type { SmsTransport } from "./types";

export function createLocalTransport(): SmsTransport {
  return {
    name: "local",
    async send() {
      return { sid: `LO${randomUUID().replace(/-/g, "")}`, status: "delivered" };
    },
  };
}
