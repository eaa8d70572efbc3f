/**
 * Factories for signature tests: a small PKI like НУЦ РК's (root → intermediate → people) and a way
 * to sign a JWS with any key and any header, so tests can build both good and hostile inputs.
 */
import { CompactSign, type CompactJWSHeaderParameters } from "jose";
import { createRootCa, createIntermediateCa, issuePersonCertificate, x5cOf, type EndEntity, type Person } from "./pki";

export const aigerim: Person = { iin: "900512440017", surname: "Нурланова", givenName: "Айгерим", patronymic: "Сериковна" };
export const ivan: Person = { iin: "820903340019", surname: "Смирнов", givenName: "Иван", patronymic: "Петрович" };

export async function makeTestPki(options: { rootName?: string; intermediateName?: string } = {}) {
  const root = await createRootCa({ commonName: options.rootName });
  const intermediate = await createIntermediateCa(root, { commonName: options.intermediateName });
  return { root, intermediate };
}

/** A compact JWS over `payload` by `entity`'s key, with its chain in `x5c` unless the header says otherwise. */
export async function signAs(
  entity: Pick<EndEntity, "certificate" | "chain" | "privateKey">,
  payload: string,
  header: Partial<CompactJWSHeaderParameters> = {},
): Promise<string> {
  const alg = entity.privateKey.algorithm.name === "ECDSA" ? "ES256" : "RS256";
  return new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg, x5c: x5cOf(entity), ...header })
    .sign(entity.privateKey);
}

/**
 * A compact JWS with any protected header at all (jose refuses some, e.g. unknown `crit`), signed
 * for real with `privateKey`, so a rejection can only be due to the header.
 */
export async function signWithHeader(privateKey: CryptoKey, header: Record<string, unknown>, payload: string): Promise<string> {
  const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(payload)}`;
  const algorithm = privateKey.algorithm.name === "ECDSA" ? { name: "ECDSA", hash: "SHA-256" } : privateKey.algorithm;
  const signature = await crypto.subtle.sign(algorithm, privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${b64url(new Uint8Array(signature))}`;
}

export { issuePersonCertificate };
