// How many SMS a reply costs (issue 15 item 4), as the carriers split it (3GPP TS 23.038): text in the GSM 7-bit
// alphabet fits 160 characters in one SMS, 153 per part when split; anything else (Chinese included) is sent as UCS-2:
// 70 in one SMS, 67 per part. The extension characters (^{}\[~]|€ and form feed) take two GSM positions.
const gsmBasic =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const gsmExtension = "^{}\\[~]|€\f";

export interface SmsSegments {
  encoding: "GSM-7" | "UCS-2";
  /** Characters as the encoding counts them (GSM positions, or UTF-16 code units). */
  units: number;
  segments: number;
  /** Per SMS: 160/153 or 70/67. */
  perSegment: number;
}

export function smsSegments(text: string): SmsSegments {
  let gsm = 0;
  let isGsm = true;
  for (const ch of text) {
    if (gsmBasic.includes(ch)) gsm += 1;
    else if (gsmExtension.includes(ch)) gsm += 2;
    else {
      isGsm = false;
      break;
    }
  }
  if (isGsm) {
    const perSegment = gsm <= 160 ? 160 : 153;
    return { encoding: "GSM-7", units: gsm, segments: gsm === 0 ? 0 : Math.ceil(gsm / perSegment), perSegment };
  }
  const units = text.length; // UTF-16 code units: an emoji outside the BMP takes two
  const perSegment = units <= 70 ? 70 : 67;
  return { encoding: "UCS-2", units, segments: Math.ceil(units / perSegment), perSegment };
}
