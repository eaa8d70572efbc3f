import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_KEY_PASSWORD, demoKeyFile, loginStaff, loginWithPassword } from "./helpers";

const ERZHAN = { iin: "861022340019", phone: "77015550108" }; // deciding_demo: lives alone in Nura, prefers Russian
const HEAD_IIN = "880211340018";

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

test.describe("deciding an ASP application", () => {
  test("a registered application goes through every staff step and the citizen receives the signed notice", async ({ browser, request }) => {
    test.setTimeout(180_000);
    const fixture = await request.post("/dev/fixtures/deciding", { data: { iin: ERZHAN.iin } });
    expect(fixture.status()).toBe(200);
    const { registrationNumber: number } = (await fixture.json()) as { registrationNumber: string };

    // The specialist finds the case in the journal and sends it to the district commission.
    const specialist = await staffPage(browser, "nura.specialist");
    await expect(specialist.getByRole("heading", { name: "Журнал регистрации заявлений" })).toBeVisible();
    await expectAccessible(specialist);
    await openCase(specialist, number);
    await expectAccessible(specialist);
    await expect(specialist.getByRole("link", { name: "Внести акт обследования и заключение" })).toHaveCount(0);
    await specialist.getByRole("button", { name: "Направить в участковую комиссию" }).click();
    await expect(specialist.getByText("На обследовании участковой комиссии").first()).toBeVisible();

    // The commission records the survey act; an empty form is answered with the error summary first.
    const commission = await staffPage(browser, "nura.commission");
    await openCase(commission, number);
    await commission.getByRole("link", { name: "Внести акт обследования и заключение" }).click();
    await commission.getByLabel("Дата обследования").fill("");
    await commission.getByRole("button", { name: "Сохранить акт и заключение" }).click();
    const summary = commission.getByRole("alert").filter({ hasText: "Есть ошибки" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Выберите заключение комиссии" })).toBeVisible();
    await expectAccessible(commission);
    await commission.getByLabel("Дата обследования").fill(new Date().toISOString().slice(0, 10));
    await commission.getByLabel("Кто присутствовал при обследовании").fill("Заявитель; члены комиссии Омаров Е. С., Ахметова Г. К.");
    await commission.getByLabel("Жилищно-бытовые условия").fill("Однокомнатная квартира, печное отопление");
    await commission.getByLabel("Имущество, увиденное при обследовании").fill("нет");
    await commission.getByRole("radio", { name: "Нуждается в адресной социальной помощи", exact: true }).check();
    await commission.getByRole("button", { name: "Сохранить акт и заключение" }).click();
    await expect(commission.getByText("Обследование проведено").first()).toBeVisible();

    // The head assigns the responsible specialist.
    const head = await staffPage(browser, "nura.head");
    await openCase(head, number);
    await head.getByLabel("Специалист").selectOption({ label: "Жумабаева Салтанат Каировна" });
    await head.getByRole("button", { name: "Назначить ответственного специалиста" }).click();
    await expect(head.getByText("Рассчитывается доход семьи").first()).toBeVisible();

    // The specialist computes the income and drafts the assignment.
    await openCase(specialist, number);
    await specialist.getByRole("link", { name: "Рассчитать среднедушевой доход" }).click();
    await expect(specialist.getByRole("heading", { name: "Доход семьи и размер помощи" })).toBeVisible();
    await expectAccessible(specialist);
    await specialist.getByRole("button", { name: "Рассчитать доход и размер помощи" }).click();
    await expect(specialist.getByRole("heading", { name: "Расчёт среднедушевого дохода" })).toBeVisible();
    await expect(specialist.getByText(/÷ 3 мес\. ÷ 1 чел\./)).toBeVisible();
    await specialist.getByRole("link", { name: "Подготовить решение" }).click();
    await expect(specialist.getByRole("radio", { name: "Назначение адресной социальной помощи", exact: true })).toBeChecked();
    await expectAccessible(specialist);
    await specialist.getByRole("button", { name: "Передать решение на подпись руководителю" }).click();
    await expect(specialist.getByText("Решение на подписи у руководителя").first()).toBeVisible();

    // The head signs the notice with the demo key file.
    await openCase(head, number);
    await head.getByRole("link", { name: "Подписать решение ЭЦП" }).click();
    await expect(head.getByRole("heading", { name: "Текст на казахском языке" })).toBeVisible();
    await expectAccessible(head);
    await head.getByLabel("Файл ключа ЭЦП").setInputFiles(await demoKeyFile(request, `${HEAD_IIN}.p12`));
    await head.getByLabel("Пароль к ключу").fill(DEMO_KEY_PASSWORD);
    await head.getByRole("button", { name: "Подписать и отправить" }).click();
    // Staff read staff wording: the notice went to the applicant, not "to you" (issue 17, item 14).
    await expect(head.getByText("Уведомление направлено заявителю").first()).toBeVisible();
    await expect(head.getByText("Решение направлено вам")).toHaveCount(0);
    await expect(head.getByRole("heading", { name: "Ход рассмотрения" })).toBeVisible();
    for (const step of ["Направить в участковую комиссию", "Внести акт обследования и заключение", "Назначить ответственного специалиста", "Подписать решение ЭЦП", "Направить уведомление заявителю"]) {
      await expect(head.getByRole("list").getByText(step, { exact: true }).first()).toBeVisible();
    }

    // The citizen finds the notice in the cabinet, reads it in ru and kk and downloads the PDF.
    const citizen = await (await browser.newContext({ locale: "ru-RU", acceptDownloads: true })).newPage();
    await loginWithPassword(citizen, ERZHAN.iin, "ru");
    const notices = citizen.getByRole("region", { name: "Уведомления" });
    await notices.getByRole("link", { name: new RegExp(`Решение по заявлению № ${number}`) }).click();
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(`Уведомление по заявлению № ${number}`);
    await expect(citizen.getByRole("heading", { name: "Назначение адресной социальной помощи" })).toBeVisible();
    await expect(citizen.getByText("Принято решение назначить адресную социальную помощь.")).toBeVisible();
    await expectAccessible(citizen);
    const code = (await citizen.locator("dd code").innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const [pdf] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("link", { name: /Скачать PDF/ }).click()]);
    const pdfBytes = fs.readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.suggestedFilename()).toBe(`${number}-ru.pdf`);
    // The notice names its signer and gives Astana time (issue 17, item 16).
    await expect(citizen.getByText("Руководитель: Бекмуханов Нурлан Асанович. Подписано ЭЦП.")).toBeVisible();
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "komek-pdf-")), `${number}-ru.pdf`);
    fs.writeFileSync(pdfPath, pdfBytes);
    const [signed] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("link", { name: /подписанный файл/ }).click()]);
    const signedPath = (await signed.path())!;

    await citizen.getByRole("navigation", { name: "Язык уведомления" }).getByRole("link", { name: "Қазақша" }).click();
    await expect(citizen.getByRole("heading", { name: "Атаулы әлеуметтік көмек тағайындау" })).toBeVisible();
    await expect(citizen.getByText("Атаулы әлеуметтік көмек тағайындау туралы шешім қабылданды.")).toBeVisible();
    await expect(citizen.getByText("Басшы: Бекмұханов Нұрлан Асанұлы. ЭЦҚ-мен қол қойылды.")).toBeVisible();
    const [pdfKk] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("link", { name: /Скачать PDF/ }).click()]);
    expect(pdfKk.suggestedFilename()).toBe(`${number}-kk.pdf`);

    // The SMS that a decision is ready, in the citizen's language, on the development phone.
    await expect
      .poll(async () => {
        await citizen.goto(`/dev/sms/${ERZHAN.phone}`);
        return citizen.locator("li[data-direction='out']").allInnerTexts();
      })
      .toContainEqual(expect.stringContaining(`№ ${number} принято решение`));

    // /verify accepts the notice by number and code, and by its signed file; a tampered copy is rejected.
    const visitor = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await visitor.goto("/verify");
    await visitor.getByLabel("Номер заявления").fill(number);
    await visitor.getByLabel("Код проверки").fill(code);
    await visitor.getByRole("button", { name: "Проверить", exact: true }).click();
    await expect(visitor.getByRole("heading", { name: "Уведомление подлинное" })).toBeVisible();
    await expect(visitor.getByText("Бекмуханов Нурлан Асанович")).toBeVisible();
    await expectAccessible(visitor);

    await visitor.getByLabel("Файл уведомления").setInputFiles(signedPath);
    await visitor.getByRole("button", { name: "Проверить файл" }).click();
    await expect(visitor.getByRole("heading", { name: "Уведомление подлинное" })).toBeVisible();

    // The PDF itself is accepted: its embedded signed file is checked, and the result is a green panel (item 17).
    await visitor.getByLabel("Файл уведомления").setInputFiles(pdfPath);
    await visitor.getByRole("button", { name: "Проверить файл" }).click();
    const valid = visitor.locator("section.panel").filter({ has: visitor.getByRole("heading", { name: "Уведомление подлинное" }) });
    await expect(valid).toBeVisible();
    await expect(valid).toContainText("вложенный в PDF");
    await expect(valid).toHaveCSS("background-color", "rgb(0, 112, 60)");
    await expect(visitor.getByText("Файл повреждён")).toHaveCount(0);
    await expectAccessible(visitor);

    const [header, payload, signature] = fs.readFileSync(signedPath, "utf8").trim().split(".");
    const forgedPayload = Buffer.from(Buffer.from(payload, "base64url").toString("utf8").replace(/"amountTiyn":(\d+)/, '"amountTiyn":9$1')).toString("base64url");
    const tampered = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "komek-notice-")), `${number}.notice.jws`);
    fs.writeFileSync(tampered, [header, forgedPayload, signature].join("."));
    await visitor.getByLabel("Файл уведомления").setInputFiles(tampered);
    await visitor.getByRole("button", { name: "Проверить файл" }).click();
    await expect(visitor.getByRole("heading", { name: "Уведомление не прошло проверку" })).toBeVisible();
    await expect(visitor.getByText("Файл изменён после подписания")).toBeVisible();
    // A forged notice is a red warning, never the green panel.
    const invalid = visitor.locator("section.panel-error");
    await expect(invalid).toHaveCSS("border-top-color", "rgb(177, 14, 30)");
    await expect(visitor.locator("section.panel-success")).toHaveCount(0);
    await expectAccessible(visitor);

    // A PDF whose embedded signed file was replaced by the forged one is refused the same way.
    const { PDFDocument } = await import("pdf-lib");
    const blank = await PDFDocument.create();
    blank.addPage();
    await blank.attach(new TextEncoder().encode([header, forgedPayload, signature].join(".")), `${number}.notice.jws`, { mimeType: "application/jose" });
    const forgedPath = path.join(path.dirname(tampered), `${number}-forged.pdf`);
    fs.writeFileSync(forgedPath, await blank.save());
    await visitor.getByLabel("Файл уведомления").setInputFiles(forgedPath);
    await visitor.getByRole("button", { name: "Проверить файл" }).click();
    await expect(visitor.getByRole("heading", { name: "Уведомление не прошло проверку" })).toBeVisible();
    await expect(visitor.locator("section.panel-error")).toBeVisible();
  });
});
