import { z } from "zod";
import { iinField } from "./common";

export const citizenLoginSchema = z.object({
  iin: iinField,
  password: z.string({ error: "auth:errors.passwordRequired" }).min(1, "auth:errors.passwordRequired").max(200),
});

export const staffLoginSchema = z.object({
  login: z.string({ error: "auth:errors.loginRequired" }).trim().min(1, "auth:errors.loginRequired").max(64),
  password: z.string({ error: "auth:errors.passwordRequired" }).min(1, "auth:errors.passwordRequired").max(200),
});
