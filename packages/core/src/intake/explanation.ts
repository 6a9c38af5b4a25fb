// Every intake suggestion says why in both console languages: `explanation` (English, the API's
// original field) and `explanationZh` (简体中文, what a zh-CN operator reads). Sentences are
// built as { en, zh } pairs and flattened into the two fields at the end, so the two readings
// cannot drift apart.
import type { PlaceLevel } from './place-name-forms';

/** One sentence (or several) in English and Chinese. */
export interface BilingualText {
  en: string;
  zh: string;
}

/** The two fields every suggestion carries. */
export interface Explained {
  /** English. */
  explanation: string;
  /** Chinese (zh-CN). */
  explanationZh: string;
}

export function bi(en: string, zh: string): BilingualText {
  return { en, zh };
}

/** English sentences are joined with a space, Chinese ones directly (full-width punctuation). */
export function joinBi(parts: ReadonlyArray<BilingualText | null | undefined | false>): BilingualText {
  const kept = parts.filter((p): p is BilingualText => p !== null && p !== undefined && p !== false);
  return {
    en: kept
      .map((p) => p.en)
      .filter((s) => s !== '')
      .join(' '),
    zh: kept
      .map((p) => p.zh)
      .filter((s) => s !== '')
      .join(''),
  };
}

export function explained(t: BilingualText): Explained {
  return { explanation: t.en, explanationZh: t.zh };
}

/** Reads an object's two explanation fields back as a pair. */
export function explanationOf(x: Explained): BilingualText {
  return { en: x.explanation, zh: x.explanationZh };
}

export const PLACE_LEVEL_ZH: Record<PlaceLevel, string> = { district: '区', street: '街道', community: '社区' };
