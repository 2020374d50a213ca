/**
 * The message catalogue: every user-facing string, zh-CN first and en-US
 * beside it. Each module defines its own messages with `defineMessages`;
 * defining registers them, so a module's errors translate as soon as the
 * module is loaded.
 */
export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

type Messages<K extends string> = Record<Locale, Record<K, string>>;

const catalogue: Record<Locale, Map<string, string>> = { 'zh-CN': new Map(), 'en-US': new Map() };

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  for (const locale of locales) {
    for (const [key, text] of Object.entries<string>(messages[locale])) {
      if (catalogue[locale].has(key) && catalogue[locale].get(key) !== text) {
        throw new Error(`message ${key} is defined twice for ${locale}`);
      }
      catalogue[locale].set(key, text);
    }
  }
  return messages;
}

/** `{name}` placeholders are filled from params; an unknown key falls back to zh-CN, then to the key. */
export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const text = catalogue[locale].get(key) ?? catalogue[defaultLocale].get(key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language from an Accept-Language header; Chinese when none matches. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return defaultLocale;
}
