import { describe, expect, it } from "vitest";
import { PAIN002_XSD, validateAgainstXsd } from "../../tests/support/xsd";
import {
  decimalToTiyn, endToEndId, kazpostCsv, pain001, pain002, parseEndToEndId, readStatusReport, ReturnFileError, tiynToDecimal, type Order,
} from "./files";

const debtor = { name: "НАО «Государственная корпорация «Правительство для граждан»", bin: "160440007161", iban: "KZ86125KZT5004100100", bic: "KKMFKZ2A" };
const item = (n: number, amountTiyn: number, bic = "HSBKKZKX") => ({
  endToEndId: endToEndId("asp", n, 1), amountTiyn, iban: "KZ756018820000012345", bic, name: `Ахметова Айгерим & «Ко» ${n}`, iin: "900101400123",
  remittance: "АСП за 2026-12, решение ASP26-000001",
});
const order = (items: Order["items"]): Order => ({ msgId: "ASP20261201HSBKKZKX-1", createdAt: "2026-12-01T10:00:00+05:00", executionDate: "2026-12-01", debtor, items });

describe("amounts in tiyn", () => {
  it.each([[0, "0.00"], [5, "0.05"], [123456, "1234.56"], [100, "1.00"], [9_007_199_254_740_991, "90071992547409.91"]])("%d tiyn is %s", (t, s) => {
    expect(tiynToDecimal(t)).toBe(s);
    expect(decimalToTiyn(s)).toBe(t);
  });
  it("refuses what is not an amount", () => {
    expect(() => decimalToTiyn("12.345")).toThrow();
    expect(() => decimalToTiyn("-1")).toThrow();
    expect(() => tiynToDecimal(-1)).toThrow();
  });
});

describe("EndToEndId", () => {
  it("names the service, the line and the attempt, and reads back", () => {
    expect(endToEndId("asp", 123, 2)).toBe("ASP-L123-A2");
    expect(parseEndToEndId("ASP-L123-A2")).toEqual({ service: "asp", lineId: 123, attempt: 2 });
    expect(parseEndToEndId("whatever")).toBeNull();
  });
});

describe("pain.001.001.03", () => {
  it("is valid against the official XSD, with exact control sums and escaped names", async () => {
    const xml = pain001(order([item(1, 4_250_050), item(2, 1), item(3, 999_999_99)]));
    const result = await validateAgainstXsd(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml.match(/<CtrlSum>([^<]+)<\/CtrlSum>/g)).toEqual(["<CtrlSum>1042500.50</CtrlSum>", "<CtrlSum>1042500.50</CtrlSum>"]);
    expect(xml.match(/<NbOfTxs>3<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml).toContain("Ахметова Айгерим &amp; «Ко» 1");
    expect(xml.match(/<EndToEndId>/g)).toHaveLength(3);
  });

  it("the XSD check can fail: a broken document is reported invalid", async () => {
    const xml = pain001(order([item(1, 100)])).replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CASH</PmtMtd>");
    const result = await validateAgainstXsd(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/PmtMtd/);
  });

  it("refuses a file mixing payment organisations, repeated ids or no lines", () => {
    expect(() => pain001(order([item(1, 100), item(2, 100, "CASPKZKA")]))).toThrow(/one file per payment organisation/);
    expect(() => pain001(order([item(1, 100), item(1, 100)]))).toThrow(/repeated/);
    expect(() => pain001(order([]))).toThrow(/at least one/);
  });
});

describe("the Kazpost list", () => {
  it("has a header, one row per line and a control total", () => {
    const csv = kazpostCsv(order([item(1, 150_000, "KPSTKZKA"), item(2, 250_001, "KPSTKZKA")]));
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe("end_to_end_id;iin;recipient;iban;amount_kzt;remittance");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe("ASP-L1-A1;900101400123;Ахметова Айгерим & «Ко» 1;KZ756018820000012345;1500.00;АСП за 2026-12, решение ASP26-000001");
    expect(rows[3]).toBe("TOTAL;2;;;4000.01;");
  });
});

describe("pain.002 status report", () => {
  const report = (tx: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>HSBK-RET-1</MsgId><CreDtTm>2026-12-03T09:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>ASP20261201HSBKKZKX-1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>ASP20261201HSBKKZKX-1</OrgnlPmtInfId>${tx}</OrgnlPmtInfAndSts>
</CstmrPmtStsRpt></Document>`;
  it("reads the rejected transactions with their reason, skips accepted ones", () => {
    const xml = report(`
<TxInfAndSts><OrgnlEndToEndId>ASP-L1-A1</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>ASP-L2-A1</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>ASP-L3-A1</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>ZZ99</Cd></Rsn></StsRsnInf></TxInfAndSts>`);
    expect(readStatusReport(xml)).toEqual({
      msgId: "HSBK-RET-1", createdOn: "2026-12-03",
      returns: [{ endToEndId: "ASP-L1-A1", reason: "AC04" }, { endToEndId: "ASP-L3-A1", reason: "NARR" }],
    });
  });
  it("refuses a file that is not a pain.002", () => {
    expect(() => readStatusReport("<Document/>")).toThrow(ReturnFileError);
  });
});

describe("pain.002.001.11, the imported return format", () => {
  const sample = pain002({
    msgId: "HSBK-RJ-20261203", createdAt: "2026-12-03T10:00:00", originalMsgId: "ASP20261202HSBKKZKX-1",
    rejected: [{ endToEndId: "ASP-L1-A1", reason: "AC04" }, { endToEndId: "ASP-L7-A2", reason: "AC01" }],
  });

  it("the sample a payment organisation sends is valid against the official XSD", async () => {
    expect((await validateAgainstXsd(sample, PAIN002_XSD)).errors).toEqual([]);
  });

  it("the XSD is strict: a report without its group header is refused", async () => {
    const broken = sample.replace(/<GrpHdr>[\s\S]*?<\/GrpHdr>/, "");
    expect((await validateAgainstXsd(broken, PAIN002_XSD)).valid).toBe(false);
  });

  it("the legacy .03 report of the test above is not a .11 document", async () => {
    const legacy = sample.replace("pain.002.001.11", "pain.002.001.03");
    expect((await validateAgainstXsd(legacy, PAIN002_XSD)).valid).toBe(false);
  });

  it("is read into the returns", () => {
    expect(readStatusReport(sample)).toEqual({
      msgId: "HSBK-RJ-20261203", createdOn: "2026-12-03",
      returns: [{ endToEndId: "ASP-L1-A1", reason: "AC04" }, { endToEndId: "ASP-L7-A2", reason: "AC01" }],
    });
  });
});
