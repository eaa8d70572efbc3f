/**
 * The staff steps of a local social assistance case (issue 14, ADR 022), with citizens of its own
 * (local_deciding_ru / local_deciding_kk in db/seed/demo-people.ts, used by no other suite):
 * - in Russian, a Nura citizen with a disability applies for operation help (8.3.2) with a discharge
 *   summary; the district commission surveys, the specialist computes income (within 1 ПМ), the special
 *   commission sets 10 МРП, the specialist drafts the assignment and signs, the head signs last, and
 *   the notice with both signers and the SMS reach the citizen;
 * - in Kazakh, a citizen whose per-capita income is above 1 ПМ is refused on clause 12 ground 3, and
 *   the cabinet, the notice and the SMS give the reason in Kazakh.
 * Staff work in Russian, as the other staff suites do.
 */
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";
import { expectAccessible } from "./a11y";

const SUMMARY = path.resolve("tests/fixtures/local/discharge-summary.pdf");
const SPECIALIST_IIN = "850415440018";
const HEAD_IIN = "880211340018";

const ru = {
  lng: "ru" as const,
  iin: "660412333716", // local_deciding_ru
  phone: "77015550145",
  summaryLabel: "Копия выписного эпикриза медицинского учреждения",
  save: "Сохранить документы",
  keyFile: "Файл ключа ЭЦП",
  keyPassword: "Пароль к ключу",
  sign: "Подписать и отправить",
};
const kk = {
  lng: "kk" as const,
  iin: "770819444723", // local_deciding_kk
  phone: "77015550146",
  summaryLabel: "Медициналық мекеменің шығару эпикризінің көшірмесі",
  save: "Құжаттарды сақтау",
  keyFile: "ЭЦҚ кілтінің файлы",
  keyPassword: "Кілттің құпиясөзі",
  sign: "Қол қою және жіберу",
};

async function apply(browser: Browser, request: Parameters<typeof demoKeyFile>[0], t: typeof ru | typeof kk): Promise<{ page: Page; number: string }> {
  const page = await (await browser.newContext({ locale: t.lng === "kk" ? "kk-KZ" : "ru-RU" })).newPage();
  await loginWithPassword(page, t.iin, t.lng);
  await page.goto("/services/local/apply/8.3.2");
  await page.getByLabel(t.summaryLabel).setInputFiles(SUMMARY);
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByTestId("attached")).toContainText("discharge-summary.pdf");
  await page.getByLabel(t.keyFile).setInputFiles(await demoKeyFile(request, `${t.iin}.p12`));
  await page.getByLabel(t.keyPassword).fill(DEMO_KEY_PASSWORD);
  await page.getByRole("button", { name: t.sign }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const number = (await page.getByTestId("confirmation-panel").innerText()).match(/LSA\d{2}-\d{6}/)![0];
  // Filed after working hours, the application day is tomorrow; the demo moves it to today so the survey can be dated today.
  expect((await request.post("/dev/fixtures/local-day", { data: { registrationNumber: number } })).status()).toBe(200);
  return { page, number };
}

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await loginStaff(page, login);
  await expect(page).toHaveURL(/\/staff$/);
  return page;
}

async function openCase(page: Page, number: string) {
  await page.goto("/staff");
  await page.getByRole("link", { name: number, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Заявление № ${number}`);
}

/** Survey by the district commission, then the head assigns the specialist, who computes the income. */
async function surveyAndIncome(staff: { specialist: Page; commission: Page; head: Page }, number: string) {
  const { specialist, commission, head } = staff;
  await openCase(specialist, number);
  // Decided under the act it was filed under, which staff see even after its repeal.
  await expect(specialist.getByTestId("local-case")).toContainText("Нуринский районный маслихат, от 29.04.2025 № 159");
  await expect(specialist.getByTestId("local-case")).toContainText("обследование участковой комиссией");
  await expectAccessible(specialist);
  await specialist.getByRole("button", { name: "Направить в участковую комиссию" }).click();
  await expect(specialist.getByText("На обследовании участковой комиссии").first()).toBeVisible();

  await openCase(commission, number);
  await commission.getByRole("link", { name: "Внести акт обследования и заключение" }).click();
  await commission.getByLabel("Дата обследования").fill(new Date().toISOString().slice(0, 10));
  await commission.getByLabel("Кто присутствовал при обследовании").fill("Заявитель; члены комиссии Омаров Е. С.");
  await commission.getByLabel("Жилищно-бытовые условия").fill("Частный дом, печное отопление");
  await commission.getByLabel("Имущество, увиденное при обследовании").fill("нет");
  await commission.getByRole("radio", { name: "Нуждается в социальной помощи", exact: true }).check();
  await commission.getByRole("button", { name: "Сохранить акт и заключение" }).click();
  await expect(commission.getByText("Обследование проведено").first()).toBeVisible();

  await openCase(head, number);
  await head.getByLabel("Специалист").selectOption({ label: "Жумабаева Салтанат Каировна" });
  await head.getByRole("button", { name: "Назначить ответственного специалиста" }).click();

  await openCase(specialist, number);
  await specialist.getByRole("link", { name: "Рассчитать среднедушевой доход" }).click();
  // Wait for the computation's answer before leaving the page: navigating away would cancel it.
  const computed = specialist.waitForResponse((r) => r.request().method() === "POST" && /\/income(\.data)?$/.test(new URL(r.url()).pathname));
  await specialist.getByRole("button", { name: "Рассчитать доход и размер помощи" }).click();
  expect((await computed).status()).toBeLessThan(400);
  await openCase(specialist, number);
}

/** The specialist signs the notice first, then the head; the head's link appears only after her signature. */
async function signBoth(staff: { specialist: Page; head: Page }, request: Parameters<typeof demoKeyFile>[0], number: string) {
  const { specialist, head } = staff;
  await openCase(head, number);
  await expect(head.getByRole("link", { name: "Подписать решение ЭЦП" })).toHaveCount(0);

  await openCase(specialist, number);
  await specialist.getByRole("link", { name: "Подписать уведомление ЭЦП (специалист)" }).click();
  await expect(specialist.getByText("После вашей подписи его подписывает руководитель")).toBeVisible();
  await expectAccessible(specialist);
  await specialist.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${SPECIALIST_IIN}.p12`));
  await specialist.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
  await specialist.getByRole("button", { name: "Подписать и отправить" }).click();
  await expect(specialist.getByTestId("cosigned")).toContainText("Ожидается подпись руководителя");

  await openCase(head, number);
  await head.getByRole("link", { name: "Подписать решение ЭЦП" }).click();
  await expect(head.getByText("Специалист: Жумабаева Салтанат Каировна. Подписано ЭЦП.").first()).toBeVisible();
  await head.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${HEAD_IIN}.p12`));
  await head.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
  await head.getByRole("button", { name: "Подписать и отправить" }).click();
  await expect(head.getByText("Уведомление направлено заявителю").first()).toBeVisible();
}

async function smsTo(page: Page, phone: string) {
  await page.goto(`/dev/sms/${phone}`);
  return page.locator("li[data-direction='out']").allInnerTexts();
}

test.describe("deciding local assistance", () => {
  test("operation help (8.3.2) in Russian: both commissions, the specialist and the head sign, the notice reaches the cabinet", async ({ browser, request }) => {
    test.setTimeout(240_000);
    const { page: citizen, number } = await apply(browser, request, ru);
    const staff = { specialist: await staffPage(browser, "nura.specialist"), commission: await staffPage(browser, "nura.commission"), head: await staffPage(browser, "nura.head") };
    await surveyAndIncome(staff, number);
    await expect(staff.specialist.getByTestId("income-threshold")).toContainText("не выше порога");

    // The special commission's conclusion: the act's 10 МРП of the year (a wrong sum is refused).
    await openCase(staff.commission, number);
    await staff.commission.getByRole("link", { name: "Внести заключение специальной комиссии" }).click();
    const limit = (await staff.commission.getByTestId("limit").innerText()).match(/установлен маслихатом: ([\d\u00a0 ]+) ₸/)![1].replace(/\D/g, "");
    await staff.commission.getByLabel("Размер помощи, тенге").fill("1");
    await staff.commission.getByRole("button", { name: "Сохранить заключение" }).click();
    await expect(staff.commission.getByText("Для этой категории размер установлен маслихатом").first()).toBeVisible();
    await staff.commission.getByLabel("Размер помощи, тенге").fill(limit);
    await staff.commission.getByRole("button", { name: "Сохранить заключение" }).click();
    await expect(staff.commission.getByTestId("commission-amount")).toContainText("Комиссия определила размер");

    // The specialist drafts the assignment of the commission's amount.
    await openCase(staff.specialist, number);
    await staff.specialist.getByRole("link", { name: "Подготовить решение" }).click();
    await expect(staff.specialist.getByTestId("assignment-preview")).toContainText("размер, определённый специальной комиссией");
    await expect(staff.specialist.getByRole("radio", { name: "Назначить социальную помощь", exact: true })).toBeChecked();
    await expectAccessible(staff.specialist);
    await staff.specialist.getByRole("button", { name: "Передать решение на подпись руководителю" }).click();

    await signBoth(staff, request, number);

    // The citizen's cabinet shows the decision like an ASP one; the notice names both signers.
    await citizen.goto("/cabinet");
    await citizen
      .getByRole("region", { name: "Уведомления" })
      .getByRole("link", { name: new RegExp(`Решение по заявлению № ${number}`) })
      .click();
    await expect(citizen.getByRole("heading", { name: "Уведомление о назначении социальной помощи" })).toBeVisible();
    await expect(citizen.getByText("Принято решение назначить социальную помощь.")).toBeVisible();
    await expect(citizen.getByText("Специалист: Жумабаева Салтанат Каировна. Подписано ЭЦП.")).toBeVisible();
    await expect(citizen.getByText("Руководитель: Бекмуханов Нурлан Асанович. Подписано ЭЦП.")).toBeVisible();
    await expect(citizen.getByTestId("cosigner")).toContainText("Жумабаева Салтанат Каировна");
    await expectAccessible(citizen);
    await expect.poll(async () => smsTo(citizen, ru.phone)).toContainEqual(expect.stringContaining(`№ ${number}: назначена социальная помощь`));
  });

  test("income above 1 ПМ in Kazakh: refused on clause 12 ground 3, the reason in the notice and the SMS", async ({ browser, request }) => {
    test.setTimeout(240_000);
    const { page: citizen, number } = await apply(browser, request, kk);
    const staff = { specialist: await staffPage(browser, "nura.specialist"), commission: await staffPage(browser, "nura.commission"), head: await staffPage(browser, "nura.head") };
    await surveyAndIncome(staff, number);
    await expect(staff.specialist.getByTestId("income-threshold")).toContainText("выше порога");

    // The refusal on ground 3 is proposed; an assignment is not possible.
    await staff.specialist.getByRole("link", { name: "Подготовить решение" }).click();
    await expect(staff.specialist.getByTestId("assignment-blocked")).toContainText("Доход выше порога маслихата");
    await expect(staff.specialist.getByTestId("proposed")).toContainText("подпунктам 3");
    await expect(staff.specialist.getByRole("radio", { name: "Отказать в назначении социальной помощи", exact: true })).toBeChecked();
    await expect(staff.specialist.getByRole("checkbox", { name: /Подпункт 3:/ })).toBeChecked();
    // Choosing an assignment anyway is refused with the reason.
    await staff.specialist.getByRole("radio", { name: "Назначить социальную помощь", exact: true }).check();
    await staff.specialist.getByRole("button", { name: "Передать решение на подпись руководителю" }).click();
    await expect(staff.specialist.getByRole("alert").getByText("Доход выше порога маслихата")).toBeVisible();
    await staff.specialist.getByRole("radio", { name: "Отказать в назначении социальной помощи", exact: true }).check();
    await staff.specialist.getByRole("button", { name: "Передать решение на подпись руководителю" }).click();
    await expect(staff.specialist.getByRole("heading", { level: 1 })).toHaveText(`Заявление № ${number}`);

    await signBoth(staff, request, number);

    await citizen.goto("/cabinet");
    await citizen
      .getByRole("region", { name: "Хабарламалар" })
      .getByRole("link", { name: new RegExp(`№ ${number} өтініш бойынша шешім`) })
      .click();
    await expect(citizen.getByRole("heading", { name: "Әлеуметтік көмек тағайындаудан бас тарту туралы хабарлама" })).toBeVisible();
    await expect(citizen.getByText(/12-тармағының 3\)-тармақшасы бойынша .* мәслихат әлеуметтік көмек көрсету үшін белгілеген шегінен асуы/)).toBeVisible();
    await expect(citizen.getByText("Маман: Жұмабаева Салтанат Қайырқызы. ЭЦҚ-мен қол қойылды.")).toBeVisible();
    await expectAccessible(citizen);
    await expect.poll(async () => smsTo(citizen, kk.phone)).toContainEqual(expect.stringContaining("табыс мәслихат шегінен жоғары"));
  });
});
