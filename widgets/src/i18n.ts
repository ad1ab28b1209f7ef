/**
 * Widget strings. English is built in; every other catalog is a separate module loaded the first
 * time a widget needs it (a dynamic import: its own file next to the bundle). A language without a
 * catalog falls back to English entirely, so a sentence never mixes two languages.
 */
import type { Catalog } from './locales/catalog';
import { en } from './locales/en';

export type { BannerLevel, Catalog, OpenStatus } from './locales/catalog';

/** The catalogs besides English, by language subtag, loaded on demand. */
const LOADERS: Record<string, () => Promise<Catalog>> = {
  de: () => import('./locales/de').then((m) => m.de),
};

const loaded = new Map<string, Catalog>([['en', en]]);
const loading = new Map<string, Promise<void>>();

/** The language subtag whose catalog serves `tag` (`de-AT` → `de`), or `en`. */
function languageOf(tag: string): string {
  const language = tag.split('-')[0]!.toLowerCase();
  return language in LOADERS ? language : 'en';
}

/** A canonical BCP 47 tag for `locale`; `en` when there is none or it is not a valid tag. */
export function canonicalTag(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export interface Lang {
  s: Catalog;
  /** The tag handed to Intl: the requested one when its language has a catalog, else `en`. */
  tag: string;
}

/**
 * The strings for `locale` if their catalog is here; undefined while it loads (`whenLoaded` says
 * when to ask again). `de-AT` → German strings with Austrian formatting.
 */
export function lang(locale: string | undefined): Lang | undefined {
  const tag = canonicalTag(locale);
  const language = languageOf(tag);
  const s = loaded.get(language);
  return s && { s, tag: language === 'en' && !tag.startsWith('en') ? 'en' : tag };
}

/** Resolves once the catalog for `locale` is here (or failed to load: English then serves). */
export function whenLoaded(locale: string | undefined): Promise<void> {
  const language = languageOf(canonicalTag(locale));
  let pending = loading.get(language);
  if (!pending) {
    pending = (LOADERS[language]?.() ?? Promise.resolve(en))
      .catch(() => en)
      .then((catalog) => void loaded.set(language, catalog));
    loading.set(language, pending);
  }
  return pending;
}

/** Puts a time into a template: `fill('updated {t}', '5 minutes ago')`. */
export const fill = (template: string, time: string): string => template.replace('{t}', time);
