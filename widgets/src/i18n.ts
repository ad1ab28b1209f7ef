/**
 * Widget strings. English is built in; every other catalog is a separate module loaded the first
 * time a widget needs it (a dynamic import: its own file next to the bundle). A language without a
 * catalog falls back to English entirely, so a sentence never mixes two languages. A team adds a
 * language with `registerLocale`, or rewords a widget through its `strings` property.
 */
import type { Catalog, Strings } from './locales/catalog';
import { en } from './locales/en';

export type { BannerLevel, Catalog, OpenStatus, Strings } from './locales/catalog';

/** The catalogs besides English, by language subtag, loaded on demand. */
const LOADERS: Record<string, () => Promise<Catalog>> = {
  de: () => import('./locales/de').then((m) => m.de),
  es: () => import('./locales/es').then((m) => m.es),
  fr: () => import('./locales/fr').then((m) => m.fr),
  ja: () => import('./locales/ja').then((m) => m.ja),
  pt: () => import('./locales/pt').then((m) => m.pt),
};

const loaded = new Map<string, Catalog>([['en', en]]);
const loading = new Map<string, Promise<void>>();

/** Adds (or replaces) the catalog for a language subtag (`nl`, `pl`…): a team's own locale pack. */
export function registerLocale(language: string, catalog: Catalog): void {
  language = language.toLowerCase();
  LOADERS[language] = () => Promise.resolve(catalog);
  loaded.set(language, catalog);
}

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
 * The strings for `locale` if their catalog is here, with `own` over them; undefined while it
 * loads (`whenLoaded` says when to ask again). `de-AT` → German strings with Austrian formatting.
 */
export function lang(locale: string | undefined, own?: Strings): Lang | undefined {
  const tag = canonicalTag(locale);
  const language = languageOf(tag);
  let s = loaded.get(language);
  if (s && own)
    s = {
      ...s,
      ...own,
      status: { ...s.status, ...own.status },
      page: { ...s.page, ...own.page },
      component: { ...s.component, ...own.component },
    };
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

/** Puts a time, a count or a name into a template: `fill('updated {t}', '5 minutes ago')`. */
export const fill = (template: string, time: string | number): string =>
  template.replace('{t}', time as string);
