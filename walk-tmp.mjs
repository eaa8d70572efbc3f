import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3151";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const js of [true, false]) {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  const shot = async (name) => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(js ? "js" : "nojs", name, "scrollWidth", w, "title:", await page.title());
    await page.screenshot({ path: `/tmp/walk17/${js ? "js" : "nojs"}-${name}.png`, fullPage: true });
  };
  await page.goto(base + "/login?lng=kk");
  await page.getByLabel("ЖСН", { exact: true }).fill("820903340019");
  await page.getByLabel("Құпиясөз", { exact: true }).fill("Komek-2026");
  await page.getByRole("button", { name: "Кіру", exact: true }).click();
  await page.waitForURL(/cabinet/);
  await shot("cabinet");
  await page.goto(base + "/apply");
  await page.waitForURL(/applications/);
  const id = page.url().match(/applications\/([0-9a-f-]{36})/)[1];
  for (const step of ["applicant", "members", "incomes", "payment", "consent"]) {
    await page.goto(`${base}/applications/${id}/${step}`);
    await shot(step);
  }
  if (!js) {
    await page.getByRole("button", { name: /Код жіберу|Жаңа код/ }).click().catch(() => {});
    await shot("consent-sent");
    await page.goto(`${base}/applications/${id}/consent`);
    await shot("consent-reload");
  }
  await page.goto(base + "/cabinet/access"); await shot("access");
  await page.goto(base + "/nope"); await shot("404");
  await page.goto(base + "/verify"); await shot("verify");
  await ctx.close();
}
await browser.close();
