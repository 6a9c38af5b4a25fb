// One normalisation for address text, place names, aliases and keywords, so a full-width digit,
// a stray space or a line break in a caller's text never stops a match.

/** NFKC (full-width → half-width, compatibility forms folded), whitespace and zero-width marks removed, ASCII lower-cased. */
export function normalizeIntakeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
    .toLowerCase();
}
