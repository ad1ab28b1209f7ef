/**
 * `parseSummary`: the parser's entry for the web widgets. It reads the payloads a widget is
 * pointed at (summary.json, status.json, components.json, incidents.json, unresolved.json,
 * scheduled-maintenances.json) and only the fields a banner and a badge show or match on, so the
 * widget bundle carries neither the other fields nor the single-incident forms. Same reader,
 * same caps, same problems as `parseFeed`.
 */
import type { Feed, ParseResult, PayloadKind } from '../types';
import {
  componentStatus,
  createReader,
  date,
  detectKind,
  emptyFeed,
  guard,
  impact,
  isObj,
  jsonRoot,
  link,
  note,
  problemsOf,
  readSummary,
  sortNewestFirst,
  status,
  text,
  type ParseOptions,
  type Profile,
} from './read';

/** What a banner and a badge read, by the Statuspage key it comes from. */
export const WIDGET_PROFILE: Profile = {
  page: [['url', link]],
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
    ['resolved_at', date],
    ['shortlink', link],
  ],
  update: [
    ['id', text],
    ['status', status],
    ['created_at', date],
    ['display_at', date],
  ],
  component: [
    ['id', text],
    ['name', text],
    ['status', componentStatus],
    ['group_id', text],
  ],
};

/** Parses a summary-like Statuspage payload for the widgets. Never throws. */
export function parseSummary(input: unknown, options: ParseOptions = {}): ParseResult {
  const r = createReader(options);
  const feed: Feed = emptyFeed();
  let kind: PayloadKind = 'unknown';
  guard(r, '$', () => {
    const root = jsonRoot(r, input)?.root;
    if (!isObj(root)) return note(r, '$', 'payload', root);
    kind = detectKind(root);
    // (a single incident is not a widget's source: read as a payload without a summary)
    if (kind === 'incident') kind = 'unknown';
    readSummary(r, feed, root, root, WIDGET_PROFILE);
    if (kind === 'unknown') note(r, '$', 'payload');
    sortNewestFirst(feed);
  });
  return { kind, feed, problems: problemsOf(r) };
}
