import type { Catalog } from './catalog';

/** German: loaded on demand (its own chunk) the first time a widget needs it. */
export const de: Catalog = {
  status: {
    investigating: 'Wird untersucht',
    identified: 'Ursache erkannt',
    monitoring: 'Wird beobachtet',
    scheduled: 'Geplant',
    in_progress: 'Läuft',
    verifying: 'Wird überprüft',
  },
  page: {
    unknown: 'Status unbekannt',
    none: 'Alle Systeme betriebsbereit',
    maintenance: 'Wartungsarbeiten',
    minor: 'Geringfügige Störung',
    major: 'Teilweiser Systemausfall',
    critical: 'Schwerer Systemausfall',
  },
  component: {
    unknown: 'Status unbekannt',
    none: 'Betriebsbereit',
    maintenance: 'In Wartung',
    minor: 'Eingeschränkte Leistung',
    major: 'Teilausfall',
    critical: 'Schwerer Ausfall',
  },
  updated: 'aktualisiert {t}',
  starts: 'beginnt {t}',
  late: 'sollte {t} beginnen',
  ends: 'endet {t}',
  justNow: 'gerade eben',
  asOf: 'Stand {t}',
  more: 'Mehr',
  less: 'Weniger',
  others: '+{t} weitere',
  dismiss: 'Schließen: {t}',
  link: 'Statusseite',
  activeIncidents: 'Aktive Vorfälle:',
  resolved: 'Behoben',
};
