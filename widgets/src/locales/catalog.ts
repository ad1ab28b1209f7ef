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
 * ("5 minutes ago", "14:05"), a count or a name. One vocabulary for both widgets: the banner's
 * severity label is the badge's label for the same level (`page`), so they never disagree.
 */
export interface Catalog {
  /** Statuses of open incidents and maintenances. */
  status: Record<OpenStatus, string>;
  /** The label for the whole page by indicator: the badge's text and the banner's severity. */
  page: Record<Indicator, string>;
  /** The badge's label for one component or a list of them (Statuspage's component wording). */
  component: Record<Indicator, string>;
  updated: string;
  starts: string;
  /** A scheduled maintenance whose start has passed but that has not begun. */
  late: string;
  /** An in-progress maintenance: when it ends ("ends 16:00 UTC"). */
  ends: string;
  justNow: string;
  asOf: string;
  more: string;
  less: string;
  /** The toggle for the other open incidents: "+2 more". */
  others: string;
  /** The dismiss button's label, naming the incident. */
  dismiss: string;
  link: string;
  activeIncidents: string;
  /** What a banner says once the incident it showed is resolved (or the maintenance completed). */
  resolved: string;
}

/** A partial catalog: a team's own wording over the built-in strings (the `strings` property). */
export type Strings = Partial<Omit<Catalog, 'status' | 'page' | 'component'>> & {
  status?: Partial<Catalog['status']>;
  page?: Partial<Catalog['page']>;
  component?: Partial<Catalog['component']>;
};
