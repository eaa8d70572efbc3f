import type { NewYearlyParameters } from "../schema/parameters";

const NATIONAL = "000000000";

/**
 * Official yearly values. МРП and ПМ come from the laws on the republican budget; the poverty line is
 * 70 % of ПМ (Government decree; from 2025 the rules tie it to 35 % of median income with 70 % of the
 * subsistence minimum as its floor — the floor is the value in force here).
 */
export const yearlyParameterRows: NewYearlyParameters[] = [
  {
    year: 2024, regionKato: NATIONAL, mrp: 3692, subsistenceMinimum: 43407, povertyLineShare: "0.700", povertyLine: 30385,
    source: "Закон РК «О республиканском бюджете на 2024–2026 годы» от 5 декабря 2023 г. № 42-VIII, ст. 9; черта бедности — 70 % ПМ",
  },
  {
    year: 2025, regionKato: NATIONAL, mrp: 3932, subsistenceMinimum: 46228, povertyLineShare: "0.700", povertyLine: 32360,
    source: "Закон РК «О республиканском бюджете на 2025–2027 годы» от 21 ноября 2024 г. № 141-VIII, ст. 9; черта бедности — 70 % ПМ",
  },
  {
    year: 2026, regionKato: NATIONAL, mrp: 4325, subsistenceMinimum: 50851, povertyLineShare: "0.700", povertyLine: 35596,
    source: "Закон РК «О республиканском бюджете на 2026–2028 годы», ст. 9; черта бедности — 70 % ПМ",
  },
];
