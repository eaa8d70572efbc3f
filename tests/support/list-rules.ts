import type { ListRules } from "../../app/lists/rules";

/** A small district act for list tests: the 9 May, 1 October and 8.10 categories of seed 003 in miniature. */
export const testListRules = (kato = "355200000"): ListRules => ({
  act: { id: "test-act", kato, titleRu: "решение маслихата № 1", titleKk: "мәслихаттың № 1 шешімі" },
  occasions: [
    { date: "05-09", nameRu: "День Победы", nameKk: "Жеңіс күні" },
    { date: "10-01", nameRu: "День пожилых людей", nameKk: "Егде адамдар күні" },
  ],
  categories: [
    { code: "7.5.3", kind: "holiday", occasion: "05-09", nameRu: "Несовершеннолетние узники концлагерей", nameKk: "Концлагерьлердің кәмелетке толмаған тұтқындары", amount: { unit: "KZT", value: 200000, upTo: false }, byList: true, periodicity: "one_off", eligibility: { fact: "wwii_minor_prisoner" } },
    { code: "7.5.5", kind: "holiday", occasion: "05-09", nameRu: "Работавшие в блокадном Ленинграде", nameKk: "Қоршаудағы Ленинградта жұмыс істегендер", amount: { unit: "KZT", value: 200000, upTo: false }, byList: true, periodicity: "one_off", eligibility: { fact: "leningrad_siege_worker" } },
    { code: "7.5.6", kind: "holiday", occasion: "05-09", nameRu: "Награждённые за труд в тылу", nameKk: "Тылдағы еңбегі үшін марапатталғандар", amount: { unit: "KZT", value: 100000, upTo: false }, byList: true, periodicity: "one_off", eligibility: { fact: "home_front_award" } },
    { code: "7.7.1", kind: "holiday", occasion: "10-01", nameRu: "Пенсионеры 70 лет и старше", nameKk: "70 жастағы және одан асқан зейнеткерлер", amount: { unit: "KZT", value: 20000, upTo: false }, byList: true, periodicity: "one_off", eligibility: { age: { min: 70 } } },
    { code: "8.10", kind: "needs", occasion: null, nameRu: "Коммунальные услуги и топливо", nameKk: "Коммуналдық қызметтер мен отын", amount: { unit: "MRP", value: 12, upTo: false }, byList: true, periodicity: "heating_season", eligibility: { any: [{ fact: "combat_veteran" }, { fact: "chernobyl_liquidator" }] } },
  ],
});
