/**
 * Statuspage v2: `summary.json` (or any other v2 payload `parseFeed` reads), merged with
 * `incidents/unresolved.json` and `scheduled-maintenances/upcoming.json` when given. The same
 * shape is served by incident.io-hosted pages (`/api/v2/summary.json`) and by Rootly
 * (`/api/v1/status.json`, `/api/v1/incidents.json`), so this adapter reads those too.
 */
import type { FeedIncident } from '../../types';
import { parseFeed } from '../parse';
import type { AdapterOptions, AdapterProblem, FormatResult } from './types';

/** The companion documents, by the name used in `companions` and in problem paths. */
const COMPANIONS = { unresolved: 'unresolved.json', upcoming: 'upcoming.json' } as const;

/** Adds `extra` to `list` by id; when both have an item, the more recently updated one wins. */
function merge(list: FeedIncident[], extra: FeedIncident[]): void {
  for (const item of extra) {
    const i = list.findIndex((x) => x.id == item.id);
    if (i < 0) list.push(item);
    else if (item.updatedAt > list[i]!.updatedAt) list[i] = item;
  }
  list.sort(
    (a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1),
  );
}

/** Reads a Statuspage v2 payload, merged with its companions (problems prefixed by their file). */
export function readStatuspage(body: unknown, options: AdapterOptions = {}): FormatResult {
  const r = parseFeed(body, options);
  const problems: AdapterProblem[] = [...r.problems];
  for (const [key, file] of Object.entries(COMPANIONS)) {
    const doc = options.companions?.[key];
    if (doc === undefined) continue;
    const c = parseFeed(doc, options);
    for (const p of c.problems) problems.push({ ...p, path: `${file}:${p.path}` });
    merge(r.feed.incidents, c.feed.incidents);
    merge(r.feed.maintenances, c.feed.maintenances);
  }
  return { format: 'statuspage', kind: r.kind, feed: r.feed, problems };
}
