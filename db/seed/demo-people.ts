/**
 * The demo people named in the README: citizens with a scenario each, and staff of two districts.
 * The generator (db/seed/generate.ts) builds their households and registry records from `scenario`;
 * `komek pki init` issues each of them a test ЭЦП key file.
 */
export type DemoScenario =
  | "eligible_portal" // low income, one settlement, no ASP: files the e-application on the portal
  | "proactive_ru" // eligible, verified mobile number: receives the SMS offer in Russian
  | "proactive_kk" // the same in Kazakh
  | "member_has_asp" // a family member already receives ASP: 7-1 check 2 fails
  | "split_settlements" // a member registered in another settlement: 7-1 check 3 fails
  | "above_poverty_line" // income too high for ASP
  // Eligible families kept for one e2e suite each, so suites never compete for the same family:
  | "eligible_portal_kk" // the e-application e2e in Kazakh
  | "deciding_demo" // the deciding e2e (a registered case goes through every staff step)
  | "callcenter_demo" // the 1414 console e2e
  // Never used the portal (no account): file at the Centre or through the akim (issue 16, tests/e2e/centre.spec.ts).
  | "centre_ru" // at the Centre, SMS in Russian; a refusal in the e2e
  | "centre_kk" // at the Centre, SMS in Kazakh
  | "akim_village" // lives in Zharaspai village: files through the akim
  // Local social assistance in Nura district (issue 14): people with disabilities, who may apply on the portal.
  | "local_disability" // the demo: a Nura citizen with disability group 2, low income
  | "local_e2e_ru" // the local-assistance e2e in Russian (operation help, 8.3.2)
  | "local_callcenter" // the 1414 e2e of local assistance: files 8.3.2 so the agent finds an LSA number
  | "local_e2e_kk" // the same in Kazakh
  | "local_above_threshold" // disability group 3, income above 1 ПМ: refusal on clause 12 ground 3
  // The staff steps of a local case (issue 14, ADR 022; tests/e2e/local-deciding.spec.ts), one suite each:
  | "local_deciding_ru" // disability group 2, low income: operation help assigned, in Russian
  | "local_deciding_kk"; // disability group 3, income above 1 ПМ: refused on clause 12 ground 3, in Kazakh

export type DemoCitizen = {
  iin: string;
  lastNameRu: string; firstNameRu: string; patronymicRu: string | null;
  lastNameKk: string; firstNameKk: string; patronymicKk: string | null;
  birthDate: string;
  sex: "M" | "F";
  preferredLanguage: "ru" | "kk";
  scenario: DemoScenario;
  /** Mobile number for the mobile-citizens registry, or null. */
  phone: string | null;
  /** Has never used the portal: the demo seed creates no account (issue 16). */
  noAccount?: true;
};

export type StaffRole = "specialist" | "commission" | "head" | "callcenter" | "admin" | "payment_officer" | "finance_officer" | "centre_specialist" | "akim";

export type DemoStaff = {
  iin: string;
  login: string;
  lastNameRu: string; firstNameRu: string; patronymicRu: string | null;
  lastNameKk: string; firstNameKk: string; patronymicKk: string | null;
  role: StaffRole;
  /** Provider office and the KATO prefix it serves ("" = the whole country, for 1414 and admin). */
  office: "nura" | "akzhar" | "contact-centre" | "ministry" | "gov4c" | "nura-centre" | "akim-zharaspai";
};

/** Passwords of the demo accounts and of their key files (development only). */
export const DEMO_PASSWORD = "Komek-2026";
export const DEMO_KEY_PASSWORD = "123456";

export const demoCitizens: DemoCitizen[] = [
  {
    iin: "900512440017", lastNameRu: "Нурланова", firstNameRu: "Айгерим", patronymicRu: "Сериковна",
    lastNameKk: "Нұрланова", firstNameKk: "Айгерім", patronymicKk: "Серікқызы",
    birthDate: "1990-05-12", sex: "F", preferredLanguage: "kk", scenario: "eligible_portal", phone: "+77015550101",
  },
  {
    iin: "820903340019", lastNameRu: "Смирнов", firstNameRu: "Иван", patronymicRu: "Петрович",
    lastNameKk: "Смирнов", firstNameKk: "Иван", patronymicKk: "Петрович",
    birthDate: "1982-09-03", sex: "M", preferredLanguage: "ru", scenario: "proactive_ru", phone: "+77015550102",
  },
  {
    iin: "780120340012", lastNameRu: "Кайратов", firstNameRu: "Асхат", patronymicRu: "Болатович",
    lastNameKk: "Қайратов", firstNameKk: "Асхат", patronymicKk: "Болатұлы",
    birthDate: "1978-01-20", sex: "M", preferredLanguage: "ru", scenario: "member_has_asp", phone: "+77015550103",
  },
  {
    iin: "950707440016", lastNameRu: "Ковалёва", firstNameRu: "Мария", patronymicRu: "Ивановна",
    lastNameKk: "Ковалёва", firstNameKk: "Мария", patronymicKk: "Ивановна",
    birthDate: "1995-07-07", sex: "F", preferredLanguage: "ru", scenario: "split_settlements", phone: "+77015550104",
  },
  {
    iin: "871201340014", lastNameRu: "Сеитов", firstNameRu: "Даурен", patronymicRu: "Ержанович",
    lastNameKk: "Сейітов", firstNameKk: "Дәурен", patronymicKk: "Ержанұлы",
    birthDate: "1987-12-01", sex: "M", preferredLanguage: "kk", scenario: "above_poverty_line", phone: "+77015550105",
  },
  {
    iin: "920322440018", lastNameRu: "Абдрахманова", firstNameRu: "Гульнар", patronymicRu: "Маратовна",
    lastNameKk: "Әбдірахманова", firstNameKk: "Гүлнар", patronymicKk: "Маратқызы",
    birthDate: "1992-03-22", sex: "F", preferredLanguage: "kk", scenario: "proactive_kk", phone: "+77015550106",
  },
  {
    iin: "890410440018", lastNameRu: "Жаксыбекова", firstNameRu: "Динара", patronymicRu: "Муратовна",
    lastNameKk: "Жақсыбекова", firstNameKk: "Динара", patronymicKk: "Мұратқызы",
    birthDate: "1989-04-10", sex: "F", preferredLanguage: "kk", scenario: "eligible_portal_kk", phone: "+77015550107",
  },
  {
    iin: "861022340019", lastNameRu: "Тулегенов", firstNameRu: "Ержан", patronymicRu: "Кайратович",
    lastNameKk: "Төлегенов", firstNameKk: "Ержан", patronymicKk: "Қайратұлы",
    birthDate: "1986-10-22", sex: "M", preferredLanguage: "ru", scenario: "deciding_demo", phone: "+77015550108",
  },
  {
    iin: "931205440016", lastNameRu: "Ибраева", firstNameRu: "Асель", patronymicRu: "Бекеновна",
    lastNameKk: "Ибраева", firstNameKk: "Әсел", patronymicKk: "Бекенқызы",
    birthDate: "1993-12-05", sex: "F", preferredLanguage: "kk", scenario: "callcenter_demo", phone: "+77015550109",
  },
  {
    iin: "840315343010", lastNameRu: "Мусин", firstNameRu: "Бауыржан", patronymicRu: "Ерланович",
    lastNameKk: "Мусин", firstNameKk: "Бауыржан", patronymicKk: "Ерланұлы",
    birthDate: "1984-03-15", sex: "M", preferredLanguage: "kk", scenario: "centre_ru", phone: "+77015550131", noAccount: true,
  },
  {
    iin: "910621443026", lastNameRu: "Оспанова", firstNameRu: "Гульжан", patronymicRu: "Аскаровна",
    lastNameKk: "Оспанова", firstNameKk: "Гүлжан", patronymicKk: "Асқарқызы",
    birthDate: "1991-06-21", sex: "F", preferredLanguage: "ru", scenario: "centre_kk", phone: "+77015550132", noAccount: true,
  },
  {
    iin: "791102343033", lastNameRu: "Сейткали", firstNameRu: "Нурлан", patronymicRu: "Маратович",
    lastNameKk: "Сейітқали", firstNameKk: "Нұрлан", patronymicKk: "Маратұлы",
    birthDate: "1979-11-02", sex: "M", preferredLanguage: "kk", scenario: "akim_village", phone: "+77015550133", noAccount: true,
  },
  {
    iin: "750314444172", lastNameRu: "Ахметова", firstNameRu: "Гульмира", patronymicRu: "Сабитовна",
    lastNameKk: "Ахметова", firstNameKk: "Гүлмира", patronymicKk: "Сабитқызы",
    birthDate: "1975-03-14", sex: "F", preferredLanguage: "ru", scenario: "local_disability", phone: "+77015550141",
  },
  {
    iin: "681102333182", lastNameRu: "Сулейменов", firstNameRu: "Канат", patronymicRu: "Жумабекович",
    lastNameKk: "Сүлейменов", firstNameKk: "Қанат", patronymicKk: "Жұмабекұлы",
    birthDate: "1968-11-02", sex: "M", preferredLanguage: "ru", scenario: "local_e2e_ru", phone: "+77015550142",
  },
  {
    iin: "800625444192", lastNameRu: "Есенова", firstNameRu: "Айжан", patronymicRu: "Нурлановна",
    lastNameKk: "Есенова", firstNameKk: "Айжан", patronymicKk: "Нұрланқызы",
    birthDate: "1980-06-25", sex: "F", preferredLanguage: "kk", scenario: "local_e2e_kk", phone: "+77015550143",
  },
  {
    iin: "720909333216", lastNameRu: "Ким", firstNameRu: "Виктор", patronymicRu: "Алексеевич",
    lastNameKk: "Ким", firstNameKk: "Виктор", patronymicKk: "Алексеевич",
    birthDate: "1972-09-09", sex: "M", preferredLanguage: "ru", scenario: "local_above_threshold", phone: "+77015550144",
  },
  {
    iin: "660412333716", lastNameRu: "Абенов", firstNameRu: "Серик", patronymicRu: "Маратович",
    lastNameKk: "Әбенов", firstNameKk: "Серік", patronymicKk: "Маратұлы",
    birthDate: "1966-04-12", sex: "M", preferredLanguage: "ru", scenario: "local_deciding_ru", phone: "+77015550145",
  },
  {
    iin: "770819444723", lastNameRu: "Жакупова", firstNameRu: "Динара", patronymicRu: "Ерлановна",
    lastNameKk: "Жақыпова", firstNameKk: "Динара", patronymicKk: "Ерланқызы",
    birthDate: "1977-08-19", sex: "F", preferredLanguage: "kk", scenario: "local_deciding_kk", phone: "+77015550146",
  },
  {
    iin: "770821444467", lastNameRu: "Жаксыбекова", firstNameRu: "Мадина", patronymicRu: "Ериковна",
    lastNameKk: "Жақсыбекова", firstNameKk: "Мадина", patronymicKk: "Ерікқызы",
    birthDate: "1977-08-21", sex: "F", preferredLanguage: "kk", scenario: "local_callcenter", phone: "+77015550147",
  },
];

export const demoStaff: DemoStaff[] = [
  {
    iin: "850415440018", login: "nura.specialist", lastNameRu: "Жумабаева", firstNameRu: "Салтанат", patronymicRu: "Каировна",
    lastNameKk: "Жұмабаева", firstNameKk: "Салтанат", patronymicKk: "Қайырқызы", role: "specialist", office: "nura",
  },
  {
    iin: "790830340014", login: "nura.commission", lastNameRu: "Омаров", firstNameRu: "Ерлан", patronymicRu: "Саматович",
    lastNameKk: "Омаров", firstNameKk: "Ерлан", patronymicKk: "Саматұлы", role: "commission", office: "nura",
  },
  {
    iin: "880211340018", login: "nura.head", lastNameRu: "Бекмуханов", firstNameRu: "Нурлан", patronymicRu: "Асанович",
    lastNameKk: "Бекмұханов", firstNameKk: "Нұрлан", patronymicKk: "Асанұлы", role: "head", office: "nura",
  },
  {
    iin: "911005440015", login: "akzhar.specialist", lastNameRu: "Петренко", firstNameRu: "Ольга", patronymicRu: "Викторовна",
    lastNameKk: "Петренко", firstNameKk: "Ольга", patronymicKk: "Викторовна", role: "specialist", office: "akzhar",
  },
  {
    iin: "830617440012", login: "cc.agent", lastNameRu: "Исаева", firstNameRu: "Динара", patronymicRu: "Муратовна",
    lastNameKk: "Исаева", firstNameKk: "Динара", patronymicKk: "Мұратқызы", role: "callcenter", office: "contact-centre",
  },
  {
    iin: "751109340016", login: "admin", lastNameRu: "Ахметов", firstNameRu: "Бауыржан", patronymicRu: "Кенесович",
    lastNameKk: "Ахметов", firstNameKk: "Бауыржан", patronymicKk: "Кеңесұлы", role: "admin", office: "ministry",
  },
  {
    iin: "840214444115", login: "nura.finance", lastNameRu: "Садыкова", firstNameRu: "Алма", patronymicRu: "Ериковна",
    lastNameKk: "Садықова", firstNameKk: "Алма", patronymicKk: "Ерікқызы", role: "finance_officer", office: "nura",
  },
  {
    iin: "790903334125", login: "gk.payments", lastNameRu: "Жаксылыков", firstNameRu: "Марат", patronymicRu: "Болатович",
    lastNameKk: "Жақсылықов", firstNameKk: "Марат", patronymicKk: "Болатұлы", role: "payment_officer", office: "gov4c",
  },
  // Issue 16: a specialist of the Nura employment Centre and the akim's office of Zharaspai village.
  {
    iin: "880209443048", login: "nura.centre", lastNameRu: "Касымова", firstNameRu: "Айнур", patronymicRu: "Болатовна",
    lastNameKk: "Қасымова", firstNameKk: "Айнұр", patronymicKk: "Болатқызы", role: "centre_specialist", office: "nura-centre",
  },
  {
    iin: "750830343051", login: "zharaspai.akim", lastNameRu: "Жунусов", firstNameRu: "Серик", patronymicRu: "Амангельдиевич",
    lastNameKk: "Жүнісов", firstNameKk: "Серік", patronymicKk: "Амангелдіұлы", role: "akim", office: "akim-zharaspai",
  },
];
