/**
 * Form controls of the staff step pages, in the pattern of app/components/forms.tsx Field: label,
 * hint and error tied to the control by aria-describedby, a visually hidden "Error:" prefix.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "~/components/forms";

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

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextArea({ name, label, hint, error, defaultValue, rows = 4 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorText id={name} error={error} />
      <textarea id={name} name={name} rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} />
    </div>
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
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorText id={name} error={error} />
      <select id={name} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
