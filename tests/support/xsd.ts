/**
 * Validation of ISO 20022 files against the official XSD shipped in tests/fixtures/iso20022, with
 * libxml2 compiled to WebAssembly (xmllint-wasm): the same checks as `xmllint --schema`, offline and
 * without a system package.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const here = path.dirname(fileURLToPath(import.meta.url));
export const PAIN001_XSD = path.resolve(here, "../fixtures/iso20022/pain.001.001.03.xsd");
/** The status report Komek imports for returns (ADR 020). */
export const PAIN002_XSD = path.resolve(here, "../fixtures/iso20022/pain.002.001.11.xsd");

export async function validateAgainstXsd(xml: string, xsdPath = PAIN001_XSD): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [{ fileName: path.basename(xsdPath), contents: fs.readFileSync(xsdPath, "utf8") }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
