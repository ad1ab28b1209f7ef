/**
 * Widget strings. English and German are complete; any other locale falls back to English.
 * Each catalog is one `|`-separated string in the order of KEYS (smaller than object literals).
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

/** Indicators and statuses in the core's order (`unknown none maintenance minor major critical`). */
const KEYS = [
  ...RANKS.map((k) => 'page.' + k),
  ...RANKS.map((k) => 'component.' + k),
  ...ALL_STATUSES.map((k) => 'status.' + k),
  ...'updated starts now asOf more less dismiss link active'.split(' '),
  ...RANKS.slice(2).map((k) => 'sev.' + k),
];

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

const built: Record<string, Strings> = {};

/** The catalog for a language (`en`, `de`), or undefined when there is none. */
export function catalog(language: string): Strings | undefined {
  const text = Object.hasOwn(TEXT, language) ? TEXT[language]! : undefined;
  if (!text || built[language]) return built[language];
  const s: Record<string, Record<string, string> | string> = {};
  text.split('|').forEach((v, i) => {
    const [a, b] = KEYS[i]!.split('.') as [string, string?];
    if (b) ((s[a] ??= {}) as Record<string, string>)[b] = v;
    else s[a] = v;
  });
  return (built[language] = s as unknown as Strings);
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
  let tag = 'en';
  try {
    tag = Intl.getCanonicalLocales(locale || 'en')[0] ?? 'en';
  } catch {
    // not a valid tag: English
  }
  const s = catalog(tag.split('-')[0]!.toLowerCase());
  return s ? { s, tag } : { s: catalog('en')!, tag: 'en' };
}

export const fill = (s: string, t: string): string => s.replace('{t}', t);
