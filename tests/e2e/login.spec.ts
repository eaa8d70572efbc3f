import { test, expect } from "@playwright/test";
import { AIGERIM, DEMO_KEY_PASSWORD, IVAN, demoKeyFile, loginWithPassword } from "./helpers";
import { expectAccessible } from "./a11y";

test.describe("signing in", () => {
  test("a demo citizen signs in with IIN and password in Russian and lands in the cabinet", async ({ page }) => {
    await loginWithPassword(page, IVAN, "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
    await expect(page.getByText("Смирнов Иван Петрович")).toBeVisible();
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
    await page.goto("/cabinet");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcabinet/);
  });

  test("the same in Kazakh", async ({ page }) => {
    await loginWithPassword(page, AIGERIM, "kk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Жеке кабинет");
    await expect(page.getByText("Нұрланова Айгерім Серікқызы")).toBeVisible();
  });

  test("a wrong password and an unknown IIN get the same message, in the user's language", async ({ page }) => {
    await page.goto("/login?lng=ru");
    await page.getByLabel("ИИН", { exact: true }).fill(IVAN);
    await page.getByLabel("Пароль", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Есть ошибки" });
    await expect(summary).toContainText("Неверный ИИН или пароль");
    await expectAccessible(page);

    await page.goto("/login?lng=kk");
    await page.getByLabel("ЖСН", { exact: true }).fill("850314300013");
    await page.getByLabel("Құпиясөз", { exact: true }).fill("whatever-123");
    await page.getByRole("button", { name: "Кіру", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Қателер бар" })).toContainText("ЖСН немесе құпиясөз қате");
  });

  test("an IIN with a bad check digit is refused before any password check", async ({ page }) => {
    await page.goto("/login?lng=ru");
    await page.getByLabel("ИИН", { exact: true }).fill("900512440018");
    await page.getByLabel("Пароль", { exact: true }).fill("x");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page.getByRole("link", { name: "Такого ИИН не существует: проверьте цифры" })).toBeVisible();
    await page.getByRole("link", { name: "Такого ИИН не существует: проверьте цифры" }).click();
    await expect(page.getByLabel("ИИН", { exact: true })).toBeFocused();
  });

  test("five wrong passwords lock the IIN with a message saying when to try again", async ({ page }) => {
    const iin = "871201340014"; // above_poverty_line: no other suite signs in as him
    for (let i = 0; i < 5; i++) {
      await page.goto("/login?lng=ru");
      await page.getByLabel("ИИН", { exact: true }).fill(iin);
      await page.getByLabel("Пароль", { exact: true }).fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Войти", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Есть ошибки" })).toBeVisible();
    }
    await page.goto("/login?lng=kk");
    await page.getByLabel("ЖСН", { exact: true }).fill(iin);
    await page.getByLabel("Құпиясөз", { exact: true }).fill("Komek-2026");
    await page.getByRole("button", { name: "Кіру", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Қателер бар" })).toContainText("Кіру әрекеттері тым көп болды");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a citizen signs in with the ЭЦП key file", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, `${AIGERIM}.p12`);
    await page.goto("/login/ecp?lng=ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("С помощью ЭЦП");
    await page.getByLabel("Файл ключа ЭЦП").setInputFiles(keyFile);
    await page.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
    await page.getByRole("button", { name: /Подписать/ }).click();
    await expect(page).toHaveURL(/\/cabinet$/);
    await expect(page.getByText("Нурланова Айгерим Сериковна")).toBeVisible();
  });

  test("a revoked key is refused with a reason", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, "revoked.p12");
    await page.goto("/login/ecp?lng=kk");
    await page.getByLabel("ЭЦҚ кілтінің файлы").setInputFiles(keyFile);
    await page.getByLabel("Кілттің құпиясөзі").fill(DEMO_KEY_PASSWORD);
    await page.getByRole("button", { name: "Қол қою және жіберу" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Қателер бар" })).toContainText("кері қайтарылған");
  });
});
