/**
 * The payment files of clause 21, pure: ISO 20022 pain.001.001.03 (customer credit transfer
 * initiation) for a bank, one file per payment organisation, and the documented CSV list for Kazpost;
 * and the reading of a pain.002.001.03 status report for returns (clause 22). Amounts are integers of
 * tiyn all the way; the decimal text is made from them, never from floating point.
 */

export const PAIN001_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
export const PAIN002_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";
/** The version whose official XSD ships in tests/fixtures/iso20022 (ADR 020); read the same way as .03. */
export const PAIN002_V11_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.11";

export type Party = { name: string; bin: string; iban: string; bic: string };

export type OrderItem = {
  endToEndId: string;
  amountTiyn: number;
  iban: string;
  bic: string;
  name: string;
  iin: string;
  /** What the recipient's statement says: the service, the month, the decision number. */
  remittance: string;
};

export type Order = { msgId: string; createdAt: string; executionDate: string; debtor: Party; items: OrderItem[] };

/** 123456 tiyn → "1234.56". */
export function tiynToDecimal(tiyn: number | bigint): string {
  const value = BigInt(tiyn);
  if (value < 0n) throw new RangeError("amounts are never negative");
  const tenge = value / 100n;
  const rest = value % 100n;
  return `${tenge}.${rest.toString().padStart(2, "0")}`;
}

/** "1234.56" → 123456; at most two decimals, nothing else. */
export function decimalToTiyn(text: string): number {
  const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not an amount in tenge: "${text}"`);
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

export function sumTiyn(items: readonly { amountTiyn: number }[]): number {
  let total = 0n;
  for (const i of items) total += BigInt(i.amountTiyn);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("control sum beyond safe integers");
  return Number(total);
}

/** EndToEndId of a line's attempt: service, line id, attempt; at most 35 characters. */
export function endToEndId(service: string, lineId: number, attempt: number): string {
  const id = `${service.toUpperCase()}-L${lineId}-A${attempt}`;
  if (id.length > 35) throw new RangeError(`EndToEndId too long: ${id}`);
  return id;
}

export function parseEndToEndId(id: string): { service: string; lineId: number; attempt: number } | null {
  const m = /^([A-Z0-9]+)-L(\d+)-A(\d+)$/.exec(id.trim());
  return m ? { service: m[1].toLowerCase(), lineId: Number(m[2]), attempt: Number(m[3]) } : null;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Max140Text etc.: trimmed, not empty, cut to the limit. */
const text = (s: string, max: number) => escapeXml(Array.from(s.trim() || "-").slice(0, max).join(""));

/** The pain.001.001.03 document of one payment organisation: one PmtInf, one CdtTrfTxInf per line. */
export function pain001(order: Order): string {
  if (order.items.length === 0) throw new RangeError("a payment order needs at least one line");
  const bics = new Set(order.items.map((i) => i.bic));
  if (bics.size !== 1) throw new RangeError(`one file per payment organisation, got ${[...bics].join(", ")}`);
  const ids = new Set(order.items.map((i) => i.endToEndId));
  if (ids.size !== order.items.length) throw new RangeError("EndToEndId repeated within one order");
  const count = String(order.items.length);
  const sum = tiynToDecimal(sumTiyn(order.items));
  const d = order.debtor;
  const tx = order.items.map(
    (i) => `
      <CdtTrfTxInf>
        <PmtId><EndToEndId>${text(i.endToEndId, 35)}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="KZT">${tiynToDecimal(i.amountTiyn)}</InstdAmt></Amt>
        <CdtrAgt><FinInstnId><BIC>${text(i.bic, 11)}</BIC></FinInstnId></CdtrAgt>
        <Cdtr>
          <Nm>${text(i.name, 140)}</Nm>
          <Id><PrvtId><Othr><Id>${text(i.iin, 35)}</Id><SchmeNm><Prtry>IIN</Prtry></SchmeNm></Othr></PrvtId></Id>
        </Cdtr>
        <CdtrAcct><Id><IBAN>${text(i.iban, 34)}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>${text(i.remittance, 140)}</Ustrd></RmtInf>
      </CdtTrfTxInf>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${PAIN001_NAMESPACE}">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${text(order.msgId, 35)}</MsgId>
      <CreDtTm>${text(order.createdAt, 40)}</CreDtTm>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${sum}</CtrlSum>
      <InitgPty>
        <Nm>${text(d.name, 140)}</Nm>
        <Id><OrgId><Othr><Id>${text(d.bin, 35)}</Id><SchmeNm><Prtry>BIN</Prtry></SchmeNm></Othr></OrgId></Id>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>${text(order.msgId, 35)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>false</BtchBookg>
      <NbOfTxs>${count}</NbOfTxs>
      <CtrlSum>${sum}</CtrlSum>
      <ReqdExctnDt>${text(order.executionDate, 10)}</ReqdExctnDt>
      <Dbtr><Nm>${text(d.name, 140)}</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${text(d.iban, 34)}</IBAN></Id><Ccy>KZT</Ccy></DbtrAcct>
      <DbtrAgt><FinInstnId><BIC>${text(d.bic, 11)}</BIC></FinInstnId></DbtrAgt>
      <ChrgBr>DEBT</ChrgBr>${tx.join("")}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}

export const KAZPOST_CSV_HEADER = ["end_to_end_id", "iin", "recipient", "iban", "amount_kzt", "remittance"] as const;

/**
 * The Kazpost list (documented in ADR 015): UTF-8, `;`-separated, a header row, one row per line,
 * amounts as tenge with two decimals; a last row `TOTAL;<count>;;;<sum>;` carries the control sum.
 */
export function kazpostCsv(order: Order): string {
  if (order.items.length === 0) throw new RangeError("a payment order needs at least one line");
  const cell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = order.items.map((i) => [i.endToEndId, i.iin, i.name, i.iban, tiynToDecimal(i.amountTiyn), i.remittance].map(cell).join(";"));
  return [KAZPOST_CSV_HEADER.join(";"), ...rows, `TOTAL;${order.items.length};;;${tiynToDecimal(sumTiyn(order.items))};`].join("\r\n") + "\r\n";
}

/** ISO external status reason codes a return may carry, as the cabinet explains them. */
export const RETURN_REASONS = ["AC01", "AC04", "AC06", "AG01", "BE04", "MD07", "RR01", "NARR"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type StatusReport = { msgId: string; createdOn: string; returns: { endToEndId: string; reason: ReturnReason }[] };

export class ReturnFileError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "ReturnFileError";
  }
}

/**
 * Reads the rejected transactions (TxSts RJCT) of a pain.002.001.11 (or the older .001.03) report:
 * their original EndToEndId and reason code. The two versions place these fields alike
 * (CstmrPmtStsRpt/OrgnlPmtInfAndSts/TxInfAndSts). The tests validate the sample reports against the
 * official .11 XSD; this only picks the fields. An unknown reason code is kept as NARR (narrative).
 */
export function readStatusReport(xml: string): StatusReport {
  if (!xml.includes(PAIN002_NAMESPACE) && !xml.includes(PAIN002_V11_NAMESPACE)) throw new ReturnFileError("payments.errors.import.notPain002");
  const msgId = /<GrpHdr>[\s\S]*?<MsgId>([^<]+)<\/MsgId>/.exec(xml)?.[1]?.trim();
  const created = /<GrpHdr>[\s\S]*?<CreDtTm>(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
  if (!msgId || !created) throw new ReturnFileError("payments.errors.import.noHeader");
  const returns: StatusReport["returns"] = [];
  for (const block of xml.match(/<TxInfAndSts>[\s\S]*?<\/TxInfAndSts>/g) ?? []) {
    const status = /<TxSts>([A-Z]{4})<\/TxSts>/.exec(block)?.[1];
    if (status !== "RJCT") continue;
    const id = /<OrgnlEndToEndId>([^<]+)<\/OrgnlEndToEndId>/.exec(block)?.[1]?.trim();
    if (!id) throw new ReturnFileError("payments.errors.import.noEndToEndId");
    const code = /<Rsn>\s*<Cd>([A-Z0-9]{4})<\/Cd>/.exec(block)?.[1] ?? "NARR";
    returns.push({ endToEndId: id, reason: (RETURN_REASONS as readonly string[]).includes(code) ? (code as ReturnReason) : "NARR" });
  }
  return { msgId, createdOn: created, returns };
}

/**
 * A pain.002.001.11 status report rejecting the given EndToEndIds — what a payment organisation
 * sends back for returned payments. For the demo data and the tests; valid against the official XSD.
 */
export function pain002(p: { msgId: string; createdAt: string; originalMsgId: string; rejected: { endToEndId: string; reason: string }[] }): string {
  const tx = p.rejected.map(
    (r) => `
      <TxInfAndSts>
        <OrgnlEndToEndId>${text(r.endToEndId, 35)}</OrgnlEndToEndId>
        <TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>${text(r.reason, 4)}</Cd></Rsn></StsRsnInf>
      </TxInfAndSts>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${PAIN002_V11_NAMESPACE}">
  <CstmrPmtStsRpt>
    <GrpHdr>
      <MsgId>${text(p.msgId, 35)}</MsgId>
      <CreDtTm>${text(p.createdAt, 19)}</CreDtTm>
    </GrpHdr>
    <OrgnlGrpInfAndSts>
      <OrgnlMsgId>${text(p.originalMsgId, 35)}</OrgnlMsgId>
      <OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>
      <GrpSts>${p.rejected.length > 0 ? "PART" : "ACCP"}</GrpSts>
    </OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>${text(p.originalMsgId, 35)}</OrgnlPmtInfId>${tx.join("")}
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>
`;
}
