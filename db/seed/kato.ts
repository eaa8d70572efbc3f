/**
 * The part of the KATO classifier (Классификатор административно-территориальных объектов,
 * stat.gov.kz) that Komek's demo and generated population live in: Nura district of Karaganda
 * region, Akzhar district of North Kazakhstan region, and the cities Astana, Almaty and Shymkent.
 *
 * Code layout AB CD EF HIJ: region, district, rural district, settlement.
 * `confirmed` says whether the full 9-digit code was checked against a published KATO extract;
 * where it is false only the region/district prefix was, and the rest follows the layout
 * (rural districts are left out, so a village's parent is its district).
 */
import type { NewKatoUnit } from "../schema";

export type KatoSeedRow = NewKatoUnit & { confirmed: boolean };

/** Region or city of republican significance → district → settlement. */
export const KATO = {
  karaganda: "350000000",
  nuraDistrict: "355200000",
  nura: "355230100",
  northKazakhstan: "590000000",
  akzharDistrict: "593400000",
  talshik: "593430100",
  astana: "710000000",
  almaty: "750000000",
  shymkent: "790000000",
} as const;

/** KATO prefixes of the two districts whose provider offices are seeded. */
export const NURA_DISTRICT_PREFIX = "3552";
export const AKZHAR_DISTRICT_PREFIX = "5934";

type Village = [code: string, nameRu: string, nameKk: string];

// The district centre: the settlement Kievka was renamed Nura (Нұра кенті); the code is from a
// published KATO extract.
const nuraVillages: Village[] = [
  ["355233100", "с. Акмешит", "Ақмешіт ауылы"],
  ["355235100", "с. Ахмет", "Ахмет ауылы"],
  ["355237100", "с. Баршино", "Баршын ауылы"],
  ["355239100", "с. Балыктыколь", "Балықтыкөл ауылы"],
  ["355241100", "с. Жараспай", "Жараспай ауылы"],
  ["355243100", "с. Изенды", "Изенді ауылы"],
  ["355245100", "с. Кертинды", "Кертінді ауылы"],
  ["355247100", "с. Куланотпес", "Құланөтпес ауылы"],
  ["355249100", "с. Майоровка", "Майоровка ауылы"],
  ["355251100", "с. Талдысай", "Талдысай ауылы"],
  ["355253100", "с. Шубарколь", "Шұбаркөл ауылы"],
];

const akzharVillages: Village[] = [
  ["593433100", "с. Айсары", "Айсары ауылы"],
  ["593435100", "с. Алкатерек", "Алқатерек ауылы"],
  ["593437100", "с. Бостандык", "Бостандық ауылы"],
  ["593439100", "с. Кулыколь", "Құлыкөл ауылы"],
  ["593441100", "с. Кызылту", "Қызылту ауылы"],
  ["593443100", "с. Майское", "Май ауылы"],
  ["593445100", "с. Уялы", "Ұялы ауылы"],
];

type CityDistrict = [code: string, nameRu: string, nameKk: string];

const astanaDistricts: CityDistrict[] = [
  ["711110000", "район «Алматы»", "«Алматы» ауданы"],
  ["711210000", "район «Есиль»", "«Есіл» ауданы"],
  ["711310000", "район «Сарыарка»", "«Сарыарқа» ауданы"],
  ["711410000", "район «Байконыр»", "«Байқоңыр» ауданы"],
];
const almatyDistricts: CityDistrict[] = [
  ["751110000", "Алмалинский район", "Алмалы ауданы"],
  ["751210000", "Алатауский район", "Алатау ауданы"],
  ["751310000", "Ауэзовский район", "Әуезов ауданы"],
  ["751410000", "Бостандыкский район", "Бостандық ауданы"],
  ["751710000", "Медеуский район", "Медеу ауданы"],
];
const shymkentDistricts: CityDistrict[] = [
  ["791110000", "Абайский район", "Абай ауданы"],
  ["791310000", "Аль-Фарабийский район", "Әл-Фараби ауданы"],
  ["791510000", "Енбекшинский район", "Еңбекші ауданы"],
  ["791710000", "Каратауский район", "Қаратау ауданы"],
];

const villageRows = (district: string, villages: Village[]): KatoSeedRow[] =>
  villages.map(([code, nameRu, nameKk]) => ({
    code, parentCode: district, level: 4, nameRu, nameKk, isSettlement: true, settlementCode: code, confirmed: false,
  }));

// City-district codes: the 4-digit prefixes are confirmed; the "10000" tail follows the layout used
// by published samples (751110000 for Almalinsky district).
const cityDistrictRows = (city: string, districts: CityDistrict[]): KatoSeedRow[] =>
  districts.map(([code, nameRu, nameKk]) => ({
    code, parentCode: city, level: 2, nameRu, nameKk, isSettlement: false, settlementCode: city, confirmed: false,
  }));

export const katoRows: KatoSeedRow[] = [
  { code: KATO.karaganda, parentCode: null, level: 1, nameRu: "Карагандинская область", nameKk: "Қарағанды облысы", isSettlement: false, settlementCode: null, confirmed: true },
  { code: KATO.nuraDistrict, parentCode: KATO.karaganda, level: 2, nameRu: "Нуринский район", nameKk: "Нұра ауданы", isSettlement: false, settlementCode: null, confirmed: true },
  { code: KATO.nura, parentCode: KATO.nuraDistrict, level: 4, nameRu: "п. Нура", nameKk: "Нұра кенті", isSettlement: true, settlementCode: KATO.nura, confirmed: true },
  ...villageRows(KATO.nuraDistrict, nuraVillages),
  { code: KATO.northKazakhstan, parentCode: null, level: 1, nameRu: "Северо-Казахстанская область", nameKk: "Солтүстік Қазақстан облысы", isSettlement: false, settlementCode: null, confirmed: true },
  { code: KATO.akzharDistrict, parentCode: KATO.northKazakhstan, level: 2, nameRu: "Акжарский район", nameKk: "Ақжар ауданы", isSettlement: false, settlementCode: null, confirmed: true },
  { code: KATO.talshik, parentCode: KATO.akzharDistrict, level: 4, nameRu: "с. Талшик", nameKk: "Талшық ауылы", isSettlement: true, settlementCode: KATO.talshik, confirmed: false },
  ...villageRows(KATO.akzharDistrict, akzharVillages),
  { code: KATO.astana, parentCode: null, level: 1, nameRu: "г. Астана", nameKk: "Астана қаласы", isSettlement: true, settlementCode: KATO.astana, confirmed: true },
  ...cityDistrictRows(KATO.astana, astanaDistricts),
  { code: KATO.almaty, parentCode: null, level: 1, nameRu: "г. Алматы", nameKk: "Алматы қаласы", isSettlement: true, settlementCode: KATO.almaty, confirmed: true },
  ...cityDistrictRows(KATO.almaty, almatyDistricts),
  { code: KATO.shymkent, parentCode: null, level: 1, nameRu: "г. Шымкент", nameKk: "Шымкент қаласы", isSettlement: true, settlementCode: KATO.shymkent, confirmed: true },
  ...cityDistrictRows(KATO.shymkent, shymkentDistricts),
];

/** Where people live: a registration's KATO (a village, or a city district for the cities). */
export type Residence = {
  katoCode: string;
  settlementCode: string;
  /** "г. Астана, район «Есиль»" / "Нуринский район, с. Баршино": the head of an address line. */
  placeRu: string;
  placeKk: string;
  rural: boolean;
};

const byCode = new Map(katoRows.map((r) => [r.code, r]));

function residence(code: string): Residence {
  const row = byCode.get(code)!;
  const settlement = byCode.get(row.settlementCode!)!;
  const rural = row.level === 4;
  const outer = rural ? byCode.get(row.parentCode!)! : settlement;
  const inner = rural ? settlement : row;
  return {
    katoCode: code, settlementCode: settlement.code, rural,
    placeRu: `${outer.nameRu}, ${inner.nameRu}`, placeKk: `${outer.nameKk}, ${inner.nameKk}`,
  };
}

/** Residences with the share of the generated population each receives (weights sum to 1). */
export const residenceWeights: [Residence, number][] = [
  ...astanaDistricts.map(([c]) => [residence(c), 0.3 / astanaDistricts.length] as [Residence, number]),
  ...almatyDistricts.map(([c]) => [residence(c), 0.33 / almatyDistricts.length] as [Residence, number]),
  ...shymkentDistricts.map(([c]) => [residence(c), 0.2 / shymkentDistricts.length] as [Residence, number]),
  [residence(KATO.nura), 0.04],
  ...nuraVillages.map(([c]) => [residence(c), 0.05 / nuraVillages.length] as [Residence, number]),
  [residence(KATO.talshik), 0.03],
  ...akzharVillages.map(([c]) => [residence(c), 0.05 / akzharVillages.length] as [Residence, number]),
];

export function residenceOf(code: string): Residence {
  return residence(code);
}

/** Strips the `confirmed` marker for insertion. */
export function katoInsertRows(): NewKatoUnit[] {
  return katoRows.map(({ confirmed: _c, ...row }) => row);
}
