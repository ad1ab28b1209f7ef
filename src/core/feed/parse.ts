/**
 * `parseFeed`: any Statuspage v2 (or compatible) payload → one normalized Feed, every field the
 * model has. Never throws. How values are read (defensively, with caps and problems) is in
 * `read.ts`; the web widgets use the smaller `parseSummary` (`summary.ts`).
 */
import type { ParseResult } from '../types';
import {
  add,
  date,
  detectKind,
  each,
  flag,
  guard,
  incident,
  isObj,
  keepIncidents,
  note,
  number,
  own,
  readPayload,
  readSummary,
  text,
  type ParseOptions,
  type Profile,
} from './read';
import { WIDGET_PROFILE } from './summary';

export { clip, emptyFeed, type ParseOptions } from './read';

/**
 * Every field of the model, by the Statuspage key it is read from: what the widgets read
 * (`WIDGET_PROFILE`, kept small for their bundle) and the fields only the extension shows.
 */
export const FULL_PROFILE: Profile = {
  page: [
    ['id', text],
    ['name', text],
    ['time_zone', text],
    ...WIDGET_PROFILE.page,
    ['updated_at', date],
  ],
  incident: [...WIDGET_PROFILE.incident, ['monitoring_at', date]],
  update: [...WIDGET_PROFILE.update, ['updated_at', date]],
  component: [
    ...WIDGET_PROFILE.component,
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
