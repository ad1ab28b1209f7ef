/** The languages the core writes people-facing text in (support replies, review exports). */
export type Language = 'en' | 'de';

/** German for a `de…` locale (`de`, `de-AT`), else English. */
export function languageOf(locale: string): Language {
  return /^de(?:-|$)/i.test(locale) ? 'de' : 'en';
}
