import { test, expect, type Locator } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD, loginWithPassword } from "./helpers";

/** The first demo payment recipient (app/payments/demo.server.ts): November paid, December returned (account closed). */
const GULMIRA = "680401491011";

const monthRow = (scope: Locator, month: string) => scope.getByRole("row").filter({ has: scope.page().getByRole("cell", { name: month, exact: true }) });

test.describe("payments (issue 15)", () => {
  test("the citizen sees a paid and a returned payment in the cabinet, in Russian and in Kazakh", async ({ page, browser }) => {
    await loginWithPassword(page, GULMIRA, "ru");
    const section = page.getByRole("region", { name: "Выплаты" });
    await expect(section).toBeVisible();
    const paid = monthRow(section, "11.2026");
    await expect(paid).toContainText("выплачено 01.12.2026");
    await expect(paid).toContainText(/Halyk Bank\) •••• \d{4}/);
    const returned = monthRow(section, "12.2026");
    await expect(returned).toContainText("вернулась 03.12.2026: счёт закрыт");
    await expect(returned).toContainText("Укажите действующий счёт");
    await expect(section).not.toContainText(/KZ\d{2}/);
    await expectAccessible(page);

    // The corrected-account page refuses a bad IBAN with a clear message and changes nothing.
    await section.getByRole("link", { name: "Счёт для выплат (IBAN)" }).click();
    await page.getByLabel("Счёт для выплат (IBAN)").fill("KZ00 1234");
    await page.getByRole("button", { name: "Сохранить счёт" }).click();
    await expect(page.getByRole("alert")).toContainText("IBAN");
    await expect(monthRow(page.locator("main"), "12.2026")).toContainText("счёт закрыт");

    const kk = await browser.newPage();
    await loginWithPassword(kk, GULMIRA, "kk");
    const kkSection = kk.getByRole("region", { name: "Төлемдер" });
    await expect(monthRow(kkSection, "11.2026")).toContainText("01.12.2026 төленді");
    await expect(monthRow(kkSection, "12.2026")).toContainText("03.12.2026 қайтарылды: шот жабық");
    await kk.close();
  });

  test("the 1414 agent sees the payment status masked", async ({ page }) => {
    await page.goto("/callcenter");
    await page.getByLabel("Логин").fill("cc.agent");
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/callcenter$/);
    await page.getByLabel("Номер звонка").fill("CC-E2E-PAY1");
    await page.getByLabel("ИИН звонящего").fill(GULMIRA);
    await page.getByRole("group", { name: "Язык ответа звонящему" }).getByLabel("Русский").check();
    await page.getByRole("button", { name: "Найти" }).click();
    const status = page.getByTestId("payment-status");
    await expect(status).toHaveText("возврат: счёт закрыт — укажите счёт в личном кабинете или обратитесь в банк");
    await expect(page.getByTestId("answer")).not.toContainText(/KZ\d{2}/);
  });
});
