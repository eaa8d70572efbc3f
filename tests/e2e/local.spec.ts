/**
 * Local social assistance on the portal (issue 14), in Russian and Kazakh: a Nura citizen with a
 * disability sees the district's categories under decision № 159 (the server's rules day is
 * 2025-10-01, KOMEK_TODAY in playwright.config.ts), applies for operation help (8.3.2) with a
 * discharge summary, signs with ЭЦП and gets an LSA registration number with 8 working days; a
 * citizen without a disability is told to apply at the district office; a stranger cannot read the
 * document.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginWithPassword, AIGERIM } from "./helpers";
import { expectAccessible } from "./a11y";

const SUMMARY = path.resolve("tests/fixtures/local/discharge-summary.pdf");

const ru = {
  lng: "ru" as const,
  iin: "681102333182", // local_e2e_ru
  title: "Социальная помощь отдельным категориям нуждающихся граждан",
  act: "решение маслихата № 159",
  operation: "Трудная жизненная ситуация: оперативное лечение (операция)",
  amount: "10 МРП",
  apply: "Подать заявление",
  summaryLabel: "Копия выписного эпикриза медицинского учреждения",
  save: "Сохранить документы",
  keyFile: "Файл ключа ЭЦП",
  keyPassword: "Пароль к ключу",
  sign: "Подписать и отправить",
  wrongType: "Файл не является PDF, JPEG или PNG.",
};
const kk = {
  lng: "kk" as const,
  iin: "800625444192", // local_e2e_kk
  title: "Мұқтаж азаматтардың жекелеген санаттарына әлеуметтік көмек",
  act: "№ 159 шешімі",
  operation: "Қиын өмірлік жағдай: жедел емдеу (операция)",
  amount: "10 АЕК",
  apply: "Өтініш беру",
  summaryLabel: "Медициналық мекеменің шығару эпикризінің көшірмесі",
  save: "Құжаттарды сақтау",
  keyFile: "ЭЦҚ кілтінің файлы",
  keyPassword: "Кілттің құпиясөзі",
  sign: "Қол қою және жіберу",
  wrongType: "Файл PDF, JPEG немесе PNG емес.",
};

async function applyForOperation(page: Page, t: typeof ru | typeof kk, keyFile: string) {
  await loginWithPassword(page, t.iin, t.lng);
  await page.goto("/services/local");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  await expect(page.getByTestId("act")).toContainText(t.act);
  const card = page.getByTestId("category-8.3.2");
  await expect(card).toContainText(t.operation);
  await expect(card).toContainText(t.amount);
  await expect(card).toContainText("39\u00a0320");
  await expectAccessible(page);
  await card.getByRole("link", { name: t.apply }).click();
  await expect(page).toHaveURL(/\/services\/local\/apply\/8\.3\.2$/);
  await expectAccessible(page);

  // Content decides, not the name: a text file called .pdf is refused and nothing is kept.
  await page.getByLabel(t.summaryLabel).setInputFiles({ name: "epicrisis.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") });
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByText(t.wrongType).first()).toBeVisible();
  await expect(page.getByTestId("attached")).toHaveCount(0);

  await page.getByLabel(t.summaryLabel).setInputFiles(SUMMARY);
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByTestId("attached")).toContainText("discharge-summary.pdf");
  const docHref = (await page.getByTestId("attached").getByRole("link").first().getAttribute("href"))!;
  expect((await page.request.get(docHref)).status()).toBe(200);

  await page.getByLabel(t.keyFile).setInputFiles(keyFile);
  await page.getByLabel(t.keyPassword).fill(DEMO_KEY_PASSWORD);
  await page.getByRole("button", { name: t.sign }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("confirmation-panel")).toContainText(/LSA\d{2}-\d{6}/);
  return docHref;
}

test.describe("local assistance on the portal", () => {
  test("a Nura citizen with a disability applies for operation help in Russian; a stranger cannot read the document", async ({ page, request, browser }) => {
    const keyFile = await demoKeyFile(request, `${ru.iin}.p12`);
    await page.setViewportSize({ width: 375, height: 800 });
    const docHref = await applyForOperation(page, ru, keyFile);

    // The applicant's document is not there for another citizen.
    const other = await browser.newPage();
    await loginWithPassword(other, AIGERIM, "ru");
    expect((await other.request.get(docHref)).status()).toBe(404);
    // A citizen without a disability sees the categories and is told where to apply.
    await other.goto("/services/local");
    await expect(other.getByTestId("portal-only-for")).toContainText("отдел занятости и социальных программ");
    await expect(other.getByTestId("category-8.3.2").getByRole("link")).toHaveCount(0);
    await other.close();
  });

  test("the same in Kazakh", async ({ page, request }) => {
    const keyFile = await demoKeyFile(request, `${kk.iin}.p12`);
    await applyForOperation(page, kk, keyFile);
  });
});
