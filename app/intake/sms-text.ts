/** The `intake` namespace as a fixed-language t() without React: SMS texts are rendered on the server. */
import { plainT } from "../plain-text";
import type { Language } from "../../locales";


export function decisionSmsT(lng: Language) {
  return plainT(lng, "intake");
}
