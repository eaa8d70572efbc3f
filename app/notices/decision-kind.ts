/** The name of a decision's kind: ASP's ("адресная социальная помощь"), or local assistance's own (ADR 022). */
export function decisionKindKey(service: string, kind: "assignment" | "refusal") {
  return service === "local" ? `local:notice.title.${kind}` : `decision:kind.${kind}`;
}
