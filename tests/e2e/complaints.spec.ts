import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";

/**
 * Issue 16b end to end: the head-signed extension notice moves the due date the citizen sees; a
 * complaint filed in the cabinet is answered by staff (draft, then the head's ЭЦП) and the answer is
 * visible to the citizen and to 1414 — in Russian and in Kazakh.
 */
// local_above_threshold: lives alone in Nura and no other suite files an ASP application for him (the
// members-step suite needs Асель without a live case).
const CITIZEN = { iin: "720909333216" };
const HEAD_IIN = "880211340018";

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await loginStaff(page, login);
  await expect(page).toHaveURL(login === "cc.agent" ? /\/callcenter$/ : /\/staff$/);
  return page;
}

async function citizenPage(browser: Browser, lng: "ru" | "kk"): Promise<Page> {
  const page = await (await browser.newContext({ locale: lng === "ru" ? "ru-RU" : "kk-KZ" })).newPage();
  await loginWithPassword(page, CITIZEN.iin, lng);
  return page;
}

async function signWithHeadKey(head: Page, request: Parameters<typeof demoKeyFile>[0]) {
  await head.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${HEAD_IIN}.p12`));
  await head.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
  await head.getByRole("button", { name: "Подписать и отправить" }).click();
}

/** The specialist drafts the answer to complaint `number`; the head signs it. */
async function answerComplaint(browser: Browser, request: Parameters<typeof demoKeyFile>[0], number: string, answer: string) {
  const specialist = await staffPage(browser, "nura.specialist");
  await specialist.goto("/staff/complaints");
  await expectAccessible(specialist);
  await specialist.getByRole("link", { name: number, exact: true }).click();
  await specialist.getByLabel("Текст ответа заявителю").fill(answer);
  await specialist.getByRole("button", { name: "Сохранить проект ответа" }).click();
  await expect(specialist.getByTestId("complaint-status")).toHaveText("На рассмотрении");

  const head = await staffPage(browser, "nura.head");
  await head.goto("/staff/complaints");
  await head.getByRole("link", { name: number, exact: true }).click();
  await head.getByRole("link", { name: "Подписать ответ ЭЦП" }).click();
  await expect(head.getByText(answer)).toBeVisible();
  await expectAccessible(head);
  await signWithHeadKey(head, request);
  await expect(head.getByTestId("complaint-status")).toHaveText("Дан ответ");
  await expect(head.getByTestId("complaint-answer-text")).toHaveText(answer);
}

async function callcenterLookup(browser: Browser, call: string, speak: "Русский" | "Қазақша") {
  const agent = await staffPage(browser, "cc.agent");
  await agent.goto("/callcenter");
  await agent.getByLabel("Номер звонка").fill(call);
  await agent.getByLabel("ИИН звонящего").fill(CITIZEN.iin);
  await agent.getByRole("group", { name: "Язык ответа звонящему" }).getByLabel(speak).check();
  await agent.getByRole("button", { name: "Найти" }).click();
  await expect(agent.getByTestId("answer")).toBeVisible();
  return agent;
}

test.describe.serial("complaints and the extension notice", () => {
  let number: string;
  let caseId: string;

  test.beforeAll(async ({ request }) => {
    const fixture = await request.post("/dev/fixtures/deciding", { data: { iin: CITIZEN.iin } });
    expect(fixture.status()).toBe(200);
    ({ registrationNumber: number, applicationId: caseId } = (await fixture.json()) as { registrationNumber: string; applicationId: string });
  });

  test("the head signs the extension notice; the cabinet shows it and the moved due date", async ({ browser, request }) => {
    test.setTimeout(120_000);
    const specialist = await staffPage(browser, "nura.specialist");
    await specialist.goto(`/staff/cases/${caseId}`);
    await specialist.getByRole("link", { name: "Запросить сведения в других органах" }).click();
    await specialist.getByLabel("Орган или организация, куда направлен запрос").fill("Департамент юстиции");
    await specialist.getByLabel("На сколько календарных дней продлить срок").fill("20");
    await specialist.getByRole("button", { name: "Зарегистрировать запрос и продлить срок" }).click();
    await expect(specialist.getByText(/Заявитель не уведомлён/)).toBeVisible();

    const head = await staffPage(browser, "nura.head");
    await head.goto(`/staff/cases/${caseId}`);
    await head.getByRole("link", { name: "Подписать уведомление о продлении ЭЦП" }).click();
    const ru = await head.locator("section[lang=ru] p").innerText();
    const moved = ru.match(/продлён до (\d{2}\.\d{2}\.\d{4})/)![1]!;
    await expectAccessible(head);
    await signWithHeadKey(head, request);
    await expect(head.getByText(/Заявитель уведомлён/)).toBeVisible();
    await expect(head.getByText(/Подписано ЭЦП: /)).toBeVisible();

    const citizen = await citizenPage(browser, "ru");
    const notices = citizen.getByRole("region", { name: "Уведомления" });
    await expect(notices.getByText(`Срок рассмотрения продлён до ${moved}`)).toBeVisible();
    await expect(notices.getByText(/Подписано ЭЦП: /)).toBeVisible();
    await expect(citizen.getByRole("row").filter({ hasText: number })).toContainText(moved);

    const agent = await callcenterLookup(browser, "CC-E2E-1601", "Русский");
    await expect(agent.getByTestId("answer")).toContainText(moved);
    await expect(agent.getByTestId("answer")).toContainText("Срок рассмотрения продлён на 20 календарных дней");
  });

  test("ru: a complaint filed in the cabinet is answered by staff; the citizen and 1414 see the answer", async ({ browser, request }) => {
    test.setTimeout(150_000);
    const citizen = await citizenPage(browser, "ru");
    await citizen.getByRole("link", { name: "Подать жалобу или посмотреть ответ" }).click();
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Жалобы");
    await expectAccessible(citizen);
    // An empty complaint is answered with the error summary, and nothing is filed.
    await citizen.getByRole("button", { name: "Подать жалобу" }).click();
    await expect(citizen.getByRole("alert").filter({ hasText: "Есть ошибки" })).toContainText("Напишите текст жалобы");
    const text = "<script>window.__pwned = 1</script> Комиссия не пришла в назначенный день";
    await citizen.getByLabel("Текст жалобы").fill(text);
    await citizen.getByRole("button", { name: "Подать жалобу" }).click();
    await expect(citizen).toHaveURL(/\/cabinet\/complaints\/[0-9a-f-]{36}$/);
    const complaintNumber = (await citizen.getByTestId("complaint-number").innerText()).trim();
    expect(complaintNumber).toMatch(/^CMP\d{2}-\d{6}$/);
    // The talon: who accepted it, when the answer is due, where to ask.
    const talon = citizen.getByTestId("complaint-talon");
    await expect(talon).toContainText("Подана заявителем в личном кабинете");
    await expect(talon).toContainText("единый контакт-центр 1414");
    await expect(talon).toContainText("О государственных услугах");
    // The script stays text.
    await expect(citizen.getByTestId("complaint-text")).toHaveText(text);
    expect(await citizen.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await citizen.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(citizen);
    const complaintUrl = citizen.url();

    const answer = "Комиссия посетит семью в ближайший рабочий день. Приносим извинения.";
    await answerComplaint(browser, request, complaintNumber, answer);

    await citizen.goto(complaintUrl);
    await expect(citizen.getByTestId("complaint-status")).toHaveText("Дан ответ");
    await expect(citizen.getByTestId("complaint-answer-text")).toHaveText(answer);

    const agent = await callcenterLookup(browser, "CC-E2E-1602", "Русский");
    const card = agent.locator("article[data-kind=complaint]").filter({ hasText: complaintNumber });
    await expect(card).toContainText("Дан ответ");
    await expect(card.getByTestId("callcenter-complaint-answer")).toHaveText(answer);
    await expectAccessible(agent);
  });

  test("kk: a complaint filed in the cabinet in Kazakh is answered; the citizen and 1414 see the answer in Kazakh", async ({ browser, request }) => {
    test.setTimeout(150_000);
    const citizen = await citizenPage(browser, "kk");
    await citizen.getByRole("link", { name: "Шағым беру немесе жауапты көру" }).click();
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Шағымдар");
    await citizen.getByLabel("Шағым мәтіні").fill("ж".repeat(2001));
    await citizen.getByRole("button", { name: "Шағым беру" }).click();
    await expect(citizen.getByRole("alert")).toContainText("2000 таңбадан ұзын");
    await citizen.getByLabel("Шағым мәтіні").fill("Комиссия келмеді, мерзім өтіп барады");
    await citizen.getByRole("button", { name: "Шағым беру" }).click();
    await expect(citizen).toHaveURL(/\/cabinet\/complaints\/[0-9a-f-]{36}$/);
    const complaintNumber = (await citizen.getByTestId("complaint-number").innerText()).trim();
    await expect(citizen.getByTestId("complaint-talon")).toContainText("Өтініш беруші жеке кабинетте берді");
    await expect(citizen.getByTestId("complaint-status")).toHaveText("Тіркелді");
    await expectAccessible(citizen);
    const complaintUrl = citizen.url();

    const answer = "Комиссия отбасыңызға ертең барады.";
    await answerComplaint(browser, request, complaintNumber, answer);

    await citizen.goto(complaintUrl);
    await expect(citizen.getByTestId("complaint-status")).toHaveText("Жауап берілді");
    await expect(citizen.getByRole("heading", { name: "Шағымға жауап" })).toBeVisible();
    await expect(citizen.getByTestId("complaint-answer-text")).toHaveText(answer);

    const agent = await callcenterLookup(browser, "CC-E2E-1603", "Қазақша");
    const card = agent.locator("article[data-kind=complaint]").filter({ hasText: complaintNumber });
    await expect(card).toContainText("Жауап берілді");
    await expect(card.getByTestId("callcenter-complaint-answer")).toHaveText(answer);
    await expect(card).toContainText(`№ ${complaintNumber} шағым: жауапқа`);
  });
});
