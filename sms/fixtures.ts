/**
 * Test data for the SMS dialogue: a realistic list of payment organisations (second-tier banks of
 * Kazakhstan and Kazpost, with the long names that really occur) and valid account numbers.
 * Codes are the organisations' BICs; the real list comes from the registry at run time.
 */
import { makeKzIban } from "../app/domain/iban";
import type { PaymentOrganisation } from "./machine";

export const paymentOrganisations: PaymentOrganisation[] = [
  { code: "HSBKKZKX", nameRu: "Народный банк Казахстана", nameKk: "Қазақстан Халық Банкі" },
  { code: "CASPKZKA", nameRu: "Kaspi Bank", nameKk: "Kaspi Bank" },
  { code: "KCJBKZKX", nameRu: "Банк ЦентрКредит", nameKk: "Банк ЦентрКредит" },
  { code: "IRTYKZKA", nameRu: "ForteBank", nameKk: "ForteBank" },
  { code: "KSNVKZKA", nameRu: "Фридом Банк Казахстан", nameKk: "Фридом Банк Қазақстан" },
  { code: "HCSKKZKA", nameRu: "Отбасы банк", nameKk: "Отбасы банк" },
  { code: "EURIKZKA", nameRu: "Евразийский банк", nameKk: "Еуразиялық банк" },
  { code: "KINCKZKA", nameRu: "Bank RBK", nameKk: "Bank RBK" },
  { code: "INLMKZKA", nameRu: "Хоум Кредит Банк", nameKk: "Хоум Кредит Банк" },
  { code: "NURSKZKX", nameRu: "Нурбанк", nameKk: "Нұрбанк" },
  { code: "SHBKKZKA", nameRu: "Шинхан Банк Казахстан", nameKk: "Шинхан Банк Қазақстан" },
  { code: "BKCHKZKA", nameRu: "Банк Китая в Казахстане", nameKk: "Қазақстандағы Қытай Банкі" },
  { code: "ATYNKZKA", nameRu: "Altyn Bank", nameKk: "Altyn Bank" },
  { code: "KZIBKZKA", nameRu: "KZI Bank", nameKk: "KZI Bank" },
  { code: "CITIKZKA", nameRu: "Ситибанк Казахстан", nameKk: "Ситибанк Қазақстан" },
  { code: "VTBAKZKZ", nameRu: "Банк ВТБ (Казахстан)", nameKk: "ВТБ Банкі (Қазақстан)" },
  {
    code: "ICBKKZKX",
    nameRu: "Торгово-промышленный банк Китая в г. Алматы",
    nameKk: "Алматы қ. Қытай Өнеркәсіптік-сауда банкі",
  },
  { code: "HLALKZKZ", nameRu: "Исламский банк Al Hilal", nameKk: "Al Hilal ислам банкі" },
  { code: "ZAJSKZ22", nameRu: "Исламский банк Заман-Банк", nameKk: "Заман-Банк ислам банкі" },
  { code: "KPSTKZKA", nameRu: "Казпочта", nameKk: "Қазпошта" },
];

/** The longest names in the list, for the "fits two segments" tests. */
export const longestOrganisationName = {
  ru: paymentOrganisations.reduce((a, b) => (b.nameRu.length > a.length ? b.nameRu : a), ""),
  kk: paymentOrganisations.reduce((a, b) => (b.nameKk.length > a.length ? b.nameKk : a), ""),
};

export const validIban = makeKzIban("125", "KZT5004100100");
export const anotherValidIban = makeKzIban("601", "A123456789012");
