/**
 * Whether a feed's body carries its incident list (issue 16 #6): a 200 whose list is missing or of
 * the wrong type must not read as "no incidents", or every open incident would show as resolved.
 * Per format, because each names (and omits) its list differently.
 */
import { cachetKind } from './cachet';
import { isObj, own } from './translate';
import type { FeedFormat } from './types';

/**
 * - `listed`: the body carries an incident list (possibly empty by design);
 * - `missing`: it carries none (a status-only or components-only document);
 * - `broken`: the list is there but not a list (`incidents: null`), which must never read as empty.
 */
export type IncidentList = 'listed' | 'missing' | 'broken';

/** The key of each JSON format's incident list, at the top of its payload. */
const LIST_KEY: Record<Exclude<FeedFormat, 'atom' | 'rss'>, string> = {
  statuspage: 'incidents',
  incidentio: 'ongoing_incidents',
  instatus: 'activeIncidents',
  betterstack: 'included',
  openstatus: 'statusReports',
  cachet: 'data',
};

/** What the body says about its incident list, read as `format`. */
export function incidentList(format: FeedFormat | 'unknown', body: unknown): IncidentList {
  // An XML history feed's entries are its list; a feed with none is an empty history.
  if (format == 'atom' || format == 'rss') return typeof body == 'string' ? 'listed' : 'missing';
  if (format == 'unknown') return 'missing';
  if (Array.isArray(body)) return format == 'statuspage' ? 'listed' : 'missing';
  if (!isObj(body)) return 'missing';
  const key = LIST_KEY[format];
  const list = own(body, key);
  if (Array.isArray(list)) {
    return format == 'cachet' && cachetKind(body) == 'components' ? 'missing' : 'listed';
  }
  if (Object.hasOwn(body, key)) return 'broken';
  // Instatus leaves `activeIncidents` out when there are none: a page without it is an empty list.
  return format == 'instatus' && isObj(own(body, 'page')) ? 'listed' : 'missing';
}
