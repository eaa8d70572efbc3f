/**
 * Second-tier banks and Kazpost: the payment organisations an ASP recipient may choose. `code` is the
 * 3-digit bank code in positions 5-7 of a KZ IBAN. Codes and BICs agree across two independent
 * published code→BIC tables and real IBANs seen in payment details (Halyk 601, Kaspi 722,
 * CenterCredit 856, Kazpost 563).
 */
import type { NewBank } from "../schema";

export const bankRows: NewBank[] = [
  { code: "601", bic: "HSBKKZKX", nameRu: "АО «Народный Банк Казахстана» (Halyk Bank)", nameKk: "«Қазақстан Халық Банкі» АҚ (Halyk Bank)" },
  { code: "722", bic: "CASPKZKA", nameRu: "АО «Kaspi Bank»", nameKk: "«Kaspi Bank» АҚ" },
  { code: "856", bic: "KCJBKZKX", nameRu: "АО «Банк ЦентрКредит»", nameKk: "«Банк ЦентрКредит» АҚ" },
  { code: "965", bic: "IRTYKZKA", nameRu: "АО «ForteBank»", nameKk: "«ForteBank» АҚ" },
  { code: "998", bic: "TSESKZKA", nameRu: "АО «Alatau City Bank» (бывш. Jusan Bank)", nameKk: "«Alatau City Bank» АҚ (бұрынғы Jusan Bank)" },
  { code: "914", bic: "BRKEKZKA", nameRu: "АО «Bereke Bank»", nameKk: "«Bereke Bank» АҚ" },
  { code: "948", bic: "EURIKZKA", nameRu: "АО «Евразийский Банк»", nameKk: "«Еуразиялық банк» АҚ" },
  { code: "551", bic: "KSNVKZKA", nameRu: "АО «Фридом Банк Казахстан»", nameKk: "«Фридом Банк Қазақстан» АҚ" },
  { code: "821", bic: "KINCKZKA", nameRu: "АО «Bank RBK»", nameKk: "«Bank RBK» АҚ" },
  { code: "886", bic: "INLMKZKA", nameRu: "АО «Home Credit Bank»", nameKk: "«Home Credit Bank» АҚ" },
  { code: "849", bic: "NURSKZKX", nameRu: "АО «Нурбанк»", nameKk: "«Нұрбанк» АҚ" },
  { code: "949", bic: "ATYNKZKA", nameRu: "АО «Altyn Bank»", nameKk: "«Altyn Bank» АҚ" },
  { code: "972", bic: "HCSKKZKA", nameRu: "АО «Отбасы банк»", nameKk: "«Отбасы банк» АҚ", isPaymentOrganisation: false },
  { code: "563", bic: "KPSTKZKA", nameRu: "АО «Казпочта»", nameKk: "«Қазпошта» АҚ" },
];

export const BANK = { halyk: "601", kaspi: "722", centerCredit: "856", forte: "965", kazpost: "563" } as const;

/**
 * Where the generated population keeps its accounts (weights sum to 1). Otbasy bank is a housing
 * savings bank, not a payment organisation for ASP, so no current accounts are opened there.
 */
export const bankWeights: [code: string, weight: number][] = [
  ["722", 0.38], ["601", 0.3], ["856", 0.06], ["965", 0.05], ["998", 0.04], ["914", 0.03], ["948", 0.03],
  ["551", 0.03], ["821", 0.02], ["886", 0.02], ["849", 0.01], ["949", 0.01], ["563", 0.02],
];
