/**
 * The households of the demo citizens (db/seed/demo-people.ts), written so that each scenario holds
 * under the SPEC's rules on any reference date: incomes are set for the 12 full months before it,
 * an ASP assignment starts two months before it.
 *
 * Per-capita monthly incomes (the 2026 poverty line is 35,596 tenge):
 *   eligible_portal  5 members, 123,000 → 24,600   Nura, Nura district
 *   proactive_ru     4 members,  92,000 → 23,000   Barshino, Nura district
 *   proactive_kk     4 members, 100,000 → 25,000   Talshik, Akzhar district
 *   member_has_asp   4 members, 110,000 → 27,500   Nura; the wife receives ASP
 *   split_settlements 3 members, 85,000 → 28,333   Aisary; the husband is registered in Talshik only
 *   above_poverty_line 4 members, 1,000,000 → 250,000  Astana
 */
import { makeIin, type Sex } from "../../app/domain/iin";
import { makeKzIban } from "../../app/domain/iban";
import type { NewIncome, NewProperty } from "../schema";
import { BANK } from "./banks";
import { demoCitizens, demoStaff, type DemoScenario } from "./demo-people";
import { monthsBefore, povertyLineFor, toIsoDate, type HouseholdBundle } from "./generate";
import { KATO, residenceOf } from "./kato";

type Role = "head" | "spouse" | "child" | "parent";

type DemoMember = {
  /** Set for the demo citizens themselves; the others get a computed IIN. */
  iin?: string;
  lastNameRu: string; firstNameRu: string; patronymicRu: string | null;
  lastNameKk: string; firstNameKk: string; patronymicKk: string | null;
  birthDate: string;
  sex: Sex;
  role: Role;
  incomes?: { source: NewIncome["source"]; amount: number }[];
  phone?: string;
  bank?: string;
  /** Registered somewhere else than the household (split_settlements). */
  katoCode?: string;
};

export type DemoFamily = {
  scenario: DemoScenario | "staff";
  katoCode: string;
  streetRu: string;
  streetKk: string;
  house: number;
  language: "ru" | "kk";
  members: DemoMember[];
  /** Index of the member who receives ASP (member_has_asp). */
  aspRecipient?: number;
  property?: Omit<NewProperty, "iin">[];
};

const citizen = (scenario: DemoScenario) => {
  const c = demoCitizens.find((d) => d.scenario === scenario)!;
  return {
    iin: c.iin, lastNameRu: c.lastNameRu, firstNameRu: c.firstNameRu, patronymicRu: c.patronymicRu,
    lastNameKk: c.lastNameKk, firstNameKk: c.firstNameKk, patronymicKk: c.patronymicKk,
    birthDate: c.birthDate, sex: c.sex, phone: c.phone ?? undefined,
  };
};

export const demoFamilies: DemoFamily[] = [
  {
    scenario: "eligible_portal", katoCode: KATO.nura, streetRu: "ул. Абая", streetKk: "Абай көшесі", house: 15, language: "kk",
    members: [
      { ...citizen("eligible_portal"), role: "head", incomes: [{ source: "benefit", amount: 28_000 }], bank: BANK.halyk },
      { lastNameRu: "Нурланов", firstNameRu: "Ерлан", patronymicRu: "Болатович", lastNameKk: "Нұрланов", firstNameKk: "Ерлан", patronymicKk: "Болатұлы",
        birthDate: "1987-02-14", sex: "M", role: "spouse", incomes: [{ source: "wage", amount: 95_000 }], phone: "+77015550111", bank: BANK.kaspi },
      { lastNameRu: "Нурланов", firstNameRu: "Алихан", patronymicRu: "Ерланович", lastNameKk: "Нұрланов", firstNameKk: "Әлихан", patronymicKk: "Ерланұлы", birthDate: "2014-09-03", sex: "M", role: "child" },
      { lastNameRu: "Нурланова", firstNameRu: "Аружан", patronymicRu: "Ерлановна", lastNameKk: "Нұрланова", firstNameKk: "Аружан", patronymicKk: "Ерланқызы", birthDate: "2017-04-21", sex: "F", role: "child" },
      { lastNameRu: "Нурланов", firstNameRu: "Санжар", patronymicRu: "Ерланович", lastNameKk: "Нұрланов", firstNameKk: "Санжар", patronymicKk: "Ерланұлы", birthDate: "2021-11-30", sex: "M", role: "child" },
    ],
  },
  {
    scenario: "proactive_ru", katoCode: "355237100", streetRu: "ул. Центральная", streetKk: "Орталық көшесі", house: 7, language: "ru",
    members: [
      { ...citizen("proactive_ru"), role: "head", incomes: [{ source: "wage", amount: 92_000 }], bank: BANK.kaspi },
      { lastNameRu: "Смирнова", firstNameRu: "Елена", patronymicRu: "Викторовна", lastNameKk: "Смирнова", firstNameKk: "Елена", patronymicKk: "Викторовна",
        birthDate: "1984-06-18", sex: "F", role: "spouse", phone: "+77015550112" },
      { lastNameRu: "Смирнов", firstNameRu: "Дмитрий", patronymicRu: "Иванович", lastNameKk: "Смирнов", firstNameKk: "Дмитрий", patronymicKk: "Иванович", birthDate: "2010-03-11", sex: "M", role: "child" },
      { lastNameRu: "Смирнова", firstNameRu: "Анна", patronymicRu: "Ивановна", lastNameKk: "Смирнова", firstNameKk: "Анна", patronymicKk: "Ивановна", birthDate: "2015-08-25", sex: "F", role: "child" },
    ],
    property: [{ kind: "subsidiary_farm", descriptionRu: "Личное подсобное хозяйство: КРС 2 гол.", descriptionKk: "Жеке қосалқы шаруашылық: ІҚМ 2 бас" }],
  },
  {
    scenario: "proactive_kk", katoCode: KATO.talshik, streetRu: "ул. Школьная", streetKk: "Мектеп көшесі", house: 23, language: "kk",
    members: [
      { ...citizen("proactive_kk"), role: "head", incomes: [{ source: "benefit", amount: 18_000 }], bank: BANK.halyk },
      { lastNameRu: "Абдрахманова", firstNameRu: "Бибигуль", patronymicRu: "Сериковна", lastNameKk: "Әбдірахманова", firstNameKk: "Бибігүл", patronymicKk: "Серікқызы",
        birthDate: "1962-01-09", sex: "F", role: "parent", incomes: [{ source: "pension", amount: 82_000 }], bank: BANK.kazpost },
      { lastNameRu: "Абдрахманов", firstNameRu: "Нурсултан", patronymicRu: "Асетович", lastNameKk: "Әбдірахманов", firstNameKk: "Нұрсұлтан", patronymicKk: "Әсетұлы", birthDate: "2016-05-02", sex: "M", role: "child" },
      { lastNameRu: "Абдрахманова", firstNameRu: "Томирис", patronymicRu: "Асетовна", lastNameKk: "Әбдірахманова", firstNameKk: "Томирис", patronymicKk: "Әсетқызы", birthDate: "2019-10-15", sex: "F", role: "child" },
    ],
  },
  {
    scenario: "member_has_asp", katoCode: KATO.nura, streetRu: "ул. Сейфуллина", streetKk: "Сейфуллин көшесі", house: 41, language: "ru", aspRecipient: 1,
    members: [
      { ...citizen("member_has_asp"), role: "head", incomes: [{ source: "wage", amount: 110_000 }], bank: BANK.kaspi },
      { lastNameRu: "Кайратова", firstNameRu: "Жанар", patronymicRu: "Ермековна", lastNameKk: "Қайратова", firstNameKk: "Жанар", patronymicKk: "Ермекқызы",
        birthDate: "1981-04-02", sex: "F", role: "spouse", phone: "+77015550113", bank: BANK.kazpost },
      { lastNameRu: "Кайратов", firstNameRu: "Бекзат", patronymicRu: "Асхатович", lastNameKk: "Қайратов", firstNameKk: "Бекзат", patronymicKk: "Асхатұлы", birthDate: "2009-07-07", sex: "M", role: "child" },
      { lastNameRu: "Кайратова", firstNameRu: "Айым", patronymicRu: "Асхатовна", lastNameKk: "Қайратова", firstNameKk: "Айым", patronymicKk: "Асхатқызы", birthDate: "2013-12-12", sex: "F", role: "child" },
    ],
  },
  {
    scenario: "split_settlements", katoCode: "593433100", streetRu: "ул. Молодёжная", streetKk: "Жастар көшесі", house: 4, language: "ru",
    members: [
      { ...citizen("split_settlements"), role: "head", bank: BANK.kaspi },
      { lastNameRu: "Ковалёв", firstNameRu: "Андрей", patronymicRu: "Сергеевич", lastNameKk: "Ковалёв", firstNameKk: "Андрей", patronymicKk: "Сергеевич",
        birthDate: "1993-01-30", sex: "M", role: "spouse", incomes: [{ source: "wage", amount: 85_000 }], katoCode: KATO.talshik, bank: BANK.halyk },
      { lastNameRu: "Ковалёв", firstNameRu: "Артём", patronymicRu: "Андреевич", lastNameKk: "Ковалёв", firstNameKk: "Артём", patronymicKk: "Андреевич", birthDate: "2019-02-14", sex: "M", role: "child" },
    ],
  },
  {
    scenario: "above_poverty_line", katoCode: "711210000", streetRu: "пр. Туран", streetKk: "Тұран даңғылы", house: 37, language: "kk",
    members: [
      { ...citizen("above_poverty_line"), role: "head", incomes: [{ source: "wage", amount: 620_000 }], bank: BANK.halyk },
      { lastNameRu: "Сеитова", firstNameRu: "Асель", patronymicRu: "Нурлановна", lastNameKk: "Сейітова", firstNameKk: "Әсел", patronymicKk: "Нұрланқызы",
        birthDate: "1990-08-19", sex: "F", role: "spouse", incomes: [{ source: "wage", amount: 380_000 }], phone: "+77015550115", bank: BANK.kaspi },
      { lastNameRu: "Сеитов", firstNameRu: "Алихан", patronymicRu: "Дауренович", lastNameKk: "Сейітов", firstNameKk: "Әлихан", patronymicKk: "Дәуренұлы", birthDate: "2015-01-28", sex: "M", role: "child" },
      { lastNameRu: "Сеитова", firstNameRu: "Дана", patronymicRu: "Дауреновна", lastNameKk: "Сейітова", firstNameKk: "Дана", patronymicKk: "Дәуренқызы", birthDate: "2018-06-06", sex: "F", role: "child" },
    ],
    property: [
      { kind: "real_estate", descriptionRu: "Квартира, 3 комн., 86 м²", descriptionKk: "Пәтер, 3 бөлме, 86 м²" },
      { kind: "vehicle", descriptionRu: "Легковой автомобиль Toyota Camry, 2019 г. в.", descriptionKk: "Жеңіл автомобиль Toyota Camry, 2019 ж. шыққан" },
    ],
  },
  // One-person households of low income in Nura district, one per e2e suite (see demo-people.ts).
  ...(["eligible_portal_kk", "deciding_demo", "callcenter_demo"] as const).map((scenario, i): DemoFamily => ({
    scenario, katoCode: KATO.nura, streetRu: "ул. Жамбыла", streetKk: "Жамбыл көшесі", house: 20 + i, language: scenario === "deciding_demo" ? "ru" : "kk",
    members: [{ ...citizen(scenario), role: "head", incomes: [{ source: "benefit", amount: 21_000 + i * 1_000 }], bank: BANK.halyk }],
  })),
  // Issue 16: families who never used the portal and file on paper. The Centre ones live in Nura; the
  // akim's in Zharaspai village (355241100), which the akim's office serves.
  {
    scenario: "centre_ru", katoCode: KATO.nura, streetRu: "ул. Мира", streetKk: "Бейбітшілік көшесі", house: 9, language: "kk",
    members: [
      { ...citizen("centre_ru"), role: "head", incomes: [{ source: "benefit", amount: 19_000 }], bank: BANK.halyk },
      { lastNameRu: "Мусин", firstNameRu: "Алмас", patronymicRu: "Бауыржанович", lastNameKk: "Мусин", firstNameKk: "Алмас", patronymicKk: "Бауыржанұлы", birthDate: "2015-05-05", sex: "M", role: "child" },
    ],
  },
  {
    scenario: "centre_kk", katoCode: KATO.nura, streetRu: "ул. Мира", streetKk: "Бейбітшілік көшесі", house: 11, language: "ru",
    members: [{ ...citizen("centre_kk"), role: "head", incomes: [{ source: "benefit", amount: 20_000 }], bank: BANK.halyk }],
  },
  {
    scenario: "akim_village", katoCode: "355241100", streetRu: "ул. Степная", streetKk: "Дала көшесі", house: 3, language: "kk",
    members: [{ ...citizen("akim_village"), role: "head", incomes: [{ source: "benefit", amount: 17_000 }], bank: BANK.kazpost }],
  },
  // Local social assistance (issue 14): one-person households in Nura with a disability (facts in demo-facts.ts).
  ...([["local_disability", 38_000], ["local_e2e_ru", 36_000], ["local_e2e_kk", 35_000], ["local_above_threshold", 150_000], ["local_deciding_ru", 34_000], ["local_deciding_kk", 160_000], ["local_callcenter", 34_000]] as const).map(
    ([scenario, amount], i): DemoFamily => ({
      scenario, katoCode: KATO.nura, streetRu: "ул. Гагарина", streetKk: "Гагарин көшесі", house: 30 + i,
      language: scenario === "local_e2e_kk" || scenario === "local_deciding_kk" || scenario === "local_callcenter" ? "kk" : "ru",
      members: [{ ...citizen(scenario), role: "head", incomes: [{ source: amount > 100_000 ? "wage" : "benefit", amount }], bank: BANK.halyk }],
    }),
  ),
  // Staff are citizens too: each lives alone where their office is.
  ...demoStaff.map((s, i): DemoFamily => ({
    scenario: "staff",
    katoCode: s.office === "nura" || s.office === "nura-centre" ? KATO.nura : s.office === "akzhar" ? KATO.talshik : s.office === "akim-zharaspai" ? "355241100" : "711210000",
    streetRu: "ул. Абая", streetKk: "Абай көшесі", house: 100 + i, language: "ru",
    members: [{
      iin: s.iin, lastNameRu: s.lastNameRu, firstNameRu: s.firstNameRu, patronymicRu: s.patronymicRu,
      lastNameKk: s.lastNameKk, firstNameKk: s.firstNameKk, patronymicKk: s.patronymicKk,
      birthDate: birthDateOfIin(s.iin), sex: Number(s.iin[6]) % 2 === 1 ? "M" : "F", role: "head",
      incomes: [{ source: "wage", amount: 380_000 + i * 15_000 }], bank: BANK.halyk,
    }],
  })),
];

function birthDateOfIin(iin: string) {
  const century = 1800 + Math.floor((Number(iin[6]) - 1) / 2) * 100;
  return `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}

/** IINs of family members, fixed by birth date, sex and a serial below the generator's range. */
function memberIin(m: DemoMember, used: Set<string>): string {
  if (m.iin) return m.iin;
  for (let serial = 4100; ; serial++) {
    const iin = makeIin(m.birthDate, m.sex, serial);
    if (iin && !used.has(iin)) return iin;
  }
}

/** Every IIN the demo families use (citizens, their relatives, staff). */
export function demoFamilyIins(): string[] {
  const used = new Set<string>();
  for (const f of demoFamilies) for (const m of f.members) used.add(memberIin(m, used));
  return [...used];
}

/** The demo households as bundles for the loader, numbered from `householdIdStart`. */
export function demoFamilyBundles(referenceDate: string, householdIdStart: number): HouseholdBundle[] {
  const months = monthsBefore(referenceDate);
  const used = new Set<string>();
  let accountSerial = 1;
  return demoFamilies.map((family, index) => {
    const id = householdIdStart + index;
    const home = residenceOf(family.katoCode);
    const bundle: HouseholdBundle = {
      household: { id },
      persons: [], registrations: [], incomes: [], mobileNumbers: [], bankAccounts: [], aspRecords: [], statuses: [], property: [],
    };
    const iins = family.members.map((m) => {
      const iin = memberIin(m, used);
      used.add(iin);
      return iin;
    });
    family.members.forEach((m, i) => {
      const iin = iins[i];
      const place = m.katoCode ? residenceOf(m.katoCode) : home;
      const house = m.katoCode ? family.house + 10 : family.house;
      const flat = place.rural ? "" : `, кв. ${12 + index}`;
      const flatKk = place.rural ? "" : `, ${12 + index}-пәтер`;
      bundle.persons.push({
        iin, lastNameRu: m.lastNameRu, firstNameRu: m.firstNameRu, patronymicRu: m.patronymicRu,
        lastNameKk: m.lastNameKk, firstNameKk: m.firstNameKk, patronymicKk: m.patronymicKk,
        birthDate: m.birthDate, sex: m.sex, preferredLanguage: m.iin ? demoLanguage(m.iin) ?? family.language : family.language,
        householdId: id, householdRole: m.role, deathDate: null,
      });
      bundle.registrations.push({
        iin, kind: "permanent", katoCode: place.katoCode,
        addressRu: `${place.placeRu}, ${family.streetRu}, д. ${house}${flat}`,
        addressKk: `${place.placeKk}, ${family.streetKk}, ${house}-үй${flatKk}`,
        validFrom: m.birthDate > "2012-01-01" ? m.birthDate : "2012-01-01", validTo: null,
      });
      for (const income of m.incomes ?? []) {
        for (const month of months) bundle.incomes.push({ iin, month, source: income.source, amount: income.amount });
        if (income.source === "wage") bundle.statuses.push({ iin, kind: "employed", detail: null, validFrom: "2015-03-01", validTo: null });
      }
      if (m.phone) bundle.mobileNumbers.push({ iin, phone: m.phone, verifiedAt: new Date(`${months[0]}T09:00:00Z`) });
      if (m.bank) {
        bundle.bankAccounts.push({
          iin, bankCode: m.bank, iban: makeKzIban(m.bank, `D${String(id).padStart(4, "0")}${String(accountSerial++).padStart(8, "0")}`),
          openedAt: "2018-05-15", closedAt: null,
        });
      }
    });
    if (family.aspRecipient !== undefined) {
      const iin = iins[family.aspRecipient];
      const start = months[10];
      const [y, mo] = start.split("-").map(Number);
      const perCapita = family.members.reduce((sum, m) => sum + (m.incomes ?? []).reduce((s, x) => s + x.amount, 0), 0) / family.members.length;
      const amount = Math.round((povertyLineFor(y) - perCapita) * family.members.length);
      bundle.aspRecords.push({ iin, kind: "assignment", periodFrom: start, periodTo: toIsoDate(Date.UTC(y, mo - 1 + 6, 1) - 86_400_000), amount });
      for (const month of months.slice(10)) {
        const [my, mm] = month.split("-").map(Number);
        bundle.aspRecords.push({ iin, kind: "payment", periodFrom: month, periodTo: toIsoDate(Date.UTC(my, mm, 1) - 86_400_000), amount });
      }
    }
    for (const p of family.property ?? []) bundle.property.push({ ...p, iin: iins[0] });
    return bundle;
  });
}

function demoLanguage(iin: string) {
  return demoCitizens.find((c) => c.iin === iin)?.preferredLanguage;
}
