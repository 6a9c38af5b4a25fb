// Language state for the whole console: zh-CN by default, English on the toggle, kept in
// localStorage. Components call useI18n() for t(), the language and bilingual label lookup.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Bilingual, isLang, type Lang, LANG_KEY } from './lang';
import { en, type StringKey, zh } from './strings';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: StringKey): string;
  /** Pick the user's language from a bilingual label. */
  pick(label: Bilingual | undefined, fallback?: string): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return isLang(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = lang === 'zh' ? zh : en;
    return {
      lang,
      setLang,
      t: (key) => dict[key],
      pick: (label, fallback = '') => (label ? label[lang] : fallback),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
