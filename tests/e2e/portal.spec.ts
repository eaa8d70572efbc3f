import { test, expect } from "@playwright/test";
import { expectAccessible } from "./a11y";

test.describe("the public portal", () => {
  test("home page speaks Russian by default and lists both services", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Социальная помощь онлайн");
    await expect(page.getByRole("link", { name: "Назначение государственной адресной социальной помощи" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Социальная помощь отдельным категориям нуждающихся граждан" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("1414");
    await expect(page.getByRole("contentinfo")).toContainText("8-800-080-7777");
    await expectAccessible(page);
  });

  test("?lng=kk renders Kazakh and the choice is remembered on the next page", async ({ page }) => {
    await page.goto("/?lng=kk");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Әлеуметтік көмек онлайн");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Мемлекеттік атаулы әлеуметтік көмек тағайындау" }).click();
    await expect(page).toHaveURL(/\/services\/asp$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { name: "Мерзімдер" })).toBeVisible();
  });

  test("the language switch works with the keyboard and keeps the page", async ({ page }) => {
    await page.goto("/services/local");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Социальная помощь отдельным категориям нуждающихся граждан");
    const switchNav = page.getByRole("navigation", { name: "Язык" });
    await switchNav.getByRole("link", { name: "Қазақша" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/services\/local\?lng=kk$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мұқтаж азаматтардың жекелеген санаттарына әлеуметтік көмек");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  });

  test("a browser asking for Kazakh gets Kazakh without a cookie", async ({ browser }) => {
    const context = await browser.newContext({ locale: "kk-KZ", extraHTTPHeaders: { "Accept-Language": "kk-KZ,kk;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await context.close();
  });

  test("each service page is accessible in both languages", async ({ page }) => {
    for (const slug of ["asp", "local"]) {
      for (const lng of ["ru", "kk"]) {
        await page.goto(`/services/${slug}?lng=${lng}`);
        await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
        await expectAccessible(page);
      }
    }
  });

  test("an unknown page gives 404 with a way home", async ({ page }) => {
    const response = await page.goto("/services/nope");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  });

  test("health reports the database", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });
});

test.describe("oversized requests", () => {
  test("a body over the limit is refused with 413 in both languages before the app reads it", async ({ request }) => {
    const response = await request.post("/login", { data: "x".repeat(3 * 1024 * 1024), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(response.status()).toBe(413);
    const text = await response.text();
    expect(text).toContain("Запрос слишком большой");
    expect(text).toContain("Сұрау тым үлкен");
  });

  test("a form post without the page's CSRF token is refused with 403", async ({ request }) => {
    const response = await request.post("/login", { form: { iin: "900512440017", password: "Komek-2026", csrf: "forged" } });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("komek_session");
  });
});
