/**
 * Widget strings. English and German are complete; any other locale falls back to English.
 * Each catalog is one `|`-separated string (smaller than object literals), in `catalog`'s order.
 */
import { ALL_STATUSES, RANKS } from '../../src/core/feed/levels';
import type { Indicator } from '../../src/core/types';

export interface Strings {
  /** Overall indicator labels (badge without `component`). */
  page: Record<Indicator, string>;
  /** Indicator labels when the badge narrows to components (Statuspage component wording). */
  component: Record<Indicator, string>;
  /** Incident and maintenance statuses. */
  status: Record<string, string>;
  updated: string;
  starts: string;
  now: string;
  asOf: string;
  more: string;
  less: string;
  dismiss: string;
  link: string;
  active: string;
  /** Banner severity labels, so colour is never the only cue. */
  sev: Record<'critical' | 'major' | 'minor' | 'maintenance', string>;
}

const TEXT: Record<string, string> = {
  en:
    'Status unknown|All systems operational|Service under maintenance|Minor service outage|Partial system outage|Major system outage|' +
    'Status unknown|Operational|Under maintenance|Degraded performance|Partial outage|Major outage|' +
    'Investigating|Identified|Monitoring|Resolved|Postmortem|Scheduled|In progress|Verifying|Completed|' +
    'updated {t}|starts {t}|just now|as of {t}|More|Less|Dismiss|Status page|Active incidents:|' +
    'Maintenance|Minor incident|Major incident|Critical incident',
  de:
    'Status unbekannt|Alle Systeme betriebsbereit|Wartungsarbeiten|Geringfügige Störung|Teilweiser Systemausfall|Schwerer Systemausfall|' +
    'Status unbekannt|Betriebsbereit|In Wartung|Eingeschränkte Leistung|Teilausfall|Schwerer Ausfall|' +
    'Wird untersucht|Ursache erkannt|Wird beobachtet|Behoben|Nachbetrachtung|Geplant|Läuft|Wird überprüft|Abgeschlossen|' +
    'aktualisiert {t}|beginnt {t}|gerade eben|Stand {t}|Mehr|Weniger|Schließen|Statusseite|Aktive Vorfälle:|' +
    'Wartung|Geringfügiger Vorfall|Schwerer Vorfall|Kritischer Vorfall',
};

/** The catalog for a language (`en`, `de`), or undefined when there is none. */
export function catalog(language: string): Strings | undefined {
  if (!Object.hasOwn(TEXT, language)) return;
  // In the order of the catalog strings: indicators and statuses in the core's order.
  const v = TEXT[language]!.split('|');
  const take = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, v.shift()]));
  return {
    page: take(RANKS),
    component: take(RANKS),
    status: take(ALL_STATUSES),
    ...take('updated starts now asOf more less dismiss link active'.split(' ')),
    sev: take(RANKS.slice(2)),
  } as unknown as Strings;
}

export interface Lang {
  s: Strings;
  /** The tag handed to Intl: the requested one when its language has a catalog, else `en`. */
  tag: string;
}

/**
 * `de-AT` → German strings with Austrian formatting; a language without a catalog falls back
 * to English entirely, so a sentence never mixes two languages.
 */
export function lang(locale: string | undefined): Lang {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(locale)[0];
  } catch {
    // not a valid tag: English
  }
  const s = tag && catalog(tag.split('-')[0]!);
  return s ? { s, tag: tag! } : { s: catalog('en')!, tag: 'en' };
}

export const fill = (s: string, t: string): string => s.replace('{t}', t);
