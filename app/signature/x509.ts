/**
 * The one place that prepares @peculiar/x509: it needs reflect-metadata loaded first and a WebCrypto
 * provider. `globalThis.crypto` is WebCrypto in Node ≥ 20 and in browsers, so this works in both.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

/**
 * Attribute names as НУЦ РК certificates are read. The library's default `SN` means surname
 * (2.5.4.4) and it prints 2.5.4.5 as a bare OID, so we name both explicitly.
 */
export const OID = {
  commonName: "2.5.4.3",
  surname: "2.5.4.4",
  serialNumber: "2.5.4.5",
  country: "2.5.4.6",
  organization: "2.5.4.10",
  givenName: "2.5.4.42",
} as const;

const DISPLAY_NAMES = {
  CN: OID.commonName,
  SURNAME: OID.surname,
  SERIALNUMBER: OID.serialNumber,
  C: OID.country,
  O: OID.organization,
  GIVENNAME: OID.givenName,
};

/** A subject or issuer as an RFC 2253-style string with НУЦ attribute names (SURNAME, SERIALNUMBER…). */
export function formatName(name: x509.Name): string {
  return new x509.Name(name.toArrayBuffer(), DISPLAY_NAMES).toString();
}

export { x509 };
