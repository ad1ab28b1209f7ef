/**
 * `parseFeed`: any Statuspage v2 (or compatible) payload → one normalized Feed, every field the
 * model has. Never throws. How values are read (defensively, with caps and problems) is in
 * `read.ts`; the web widgets use the smaller `parseSummary` (`summary.ts`).
 */
import type { ParseResult } from '../types';
import {
  add,
  componentStatus,
  date,
  detectKind,
  each,
  flag,
  guard,
  impact,
  incident,
  isObj,
  keepIncidents,
  link,
  note,
  number,
  own,
  readPayload,
  readSummary,
  status,
  text,
  type ParseOptions,
  type Profile,
} from './read';

export { clip, emptyFeed, type ParseOptions } from './read';

/** Every field of the model, by the Statuspage key it is read from. */
export const FULL_PROFILE: Profile = {
  page: [
    ['id', text],
    ['name', text],
    ['time_zone', text],
    ['url', link],
    ['updated_at', date],
  ],
  incident: [
    ['id', text],
    ['name', text],
    ['status', status],
    ['impact', impact],
    ['created_at', date],
    ['updated_at', date],
    ['started_at', date],
    ['scheduled_for', date],
    ['scheduled_until', date],
    ['monitoring_at', date],
    ['resolved_at', date],
    ['shortlink', link],
    ['page_id', text],
  ],
  update: [
    ['id', text],
    ['status', status],
    ['created_at', date],
    ['display_at', date],
    ['updated_at', date],
  ],
  component: [
    ['id', text],
    ['name', text],
    ['status', componentStatus],
    ['group_id', text],
    ['description', text],
    ['position', number],
    ['showcase', flag],
    ['only_show_if_degraded', flag],
  ],
};

/**
 * Parses any Statuspage v2 payload (summary, status, components, incidents, unresolved,
 * scheduled maintenances, a single incident) or incident.io's compatible variant, given as a JSON
 * value or a JSON string. Never throws: anything odd becomes a `problem`, bad items are dropped one
 * by one, and the rest of the feed is kept.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): ParseResult {
  return readPayload(input, options, (r, feed, root) => {
    if (Array.isArray(root)) {
      // a bare list of incidents
      each(
        r,
        { $: root },
        '$',
        '',
        (i, path) => add(feed, incident(r, i, path, undefined, FULL_PROFILE)),
        keepIncidents,
        '$',
      );
      return 'incidents';
    }
    if (!isObj(root)) {
      note(r, '$', 'payload', root);
      return 'unknown';
    }
    const wrapped = own(root, 'incident'); // `{ "incident": {...} }`
    const o = isObj(wrapped) && !Object.hasOwn(root, 'incidents') ? wrapped : root;
    const kind = detectKind(o);
    if (kind === 'incident') {
      readSummary(r, feed, root, {}, FULL_PROFILE);
      guard(r, '$', (path) => add(feed, incident(r, o, path, undefined, FULL_PROFILE)));
    } else {
      readSummary(r, feed, root, o, FULL_PROFILE);
      if (kind === 'unknown') note(r, '$', 'payload');
    }
    return kind;
  });
}
