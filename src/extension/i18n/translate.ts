/**
 * Localised strings for every extension view. Views call `t()`; the entry points wire it to
 * `browser.i18n.getMessage` with `setMessageSource`, so unit tests can hand in a plain lookup
 * instead of the extension runtime.
 */
export type MessageSource = (key: string, substitutions?: string[]) => string;

let source: MessageSource = (key) => key;
let locale = 'en';

/** Sets where `t()` looks strings up (the extension's `_locales` in production) and the UI locale. */
export function setMessageSource(next: MessageSource, uiLanguage = 'en'): void {
  source = next;
  locale = uiLanguage;
}

/** The UI locale, for Intl formatting of times and durations. */
export function uiLocale(): string {
  return locale;
}

/**
 * The localised string for `key`, with `$1`…`$9` filled from `subs`.
 * A missing key shows the key itself, so an untranslated string is visible rather than blank.
 */
export function t(key: string, ...subs: (string | number)[]): string {
  const text = source(key, subs.map(String));
  return text === '' ? key : text;
}

/**
 * `t(key, ...subs)`, or `fallback` when the catalogue has no `key`: for keys made from data (a
 * status, a rule id, a lint id) that the catalogue may not know.
 */
export function tOr(fallback: string, key: string, ...subs: (string | number)[]): string {
  const text = t(key, ...subs);
  return text === key ? fallback : text;
}

/**
 * A count in words, in the UI language's plural form (Intl.PluralRules: "1 incident", "2
 * incidents"; German likewise): looks up `<key>_<category>` (`_one`, `_other`, …), else
 * `<key>_other`. `$1` is the count, `$2`… are `subs`.
 */
export function tn(key: string, count: number, ...subs: (string | number)[]): string {
  const category = new Intl.PluralRules(locale).select(count);
  const text = t(`${key}_${category}`, count, ...subs);
  return text === `${key}_${category}` ? t(`${key}_other`, count, ...subs) : text;
}

/** A MessageSource over a parsed `messages.json` (direct `$1` substitutions), for tests. */
export function messagesSource(messages: Record<string, { message: string }>): MessageSource {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  };
}
