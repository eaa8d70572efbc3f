import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldErrors } from "~/components/forms";

/** The top of every staff step page: the way back to the case, the error summary, the heading. */
export function StepHeader({ caseId, registrationNumber, errors, order, title }: {
  caseId: string;
  registrationNumber: string | null;
  errors?: FieldErrors;
  order?: string[];
  title: string;
}) {
  const { t } = useTranslation("deciding");
  return (
    <>
      <p>
        <Link to={`/staff/cases/${caseId}`}>{t("case.title", { number: registrationNumber })}</Link>
      </p>
      <ErrorSummary errors={errors} order={order} />
      <h1>{title}</h1>
    </>
  );
}
