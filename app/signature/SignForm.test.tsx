import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { SignForm } from "./SignForm";
import { createI18nInstance } from "~/i18n.server";

async function render(lng: "ru" | "kk", props: Parameters<typeof SignForm>[0] = {}) {
  const i18n = await createI18nInstance(lng);
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <form method="post">
        <input type="hidden" name="payload" value="{}" />
        <SignForm {...props} />
      </form>
    </I18nextProvider>,
  );
}

describe("SignForm as the server renders it", () => {
  it("labels the key file and password fields and offers «Подписать и отправить»", async () => {
    const html = await render("ru");
    expect(html).toMatch(/<label for="sign-keyfile">Файл ключа ЭЦП<\/label>/);
    expect(html).toMatch(/<label for="sign-password">Пароль к ключу<\/label>/);
    expect(html).toContain("Подписать и отправить");
  });

  it("speaks Kazakh when the page does", async () => {
    const html = await render("kk");
    expect(html).toContain("Қол қою және жіберу");
    expect(html).toContain("Кілттің құпиясөзі");
  });

  it("explains in a noscript block that signing needs JavaScript, and keeps the button disabled until hydrated", async () => {
    const html = await render("ru");
    expect(html).toMatch(/<noscript>.*JavaScript.*<\/noscript>/s);
    expect(html).toMatch(/<button type="submit" class="button" disabled=""[^>]*aria-describedby="sign-noscript"/);
  });

  it("never names the key file or password inputs, so they are not sent, and carries an empty signature field", async () => {
    const html = await render("ru");
    expect(html).toMatch(/<input type="file" id="sign-keyfile"(?![^>]*name=)[^>]*>/);
    expect(html).toMatch(/<input type="password" id="sign-password"(?![^>]*name=)[^>]*>/);
    expect(html).toMatch(/<input type="hidden" name="signature" value=""\/>/);
  });

  it("shows the server's verdict as an alert", async () => {
    const html = await render("ru", { serverError: "signature:reasons.revoked" });
    expect(html).toMatch(/role="alert"[^>]*>.*Сертификат ЭЦП отозван/s);
  });
});
