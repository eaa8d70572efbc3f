/**
 * Issue 17: what a person meets walking the pages — the language of error pages, the page titles, the
 * error pages' truth, the role start pages and the sign button without JavaScript.
 */
import { test, expect } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { AIGERIM, loginStaff } from "./helpers";

test.describe("error pages keep the person's language and tell the truth", () => {
  test("the 404 page in Kazakh stays Kazakh once JavaScript runs, with no hydration errors (item 5)", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const response = await page.goto("/no-such-page?lng=kk");
    expect(response?.status()).toBe(404);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Бет табылмады");
    await expect(page.getByRole("link", { name: "Басты бетке" }).first()).toBeVisible();
    await expect(page).toHaveTitle("Бет табылмады — Komek");
    // The header is Kazakh too, and stays so after hydration.
    await expect(page.getByRole("link", { name: "Кіру" })).toBeVisible();
    expect(problems).toEqual([]);
    await expectAccessible(page);
  });

  test("the same without JavaScript", async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: false, locale: "ru-RU" })).newPage();
    await page.goto("/no-such-page?lng=kk");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Бет табылмады");
  });

  test("a page for another role says «you do not have access», not «server error, your data is saved»", async ({ page }) => {
    await loginStaff(page, "cc.agent");
    await expect(page).toHaveURL(/\/callcenter$/);
    const response = await page.goto("/staff/cases/00000000-0000-4000-8000-000000000000/sign");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("У вас нет доступа к этой странице");
    await expect(page.getByText(/данные сохранены/)).toHaveCount(0);
    await expect(page).toHaveTitle("У вас нет доступа к этой странице — Komek");
  });

  test("an expired form token says «your session expired, sign in again»", async ({ page }) => {
    await page.goto("/login?lng=ru");
    await page.locator("input[name=csrf]").first().evaluate((el) => ((el as HTMLInputElement).value = "expired-token"));
    await page.getByLabel("ИИН", { exact: true }).fill(AIGERIM);
    await page.getByLabel("Пароль", { exact: true }).fill("Komek-2026");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Сеанс истёк");
    await expect(page.getByRole("link", { name: "Войти снова" })).toBeVisible();
    await expect(page.getByText(/данные сохранены/)).toHaveCount(0);
  });
});

test.describe("every page has its own title", () => {
  test("titles name the page, and start with «Ошибка:» / «Қате:» when the form came back with errors", async ({ page }) => {
    await page.goto("/login?lng=ru");
    await expect(page).toHaveTitle("Вход в портал — Komek");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Есть ошибки" })).toBeVisible();
    await expect(page).toHaveTitle("Ошибка: Вход в портал — Komek");
    await page.goto("/verify?lng=kk");
    await expect(page).toHaveTitle("Хабарламаны тексеру — Komek");
    await page.goto("/verify?number=bad&code=x&lng=kk");
    await expect(page).toHaveTitle("Қате: Хабарламаны тексеру — Komek");
  });
});

test.describe("each role starts on its own page (item 13)", () => {
  test("a 1414 agent lands on the console, and the header links what the role can use", async ({ page }) => {
    await loginStaff(page, "cc.agent");
    await expect(page).toHaveURL(/\/callcenter$/);
    const nav = page.getByRole("navigation", { name: "Основная навигация" });
    await expect(nav.getByRole("link", { name: "Консоль 1414" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "История моих запросов" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Журнал заявлений" })).toHaveCount(0);
  });

  test("a specialist lands on the journal; an admin sees the journal, the console and the look-up log", async ({ browser }) => {
    const specialist = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await loginStaff(specialist, "nura.specialist");
    await expect(specialist).toHaveURL(/\/staff$/);
    await expect(specialist.getByRole("link", { name: "Консоль 1414" })).toHaveCount(0);
    const admin = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await loginStaff(admin, "admin");
    await expect(admin).toHaveURL(/\/staff$/);
    for (const name of ["Журнал заявлений", "Консоль 1414", "Журнал запросов 1414"]) await expect(admin.getByRole("link", { name })).toBeVisible();
  });
});

test.describe("without JavaScript (item 12)", () => {
  test("the sign button looks disabled and says why beside it", async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: false, locale: "ru-RU" })).newPage();
    await page.goto("/login/ecp?lng=ru");
    const button = page.getByRole("button", { name: "Подписать и отправить" });
    await expect(button).toBeDisabled();
    await expect(button).toHaveCSS("cursor", "not-allowed");
    await expect(button).not.toHaveCSS("background-color", "rgb(0, 112, 60)");
    const note = page.getByText(/Для подписания ЭЦП нужен JavaScript/);
    await expect(note).toBeVisible();
    const b = (await button.boundingBox())!;
    const n = (await note.boundingBox())!;
    expect(n.y - (b.y + b.height)).toBeLessThan(40);
    await expect(button).toHaveAttribute("aria-describedby", /noscript/);
  });
});
