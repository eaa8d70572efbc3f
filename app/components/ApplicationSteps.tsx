import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { STEPS, type Step } from "~/domain/application-draft";

/** The step list: where the citizen is, what is done, each done step a link back. */
export function ApplicationSteps({ applicationId, current, done }: { applicationId: string; current: Step; done: Step[] }) {
  const { t } = useTranslation("apply");
  return (
    <nav aria-label={t("stepsLabel")} className="steps">
      <ol>
        {STEPS.map((step) => {
          const label = t(`steps.${step}`);
          const isDone = done.includes(step);
          return (
            <li key={step} className={step === current ? "current" : isDone ? "done" : undefined}>
              {step === current ? (
                <span aria-current="step">{label}</span>
              ) : isDone || step === "review" ? (
                <Link to={`/applications/${applicationId}/${step}`}>{label}</Link>
              ) : (
                <span>{label}</span>
              )}
              {isDone ? <span className="visually-hidden"> ({t("done")})</span> : null}
              {isDone ? <span aria-hidden="true"> ✓</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function StepHeading({ step }: { step: Step }) {
  const { t } = useTranslation("apply");
  return (
    <>
      <p className="muted">{t("stepOf", { n: STEPS.indexOf(step) + 1, total: STEPS.length })}</p>
      <h1>{t(`steps.${step}`)}</h1>
    </>
  );
}
