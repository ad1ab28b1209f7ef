import type { Catalog } from './catalog';

/** English: built in, and the fallback for any language without a catalog. */
export const en: Catalog = {
  status: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
  },
  page: {
    unknown: 'Status unknown',
    none: 'All systems operational',
    maintenance: 'Service under maintenance',
    minor: 'Minor service outage',
    major: 'Partial system outage',
    critical: 'Major system outage',
  },
  component: {
    unknown: 'Status unknown',
    none: 'Operational',
    maintenance: 'Under maintenance',
    minor: 'Degraded performance',
    major: 'Partial outage',
    critical: 'Major outage',
  },
  updated: 'updated {t}',
  starts: 'starts {t}',
  late: 'was due to start {t}',
  ends: 'ends {t}',
  justNow: 'just now',
  asOf: 'as of {t}',
  more: 'More',
  less: 'Less',
  others: '+{t} more',
  dismiss: 'Dismiss: {t}',
  link: 'Status page',
  activeIncidents: 'Active incidents:',
  resolved: 'Resolved',
};
