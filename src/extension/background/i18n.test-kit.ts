// Unit tests see the real strings from public/_locales, as the extension shows them: English on
// import; `useCatalogue('de')` for a test in German (and back with `useCatalogue('en')`).
import { messagesSource, setMessageSource } from '../i18n/translate';
import en from '../../../public/_locales/en/messages.json';
import de from '../../../public/_locales/de/messages.json';

/** The catalogues the extension ships, by language. */
export const CATALOGUES = { en, de } as const;

/**
 * Makes `t()` read `lang`'s catalogue; `locale` is the UI locale for Intl formatting (times,
 * numbers), `lang` unless a test needs a region (`en-US`, `de-DE`).
 */
export function useCatalogue(lang: keyof typeof CATALOGUES, locale: string = lang): void {
  setMessageSource(messagesSource(CATALOGUES[lang]), locale);
}

useCatalogue('en');
