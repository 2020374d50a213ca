import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The console speaks Chinese first; English is one click away and remembered per user. */
export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** Declares a feature's texts; both languages must have every key. */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

const storageKey = 'kexie.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  // Chinese unless this browser chose English before; a signed-in user's saved choice wins after login.
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

const LocaleContext = createContext<{ locale: Locale; setLocale(locale: Locale): void }>({ locale: 'zh-CN', setLocale() {} });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale() {
  return useContext(LocaleContext);
}

/** `t('key', { name })` for one feature's messages in the current language. */
export function useT<K extends string>(messages: Messages<K>) {
  const { locale } = useLocale();
  return useCallback(
    (key: K, params?: Record<string, string | number>) => {
      const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
    [locale, messages],
  );
}
