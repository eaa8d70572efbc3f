import { Form, Link, useLocation } from "@remix-run/react";
import { CsrfInput } from "./forms";
import { useTranslation } from "react-i18next";
import { supportedLanguages, type Language } from "../../locales";
import { navLinks, type StaffRole } from "~/domain/start-pages";

/** The portal frame: skip link, header with language switch, main landmark, footer with 1414. */
export type LayoutUser = { kind: "citizen" } | { kind: "staff"; role: StaffRole } | null;

export function Layout({ lng, user, demo, children }: { lng: Language; user: LayoutUser; demo: boolean; children: React.ReactNode }) {
  const { t } = useTranslation(["common", "ui"], { lng });
  const location = useLocation();
  const withLanguage = (l: Language) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", l);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        {demo ? (
          <p className="demo-banner" data-testid="demo-banner">
            {t("demo.banner")}
          </p>
        ) : null}
        <div className="container header-row">
          <Link to="/" className="brand">
            <span className="brand-name">{t("portalName")}</span>
            <span className="brand-tagline">{t("portalTagline")}</span>
          </Link>
          <nav aria-label={t("language.label")} className="lang-switch">
            <ul>
              {supportedLanguages.map((l) => (
                <li key={l}>
                  {l === lng ? (
                    <span aria-current="true" lang={l}>
                      {t(`language.${l}`)}
                    </span>
                  ) : (
                    <a href={withLanguage(l)} lang={l} hrefLang={l}>
                      {t(`language.${l}`)}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul>
              <li>
                <Link to="/">{t("nav.home")}</Link>
              </li>
              {navLinks(user).map((l) => (
                <li key={l.to}>
                  <Link to={l.to}>{t(l.key)}</Link>
                </li>
              ))}
              {user ? (
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <CsrfInput />
                    <button type="submit" className="link-button">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              ) : (
                <li>
                  <Link to="/login">{t("nav.login")}</Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            {t("footer.contactCentre")}: <a href="tel:1414">{t("footer.contactCentreNumber")}</a>
            {" · "}
            <a href="tel:88000807777">{t("footer.tollFreeNumber")}</a> — {t("footer.tollFree")}
          </p>
          <p className="muted">{t("footer.copyright")}</p>
        </div>
      </footer>
    </>
  );
}
