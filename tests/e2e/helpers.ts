import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Komek-2026";
export const DEMO_KEY_PASSWORD = "123456";
export const AIGERIM = "900512440017"; // eligible_portal, prefers Kazakh
export const IVAN = "820903340019"; // proactive_ru
export const ASKHAT = "780120340012"; // member_has_asp
export const MARIA = "950707440016"; // split_settlements

/** Downloads a demo key file from /dev/keys into a temporary file the file input can take. */
export async function demoKeyFile(request: APIRequestContext, name: string) {
  const response = await request.get(`/dev/keys/${name}`);
  expect(response.status()).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "komek-key-")), name);
  fs.writeFileSync(file, await response.body());
  return file;
}

export async function loginWithPassword(page: Page, iin: string, lng: "ru" | "kk" = "ru") {
  await page.goto(`/login?lng=${lng}`);
  await page.getByLabel(lng === "ru" ? "ИИН" : "ЖСН", { exact: true }).fill(iin);
  await page.getByLabel(lng === "ru" ? "Пароль" : "Құпиясөз", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: lng === "ru" ? "Войти" : "Кіру", exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
}

export async function loginStaff(page: Page, login: string) {
  await page.goto("/staff/login?lng=ru");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

/** The newest six-digit code the development phone shows for this number. */
export async function latestCode(page: Page, phone: string): Promise<string> {
  const thread = await page.context().newPage();
  let code: string | null = null;
  for (let i = 0; i < 20 && !code; i++) {
    await thread.goto(`/dev/sms/${phone.replace(/^\+/, "")}`);
    const texts = await thread.locator("li[data-direction='out']").allInnerTexts();
    const matches = texts.map((t) => t.match(/\b(\d{6})\b/)?.[1]).filter(Boolean) as string[];
    code = matches.at(-1) ?? null;
    if (!code) await thread.waitForTimeout(250);
  }
  await thread.close();
  if (!code) throw new Error(`no code arrived for ${phone}`);
  return code;
}
