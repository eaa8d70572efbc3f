/** Rendering helpers shared by the console pages: message parameters as people read them. */
import { formatDate, formatKzDateTime } from "../components/dates";
import type { Message } from "./summary";

/** Dates ('YYYY-MM-DD') as DD.MM.YYYY, instants as Kazakhstan date and time; anything else as is. */
export function formatParam(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatKzDateTime(value);
  return value;
}

export function renderMessage(t: (key: string, params?: Record<string, unknown>) => string, message: Message): string {
  const params = message.params ? Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, formatParam(v)])) : undefined;
  return t(message.key, params);
}
