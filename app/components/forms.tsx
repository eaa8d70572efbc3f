import { useEffect, useRef, type ReactNode } from "react";
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

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** The error under a label, with the visually hidden "Error:" prefix screen readers announce. */
function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation("common");
  if (!error) return null;
  return (
    <span className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t("errors.prefix")} </span>
      {translateError(t, error)}
    </span>
  );
}

/** Label, hint and error around one control (GOV.UK pattern). */
function FieldFrame({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorText id={name} error={error} />
      {children}
    </div>
  );
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
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input id={name} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} {...rest} />
    </FieldFrame>
  );
}

export function TextArea({ name, label, hint, error, defaultValue, rows = 4 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea id={name} name={name} rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} />
    </FieldFrame>
  );
}

export function Select({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select id={name} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Radios or checkboxes in a fieldset; the first option carries the field's id so the summary link lands on it. */
export function Choices({
  name,
  legend,
  hint,
  error,
  type = "radio",
  options,
  checked = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type?: "radio" | "checkbox";
  options: { value: string; label: ReactNode; hint?: string }[];
  checked?: string[];
}) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>{legend}</legend>
        {hint ? (
          <span className="hint" id={`${name}-hint`}>
            {hint}
          </span>
        ) : null}
        <ErrorText id={name} error={error} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <div className="choice" key={o.value}>
              <input type={type} id={id} name={name} value={o.value} defaultChecked={checked.includes(o.value)} aria-describedby={o.hint ? `${id}-item-hint` : undefined} />
              <label htmlFor={id}>{o.label}</label>
              {o.hint ? (
                <span className="hint" id={`${id}-item-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** One "I confirm …" checkbox posting `name=yes`, with its error. */
export function ConfirmCheckbox({ name, label, error, defaultChecked }: { name: string; label: string; error?: string; defaultChecked?: boolean }) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <ErrorText id={name} error={error} />
      <div className="checkbox">
        <input type="checkbox" id={name} name={name} value="yes" defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, undefined, error)} />
        <label htmlFor={name}>{label}</label>
      </div>
    </div>
  );
}
