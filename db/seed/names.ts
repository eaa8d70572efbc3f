/**
 * Names for the generated population, in the forms the civil registry keeps them in Russian and in
 * Kazakh. Kazakh families: surname and given names differ in spelling between the languages
 * (Нурланов / Нұрланов), the patronymic is -ович/-овна in Russian and -ұлы/-қызы in Kazakh.
 * Russian (and other Slavic/European) families keep the same forms in both languages.
 */
import type { Random } from "./random";

type Pair = readonly [ru: string, kk: string];

// Kazakh male names all end in a consonant, so the Russian patronymic is name + ович / овна.
export const kazakhMaleNames: Pair[] = [
  ["Нурлан", "Нұрлан"], ["Серик", "Серік"], ["Ерлан", "Ерлан"], ["Асхат", "Асхат"], ["Болат", "Болат"],
  ["Даурен", "Дәурен"], ["Ержан", "Ержан"], ["Марат", "Марат"], ["Кайрат", "Қайрат"], ["Бауыржан", "Бауыржан"],
  ["Азамат", "Азамат"], ["Арман", "Арман"], ["Алмас", "Алмас"], ["Асет", "Әсет"], ["Айдос", "Айдос"],
  ["Бекзат", "Бекзат"], ["Дархан", "Дархан"], ["Ерболат", "Ерболат"], ["Жандос", "Жандос"], ["Канат", "Қанат"],
  ["Мейрам", "Мейрам"], ["Мурат", "Мұрат"], ["Нуржан", "Нұржан"], ["Рустем", "Рүстем"], ["Санжар", "Санжар"],
  ["Талгат", "Талғат"], ["Тимур", "Тимур"], ["Улан", "Ұлан"], ["Ермек", "Ермек"], ["Габит", "Ғабит"],
  ["Аскар", "Асқар"], ["Бахыт", "Бақыт"], ["Досжан", "Досжан"], ["Ерасыл", "Ерасыл"], ["Нурсултан", "Нұрсұлтан"],
  ["Алихан", "Әлихан"], ["Амир", "Әмір"], ["Ислам", "Ислам"], ["Арсен", "Арсен"], ["Касым", "Қасым"],
  ["Жанибек", "Жәнібек"], ["Галым", "Ғалым"], ["Есен", "Есен"], ["Самат", "Самат"], ["Сабит", "Сабит"],
  ["Аман", "Аман"], ["Кенес", "Кеңес"], ["Жасулан", "Жасұлан"], ["Ерзат", "Ерзат"], ["Мирас", "Мирас"],
];

export const kazakhFemaleNames: Pair[] = [
  ["Айгерим", "Айгерім"], ["Гульнар", "Гүлнар"], ["Динара", "Динара"], ["Салтанат", "Салтанат"], ["Асель", "Әсел"],
  ["Айжан", "Айжан"], ["Жанар", "Жанар"], ["Мадина", "Мадина"], ["Назерке", "Назерке"], ["Акмарал", "Ақмарал"],
  ["Гульмира", "Гүлмира"], ["Жансая", "Жансая"], ["Аружан", "Аружан"], ["Айым", "Айым"], ["Томирис", "Томирис"],
  ["Дана", "Дана"], ["Камила", "Камила"], ["Алия", "Әлия"], ["Сауле", "Сәуле"], ["Майра", "Майра"],
  ["Бибигуль", "Бибігүл"], ["Карлыгаш", "Қарлығаш"], ["Меруерт", "Меруерт"], ["Жулдыз", "Жұлдыз"], ["Айсулу", "Айсұлу"],
  ["Индира", "Индира"], ["Гаухар", "Гауһар"], ["Балжан", "Балжан"], ["Раушан", "Раушан"], ["Улжан", "Ұлжан"],
  ["Анель", "Анель"], ["Амина", "Әмина"], ["Дильназ", "Дильназ"], ["Айару", "Айару"], ["Зарина", "Зарина"],
];

/** Male surnames; the female form adds "а" in both languages (Нурланов → Нурланова, Нұрланова). */
export const kazakhSurnames: Pair[] = [
  ["Ахметов", "Ахметов"], ["Нурланов", "Нұрланов"], ["Жумабаев", "Жұмабаев"], ["Сеитов", "Сейітов"], ["Кайратов", "Қайратов"],
  ["Омаров", "Омаров"], ["Бекмуханов", "Бекмұханов"], ["Абдрахманов", "Әбдірахманов"], ["Исаев", "Исаев"], ["Касымов", "Қасымов"],
  ["Сулейменов", "Сүлейменов"], ["Оспанов", "Оспанов"], ["Жаксыбеков", "Жақсыбеков"], ["Искаков", "Ысқақов"], ["Мусин", "Мусин"],
  ["Байжанов", "Байжанов"], ["Серикбаев", "Серікбаев"], ["Ермеков", "Ермеков"], ["Тулегенов", "Түлегенов"], ["Садыков", "Садықов"],
  ["Кенжебаев", "Кенжебаев"], ["Абенов", "Әбенов"], ["Даулетов", "Дәулетов"], ["Есенов", "Есенов"], ["Утепов", "Өтепов"],
  ["Мукашев", "Мұқашев"], ["Байтурсынов", "Байтұрсынов"], ["Ибраев", "Ибраев"], ["Нуркенов", "Нұркенов"], ["Калиев", "Қалиев"],
  ["Бейсенов", "Бейсенов"], ["Мамыров", "Мамыров"], ["Жунусов", "Жүнісов"], ["Токтаров", "Тоқтаров"], ["Смагулов", "Смағұлов"],
];

type SlavicMale = readonly [name: string, patronymicMale: string, patronymicFemale: string];

export const slavicMaleNames: SlavicMale[] = [
  ["Иван", "Иванович", "Ивановна"], ["Пётр", "Петрович", "Петровна"], ["Николай", "Николаевич", "Николаевна"],
  ["Сергей", "Сергеевич", "Сергеевна"], ["Алексей", "Алексеевич", "Алексеевна"], ["Дмитрий", "Дмитриевич", "Дмитриевна"],
  ["Андрей", "Андреевич", "Андреевна"], ["Михаил", "Михайлович", "Михайловна"], ["Владимир", "Владимирович", "Владимировна"],
  ["Александр", "Александрович", "Александровна"], ["Виктор", "Викторович", "Викторовна"], ["Юрий", "Юрьевич", "Юрьевна"],
  ["Евгений", "Евгеньевич", "Евгеньевна"], ["Олег", "Олегович", "Олеговна"], ["Игорь", "Игоревич", "Игоревна"],
  ["Павел", "Павлович", "Павловна"], ["Василий", "Васильевич", "Васильевна"], ["Анатолий", "Анатольевич", "Анатольевна"],
  ["Константин", "Константинович", "Константиновна"], ["Максим", "Максимович", "Максимовна"], ["Артём", "Артёмович", "Артёмовна"],
  ["Денис", "Денисович", "Денисовна"], ["Роман", "Романович", "Романовна"], ["Вадим", "Вадимович", "Вадимовна"],
  ["Григорий", "Григорьевич", "Григорьевна"], ["Илья", "Ильич", "Ильинична"],
];

export const slavicFemaleNames: string[] = [
  "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Екатерина", "Юлия",
  "Людмила", "Галина", "Надежда", "Валентина", "Оксана", "Алина", "Дарья", "Полина", "Виктория", "Ксения",
];

/** [male, female] surname forms: Russian change by sex, Ukrainian -енко and German ones do not. */
export const slavicSurnames: (readonly [string, string])[] = [
  ["Иванов", "Иванова"], ["Смирнов", "Смирнова"], ["Кузнецов", "Кузнецова"], ["Попов", "Попова"], ["Васильев", "Васильева"],
  ["Петров", "Петрова"], ["Соколов", "Соколова"], ["Михайлов", "Михайлова"], ["Новиков", "Новикова"], ["Фёдоров", "Фёдорова"],
  ["Морозов", "Морозова"], ["Волков", "Волкова"], ["Алексеев", "Алексеева"], ["Лебедев", "Лебедева"], ["Семёнов", "Семёнова"],
  ["Егоров", "Егорова"], ["Павлов", "Павлова"], ["Козлов", "Козлова"], ["Степанов", "Степанова"], ["Николаев", "Николаева"],
  ["Орлов", "Орлова"], ["Макаров", "Макарова"], ["Никитин", "Никитина"], ["Захаров", "Захарова"], ["Ковалёв", "Ковалёва"],
  ["Петренко", "Петренко"], ["Коваленко", "Коваленко"], ["Бондаренко", "Бондаренко"], ["Шевченко", "Шевченко"], ["Ткаченко", "Ткаченко"],
  ["Шмидт", "Шмидт"], ["Вагнер", "Вагнер"], ["Ковальский", "Ковальская"], ["Янковский", "Янковская"],
];

export type Sex = "M" | "F";
export type PersonName = {
  lastNameRu: string; firstNameRu: string; patronymicRu: string | null;
  lastNameKk: string; firstNameKk: string; patronymicKk: string | null;
};

export type Ethnicity = "kazakh" | "slavic";

/** A family's naming: the father's names give the children's surname and patronymic. */
export type FamilyNaming = {
  ethnicity: Ethnicity;
  surname: Pair | readonly [string, string];
};

export function pickFamilyNaming(rnd: Random, ethnicity: Ethnicity): FamilyNaming {
  return { ethnicity, surname: ethnicity === "kazakh" ? rnd.pick(kazakhSurnames) : rnd.pick(slavicSurnames) };
}

/** Given name of a male person: returned as an opaque index so it can father children later. */
export type GivenName = { ru: string; kk: string; patronymicM: [string, string]; patronymicF: [string, string] };

export function pickGivenName(rnd: Random, ethnicity: Ethnicity, sex: Sex): GivenName {
  if (ethnicity === "kazakh") {
    if (sex === "F") {
      const [ru, kk] = rnd.pick(kazakhFemaleNames);
      return { ru, kk, patronymicM: ["", ""], patronymicF: ["", ""] };
    }
    const [ru, kk] = rnd.pick(kazakhMaleNames);
    return { ru, kk, patronymicM: [`${ru}ович`, `${kk}ұлы`], patronymicF: [`${ru}овна`, `${kk}қызы`] };
  }
  if (sex === "F") {
    const name = rnd.pick(slavicFemaleNames);
    return { ru: name, kk: name, patronymicM: ["", ""], patronymicF: ["", ""] };
  }
  const [name, pm, pf] = rnd.pick(slavicMaleNames);
  return { ru: name, kk: name, patronymicM: [pm, pm], patronymicF: [pf, pf] };
}

/** Full name of a person of `sex` with the family surname and the father's patronymic. */
export function composeName(
  naming: FamilyNaming, sex: Sex, given: GivenName, father: GivenName | null,
): PersonName {
  const [sRu, sKk] = naming.ethnicity === "kazakh"
    ? (sex === "M" ? naming.surname : [`${naming.surname[0]}а`, `${naming.surname[1]}а`])
    : (sex === "M" ? [naming.surname[0], naming.surname[0]] : [naming.surname[1], naming.surname[1]]);
  const patronymic = father ? (sex === "M" ? father.patronymicM : father.patronymicF) : null;
  return {
    lastNameRu: sRu, firstNameRu: given.ru, patronymicRu: patronymic ? patronymic[0] : null,
    lastNameKk: sKk, firstNameKk: given.kk, patronymicKk: patronymic ? patronymic[1] : null,
  };
}
