import { useEffect, useRef } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Field errors as i18n keys (with optional params), keyed by field name. */
export type FieldErrors = Record<string, string | undefined>;

type RootData = { csrf: string };

/** The hidden CSRF field every POST form carries. */
export function CsrfInput() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

/** GOV.UK error summary: "There is a problem", focused on render, each error a link to its field. */
export function ErrorSummary({ errors, order }: { errors?: FieldErrors; order?: string[] }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {})
    .filter(([, v]) => v)
    .sort(([a], [b]) => (order ? order.indexOf(a) - order.indexOf(b) : 0));
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, errors]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("errors.summaryTitle")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{translateError(t, message!)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Messages are keys like "auth:errors.iinFormat" or "key|{\"n\":3}" carrying params. */
export function translateError(t: (key: string, params?: Record<string, unknown>) => string, message: string) {
  const [key, params] = message.split("|");
  return t(key, params ? JSON.parse(params) : undefined);
}

export function errorKey(key: string, params?: Record<string, unknown>) {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "tel";
  maxLength?: number;
  required?: boolean;
  spellCheck?: boolean;
};

/** A labelled input with its hint and error tied to it by aria-describedby. */
export function Field({ name, label, hint, error, type = "text", ...rest }: FieldProps) {
  const { t } = useTranslation("common");
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">{t("errors.prefix")} </span>
          {translateError(t, error)}
        </span>
      ) : null}
      <input id={name} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
    </div>
  );
}
