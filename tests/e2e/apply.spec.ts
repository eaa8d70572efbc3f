import { test, expect, type Page } from "@playwright/test";
import { DEMO_KEY_PASSWORD, demoKeyFile, latestCode, loginWithPassword, ASKHAT, MARIA } from "./helpers";
import { expectAccessible } from "./a11y";

type Texts = {
  lng: "ru" | "kk";
  start: string;
  next: string;
  membersConfirm: string;
  incomesConfirm: string;
  sendCode: string;
  code: string;
  confirmConsent: string;
  keyFile: string;
  keyPassword: string;
  sign: string;
  registered: string;
  talon: string;
};

const ru: Texts = {
  lng: "ru", start: "Подать заявление на АСП", next: "Сохранить и продолжить", membersConfirm: "Состав семьи верен",
  incomesConfirm: "Я подтверждаю, что сведения о доходах верны", sendCode: "Отправить код", code: "Код из SMS",
  confirmConsent: "Подтвердить согласие", keyFile: "Файл ключа ЭЦП", keyPassword: "Пароль к ключу", sign: "Подписать и отправить",
  registered: "Зарегистрировано", talon: "Талон для печати",
};
const kk: Texts = {
  lng: "kk", start: "АӘК-ке өтініш беру", next: "Сақтап, жалғастыру", membersConfirm: "Отбасы құрамы дұрыс",
  incomesConfirm: "Табыс туралы мәліметтердің дұрыстығын растаймын", sendCode: "Код жіберу", code: "SMS-тегі код",
  confirmConsent: "Келісімді растау", keyFile: "ЭЦҚ кілтінің файлы", keyPassword: "Кілттің құпиясөзі", sign: "Қол қою және жіберу",
  registered: "Тіркелді", talon: "Басып шығаруға арналған талон",
};

/** Walks every step of the e-application with the account on file, and signs it. */
async function fileApplication(page: Page, t: Texts, iin: string, phone: string, keyFile: string) {
  await loginWithPassword(page, iin, t.lng);
  await page.getByRole("button", { name: t.start }).click();
  await expect(page).toHaveURL(/\/applicant$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: t.next }).click();

  await expect(page).toHaveURL(/\/members$/);
  await page.getByLabel(t.membersConfirm).check();
  await page.getByRole("button", { name: t.next }).click();

  await expect(page).toHaveURL(/\/incomes$/);
  await expectAccessible(page);
  await page.getByLabel(t.incomesConfirm).check();
  await page.getByRole("button", { name: t.next }).click();

  await expect(page).toHaveURL(/\/payment$/);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: t.next }).click();

  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole("button", { name: t.sendCode }).click();
  await page.getByLabel(t.code).fill(await latestCode(page, phone));
  await page.getByRole("button", { name: t.confirmConsent }).click();

  await expect(page).toHaveURL(/\/review$/);
  await expectAccessible(page);
  await page.getByLabel(t.keyFile).setInputFiles(keyFile);
  await page.getByLabel(t.keyPassword).fill(DEMO_KEY_PASSWORD);
  await page.getByRole("button", { name: t.sign }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
}

test.describe("the ASP e-application", () => {
  test("a demo citizen files, signs and registers it in Russian, and sees the talon and the cabinet entry", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, "900512440017.p12");
    await fileApplication(page, ru, "900512440017", "+77015550101", keyFile);
    await expect(page.getByText(ru.registered, { exact: true }).first()).toBeVisible();
    const number = await page.getByText(/^ASP\d{2}-\d{6}$/).innerText();
    await page.getByRole("link", { name: ru.talon }).click();
    await expect(page.getByRole("heading", { name: "Талон о приёме заявления" })).toBeVisible();
    await expect(page.getByText(number)).toBeVisible();
    await expect(page.getByText("Портал (автоматически)")).toBeVisible();
    await page.goto("/cabinet");
    await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText(ru.registered);
  });

  test("the same in Kazakh", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, "890410440018.p12");
    await fileApplication(page, kk, "890410440018", "+77015550107", keyFile);
    await expect(page.getByText(kk.registered, { exact: true }).first()).toBeVisible();
    await page.goto("/cabinet");
    await expect(page.getByRole("table")).toContainText(kk.registered);
  });

  test("a family member already receiving ASP stops registration, with the reason in the cabinet", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, `${ASKHAT}.p12`);
    await fileApplication(page, ru, ASKHAT, "+77015550103", keyFile);
    await expect(page.getByRole("heading", { name: "Заявление не зарегистрировано" })).toBeVisible();
    await expect(page.getByText("Отсутствие назначенной помощи и других заявлений")).toBeVisible();
    await expect(page.getByText(/уже назначена адресная социальная помощь/)).toBeVisible();
  });

  test("members registered in different settlements stop registration, in Kazakh", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, `${MARIA}.p12`);
    await fileApplication(page, kk, MARIA, "+77015550104", keyFile);
    await expect(page.getByRole("heading", { name: "Өтініш тіркелмеді" })).toBeVisible();
    await expect(page.getByText("Бір елді мекенде тіркелу")).toBeVisible();
  });

  test("bad input on the steps is refused with a message next to the field", async ({ page }) => {
    await loginWithPassword(page, "820903340019", "ru");
    await page.getByRole("button", { name: ru.start }).click();
    await page.getByRole("button", { name: ru.next }).click();
    // A bad check digit, then someone not in the household (here: not even in the registry), then the applicant again.
    for (const [iin, message] of [
      ["820903340018", "Такого ИИН не существует: проверьте цифры"],
      ["850314300013", "Этого человека нет в вашей семье по данным государственных систем"],
      ["820903340019", "Вы уже указаны как заявитель"],
    ]) {
      await page.getByLabel("ИИН члена семьи").fill(iin);
      await page.getByLabel("Степень родства").selectOption("child");
      await page.getByRole("button", { name: "Добавить" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Есть ошибки" })).toContainText(message);
    }
    await page.getByLabel("ИИН члена семьи").fill("<script>alert(1)</script>");
    await page.getByRole("button", { name: "Добавить" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Есть ошибки" })).toContainText("ИИН должен состоять из 12 цифр");
    await expectAccessible(page);
  });
});
