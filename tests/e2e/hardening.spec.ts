import { test, expect } from "@playwright/test";
import { AIGERIM, DEMO_PASSWORD, MARIA } from "./helpers";

/** Issue 12: the open redirect after sign-in, and reading a stranger's data through the members step. */
test.describe("after sign-in the portal only sends people to its own pages", () => {
  for (const target of ["/%09/example.org", "//example.org", "/\\example.org", "https://example.org/"]) {
    test(`/login?redirectTo=${target} stays on the portal`, async ({ page, baseURL }) => {
      await page.goto(`/login?lng=ru&redirectTo=${target}`);
      await page.getByLabel("ИИН", { exact: true }).fill(MARIA);
      await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Войти", exact: true }).click();
      await expect(page).toHaveURL(`${baseURL}/cabinet`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
    });
  }

  test("a tampered redirect field in the posted form stays on the portal, and a same-site path is kept", async ({ page, baseURL }) => {
    await page.goto("/login?lng=ru&redirectTo=/cabinet/access");
    await page.locator("input[name=redirectTo]").first().evaluate((input: HTMLInputElement) => (input.value = "/\t/example.org"));
    await page.getByLabel("ИИН", { exact: true }).fill(MARIA);
    await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/cabinet`);
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
    await page.goto("/login?lng=ru&redirectTo=/cabinet/access");
    await page.getByLabel("ИИН", { exact: true }).fill(MARIA);
    await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/cabinet/access`);
  });

  test("/staff/login with a foreign redirect lands on the staff page", async ({ page, baseURL }) => {
    await page.goto("/staff/login?redirectTo=/%09/example.org");
    await page.getByLabel("Логин").fill("nura.specialist");
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/staff`);
    // Signed in already: the loader's redirect is checked the same way.
    await page.goto("/staff/login?redirectTo=//example.org");
    await expect(page).toHaveURL(`${baseURL}/staff`);
  });
});

test.describe("the members step", () => {
  const ASEL = "931205440016"; // callcenter_demo

  test("another person's IIN is refused in ru and kk, and nothing of that person is shown", async ({ page }) => {
    await page.goto("/login?lng=ru");
    await page.getByLabel("ИИН", { exact: true }).fill(ASEL);
    await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await page.getByRole("button", { name: "Подать заявление на АСП" }).click();
    await page.getByRole("button", { name: "Сохранить и продолжить" }).click();
    await expect(page).toHaveURL(/\/members$/);
    await page.getByLabel("ИИН члена семьи").fill(AIGERIM);
    await page.getByLabel("Степень родства").selectOption("child");
    await page.getByRole("button", { name: "Добавить" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Есть ошибки" })).toContainText("Этого человека нет в вашей семье");
    await expect(page.locator("#main")).not.toContainText(AIGERIM);
    await expect(page.locator("body")).not.toContainText("Нурланова");

    await page.goto(page.url().replace(/\?.*$/, "") + "?lng=kk");
    await page.getByLabel("Отбасы мүшесінің ЖСН-і").fill(AIGERIM);
    await page.getByLabel("Туыстық дәрежесі").selectOption("child");
    await page.getByRole("button", { name: "Қосу" }).click();
    await expect(page.getByRole("alert")).toContainText("бұл адам сіздің отбасыңызда жоқ");

    // The incomes step shows nothing of her either.
    await page.goto(page.url().replace(/\/members.*$/, "/incomes"));
    await expect(page.locator("body")).not.toContainText("Нұрланова");
    await expect(page.locator("body")).not.toContainText(AIGERIM);
  });
});
