import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD, latestCode } from "./helpers";
import { execFileSync } from "node:child_process";

// Demo people who never used the portal (db/seed/demo-people.ts, issue 16).
const CENTRE_RU = { iin: "840315343010", phone: "+77015550131", name: "Мусин Бауыржан Ерланович" };
const CENTRE_KK = { iin: "910621443026", phone: "+77015550132", name: "Оспанова Гүлжан Асқарқызы" };
const VILLAGER = { iin: "791102343033", phone: "+77015550133" };
const PDF = { name: "passport.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };

/** The due date of an application filed now by a channel, as the reviewed calendar has it (`komek workdays`), DD.MM.YYYY. */
function dueNow(channel: "centre" | "akim") {
  const out = execFileSync(process.execPath, ["cli/komek.mjs", "workdays", "application-day", new Date().toISOString(), "--channel", channel], { encoding: "utf8" });
  return (JSON.parse(out) as { dueDate: string }).dueDate.split("-").reverse().join(".");
}

const L = {
  ru: {
    login: "Логин", password: "Пароль", signIn: "Войти",
    iin: "ИИН заявителя", lang: "Русский", start: "Начать приём",
    family: "Подтвердить состав семьи", incomes: "Заявитель подтвердил сведения о доходах семьи из государственных баз (подпись на бланке заявления)",
    incomesSave: "Подтвердить доходы", payment: "Сохранить счёт", file: "Файл скана", upload: "Загрузить скан", consentScan: "Подписанное согласие",
    send: /Отправить код на номер/, code: "Код из SMS", verify: "Подтвердить код", paper: "Согласие дано на бумаге (скан загружен)",
    register: "Зарегистрировать заявление", talon: "Талон о приёме заявления", acceptedBy: "Заявление принял(а)",
    printNotice: "Распечатать уведомление для выдачи", valid: "Уведомление подлинное", reason: "Причина: комиссия не нашла нуждаемости",
  },
  kk: {
    login: "Логин", password: "Құпиясөз", signIn: "Кіру",
    iin: "Өтініш берушінің ЖСН", lang: "Қазақша", start: "Қабылдауды бастау",
    family: "Отбасы құрамын растау", incomes: "Өтініш беруші мемлекеттік базалардағы отбасы табысы туралы мәліметтерді растады (өтініш бланкісіндегі қолы)",
    incomesSave: "Табыстарды растау", payment: "Шотты сақтау", file: "Скан файлы", upload: "Сканды жүктеу", consentScan: "Қол қойылған келісім",
    send: /нөміріне код жіберу/, code: "SMS коды", verify: "Кодты растау", paper: "Келісім қағазда берілді (сканы жүктелді)",
    register: "Өтінішті тіркеу", talon: "Өтінішті қабылдау туралы талон", acceptedBy: "Өтінішті қабылдаған",
    printNotice: "Беру үшін хабарламаны басып шығару", valid: "Хабарлама түпнұсқа", reason: "Себебі: комиссия мұқтаждықты анықтамады",
  },
} as const;

async function staffPage(browser: Browser, login: string, lng: "ru" | "kk"): Promise<Page> {
  const page = await (await browser.newContext({ locale: lng === "kk" ? "kk-KZ" : "ru-RU" })).newPage();
  await page.goto(`/staff/login?lng=${lng}`);
  await page.getByLabel(L[lng].login).fill(login);
  await page.getByLabel(L[lng].password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: L[lng].signIn, exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/intake$/);
  return page;
}

/** Opens an intake, records the family, incomes, payment account and a document scan. */
async function fileUpToConsent(page: Page, lng: "ru" | "kk", iin: string, smsLanguage: "ru" | "kk") {
  const t = L[lng];
  await page.getByLabel(t.iin).fill(iin);
  await page.getByRole("radio", { name: L[smsLanguage].lang }).check();
  await page.getByRole("button", { name: t.start }).click();
  await expect(page).toHaveURL(/\/staff\/intake\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: t.family }).click();
  await page.getByLabel(t.incomes).check();
  await page.getByRole("button", { name: t.incomesSave }).click();
  await page.getByRole("button", { name: t.payment }).click();
  await page.getByLabel(t.file).setInputFiles(PDF);
  await page.getByRole("button", { name: t.upload }).click();
  await expect(page.getByRole("link", { name: /passport\.pdf/ })).toBeVisible();
}

for (const lng of ["ru", "kk"] as const) {
  const person = lng === "ru" ? CENTRE_RU : CENTRE_KK;
  test(`${lng}: a Centre specialist files for a citizen who never used the portal; the SMS carries the refusal's reason; the printed notice verifies`, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const t = L[lng];
    const page = await staffPage(browser, "nura.centre", lng);
    await expectAccessible(page);
    await fileUpToConsent(page, lng, person.iin, lng);

    // Consent by a one-time code sent to the citizen's registered number.
    await page.getByRole("button", { name: t.send }).click();
    const code = await latestCode(page, person.phone);
    await page.getByLabel(t.code).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await expectAccessible(page);
    const due = dueNow("centre");
    await page.getByRole("button", { name: t.register }).click();

    // The talon names the specialist (never "system"), the time, the number and the due date.
    await expect(page.getByRole("heading", { name: t.talon })).toBeVisible();
    await expect(page.getByTestId("accepted-by")).toHaveText(lng === "ru" ? "Касымова Айнур Болатовна" : "Қасымова Айнұр Болатқызы");
    await expect(page.locator("article.talon").getByText(/система|system|Портал \(автоматически\)|автоматты/i)).toHaveCount(0);
    const number = (await page.locator("dl.summary dd").first().innerText()).trim();
    expect(number).toMatch(/^ASP\d{2}-\d{6}$/);
    await expect(page.locator("article.talon").getByText(due).first()).toBeVisible();
    await expectAccessible(page);

    // The district decides (a refusal on the commission's conclusion) through the demo hook.
    const decided = await request.post("/dev/fixtures/decide", { data: { registrationNumber: number, kind: "refusal" } });
    expect(decided.status()).toBe(200);

    // The citizen, who has no cabinet, gets the outcome and its reason by SMS in the chosen language.
    await expect
      .poll(async () => {
        await page.goto(`/dev/sms/${person.phone.replace(/^\+/, "")}`);
        return page.locator("li[data-direction='out']").allInnerTexts();
      })
      .toContainEqual(expect.stringContaining(t.reason));

    // The Centre prints the signed notice; its QR code leads to /verify, which confirms it.
    await page.goto("/staff/intake");
    await page.getByRole("link", { name: number }).click();
    await page.getByRole("link", { name: t.printNotice }).click();
    await expect(page.getByRole("img", { name: /QR/ })).toBeVisible();
    await expectAccessible(page);
    // The desk's pages fit a 375 px phone too.
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const qr = await page.getByTestId("qr-link").getAttribute("href");
    expect(qr).toMatch(/\/verify\?number=ASP\d{2}-\d{6}&code=/);
    await page.goto("/staff/intake");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const visitor = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await visitor.goto(`${qr!.replace(/^https?:\/\/[^/]+/, "")}&lng=${lng}`);
    await expect(visitor.getByRole("heading", { name: t.valid })).toBeVisible();
  });
}

test("ru: the village akim files on paper; the due date is 18 working days; forwarding to the district appears in the timeline", async ({ browser }) => {
  test.setTimeout(120_000);
  const t = L.ru;
  const page = await staffPage(browser, "zharaspai.akim", "ru");
  // A resident of the district town is not the village akim's to file for.
  await page.getByLabel(t.iin).fill("861022340019");
  await page.getByRole("button", { name: t.start }).click();
  await expect(page.getByRole("alert")).toContainText("не зарегистрирован на территории вашего офиса");

  await fileUpToConsent(page, "ru", VILLAGER.iin, "kk");
  // Consent on paper: the signed form is scanned first.
  await page.getByRole("radio", { name: t.consentScan }).check();
  await page.getByLabel(t.file).setInputFiles({ ...PDF, name: "consent.pdf" });
  await page.getByRole("button", { name: t.upload }).click();
  await page.getByRole("button", { name: t.paper }).click();
  const due = dueNow("akim");
  await page.getByRole("button", { name: t.register }).click();

  await expect(page.getByRole("heading", { name: t.talon })).toBeVisible();
  await expect(page.getByTestId("accepted-by")).toHaveText("Жунусов Серик Амангельдиевич");
  await expect(page.locator("article.talon").getByText(due).first()).toBeVisible();
  await expect(page.getByText("18 рабочих дней со дня приёма документов")).toBeVisible();
  const number = (await page.locator("dl.summary dd").first().innerText()).trim();

  await page.getByRole("link", { name: "Вернуться к заявлению" }).click();
  await page.getByRole("button", { name: "Передать пакет в районный отдел" }).click();
  await expect(page.getByText(/Пакет передан в районный отдел/)).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The district specialist sees the step, with its date and the akim's name, in the case's timeline.
  const specialist = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await specialist.goto("/staff/login?lng=ru");
  await specialist.getByLabel("Логин").fill("nura.specialist");
  await specialist.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await specialist.getByRole("button", { name: "Войти", exact: true }).click();
  await specialist.getByRole("link", { name: number, exact: true }).click();
  await expect(specialist.getByRole("heading", { name: "Ход рассмотрения" })).toBeVisible();
  await expect(specialist.getByText("Передать пакет документов в районный отдел", { exact: true })).toBeVisible();
  await expect(specialist.getByText(/Жунусов Серик Амангельдиевич/).first()).toBeVisible();
  // The case's staff see who accepted the papers and can open the scans.
  await expect(specialist.getByRole("link", { name: /consent\.pdf/ })).toBeVisible();
  const scan = await specialist.request.get((await specialist.getByRole("link", { name: /passport\.pdf/ }).getAttribute("href"))!);
  expect(scan.status()).toBe(200);
  expect(scan.headers()["content-type"]).toBe("application/pdf");
});
