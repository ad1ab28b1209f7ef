import type { Indicator, IncidentStatus, MaintenanceStatus } from '../../../src/core/types';

/** The severity a banner shows (a maintenance, else the incident's impact, at least minor). */
export type BannerLevel = 'critical' | 'major' | 'minor' | 'maintenance';

/** Statuses of an open incident or maintenance: the only ones a widget shows. */
export type OpenStatus = Exclude<
  IncidentStatus | MaintenanceStatus,
  'resolved' | 'postmortem' | 'completed' | 'unknown'
>;

/**
 * Every string the widgets show, in one language. `{t}` in a template is replaced by a time
 * ("5 minutes ago", "14:05").
 */
export interface Catalog {
  /** Statuses of open incidents and maintenances. */
  status: Record<OpenStatus, string>;
  /** The badge's label for the whole page, by indicator. */
  page: Record<Indicator, string>;
  /** The badge's label for one component or a list of them (Statuspage's component wording). */
  component: Record<Indicator, string>;
  /** The banner's severity label, so that colour is never the only cue. */
  severity: Record<BannerLevel, string>;
  updated: string;
  starts: string;
  justNow: string;
  asOf: string;
  more: string;
  less: string;
  dismiss: string;
  link: string;
  activeIncidents: string;
}
