import { test, expect, type Locator } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_KEY_PASSWORD, DEMO_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";

/** The first demo payment recipient (app/payments/demo.server.ts): November paid, December returned (account closed). */
const GULMIRA = "680401491011";
/** The second demo payment recipient: December paid; a staff finding stops it and makes December an overpayment. */
const ASKHAT_E = "680402391029";
/** nura.specialist's IIN: the demo key the termination is signed with. */
const SPECIALIST_IIN = "850415440018";
/** nura.finance's IIN: the demo key a recovery step is signed with. */
const FINANCE_IIN = "840214444115";

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

  test("a staff termination with an overpayment: the specialist checks it and signs it with ЭЦП, the citizen is told in the cabinet", async ({ page, browser, request }) => {
    // The recipient's case number, from their cabinet.
    const citizen = await browser.newPage();
    await loginWithPassword(citizen, ASKHAT_E, "ru");
    const number = (await citizen.getByRole("link", { name: /^ASP\d{2}-\d{6}$/ }).first().innerText()).trim();
    await expect(monthRow(citizen.getByRole("region", { name: "Выплаты" }), "12.2026")).toContainText("выплачено 01.12.2026");

    await loginStaff(page, "nura.specialist");
    await expect(page).toHaveURL(/\/staff$/);
    await page.goto("/staff?status=notice_delivered");
    await page.getByRole("link", { name: number, exact: true }).click();
    await page.getByRole("link", { name: "Выплаты по делу: прекращение" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Выплаты по делу и их прекращение");
    await expectAccessible(page);

    // Bad input: no ground — a clear error, nothing changes.
    await page.getByLabel("Дата события или установления").fill("2026-12-01");
    await page.getByRole("button", { name: "Проверить и подписать" }).click();
    await expect(page.getByRole("alert")).toContainText("Выберите основание.");

    await page.getByLabel("представлены недостоверные сведения").check();
    await page.getByLabel("Дата события или установления").fill("2026-12-01");
    await page.getByLabel("Основание в документах (необязательно)").fill("Акт проверки № 12");
    await page.getByRole("button", { name: "Проверить и подписать" }).click();
    // What is decided, before anything is recorded: the stop date and December paid — to be recovered.
    await expect(page.getByTestId("termination-review")).toContainText("не выплачивается с 01.12.2026");
    await expect(page.locator("main")).toContainText(/12\.2026: выплачено [\d.]+ тг — излишне, к возврату/);
    await expectAccessible(page);
    await page.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${SPECIALIST_IIN}.p12`));
    await page.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
    await page.getByRole("button", { name: "Подписать и отправить" }).click();
    await expect(page.getByRole("status")).toContainText("Выплаты прекращены с 01.12.2026");
    await expect(page.getByText("Прекращение записано")).toBeVisible();

    await citizen.reload();
    const december = monthRow(citizen.getByRole("region", { name: "Выплаты" }), "12.2026");
    await expect(december).toContainText("не положена с 01.12.2026");
    await expect(december).toContainText(/излишне выплачено [\d.]+ тг — подлежит возврату/);
    await expect(december).toContainText("Верните");
    await expect(monthRow(citizen.getByRole("region", { name: "Выплаты" }), "01.2027")).toContainText("прекращена с 01.12.2026: представлены недостоверные сведения");
    await citizen.close();

    const kk = await browser.newPage();
    await loginWithPassword(kk, ASKHAT_E, "kk");
    await expect(monthRow(kk.getByRole("region", { name: "Төлемдер" }), "12.2026")).toContainText("артық төленді");
    await kk.close();

    // 1414 says the payments stopped and that a sum is to be paid back — no account, no amount.
    const agent = await browser.newPage();
    await agent.goto("/callcenter");
    await agent.getByLabel("Логин").fill("cc.agent");
    await agent.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await agent.getByRole("button", { name: "Войти" }).click();
    await agent.getByLabel("Номер звонка").fill("CC-E2E-PAY2");
    await agent.getByLabel("ИИН звонящего").fill(ASKHAT_E);
    await agent.getByRole("group", { name: "Язык ответа звонящему" }).getByLabel("Русский").check();
    await agent.getByRole("button", { name: "Найти" }).click();
    await expect(agent.getByTestId("payment-status")).toHaveText("выплаты прекращены с 01.12.2026; есть излишне выплаченная сумма к возврату — подробности в личном кабинете");
    await agent.close();

    // The district finance officer sees the overpayment and the demands under the district's name, not its key.
    const finance = await browser.newPage();
    await loginStaff(finance, "nura.finance");
    await expect(finance).toHaveURL(/\/staff\/payments$/);
    // A repayment of 100 tenge: checked first, then signed with the officer's ЭЦП.
    const item = finance.getByTestId(/^overpayment-/).filter({ hasText: "••1029" }).filter({ hasText: "недостоверные" });
    await item.getByLabel("Сумма, тг").fill("100");
    await item.getByRole("button", { name: "Проверить и подписать" }).click();
    await expect(finance.getByTestId("recovery-review")).toContainText("извещён → возвращено частично");
    await finance.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${FINANCE_IIN}.p12`));
    await finance.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
    await finance.getByRole("button", { name: "Подписать и отправить" }).click();
    await expect(finance.getByRole("status")).toContainText("Записано: возвращено частично");
    await finance.goto("/staff/payments?lng=kk");
    await expect(finance.getByRole("table").first()).toContainText("Нұра ауданының жұмыспен қамту");
    await expect(finance.locator("main")).not.toContainText(/· nura ·|\bnura\b\s*\d{2}\.\d{4}/);
    await finance.close();
  });
});
