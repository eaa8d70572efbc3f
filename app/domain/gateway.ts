/**
 * The e-government gateway as the portal sees it: what the state information systems of Annex 12
 * hold about people. Komek's implementation reads the registry stand-in (db/queries/registry.ts);
 * a real integration would implement the same interface over the gateway's services.
 *
 * Plain data only: dates are 'YYYY-MM-DD' strings, months 'YYYY-MM', amounts whole tenge.
 */
export type Language = "ru" | "kk";
export type Sex = "M" | "F";
export type HouseholdRole = "head" | "spouse" | "child" | "parent" | "other";

export type GatewayPerson = {
  iin: string;
  lastNameRu: string;
  firstNameRu: string;
  patronymicRu: string | null;
  lastNameKk: string;
  firstNameKk: string;
  patronymicKk: string | null;
  birthDate: string;
  sex: Sex;
  preferredLanguage: Language;
  /** Null when the person belongs to no recorded household. */
  householdId: number | null;
  householdRole: HouseholdRole | null;
  deathDate: string | null;
};

export type RegistrationKind = "permanent" | "temporary";

export type GatewayRegistration = {
  iin: string;
  kind: RegistrationKind;
  /** KATO of the address: a settlement, or a city district in the cities. */
  katoCode: string;
  /** KATO of the settlement the address lies in — what 7-1 check 3 compares. */
  settlementKato: string;
  addressRu: string;
  addressKk: string;
  validFrom: string;
  /** Null while the registration is in force with no end date. */
  validTo: string | null;
};

export type IncomeSource = "wage" | "pension" | "benefit" | "entrepreneur" | "alimony" | "scholarship" | "other";

export type GatewayIncome = { iin: string; month: string; source: IncomeSource; amount: number };

export type GatewayMobileNumber = { iin: string; phone: string; verifiedAt: Date };

export type GatewayBank = { code: string; bic: string; nameRu: string; nameKk: string; isPaymentOrganisation: boolean };

export type GatewayBankAccount = {
  iin: string;
  iban: string;
  bankCode: string;
  openedAt: string;
  closedAt: string | null;
};

export type AspRecordKind = "assignment" | "payment" | "application";

/**
 * ASP the state already knows of. An application has no periodTo while it is pending; an assignment
 * covers periodFrom…periodTo; a payment covers one month.
 */
export type GatewayAspRecord = { iin: string; kind: AspRecordKind; periodFrom: string; periodTo: string | null; amount: number | null };

export type StatusKind = "kandas" | "refugee" | "foreigner" | "disability" | "full_time_study" | "entrepreneur" | "employed" | "imprisoned";

/** `detail` carries the disability group ('1', '2', '3', or 'child'). */
export type GatewayStatus = { iin: string; kind: StatusKind; detail: string | null; validFrom: string; validTo: string | null };

export type PropertyKind = "real_estate" | "land" | "vehicle" | "subsidiary_farm";

export type GatewayProperty = { iin: string; kind: PropertyKind; descriptionRu: string; descriptionKk: string };

export type GatewayKatoUnit = {
  code: string;
  parentCode: string | null;
  level: number;
  nameRu: string;
  nameKk: string;
  isSettlement: boolean;
  /** The settlement this unit lies in (itself for a settlement), null for regions and districts. */
  settlementCode: string | null;
};

export interface Gateway {
  getPerson(iin: string): Promise<GatewayPerson | null>;
  /** Everyone in the household of `iin`, that person included, head first; [] for an unknown IIN. */
  getHouseholdMembers(iin: string): Promise<GatewayPerson[]>;
  getRegistrations(iins: readonly string[]): Promise<GatewayRegistration[]>;
  /** Monthly incomes for months fromMonth…toMonth ('YYYY-MM', both inclusive), oldest first. */
  getIncomes(iins: readonly string[], fromMonth: string, toMonth: string): Promise<GatewayIncome[]>;
  /** The verified number in the mobile-citizens registry, or null. */
  getMobileNumber(iin: string): Promise<GatewayMobileNumber | null>;
  /** Whose verified number this is (E.164, "+77…"), or null. */
  findPersonByMobileNumber(phone: string): Promise<GatewayPerson | null>;
  getBankAccounts(iin: string): Promise<GatewayBankAccount[]>;
  findBankAccountByIban(iban: string): Promise<GatewayBankAccount | null>;
  getAspRecords(iins: readonly string[]): Promise<GatewayAspRecord[]>;
  getStatuses(iins: readonly string[]): Promise<GatewayStatus[]>;
  getProperty(iins: readonly string[]): Promise<GatewayProperty[]>;
  listBanks(): Promise<GatewayBank[]>;
  getKato(code: string): Promise<GatewayKatoUnit | null>;
}
