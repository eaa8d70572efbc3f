import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD } from "../../db/seed/demo-people";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";

const SUMMARY = path.resolve("tests/fixtures/local/discharge-summary.pdf");
const MADINA = "770821444467"; // local_callcenter: files 8.3.2 for this suite only
const GULNARA = "860512494016"; // the 8.7 preschool demonstration family's mother (app/lists/demo.server.ts)

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

  test("local assistance: an LSA number in Russian and Kazakh, a by-list decision by IIN, and its recipient checks it at /verify", async ({ browser, request }) => {
    // The 8.7 preschool list of the second half of 2025, approved by the Nura head with ЭЦП (demo hook).
    const approved = await request.post("/dev/fixtures/lists", { data: { kind: "needs", subject: "8.7", year: 2025, half: 2 } });
    expect(approved.status()).toBe(200);

    // A Nura citizen with a disability files for operation help (8.3.2) on the portal, in Kazakh.
    const citizen = await (await browser.newContext({ locale: "kk-KZ" })).newPage();
    await loginWithPassword(citizen, MADINA, "kk");
    await citizen.goto("/services/local/apply/8.3.2");
    await citizen.getByLabel("Медициналық мекеменің шығару эпикризінің көшірмесі").setInputFiles(SUMMARY);
    await citizen.getByRole("button", { name: "Құжаттарды сақтау" }).click();
    await expect(citizen.getByTestId("attached")).toContainText("discharge-summary.pdf");
    await citizen.getByLabel("ЭЦҚ кілтінің файлы").setInputFiles(await demoKeyFile(request, `${MADINA}.p12`));
    await citizen.getByLabel("Кілттің құпиясөзі").fill(DEMO_KEY_PASSWORD);
    await citizen.getByRole("button", { name: "Қол қою және жіберу" }).click();
    await expect(citizen.getByTestId("confirmation-panel")).toContainText(/LSA\d{2}-\d{6}/);
    const number = (await citizen.getByTestId("confirmation-panel").textContent())!.match(/LSA\d{2}-\d{6}/)![0];

    // The agent finds it by its number like an ASP one, on a phone-width screen, in Russian…
    const agent = await (await browser.newContext({ locale: "ru-RU", viewport: { width: 375, height: 800 } })).newPage();
    await loginStaff(agent, "cc.agent");
    await expect(agent).not.toHaveURL(/login/);
    await agent.goto("/callcenter");
    await agent.getByLabel("Номер звонка").fill("CC-E2E-LSA1");
    await agent.getByLabel("Или регистрационный номер заявления").fill(number);
    await agent.getByRole("group", { name: "Язык ответа звонящему" }).getByLabel("Русский").check();
    await agent.getByRole("button", { name: "Найти" }).click();
    const answer = agent.getByRole("region", { name: "Ответ звонящему" });
    const lsa = answer.locator('[data-kind="application"][data-service="local"]');
    await expect(lsa).toContainText(number);
    await expect(lsa).toContainText("Социальная помощь отдельным категориям нуждающихся граждан");
    await expect(lsa).toContainText("п. 8.3.2");
    await expect(lsa).toContainText("Зарегистрировано");
    await expect(lsa).toContainText("В срок");
    await expect(lsa).toContainText("Заявление зарегистрировано в отделе занятости и социальных программ района");
    await expect(answer).not.toContainText(MADINA);
    expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(agent);
    // …and in Kazakh, for the same look-up.
    await answer.getByRole("link", { name: "Қазақша" }).click();
    const lsaKk = agent.getByRole("region", { name: "Қоңырау шалушыға жауап" }).locator('[data-kind="application"][data-service="local"]');
    await expect(lsaKk).toContainText("Мұқтаж азаматтардың жекелеген санаттарына әлеуметтік көмек");
    await expect(lsaKk).toContainText("8.3.2-тармақ");
    await expect(lsaKk).toContainText("Тіркелді");
    await expect(lsaKk).toContainText("бөлімінде тіркелді");

    // The mother of the preschool family asks by IIN, in Kazakh: her 8.7 decision, then in Russian.
    await lookUp(agent, { call: "CC-E2E-LSA2", iin: GULNARA, speak: "Қазақша" });
    const grantKk = agent.getByRole("region", { name: "Қоңырау шалушыға жауап" }).locator('[data-kind="grant"]');
    await expect(grantKk).toContainText(/№ L\d+-\d{6} шешім/);
    await expect(grantKk).toContainText("ата-ана жарналарының 50");
    await expect(grantKk).toContainText("103\u00a0500 тг");
    await expect(grantKk).toContainText("Төлеу мерзімі");
    await agent.getByRole("region", { name: "Қоңырау шалушыға жауап" }).getByRole("link", { name: "Русский" }).click();
    const grantRu = agent.getByRole("region", { name: "Ответ звонящему" }).locator('[data-kind="grant"]');
    await expect(agent.getByRole("region", { name: "Ответ звонящему" })).toContainText("Помощь по спискам (без заявления)");
    await expect(grantRu).toContainText("родительских взносов");
    await expect(grantRu).toContainText("103\u00a0500 тг");
    await expect(agent.getByRole("region", { name: "Ответ звонящему" })).not.toContainText(GULNARA);
    // The decision's number from her SMS finds the same decision.
    const decision = (await grantRu.getByRole("heading").textContent())!.match(/L\d+-\d{6}/)![0];
    await agent.getByLabel("Номер звонка").fill("CC-E2E-LSA3");
    await agent.getByLabel("ИИН звонящего").fill("");
    await agent.getByLabel("Или регистрационный номер заявления").fill(decision);
    await agent.getByRole("button", { name: "Найти" }).click();
    await expect(agent.getByRole("region", { name: "Ответ звонящему" }).locator('[data-kind="grant"]')).toHaveAttribute("data-number", decision);

    // The recipient checks her decision at /verify from the cabinet, on a phone, in Kazakh; a changed code fails.
    const mother = await (await browser.newContext({ locale: "kk-KZ", viewport: { width: 375, height: 800 } })).newPage();
    await loginWithPassword(mother, GULNARA, "kk");
    await mother.getByRole("region", { name: "Тізімдер бойынша әлеуметтік көмек" }).getByRole("link", { name: /№ L\d+-\d{6} шешім/ }).click();
    await expect(mother.getByText(/^Тексеру коды: [2-9A-Z]{5}-[2-9A-Z]{5}\./)).toBeVisible();
    await mother.getByRole("link", { name: "Шешімнің түпнұсқалығын тексеру" }).click();
    const verdict = mother.getByRole("status").filter({ hasText: "Шешім түпнұсқа" });
    await expect(verdict).toBeVisible();
    await expect(verdict).toContainText("103\u00a0500 тг");
    await expect(verdict).toContainText(`••••••••${GULNARA.slice(-4)}`);
    await expect(verdict).not.toContainText(GULNARA);
    expect(await mother.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(mother);
    const url = new URL(mother.url());
    const code = url.searchParams.get("code")!;
    url.searchParams.set("code", code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`);
    await mother.goto(`${url.pathname}${url.search}&lng=ru`);
    await expect(mother.getByRole("status").filter({ hasText: "Решение не прошло проверку" })).toContainText("Решение с таким номером и кодом не найдено");
  });

  test("the fixture hook is not a way around the console", async ({ request }) => {
    // A form post (what another site could send) is refused; only a JSON request from the test works.
    const response = await request.post("/dev/fixtures/callcenter", { form: { x: "1" } });
    expect(response.status()).toBe(415);
    expect((await request.post("/dev/fixtures/lists", { form: { kind: "needs" } })).status()).toBe(415);
  });
});
