/** The name of a decision's kind: ASP's ("адресная социальная помощь"), or local assistance's own (ADR 022). */
export function decisionKindKey(service: string, kind: "assignment" | "refusal") {
  return service === "local" ? `local:notice.title.${kind}` : `decision:kind.${kind}`;
}

/** The district commission's conclusion in the service's words: "needs targeted social assistance" is ASP's (ADR 022). */
export function conclusionKey(service: string, conclusion: "needy" | "not_needy") {
  return service === "local" ? `local:conclusion.${conclusion}` : `decision:conclusion.${conclusion}`;
}
