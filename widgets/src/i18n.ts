/**
 * Widget strings. English and German are complete; any other locale falls back to English.
 * Each catalog is one `|`-separated string (smaller than object literals), read by position.
 */
import { clock } from './time';

/**
 * A catalog by position: first the statuses of open incidents and maintenances (in
 * `OPEN_STATUSES` order, first so that an unknown status, index -1, reads `undefined`; closed
 * ones are never shown), then the overall indicator
 * labels (`PAGE`) and those for a badge narrowed to components (`COMPONENT`, Statuspage component
 * wording), both in `RANKS` order, then the banner severity labels (maintenance, minor, major,
 * critical: so colour is never the only cue), then the single strings at the positions below.
 */
export type Strings = readonly string[];

/** Positions: a status is at its `OPEN_STATUSES` index; a label or severity at its offset plus its `RANKS` index. */
export const PAGE = 6;
export const COMPONENT = 12;
/** (maintenance, the first level with a severity label, is `RANKS[2]`: position 18) */
export const SEVERITY = 16;
export const UPDATED = 22;
export const STARTS = 23;
export const NOW = 24;
export const AS_OF = 25;
export const MORE = 26;
export const LESS = 27;
export const DISMISS = 28;
export const LINK = 29;
export const ACTIVE = 30;

const EN =
  'Investigating|Identified|Monitoring|Scheduled|In progress|Verifying|' +
  'Status unknown|All systems operational|Service under maintenance|Minor service outage|Partial system outage|Major system outage|' +
  'Status unknown|Operational|Under maintenance|Degraded performance|Partial outage|Major outage|' +
  'Maintenance|Minor incident|Major incident|Critical incident|' +
  'updated {t}|starts {t}|just now|as of {t}|More|Less|Dismiss|Status page|Active incidents:';
const DE =
  'Wird untersucht|Ursache erkannt|Wird beobachtet|Geplant|Läuft|Wird überprüft|' +
  'Status unbekannt|Alle Systeme betriebsbereit|Wartungsarbeiten|Geringfügige Störung|Teilweiser Systemausfall|Schwerer Systemausfall|' +
  'Status unbekannt|Betriebsbereit|In Wartung|Eingeschränkte Leistung|Teilausfall|Schwerer Ausfall|' +
  'Wartung|Geringfügiger Vorfall|Schwerer Vorfall|Kritischer Vorfall|' +
  'aktualisiert {t}|beginnt {t}|gerade eben|Stand {t}|Mehr|Weniger|Schließen|Statusseite|Aktive Vorfälle:';

export interface Lang {
  s: Strings;
  /** The tag handed to Intl: the requested one when its language has a catalog, else `en`. */
  tag: string;
  /** "as of 14:05" for the `at` given (data that could not be refreshed since), else ''. */
  asOf: string;
}

/**
 * `de-AT` → German strings with Austrian formatting; a language without a catalog falls back
 * to English entirely, so a sentence never mixes two languages.
 */
export function lang(locale: string | undefined, at?: number | null | false): Lang {
  let tag = '';
  try {
    // (undefined without a locale: the test below makes that English too)
    tag = Intl.getCanonicalLocales(locale)[0]!;
  } catch {
    // not a valid tag: English
  }
  if (!/^(de|en)\b/.test(tag)) tag = 'en';
  const s = (tag[0] == 'd' ? DE : EN).split('|');
  return { s, tag, asOf: at ? fill(s[AS_OF]!, clock(at, tag)) : '' };
}

export const fill = (s: string, t: string): string => s.replace('{t}', t);
