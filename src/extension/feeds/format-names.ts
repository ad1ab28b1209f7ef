/** The feed formats by the names people know them by (product names: the same in every language). */
import type { FeedFormat } from '../../core/feed/formats';

export const FORMAT_NAMES: Record<FeedFormat, string> = {
  statuspage: 'Statuspage',
  incidentio: 'incident.io',
  instatus: 'Instatus',
  betterstack: 'Better Stack',
  openstatus: 'OpenStatus',
  cachet: 'Cachet',
  atom: 'Atom',
  rss: 'RSS',
};
