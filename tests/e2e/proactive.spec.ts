import { test, expect, type Page } from "@playwright/test";
import { loginWithPassword } from "./helpers";

/**
 * The proactive offer end to end on the development phone (/dev/sms, the local transport): the scan
 * finds the family, the offer arrives, the recipient answers 1 and picks a bank, the confirmation
 * SMS arrives, and the application is in the cabinet as registered, proactive.
 */

type Case = {
  lng: "ru" | "kk";
  iin: string;
  phone: string;
  consent: string;
  texts: { scan: string; reply: string; send: string; thread: (phone: string) => string; offer: RegExp; menu: RegExp; list: RegExp; confirmed: RegExp; registered: string; proactive: string };
};

const cases: Case[] = [
  {
    lng: "ru",
    iin: "820903340019", // Иван Смирнов, proactive_ru
    phone: "+77015550102",
    consent: "Да",
    texts: {
      scan: "Найти семьи и отправить предложения",
      reply: "Ответ с телефона",
      send: "Отправить",
      thread: (phone) => `Переписка с ${phone}`,
      offer: /адресную соцпомощь.*1-да, 2-нет/,
      menu: /Куда перечислять помощь\?/,
      list: /Выберите банк/,
      confirmed: /Заявка на адресную соцпомощь № (ASP\d{2}-\d{6}) зарегистрирована/,
      registered: "Зарегистрировано",
      proactive: "Проактивно (SMS)",
    },
  },
  {
    lng: "kk",
    iin: "920322440018", // Гүлнар Әбдірахманова, proactive_kk
    phone: "+77015550106",
    consent: "ИӘ",
    texts: {
      scan: "Отбасыларды тауып, ұсыныс жіберу",
      reply: "Телефоннан жауап",
      send: "Жіберу",
      thread: (phone) => `${phone} нөмірімен хат алмасу`,
      offer: /Атаулы әлеуметтік көмек алуыңыз мүмкін/,
      menu: /Келісім қабылданды|төлем|шот/i,
      list: /Банк/,
      confirmed: /№ (ASP\d{2}-\d{6}) өтініш .* тіркелді/,
      registered: "Тіркелді",
      proactive: "Проактивті (SMS)",
    },
  },
];

async function reply(page: Page, c: Case, text: string) {
  await page.getByLabel(c.texts.reply).fill(text);
  await page.getByRole("button", { name: c.texts.send, exact: true }).click();
}

function lastMessage(page: Page, c: Case) {
  return page.getByRole("list", { name: c.texts.thread(c.phone) }).getByRole("listitem").last();
}

for (const c of cases) {
  test(`proactive offer in ${c.lng}: scan → SMS → 1 → bank → confirmation → registered in the cabinet`, async ({ page }) => {
    await page.goto(`/dev/sms?lng=${c.lng}`);
    await page.getByRole("button", { name: c.texts.scan }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await page.getByRole("link", { name: c.phone, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.texts.thread(c.phone));
    await expect(lastMessage(page, c)).toContainText(c.texts.offer);

    await reply(page, c, c.consent);
    await expect(lastMessage(page, c)).toContainText(c.texts.menu);
    // The family has an account on file: 1 keeps it, 2 is another account, 3 is the list of banks.
    await reply(page, c, "3");
    await expect(lastMessage(page, c)).toContainText(c.texts.list);
    await reply(page, c, "1");
    await expect(lastMessage(page, c)).toContainText(c.texts.confirmed);
    const number = (await lastMessage(page, c).innerText()).match(c.texts.confirmed)![1];

    await loginWithPassword(page, c.iin, c.lng);
    const row = page.getByRole("row", { name: new RegExp(number) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(c.texts.registered);
    await expect(row).toContainText(c.texts.proactive);
  });
}
