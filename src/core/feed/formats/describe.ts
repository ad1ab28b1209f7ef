/**
 * Words for adapter problems, and what each format maps and cannot map, for the feed validator,
 * the options page and docs/feeds.md. Kept apart from the adapters so that the widgets do not
 * ship these strings.
 */
import type { FeedProblem, ParseProblem } from '../../types';
import { describeProblem } from '../problems';
import type { AdapterProblem, FeedFormat } from './types';

/** An adapter problem in words. */
export function describeAdapterProblem(p: AdapterProblem): FeedProblem {
  if (p.code == 'xml') return { path: p.path, message: `not well-formed XML: ${String(p.got)}` };
  if (p.code == 'format') {
    const known = Object.hasOwn(FORMAT_INFO, String(p.got));
    const message = known
      ? `not ${FORMAT_INFO[p.got as FeedFormat].name} payload`
      : p.got == 'html'
        ? 'markup that is not an Atom or RSS feed (an HTML error or login page?)'
        : 'not a known status feed (Statuspage, incident.io, Instatus, Better Stack, OpenStatus, Cachet, Atom or RSS)';
    return { path: p.path, message };
  }
  return describeProblem(p as ParseProblem);
}

export interface FormatInfo {
  /** The provider or format, as people call it (with an article where it reads "not a … payload"). */
  name: string;
  label: string;
  /** What the adapter maps into the normalised feed. */
  maps: string;
  /** What the format does not carry, so the feed cannot show it. */
  cannot: string;
}

export const FORMAT_INFO: Record<FeedFormat, FormatInfo> = {
  statuspage: {
    name: 'a Statuspage',
    label: 'Statuspage v2 (also incident.io-hosted pages and Rootly)',
    maps: 'everything: page, indicator, components and groups, incidents and maintenances with every update, impact (severity)',
    cannot: 'nothing the views use',
  },
  incidentio: {
    name: 'an incident.io Widget API',
    label: 'incident.io Widget API',
    maps: 'ongoing incidents (impact from current_worst_impact), in-progress and scheduled maintenances with their windows, affected components, the last update',
    cannot:
      'earlier updates, when an incident started (its last update time is used), the component list; the indicator is derived from the events',
  },
  instatus: {
    name: 'an Instatus',
    label: 'Instatus summary.json',
    maps: 'page name and status, active incidents (status, impact, start), active maintenances (start, duration)',
    cannot: 'components, update messages; ids come from incident URLs',
  },
  betterstack: {
    name: 'a Better Stack',
    label: 'Better Stack index.json',
    maps: 'page, aggregate_state (indicator), sections and resources (components and groups), status reports with their updates and affected resources, maintenance windows',
    cannot:
      'incident phases (an open report reads as status unknown, still active); "not monitored" resources read as unknown',
  },
  openstatus: {
    name: 'an OpenStatus',
    label: 'OpenStatus feed JSON',
    maps: 'page title and status, page components and groups (status from their monitors), status reports with updates, maintenances with windows',
    cannot: 'incident impact (severity unknown); components without a monitor read as unknown',
  },
  cachet: {
    name: 'a Cachet',
    label: 'Cachet 2.x / 3.x API',
    maps: 'incidents (status, message, dates; 3.x included updates), scheduled incidents as maintenances, components (from the components document)',
    cannot:
      'incident impact (severity unknown), group names; zone-less dates are read as UTC; the indicator is derived from components',
  },
  atom: {
    name: 'an Atom',
    label: 'Atom history feed',
    maps: 'entries grouped into incidents by link, each update (Statuspage-style bodies split per update), status words, maintenances by their status words',
    cannot: 'severity (impact unknown), components, the overall indicator',
  },
  rss: {
    name: 'an RSS',
    label: 'RSS history feed',
    maps: 'items grouped into incidents by link, each update (Statuspage-style bodies split per update), status words ("[Resolved] …"), maintenances by their status words',
    cannot: 'severity (impact unknown), components, the overall indicator',
  },
};
