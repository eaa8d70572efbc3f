/** The demo SMS phone's reply form (/dev/sms/:phone), parsed with app/schemas/form.ts parseForm. */
import { z } from "zod";

/** An SMS is at most 1600 characters (as Twilio takes): a longer reply is cut, as the phone would. */
export const devReplyForm = z.object({
  reply: z.string({ error: "smsui:dev.errors.replyRequired" }).transform((s) => s.slice(0, 1600)).refine((s) => s.trim().length > 0, "smsui:dev.errors.replyRequired"),
});
