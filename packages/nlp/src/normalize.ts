// Text normalisation shared by training and prediction, so the same message always yields the
// same tokens whether it was typed on a phone (full-width) or pasted from a PC (half-width).

/**
 * Full-width ASCII (U+FF01–U+FF5E) → half-width, ideographic space → space, any run of
 * whitespace (incl. \t, \n, NBSP) → one space, Latin letters → lowercase, trimmed.
 * CJK punctuation such as 。、「」 is kept: the segmenter treats it as a boundary.
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.replace(/\s+/gu, ' ').trim().toLowerCase();
}
