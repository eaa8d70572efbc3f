/**
 * The deterministic population generator behind the registry stand-in. Given a seed, a size and a
 * reference date it yields households one at a time (so a million persons stream through in
 * constant memory), each with everything the state systems of Annex 12 would hold about its
 * members: identity, registration, a year of monthly incomes, mobile numbers, bank accounts,
 * ASP already known to the state, statuses and property.
 *
 * Pure: no I/O, no clock, no Math.random. The same options give the same rows.
 */
import { makeIin, type Sex } from "../../app/domain/iin";
import { makeKzIban } from "../../app/domain/iban";
import type {
  NewAspRecord, NewBankAccount, NewHousehold, NewIncome, NewMobileNumber, NewPerson, NewProperty, NewRegistration, NewStatus,
} from "../schema";
import { bankWeights, BANK } from "./banks";
import { residenceWeights, type Residence } from "./kato";
import { composeName, pickFamilyNaming, pickGivenName, type Ethnicity, type FamilyNaming, type GivenName } from "./names";
import { yearlyParameterRows } from "./parameters";
import { createRandom, type Random } from "./random";

export type HouseholdBundle = {
  household: NewHousehold & { id: number };
  persons: (NewPerson & { householdId: number })[];
  registrations: NewRegistration[];
  incomes: NewIncome[];
  mobileNumbers: NewMobileNumber[];
  bankAccounts: NewBankAccount[];
  aspRecords: NewAspRecord[];
  statuses: NewStatus[];
  property: NewProperty[];
};

export type TakenIdentifiers = { iins?: Set<string>; phones?: Set<string>; ibans?: Set<string> };

export type GenerateOptions = {
  seed: number;
  /** Exactly this many persons are generated (the last household is trimmed to fit). */
  persons: number;
  /** 'YYYY-MM-DD': incomes cover the 12 full months before it; ages are counted to it. */
  referenceDate: string;
  /** Id of the first household; the loader passes one past the largest id already stored. */
  householdIdStart?: number;
  /** Identifiers already in the database: the generator steps around them. */
  taken?: TakenIdentifiers;
};

/** IIN serials of generated people start here; the hand-written demo people use lower ones. */
export const GENERATED_SERIAL_START = 5000;

export const DEMO_PHONE_BLOCK = "+770155501";

/** Mobile prefixes of Kazakhstan's operators (Beeline 70x/777, Kcell/Activ 701/702/775/778, Tele2/Altel 707/747/708). */
const OPERATOR_CODES = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];

type Street = readonly [ru: string, kk: string];
const CITY_STREETS: Street[] = [
  ["ул. Абая", "Абай көшесі"], ["ул. Байтурсынова", "Байтұрсынов көшесі"], ["ул. Сатпаева", "Сәтбаев көшесі"],
  ["ул. Жамбыла", "Жамбыл көшесі"], ["ул. Кенесары", "Кенесары көшесі"], ["ул. Толе би", "Төле би көшесі"],
  ["ул. Богенбай батыра", "Бөгенбай батыр көшесі"], ["ул. Сейфуллина", "Сейфуллин көшесі"], ["ул. Ауэзова", "Әуезов көшесі"],
  ["ул. Желтоксан", "Желтоқсан көшесі"], ["пр. Достык", "Достық даңғылы"], ["пр. Туран", "Тұран даңғылы"],
];
const VILLAGE_STREETS: Street[] = [
  ["ул. Школьная", "Мектеп көшесі"], ["ул. Центральная", "Орталық көшесі"], ["ул. Молодёжная", "Жастар көшесі"],
  ["ул. Степная", "Дала көшесі"], ["ул. Абая", "Абай көшесі"], ["ул. Садовая", "Бақша көшесі"], ["ул. Новая", "Жаңа көшесі"],
];
const CARS = ["Toyota Camry", "Hyundai Accent", "Lada Granta", "Chevrolet Cobalt", "Kia Rio", "Lada Niva", "Volkswagen Polo", "Hyundai Tucson"];

const DAY_MS = 86_400_000;
export const toIsoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The first days ('YYYY-MM-01') of the `count` full months before `referenceDate`, oldest first. */
export function monthsBefore(referenceDate: string, count = 12): string[] {
  const [y, m] = referenceDate.split("-").map(Number);
  const out: string[] = [];
  for (let i = count; i >= 1; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(toIsoDate(d.getTime()));
  }
  return out;
}

/** The national poverty line in force in `year` (the nearest known year outside the table). */
export function povertyLineFor(year: number): number {
  const national = yearlyParameterRows.filter((r) => (r.regionKato ?? "000000000") === "000000000");
  const exact = national.find((r) => r.year === year);
  if (exact) return exact.povertyLine;
  const sorted = [...national].sort((a, b) => a.year - b.year);
  return year < sorted[0].year ? sorted[0].povertyLine : sorted[sorted.length - 1].povertyLine;
}

type Member = {
  role: "head" | "spouse" | "child" | "parent";
  sex: Sex;
  age: number;
  given: GivenName;
  father: GivenName | null;
  naming: FamilyNaming;
  iin?: string;
  birthDate?: string;
};

type IncomeBand = "zero" | "low" | "lowerMiddle" | "middle" | "high";

export function* generatePopulation(options: GenerateOptions): Generator<HouseholdBundle> {
  const rnd = createRandom(options.seed);
  const ref = options.referenceDate;
  const refMs = isoMs(ref);
  const refYear = Number(ref.slice(0, 4));
  const months = monthsBefore(ref);
  const takenIins = options.taken?.iins ?? new Set<string>();
  const takenPhones = options.taken?.phones ?? new Set<string>();
  const takenIbans = options.taken?.ibans ?? new Set<string>();
  const usedPhones = new Set<string>();
  const nextSerial = new Map<string, number>();
  // Account numbers run from a seed-dependent base so two seeds rarely meet.
  let accountCounter = (options.seed % 9000 + 1000) * 1_000_000_000;

  let remaining = options.persons;
  let householdId = options.householdIdStart ?? 1;

  const allocateIin = (birthDate: string, sex: Sex): string => {
    const key = birthDate + sex;
    let serial = nextSerial.get(key) ?? GENERATED_SERIAL_START;
    for (;;) {
      if (serial > 9999) throw new Error(`IIN serials exhausted for ${birthDate} ${sex}`);
      const iin = makeIin(birthDate, sex, serial++);
      if (iin && !takenIins.has(iin)) {
        nextSerial.set(key, serial);
        return iin;
      }
    }
  };

  const allocatePhone = (): string => {
    for (;;) {
      const phone = `+7${rnd.pick(OPERATOR_CODES)}${String(rnd.int(0, 9_999_999)).padStart(7, "0")}`;
      // The block +770155501xx belongs to the demo families, which may be added after us.
      if (!phone.startsWith(DEMO_PHONE_BLOCK) && !usedPhones.has(phone) && !takenPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };

  const allocateIban = (bankCode: string): string => {
    for (;;) {
      const iban = makeKzIban(bankCode, String(accountCounter++).padStart(13, "0"));
      if (!takenIbans.has(iban)) return iban;
    }
  };

  const birthDateFor = (age: number) => {
    // A birthday uniformly in the year that makes the person `age` on the reference date.
    const latest = Date.UTC(refYear - age, Number(ref.slice(5, 7)) - 1, Number(ref.slice(8, 10)));
    return toIsoDate(latest - rnd.int(0, 364) * DAY_MS);
  };
  const dateBetween = (fromMs: number, toMs: number) => toIsoDate(fromMs + Math.floor(rnd.next() * Math.max(0, toMs - fromMs) / DAY_MS) * DAY_MS);
  const roundTo = (n: number, step: number) => Math.max(0, Math.round(n / step) * step);

  while (remaining > 0) {
    const residence = rnd.weighted(residenceWeights);
    const ethnicity = chooseEthnicity(rnd, residence);
    const members = composeHousehold(rnd, ethnicity, residence).slice(0, remaining);
    remaining -= members.length;
    const id = householdId++;

    for (const m of members) {
      m.birthDate = birthDateFor(m.age);
      m.iin = allocateIin(m.birthDate, m.sex);
    }
    const language: "ru" | "kk" = ethnicity === "kazakh" ? (rnd.chance(residence.rural ? 0.75 : 0.6) ? "kk" : "ru") : rnd.chance(0.02) ? "kk" : "ru";

    const bundle: HouseholdBundle = {
      household: { id },
      persons: [], registrations: [], incomes: [], mobileNumbers: [], bankAccounts: [], aspRecords: [], statuses: [], property: [],
    };

    // Identity.
    for (const m of members) {
      bundle.persons.push({
        iin: m.iin!, ...composeName(m.naming, m.sex, m.given, m.father), birthDate: m.birthDate!, sex: m.sex,
        preferredLanguage: language, householdId: id, householdRole: m.role, deathDate: null,
      });
    }

    // Registration: the household's address; ~4 % have a member living here on a temporary
    // registration (permanent elsewhere), ~3 % a member registered only in another settlement.
    const address = makeAddress(rnd, residence);
    const movedInMs = refMs - rnd.int(1, 20 * 365) * DAY_MS;
    const adults = members.filter((m) => m.age >= 18);
    const arrangement = members.length >= 2 && adults.length >= 1 ? rnd.weighted([["together", 0.93], ["temporary", 0.04], ["split", 0.03]] as const) : "together";
    const odd = arrangement === "together" ? null : adults[adults.length > 1 ? 1 : 0];
    for (const m of members) {
      const born = isoMs(m.birthDate!);
      const since = toIsoDate(Math.max(born, movedInMs));
      if (m === odd) {
        const elsewhere = otherResidence(rnd, residence);
        const otherAddress = makeAddress(rnd, elsewhere);
        bundle.registrations.push({ iin: m.iin!, kind: "permanent", katoCode: elsewhere.katoCode, ...otherAddress, validFrom: since, validTo: null });
        if (arrangement === "temporary") {
          bundle.registrations.push({
            iin: m.iin!, kind: "temporary", katoCode: residence.katoCode, ...address,
            validFrom: dateBetween(refMs - 300 * DAY_MS, refMs - 30 * DAY_MS), validTo: toIsoDate(refMs + rnd.int(60, 700) * DAY_MS),
          });
        }
        continue;
      }
      bundle.registrations.push({ iin: m.iin!, kind: "permanent", katoCode: residence.katoCode, ...address, validFrom: since, validTo: null });
    }

    // Statuses that shape incomes: study, disability, kandas/refugee.
    const students = new Set<Member>();
    const disabled = new Set<Member>();
    for (const m of members) {
      if (m.age >= 18 && m.age <= 23 && rnd.chance(0.55)) {
        students.add(m);
        const entered = refYear - (m.age - 17) + (Number(ref.slice(5, 7)) >= 9 ? 1 : 0);
        bundle.statuses.push({ iin: m.iin!, kind: "full_time_study", detail: null, validFrom: `${entered}-09-01`, validTo: `${entered + 4}-06-30` });
      }
      if (m.age >= 3 && rnd.chance(m.age >= 60 ? 0.09 : 0.03)) {
        disabled.add(m);
        const group = rnd.weighted([["1", 0.15], ["2", 0.45], ["3", 0.4]] as const);
        bundle.statuses.push({
          iin: m.iin!, kind: "disability", detail: m.age < 18 ? "child" : group,
          validFrom: dateBetween(Math.max(isoMs(m.birthDate!), refMs - 15 * 365 * DAY_MS), refMs - 30 * DAY_MS),
          validTo: group === "1" && m.age >= 18 ? null : toIsoDate(refMs + rnd.int(30, 720) * DAY_MS),
        });
      }
      if (m.role === "head" || m.role === "spouse") {
        if (m.age >= 20 && m.age <= 50 && m.sex === "M" && rnd.chance(0.002)) {
          bundle.statuses.push({ iin: m.iin!, kind: "imprisoned", detail: null, validFrom: dateBetween(refMs - 3 * 365 * DAY_MS, refMs - 60 * DAY_MS), validTo: toIsoDate(refMs + rnd.int(60, 1500) * DAY_MS) });
        }
      }
    }
    if (ethnicity === "kazakh" && rnd.chance(0.02)) {
      const since = dateBetween(refMs - 10 * 365 * DAY_MS, refMs - 60 * DAY_MS);
      for (const m of members) bundle.statuses.push({ iin: m.iin!, kind: "kandas", detail: null, validFrom: since < m.birthDate! ? m.birthDate! : since, validTo: null });
    } else if (rnd.chance(0.0005)) {
      const since = dateBetween(refMs - 5 * 365 * DAY_MS, refMs - 60 * DAY_MS);
      for (const m of members) bundle.statuses.push({ iin: m.iin!, kind: "refugee", detail: null, validFrom: since < m.birthDate! ? m.birthDate! : since, validTo: null });
    }

    // Incomes: choose the household's band, then pensions, benefits and work income to match it.
    const hasPensioner = members.some((m) => isPensioner(m));
    const band: IncomeBand = rnd.weighted([
      ["zero", hasPensioner ? 0 : 0.012], ["low", 0.09], ["lowerMiddle", 0.25], ["middle", 0.45], ["high", 0.2],
    ] as const);
    const pl = povertyLineFor(refYear);
    const targetPci = band === "zero" ? 0
      : band === "low" ? pl * (0.3 + rnd.next() * 0.65)
      : band === "lowerMiddle" ? pl * (1.05 + rnd.next() * 1.45)
      : band === "middle" ? pl * (2.5 + rnd.next() * 3.5)
      : pl * (6 + rnd.next() * 14);
    const monthly = new Map<Member, { source: NewIncome["source"]; amount: number }[]>();
    const addIncome = (m: Member, source: NewIncome["source"], amount: number) => {
      if (amount <= 0) return;
      const list = monthly.get(m) ?? [];
      const same = list.find((x) => x.source === source);
      if (same) same.amount += amount;
      else list.push({ source, amount });
      monthly.set(m, list);
    };
    let budget = targetPci * members.length;
    if (band !== "zero") {
      for (const m of members) {
        if (isPensioner(m)) {
          const pension = roundTo(band === "low" ? 70_000 + rnd.next() * 30_000 : 85_000 + rnd.next() * 110_000, 10);
          addIncome(m, "pension", pension);
          budget -= pension;
        }
        if (disabled.has(m) && !isPensioner(m)) {
          const benefit = roundTo(45_000 + rnd.next() * 55_000, 10);
          addIncome(m, "benefit", benefit);
          budget -= benefit;
        }
        if (students.has(m) && rnd.chance(0.4)) {
          addIncome(m, "scholarship", 41_000);
          budget -= 41_000;
        }
      }
      const mother = members.find((m) => m.sex === "F" && (m.role === "head" || m.role === "spouse"));
      if (mother && members.some((m) => m.role === "child" && m.age <= 1)) {
        const benefit = roundTo(band === "low" ? 25_000 + rnd.next() * 15_000 : 40_000 + rnd.next() * 80_000, 10);
        addIncome(mother, "benefit", benefit);
        budget -= benefit;
      }
      const singleMother = members.length > 1 && !members.some((m) => m.role === "spouse") && members[0].sex === "F";
      if (singleMother && rnd.chance(0.3)) {
        const alimony = roundTo(20_000 + rnd.next() * 40_000, 100);
        addIncome(members[0], "alimony", alimony);
        budget -= alimony;
      }
      const workers = members.filter((m) => m.age >= 18 && m.age < 63 && !isPensioner(m) && !students.has(m) && !disabled.has(m));
      let earners = workers.filter(() => rnd.chance(band === "low" ? 0.55 : 0.88));
      if (earners.length === 0 && workers.length > 0 && budget > 0) earners = [workers[0]];
      if (budget > 0 && earners.length > 0) {
        const shares = earners.map(() => 0.5 + rnd.next());
        const total = shares.reduce((a, b) => a + b, 0);
        earners.forEach((m, i) => {
          const source = rnd.chance(0.12) ? "entrepreneur" : "wage";
          addIncome(m, source, roundTo((budget * shares[i]) / total, 100));
          bundle.statuses.push({
            iin: m.iin!, kind: source === "entrepreneur" ? "entrepreneur" : "employed", detail: null,
            validFrom: dateBetween(Math.max(isoMs(m.birthDate!) + 18 * 365 * DAY_MS, refMs - 15 * 365 * DAY_MS), refMs - 400 * DAY_MS), validTo: null,
          });
        });
      }
    }
    const irregular = band === "low" ? 0.15 : 0.02;
    for (const [m, list] of monthly) {
      for (const { source, amount } of list) {
        for (const month of months) {
          if ((source === "wage" || source === "entrepreneur") && rnd.chance(irregular)) continue;
          if (source === "scholarship" && (month.slice(5, 7) === "07" || month.slice(5, 7) === "08")) continue;
          if (month < m.birthDate!.slice(0, 7) + "-01") continue;
          const varied = source === "wage" || source === "entrepreneur" ? amount * (1 + 0.08 * rnd.normal()) : amount;
          const value = roundTo(varied, source === "pension" || source === "benefit" ? 10 : 100);
          if (value > 0) bundle.incomes.push({ iin: m.iin!, month, source, amount: value });
        }
      }
    }

    // ASP already known to the state: ~2 % of households (a share of the low-income ones) receive
    // it, a few more have an application pending.
    // Decided on the income actually recorded, not the band aimed at: pensions can lift a "low" household.
    let householdMonthly = 0;
    for (const list of monthly.values()) for (const x of list) householdMonthly += x.amount;
    const actualPci = householdMonthly / members.length;
    if ((band === "low" || band === "zero") && actualPci < pl * 0.9) {
      const applicant = adults[0] ?? members[0];
      const roll = rnd.next();
      if (roll < 0.25) {
        const startMonth = months[rnd.int(6, 10)];
        const endMs = Date.UTC(Number(startMonth.slice(0, 4)), Number(startMonth.slice(5, 7)) - 1 + 6, 1) - DAY_MS;
        const perMonth = Math.max(0, Math.round((povertyLineFor(Number(startMonth.slice(0, 4))) - actualPci) * members.length));
        bundle.aspRecords.push({ iin: applicant.iin!, kind: "assignment", periodFrom: startMonth, periodTo: toIsoDate(endMs), amount: perMonth });
        for (const month of months) {
          if (month >= startMonth) bundle.aspRecords.push({ iin: applicant.iin!, kind: "payment", periodFrom: month, periodTo: toIsoDate(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) - DAY_MS), amount: perMonth });
        }
      } else if (roll < 0.28) {
        bundle.aspRecords.push({ iin: applicant.iin!, kind: "application", periodFrom: toIsoDate(refMs - rnd.int(1, 20) * DAY_MS), periodTo: null, amount: null });
      }
    }

    // Mobile numbers and bank accounts for most adults.
    for (const m of members) {
      if (m.age < 18) continue;
      if (rnd.chance(m.age >= 75 ? 0.5 : 0.88)) {
        bundle.mobileNumbers.push({ iin: m.iin!, phone: allocatePhone(), verifiedAt: new Date(refMs - rnd.int(30, 5 * 365) * DAY_MS) });
      }
      if (rnd.chance(0.86)) {
        const accounts = rnd.chance(0.25) ? 2 : 1;
        for (let i = 0; i < accounts; i++) {
          const bankCode = isPensioner(m) && rnd.chance(0.3) ? BANK.kazpost : rnd.weighted(bankWeights);
          const openedMs = Math.max(isoMs(m.birthDate!) + 18 * 365 * DAY_MS, refMs - 12 * 365 * DAY_MS);
          const openedAt = dateBetween(openedMs, refMs - 10 * DAY_MS);
          const closedAt = i === 1 && rnd.chance(0.1) ? dateBetween(isoMs(openedAt) + DAY_MS, refMs - DAY_MS) : null;
          bundle.bankAccounts.push({ iin: m.iin!, iban: allocateIban(bankCode), bankCode, openedAt, closedAt });
        }
      }
    }

    // Property, recorded on the head of the household.
    const head = members[0];
    if (head.age >= 18) {
      if (rnd.chance(residence.rural ? 0.8 : 0.55)) {
        if (residence.rural) {
          const area = rnd.int(50, 140);
          bundle.property.push({ iin: head.iin!, kind: "real_estate", descriptionRu: `Жилой дом, ${area} м²`, descriptionKk: `Тұрғын үй, ${area} м²` });
        } else {
          const rooms = rnd.int(1, 4);
          const area = rooms * rnd.int(18, 28) + rnd.int(10, 20);
          bundle.property.push({ iin: head.iin!, kind: "real_estate", descriptionRu: `Квартира, ${rooms} комн., ${area} м²`, descriptionKk: `Пәтер, ${rooms} бөлме, ${area} м²` });
        }
      }
      if (residence.rural && rnd.chance(0.35)) {
        const ha = (rnd.int(1, 60) / 10).toFixed(1);
        bundle.property.push({ iin: head.iin!, kind: "land", descriptionRu: `Земельный участок, ${ha} га`, descriptionKk: `Жер учаскесі, ${ha} га` });
      }
      if (rnd.chance(band === "low" || band === "zero" ? 0.1 : 0.38)) {
        const year = rnd.int(refYear - 25, refYear - 1);
        const car = rnd.pick(CARS);
        bundle.property.push({ iin: head.iin!, kind: "vehicle", descriptionRu: `Легковой автомобиль ${car}, ${year} г. в.`, descriptionKk: `Жеңіл автомобиль ${car}, ${year} ж. шыққан` });
      }
      if (rnd.chance(residence.rural ? 0.45 : 0.01)) {
        const cattle = rnd.int(1, 12);
        bundle.property.push({ iin: head.iin!, kind: "subsidiary_farm", descriptionRu: `Личное подсобное хозяйство: КРС ${cattle} гол.`, descriptionKk: `Жеке қосалқы шаруашылық: ІҚМ ${cattle} бас` });
      }
    }

    yield bundle;
  }
}

function isPensioner(m: Member) {
  return m.age >= (m.sex === "M" ? 63 : 61);
}

function chooseEthnicity(rnd: Random, residence: Residence): Ethnicity {
  const slavicShare = residence.rural ? 0.4 : residence.katoCode.startsWith("79") ? 0.05 : residence.katoCode.startsWith("75") ? 0.3 : 0.2;
  return rnd.chance(slavicShare) ? "slavic" : "kazakh";
}

function otherResidence(rnd: Random, residence: Residence): Residence {
  for (;;) {
    const r = rnd.weighted(residenceWeights);
    if (r.settlementCode !== residence.settlementCode) return r;
  }
}

function makeAddress(rnd: Random, residence: Residence) {
  const [streetRu, streetKk] = rnd.pick(residence.rural ? VILLAGE_STREETS : CITY_STREETS);
  const house = rnd.int(1, residence.rural ? 90 : 180);
  if (residence.rural) {
    return { addressRu: `${residence.placeRu}, ${streetRu}, д. ${house}`, addressKk: `${residence.placeKk}, ${streetKk}, ${house}-үй` };
  }
  const flat = rnd.int(1, 240);
  return {
    addressRu: `${residence.placeRu}, ${streetRu}, д. ${house}, кв. ${flat}`,
    addressKk: `${residence.placeKk}, ${streetKk}, ${house}-үй, ${flat}-пәтер`,
  };
}

/**
 * Members with consistent ages: children 18-45 years younger than their mother, grandparents a
 * generation older than the parent whose parents they are. The head comes first.
 */
function composeHousehold(rnd: Random, ethnicity: Ethnicity, residence: Residence): Member[] {
  const kind = rnd.weighted([
    ["single", 0.17], ["couple", 0.14], ["family", 0.38], ["singleParent", 0.1], ["threeGenerations", 0.13], ["pensioners", 0.08],
  ] as const);
  const naming = pickFamilyNaming(rnd, ethnicity);
  const large = ethnicity === "kazakh" && (residence.katoCode.startsWith("79") || residence.rural);
  const kidsCount = () => rnd.weighted(large
    ? ([[1, 0.25], [2, 0.3], [3, 0.25], [4, 0.13], [5, 0.07]] as const)
    : ([[1, 0.38], [2, 0.37], [3, 0.18], [4, 0.05], [5, 0.02]] as const));
  const fatherOf = () => pickGivenName(rnd, ethnicity, "M");
  const adult = (role: Member["role"], sex: Sex, age: number, father: GivenName | null, own: FamilyNaming = naming): Member =>
    ({ role, sex, age, given: pickGivenName(rnd, ethnicity, sex), father: father ?? fatherOf(), naming: own });
  // A wife keeps her own surname in a share of Kazakh families, rarely in others.
  const wifeNaming = () => (rnd.chance(ethnicity === "kazakh" ? 0.4 : 0.12) ? pickFamilyNaming(rnd, ethnicity) : naming);
  const children = (father: Member | null, motherAge: number, count: number, familyNaming: FamilyNaming): Member[] => {
    const kids: Member[] = [];
    // An absent father still gives all his children one patronymic.
    const fatherName = father?.given ?? fatherOf();
    let gapTop = Math.min(motherAge - 18, 25);
    for (let i = 0; i < count && gapTop >= 0; i++) {
      const age = rnd.int(Math.max(0, motherAge - 45), gapTop);
      const sex: Sex = rnd.chance(0.51) ? "M" : "F";
      kids.push({ role: "child", sex, age, given: pickGivenName(rnd, ethnicity, sex), father: fatherName, naming: familyNaming });
      gapTop = age - 1;
    }
    return kids;
  };

  switch (kind) {
    case "single": {
      const sex: Sex = rnd.chance(0.5) ? "M" : "F";
      return [adult("head", sex, rnd.int(19, 80), null)];
    }
    case "pensioners": {
      const head = adult("head", "M", rnd.int(64, 88), null);
      if (rnd.chance(0.45)) return [{ ...head, sex: "F", given: pickGivenName(rnd, ethnicity, "F") }];
      return [head, adult("spouse", "F", Math.max(61, head.age - rnd.int(0, 6)), null, wifeNaming())];
    }
    case "couple": {
      const age = rnd.int(21, 70);
      return [adult("head", "M", age + rnd.int(0, 5), null), adult("spouse", "F", age, null, wifeNaming())];
    }
    case "singleParent": {
      const motherAge = rnd.int(22, 50);
      const mother = adult("head", "F", motherAge, null);
      return [mother, ...children(null, motherAge, rnd.int(1, 3), naming)];
    }
    case "family":
    case "threeGenerations": {
      const motherAge = rnd.int(22, 50);
      const grandfather = fatherOf();
      const head = adult("head", "M", motherAge + rnd.int(0, 6), grandfather);
      const wife = adult("spouse", "F", motherAge, null, wifeNaming());
      const kids = children(head, motherAge, kind === "family" ? kidsCount() : Math.min(kidsCount(), 4), naming);
      const members = [head, wife, ...kids];
      if (kind === "threeGenerations") {
        const grandAge = Math.min(95, head.age + rnd.int(20, 32));
        const grandma: Member = { role: "parent", sex: "F", age: Math.min(95, grandAge - rnd.int(0, 4)), given: pickGivenName(rnd, ethnicity, "F"), father: fatherOf(), naming: rnd.chance(0.5) ? naming : pickFamilyNaming(rnd, ethnicity) };
        if (rnd.chance(0.55)) members.push({ role: "parent", sex: "M", age: grandAge, given: grandfather, father: fatherOf(), naming });
        members.push(grandma);
      }
      return members.slice(0, 9);
    }
  }
}
