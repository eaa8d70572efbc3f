/**
 * The ЭЦП part of a form: key file, key password, and "Подписать и отправить". Put it inside a Remix
 * <Form> that also holds a hidden field with the exact payload to sign (canonicalJson of the data).
 * On submit it signs that field's value in the browser, puts the compact JWS into the hidden
 * `signature` field and submits the form. The key file and password inputs have no `name`, so they are
 * never sent to the server.
 *
 * Signing needs JavaScript (as NCALayer does): without it the button stays disabled and a <noscript>
 * message says why.
 */
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/components/forms";
import type { KeyFileErrorCode } from "./signer";

type Props = {
  /** Name of the hidden field holding the payload to sign. */
  payloadField?: string;
  /** Name of the hidden field that receives the JWS. */
  signatureField?: string;
  /** When given, a key issued to another IIN is refused here, before anything is sent. */
  expectedIin?: string;
  /** An i18n key from the server's verdict (e.g. `signature:reasons.revoked`), shown above the fields. */
  serverError?: string;
  idPrefix?: string;
  /** The page's action result: a new one (a new answer from the server) shows its verdict again. */
  result?: unknown;
  /** Told the one signing error shown now (a problem found in the browser replaces the server's verdict). */
  onErrorChange?: (error: SignError) => void;
};

/** The error the sign form shows now, as the error summary links it: field id and i18n key. */
export type SignError = { field: string; key: string } | null;

/**
 * The page's error summary with the sign form's current error only: an earlier verdict (an expired key)
 * does not stay beside a later problem (another person's key, a wrong password).
 */
export function useSignErrors(serverErrors: FieldErrors, signField = "sign-keyfile") {
  const [current, setCurrent] = useState<SignError | undefined>(undefined);
  if (current === undefined) return { errors: serverErrors, onErrorChange: setCurrent };
  const rest = Object.fromEntries(Object.entries(serverErrors).filter(([k]) => k !== signField));
  return { errors: { ...rest, ...(current ? { [current.field]: current.key } : {}) }, onErrorChange: setCurrent };
}

type Problem = { field: "file" | "password" | "form"; key: string };

const FILE_PROBLEMS: KeyFileErrorCode[] = ["unreadable", "no_key", "unsupported_key"];

export function SignForm({ payloadField = "payload", signatureField = "signature", expectedIin, serverError, idPrefix = "sign", onErrorChange, result }: Props) {
  const { t } = useTranslation(["signature", "common"]);
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const signatureRef = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);
  // A new attempt hides the last verdict until the server answers again (a new action result).
  const [stale, setStale] = useState(false);
  useEffect(() => setStale(false), [result]);
  const shownServerError = serverError && !stale && !problem ? serverError : undefined;

  const ids = { file: `${idPrefix}-keyfile`, password: `${idPrefix}-password`, hint: `${idPrefix}-keyfile-hint`, noscript: `${idPrefix}-noscript` };

  async function signAndSubmit(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    const button = event.currentTarget;
    const form = button.form;
    const file = fileRef.current?.files?.[0];
    const password = passwordRef.current?.value ?? "";
    const fail = (p: Problem) => {
      setProblem(p);
      document.getElementById(p.field === "password" ? ids.password : ids.file)?.focus();
    };
    setStale(true);
    if (!file) return fail({ field: "file", key: "signature:errors.noFile" });
    if (!password) return fail({ field: "password", key: "signature:errors.noPassword" });
    const payload = form?.elements.namedItem(payloadField);
    if (!form || !(payload instanceof HTMLInputElement || payload instanceof HTMLTextAreaElement)) {
      return fail({ field: "form", key: "signature:errors.failed" });
    }

    setBusy(true);
    setProblem(null);
    setStale(true);
    try {
      // Loaded on demand: pages that show the form do not pay for node-forge until someone signs.
      const { openKeyFile } = await import("./signer");
      const signer = await openKeyFile(await file.arrayBuffer(), password);
      if (expectedIin && signer.describe().iin !== expectedIin) return fail({ field: "file", key: "signature:errors.iinMismatch" });
      signatureRef.current!.value = await signer.sign(payload.value);
      passwordRef.current!.value = "";
      form.requestSubmit(); // no submitter: ours is still disabled while busy
    } catch (error) {
      const code = error instanceof Error && error.name === "KeyFileError" ? (error as Error & { code: KeyFileErrorCode }).code : null;
      if (code === "wrong_password") fail({ field: "password", key: "signature:errors.wrong_password" });
      else if (code && FILE_PROBLEMS.includes(code)) fail({ field: "file", key: `signature:errors.${code}` });
      else fail({ field: "form", key: "signature:errors.failed" });
    } finally {
      setBusy(false);
    }
  }

  const current: SignError = problem
    ? { field: problem.field === "password" ? ids.password : ids.file, key: problem.key }
    : shownServerError
      ? { field: ids.file, key: shownServerError }
      : null;
  useEffect(() => {
    if (hydrated) onErrorChange?.(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported by value
  }, [hydrated, current?.field, current?.key]);

  const errorFor = (field: Problem["field"]) =>
    problem?.field === field ? (
      <span className="error-message" id={`${idPrefix}-${field}-error`} role="alert">
        <span className="visually-hidden">{t("common:errors.prefix")} </span>
        {t(problem.key)}
      </span>
    ) : null;
  const describedBy = (field: Problem["field"], ...more: string[]) =>
    [...more, problem?.field === field ? `${idPrefix}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset className="sign-form">
      <legend>{t("signature:form.legend")}</legend>
      {shownServerError ? (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t("common:errors.prefix")} </span>
          {t(shownServerError)}
        </p>
      ) : null}
      {errorFor("form")}
      <input type="hidden" name={signatureField} ref={signatureRef} defaultValue="" />
      <div className={`field${problem?.field === "file" ? " field-error" : ""}`}>
        <label htmlFor={ids.file}>{t("signature:form.keyFileLabel")}</label>
        <span className="hint" id={ids.hint}>
          {t("signature:form.keyFileHint")}
        </span>
        {errorFor("file")}
        <input
          type="file"
          id={ids.file}
          ref={fileRef}
          accept=".p12,.pfx,application/x-pkcs12"
          aria-describedby={describedBy("file", ids.hint)}
          aria-invalid={problem?.field === "file" || undefined}
          onChange={() => problem?.field === "file" && setProblem(null)}
        />
      </div>
      <div className={`field${problem?.field === "password" ? " field-error" : ""}`}>
        <label htmlFor={ids.password}>{t("signature:form.passwordLabel")}</label>
        {errorFor("password")}
        <input
          type="password"
          id={ids.password}
          ref={passwordRef}
          autoComplete="off"
          aria-describedby={describedBy("password")}
          aria-invalid={problem?.field === "password" || undefined}
        />
      </div>
      <button type="submit" className="button" onClick={signAndSubmit} disabled={!hydrated || busy} aria-busy={busy || undefined} aria-describedby={hydrated ? undefined : ids.noscript}>
        {busy ? t("signature:form.signing") : t("signature:form.submit")}
      </button>
      {/* Without JavaScript the button stays disabled (and looks it); why is said right beside it. */}
      <noscript>
        <span className="button-note" id={ids.noscript}>
          {t("signature:form.noscript")}
        </span>
      </noscript>
    </fieldset>
  );
}
