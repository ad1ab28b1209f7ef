/**
 * `parseSummary`: the parser's entry for the web widgets. It reads the payloads a widget is
 * pointed at (summary.json, status.json, components.json, incidents.json, unresolved.json,
 * scheduled-maintenances.json) and only the fields a banner and a badge show or match on, so the
 * widget bundle carries neither the other fields nor the single-incident forms. Same reader,
 * same caps, same problems as `parseFeed`.
 */
import type { ParseResult } from '../types';
import {
  componentStatus,
  date,
  detectKind,
  impact,
  isObj,
  link,
  note,
  readPayload,
  readSummary,
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
    // (what says the incident has a page of its own on the status page: see `incidentPage`)
    ['page_id', text],
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
  return readPayload(input, options, (r, feed, root) => {
    if (!isObj(root)) {
      note(r, '$', 'payload', root);
      return 'unknown';
    }
    // (a single incident is not a widget's source: read as a payload without a summary)
    const kind = detectKind(root);
    readSummary(r, feed, root, root, WIDGET_PROFILE);
    if (kind === 'unknown' || kind === 'incident') {
      note(r, '$', 'payload');
      return 'unknown';
    }
    return kind;
  });
}
