import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";

/**
 * Holiday payments by lists (issue 14): staff generate the 9 May list of Nura from the registry, review
 * it (exclude, add by IIN, each with a reason), the head approves it with ЭЦП, the recipients see the
 * decision in the cabinet (ru and kk) and get the SMS; generating it again creates nothing new.
 * The demonstration's list clock stands on 27.04.2026 (or KOMEK_TODAY), inside act № 159 (app/lists/source.server.ts).
 */
const SMIRNOV = "331102393025"; // Leningrad blockade and home-front award: two 9 May categories, ru
const ZHUMABEKOVA = "310314493018"; // home-front worker, kk
const ESENOV = "600830393058"; // excluded in review
const AKHMETOV = "300201393065"; // no pension in the registry: not listed, added by hand
const HEAD_IIN = "880211340018";

const row = (page: Page, iin: string) => page.locator(`tr[data-iin="${iin}"]`);

test.describe("holiday lists (issue 14)", () => {
  test("generate, review and approve the 9 May list; recipients see the decision; generating again creates nothing new", async ({ browser, request }) => {
    const specialist = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await loginStaff(specialist, "nura.specialist");
    await expect(specialist).not.toHaveURL(/login/);
    await specialist.getByRole("link", { name: "Социальная помощь по спискам" }).click();
    await expect(specialist.getByText("Действующие правила: решения № 159 от 29.04.2025")).toBeVisible();
    await specialist.getByLabel("Праздник, памятная дата или категория").selectOption({ label: "09.05 — День Победы" });
    await specialist.getByLabel("Год", { exact: true }).fill("2026");
    await specialist.getByRole("button", { name: "Сформировать" }).click();
    await expect(specialist).toHaveURL(/\/staff\/lists\/\d+$/);
    const listUrl = specialist.url();
    // The page refreshes itself until every category is done.
    await expect(specialist.getByTestId("progress-result")).toContainText("Сформирован: категорий 7", { timeout: 20_000 });
    await expect(row(specialist, SMIRNOV)).toHaveCount(2);
    await expect(row(specialist, ZHUMABEKOVA)).toContainText("7.5.7");
    await expect(row(specialist, AKHMETOV)).toHaveCount(0);
    await expectAccessible(specialist);

    // Review: a reason is required; then exclude one and add one by IIN.
    const esenov = row(specialist, ESENOV);
    await esenov.getByRole("button", { name: "Исключить" }).click();
    await expect(specialist.getByRole("alert")).toBeVisible();
    await row(specialist, ESENOV).getByLabel(`Причина исключения ${ESENOV}`).fill("выехал за пределы района");
    await row(specialist, ESENOV).getByRole("button", { name: "Исключить" }).click();
    await expect(specialist.getByRole("status").filter({ hasText: "Запись исключена." })).toBeVisible();
    await expect(row(specialist, ESENOV)).toContainText("исключён: выехал за пределы района");

    await specialist.getByLabel("ИИН", { exact: true }).fill("000000000000");
    await specialist.getByLabel("Категория", { exact: true }).selectOption("7.5.6");
    await specialist.getByLabel("Основание включения").fill("удостоверение № 15");
    await specialist.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(specialist.getByRole("alert")).toContainText("Человека с таким ИИН нет в реестре.");
    await specialist.getByLabel("ИИН", { exact: true }).fill(AKHMETOV);
    await specialist.getByLabel("Категория", { exact: true }).selectOption("7.5.6");
    await specialist.getByLabel("Основание включения").fill("справка ГК о назначении пенсии от 20.04.2026");
    await specialist.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(specialist.getByRole("status").filter({ hasText: "Получатель добавлен." })).toBeVisible();
    await expect(row(specialist, AKHMETOV)).toContainText("добавлен вручную: справка ГК");
    await specialist.getByRole("button", { name: "Список проверен — передать на утверждение" }).click();
    await expect(specialist.getByTestId("list-status")).toHaveText("проверен, на утверждении");

    // The head approves with ЭЦП.
    const head = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await loginStaff(head, "nura.head");
    await expect(head).not.toHaveURL(/login/);
    await head.goto(listUrl);
    await head.getByRole("link", { name: "Утвердить список с ЭЦП" }).click();
    await expect(head.getByTestId("approval-facts")).toContainText(/Решение от \d{2}\.\d{2}\.\d{4}: получателей \d+/);
    await expectAccessible(head);
    await head.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${HEAD_IIN}.p12`));
    await head.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
    await head.getByRole("button", { name: "Подписать и отправить" }).click();
    await expect(head).toHaveURL(new RegExp(`${listUrl.replace(/[/.]/g, "\\$&")}\\?approved=\\d+$`));
    await expect(head.getByTestId("list-status")).toHaveText("утверждён");
    await expect(head.getByRole("status").filter({ hasText: /Список утверждён: принято решений \d+/ })).toBeVisible();

    // The recipient in two categories sees one decision with both amounts (ADR 017), in Russian.
    const citizen = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await loginWithPassword(citizen, SMIRNOV, "ru");
    const grants = citizen.getByRole("region", { name: "Социальная помощь по спискам" });
    await expect(grants).toContainText("День Победы");
    await expect(grants).toContainText("300\u00a0000");
    await grants.getByRole("link", { name: /Решение № L\d+-\d{6}/ }).click();
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(/Решение № L\d+-\d{6} об оказании социальной помощи/);
    await expect(citizen.getByText(/Граждане, работавшие в период блокады .*: 200\u00a0000 тг/)).toBeVisible();
    await expect(citizen.getByText(/Лица, награжденные орденами .*: 100\u00a0000 тг/)).toBeVisible();
    await expect(citizen.getByText(/^Итого: 300\u00a0000 тг\. Выплата через Государственную корпорацию не позднее \d{2}\.\d{2}\.\d{4}\.$/)).toBeVisible();
    await expectAccessible(citizen);
    // The SMS went to the number in the mobile-citizens registry.
    await citizen.goto("/dev/sms/77018880302");
    await expect(citizen.locator("li[data-direction='out']").last()).toContainText("Komek: вам назначена социальная помощь к 9 мая: 300 000 тг");

    // In Kazakh: the Kazakh-speaking recipient's cabinet, on a 375 px phone.
    const kk = await (await browser.newContext({ locale: "kk-KZ", viewport: { width: 375, height: 800 } })).newPage();
    await loginWithPassword(kk, ZHUMABEKOVA, "kk");
    const kkGrants = kk.getByRole("region", { name: "Тізімдер бойынша әлеуметтік көмек" });
    await expect(kkGrants).toContainText("Жеңіс күні");
    await expect(kkGrants).toContainText("100\u00a0000");
    expect(await kk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await kkGrants.getByRole("link", { name: /№ L\d+-\d{6} шешім/ }).click();
    await expect(kk.getByText(/Барлығы: 100\u00a0000 тг\./)).toBeVisible();

    // Generating the approved list again creates nothing new — staff in Kazakh.
    await specialist.goto("/staff/lists?lng=kk");
    await specialist.getByLabel("Мереке, атаулы күн немесе санат").selectOption({ label: "09.05 — Жеңіс күні" });
    await specialist.getByLabel("Жыл", { exact: true }).fill("2026");
    await specialist.getByRole("button", { name: "Жасау" }).click();
    await expect(specialist).toHaveURL(listUrl);
    await expect(specialist.getByTestId("progress-result")).toContainText("Қайта жасау жаңа ештеңе қоспады.");
    await expect(specialist.getByTestId("list-status")).toHaveText("бекітілді");
    await expect(row(specialist, SMIRNOV)).toHaveCount(2);
  });
});
