export type Lang = 'zh' | 'en';
export const LANG_KEY = 'jiesu.console.lang';

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
