/** The forms of the list pages (one zod schema per form; parsed with app/schemas/form.ts parseForm). Shared by server and browser. */
import { z } from "zod";

const reason = z.string().trim().min(1, "lists:errors.reason").max(500, "lists:errors.reason");

export const generateForm = z.object({
  what: z.string().regex(/^(holiday:\d{2}-\d{2}|needs:[0-9.]{1,16})$/, "lists:errors.what"),
  year: z.coerce.number({ error: "lists:errors.year" }).int("lists:errors.year").min(2020, "lists:errors.year").max(2100, "lists:errors.year"),
  half: z.enum(["1", "2"]).default("1"),
});

export const addForm = z.object({
  iin: z.string().trim().regex(/^\d{12}$/, "lists:errors.iin"),
  category: z.string().trim().min(1, "lists:errors.what").max(16, "lists:errors.what"),
  reason,
});

export const excludeForm = z.object({
  entry: z.coerce.number({ error: "lists:errors.entry" }).int("lists:errors.entry").positive("lists:errors.entry"),
  reason,
});

export type ListsActionData = { errors?: Record<string, string | undefined>; values?: Record<string, string>; done?: string };
