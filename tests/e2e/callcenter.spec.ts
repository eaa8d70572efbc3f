import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD } from "../../db/seed/demo-people";

type LookupDemo = { password: string; portal: { iin: string; registrationNumber: string }; offer: { iin: string } };

/** A portal application and a delivered proactive offer for two generated people (demo-mode hook). */
async function createFixture(page: Page): Promise<LookupDemo> {
  const response = await page.request.post("/dev/fixtures/callcenter", { data: {} });
  expect(response.status()).toBe(200);
  return response.json();
}

async function lookUp(page: Page, fields: { call: string; iin: string; speak: "Русский" | "Қазақша" }) {
  await page.getByLabel("Номер звонка").fill(fields.call);
  await page.getByLabel("ИИН звонящего").fill(fields.iin);
  await page.getByRole("group", { name: "Язык ответа звонящему" }).getByLabel(fields.speak).check();
  await page.getByRole("button", { name: "Найти" }).click();
}

test.describe("call-centre 1414", () => {
  test("an agent answers a caller in Russian and in Kazakh, and the caller sees the look-up in their cabinet", async ({ page }) => {
    const demo = await createFixture(page);

    // The console sends a visitor to the staff sign-in and back.
    await page.goto("/callcenter");
    await expect(page).toHaveURL(/\/staff\/login\?redirectTo=%2Fcallcenter/);
    await page.getByLabel("Логин").fill("cc.agent");
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/callcenter$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Контакт-центр 1414: где заявление");
    await expectAccessible(page);

    // A wrong IIN is flagged while the agent types, before anything is sent.
    await page.getByLabel("ИИН звонящего").fill(demo.portal.iin.slice(0, 11) + String((Number(demo.portal.iin[11]) + 1) % 10));
    await expect(page.getByText("Такого ИИН не существует: проверьте цифры")).toBeVisible();

    // The portal application, in Russian…
    await lookUp(page, { call: "CC-E2E-0001", iin: demo.portal.iin, speak: "Русский" });
    const answer = page.getByRole("region", { name: "Ответ звонящему" });
    await expect(answer).toBeVisible();
    const application = answer.locator('[data-kind="application"]');
    await expect(application).toContainText(demo.portal.registrationNumber);
    await expect(application).toContainText("Зарегистрировано");
    await expect(application).toContainText("Портал");
    await expect(application).toContainText("В срок");
    await expect(application).toContainText("Ничего делать не нужно");
    await expect(answer).not.toContainText(demo.portal.iin);
    await expectAccessible(page);

    // …and in Kazakh, for the same look-up.
    await answer.getByRole("link", { name: "Қазақша" }).click();
    const kkAnswer = page.getByRole("region", { name: "Қоңырау шалушыға жауап" });
    await expect(kkAnswer.locator('[data-kind="application"]')).toContainText("Тіркелді");
    await expect(kkAnswer.locator('[data-kind="application"]')).toContainText("Ештеңе істеудің қажеті жоқ");

    // The proactive offer, asked in Kazakh, then in Russian.
    await lookUp(page, { call: "CC-E2E-0002", iin: demo.offer.iin, speak: "Қазақша" });
    const offerKk = page.getByRole("region", { name: "Қоңырау шалушыға жауап" }).locator('[data-kind="offer"]');
    await expect(offerKk).toContainText("Жеткізілді");
    await expect(offerKk).toContainText("Жауап күтілуде");
    await page.getByRole("region", { name: "Қоңырау шалушыға жауап" }).getByRole("link", { name: "Русский" }).click();
    const offerRu = page.getByRole("region", { name: "Ответ звонящему" }).locator('[data-kind="offer"]');
    await expect(offerRu).toContainText("Доставлено");
    await expect(offerRu).toContainText("Ожидается ответ");
    await expect(offerRu).toContainText("Ответьте на SMS до");

    // The agent's own history lists both calls.
    await page.getByRole("link", { name: "Мои запросы" }).click();
    await expect(page.getByRole("table")).toContainText("CC-E2E-0001");
    await expect(page.getByRole("table")).toContainText("CC-E2E-0002");

    // The caller signs in and sees who looked at their data: the role and purpose, not the agent.
    await page.getByRole("button", { name: "Выйти" }).click();
    // Sign-out ends on the home page; going on before it lands races the old session's cookie.
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/login");
    await page.getByLabel("ИИН", { exact: true }).fill(demo.portal.iin);
    await page.getByLabel("Пароль").fill(demo.password);
    await page.getByRole("button", { name: "Войти" }).first().click();
    await expect(page).toHaveURL(/\/cabinet$/);
    await page.getByRole("link", { name: "Кто смотрел мои данные" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Кто смотрел мои данные");
    const row = page.getByRole("row").filter({ hasText: "CC-E2E-0001" });
    await expect(row).toContainText("Оператор контакт-центра 1414");
    await expect(row).toContainText("Ответ на звонок в контакт-центр 1414 о статусе заявления");
    await expect(page.getByRole("main")).not.toContainText("Исаева");
    await expectAccessible(page);
  });

  test("the fixture hook is not a way around the console", async ({ request }) => {
    // A form post (what another site could send) is refused; only a JSON request from the test works.
    const response = await request.post("/dev/fixtures/callcenter", { form: { x: "1" } });
    expect(response.status()).toBe(415);
  });
});
