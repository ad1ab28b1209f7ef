/** Widget strings. English and German are complete; any other locale falls back to English. */
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

const en: Strings = {
  page: {
    none: 'All systems operational',
    minor: 'Minor service outage',
    major: 'Partial system outage',
    critical: 'Major system outage',
    maintenance: 'Service under maintenance',
    unknown: 'Status unknown',
  },
  component: {
    none: 'Operational',
    minor: 'Degraded performance',
    major: 'Partial outage',
    critical: 'Major outage',
    maintenance: 'Under maintenance',
    unknown: 'Status unknown',
  },
  status: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    postmortem: 'Postmortem',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
  },
  updated: 'updated {t}',
  starts: 'starts {t}',
  now: 'just now',
  asOf: 'as of {t}',
  more: 'More',
  less: 'Less',
  dismiss: 'Dismiss',
  link: 'Status page',
  active: 'Active incidents:',
  sev: {
    critical: 'Critical incident',
    major: 'Major incident',
    minor: 'Minor incident',
    maintenance: 'Maintenance',
  },
};

const de: Strings = {
  page: {
    none: 'Alle Systeme betriebsbereit',
    minor: 'Geringfügige Störung',
    major: 'Teilweiser Systemausfall',
    critical: 'Schwerer Systemausfall',
    maintenance: 'Wartungsarbeiten',
    unknown: 'Status unbekannt',
  },
  component: {
    none: 'Betriebsbereit',
    minor: 'Eingeschränkte Leistung',
    major: 'Teilausfall',
    critical: 'Schwerer Ausfall',
    maintenance: 'In Wartung',
    unknown: 'Status unbekannt',
  },
  status: {
    investigating: 'Wird untersucht',
    identified: 'Ursache erkannt',
    monitoring: 'Wird beobachtet',
    resolved: 'Behoben',
    postmortem: 'Nachbetrachtung',
    scheduled: 'Geplant',
    in_progress: 'Läuft',
    verifying: 'Wird überprüft',
    completed: 'Abgeschlossen',
  },
  updated: 'aktualisiert {t}',
  starts: 'beginnt {t}',
  now: 'gerade eben',
  asOf: 'Stand {t}',
  more: 'Mehr',
  less: 'Weniger',
  dismiss: 'Schließen',
  link: 'Statusseite',
  active: 'Aktive Vorfälle:',
  sev: {
    critical: 'Kritischer Vorfall',
    major: 'Schwerer Vorfall',
    minor: 'Geringfügiger Vorfall',
    maintenance: 'Wartung',
  },
};

export const catalogs: Record<string, Strings> = { en, de };

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
  const s = catalogs[tag.split('-')[0]!.toLowerCase()];
  return s ? { s, tag } : { s: en, tag: 'en' };
}

export const fill = (s: string, t: string): string => s.replace('{t}', t);
