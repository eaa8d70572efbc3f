/**
 * How many SMS segments a text costs (3GPP TS 23.038 / 23.040).
 *
 * GSM-7: 160 septets in one segment, 153 per part when concatenated (the user-data header takes 7);
 * characters of the extension table are sent as ESC + char and cost 2 septets.
 * Any character outside GSM-7 (Cyrillic, Kazakh letters, emoji) makes the whole message UCS-2:
 * 70 UTF-16 code units in one segment, 67 per part. Neither an escape pair nor a surrogate pair may
 * be split across parts, so parts are filled greedily character by character.
 */

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SegmentCount = { encoding: SmsEncoding; units: number; segments: number };

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
};

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return "UCS-2";
  return "GSM-7";
}

/** Units (septets or UTF-16 code units) and segments; an empty text still costs one segment. */
export function countSegments(text: string): SegmentCount {
  const encoding = smsEncoding(text);
  // Iterating a string yields code points, so a surrogate pair is one indivisible 2-unit item.
  const weights = [...text].map((ch) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = weights.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const w of weights) {
    if (used + w > part) {
      segments += 1;
      used = 0;
    }
    used += w;
  }
  return { encoding, units, segments };
}
