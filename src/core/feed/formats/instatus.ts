/**
 * Instatus `summary.json`: `page` (name, url, status UP | HASISSUES | UNDERMAINTENANCE),
 * `activeIncidents` (name, started, status, impact, url) and `activeMaintenances` (name, start,
 * status, duration in minutes, url). Both lists are absent when empty. Dates come either as
 * ISO 8601 or as JavaScript's `Date#toString()` text.
 *
 * Not in this payload, so not mapped: components, update messages, and incident ids (the id is
 * taken from the incident's URL, whose last segment is Instatus's id).
 */
import {
  OUTAGE_IMPACT,
  isObj,
  json,
  lastSegment,
  own,
  via,
  word,
  worse,
  adapter,
} from './translate';
import type { Obj } from './translate';
import type { Adapter } from './types';
import { toIso } from './dates';

const STATUS = via({ notstartedyet: 'scheduled', inprogress: 'in_progress' });
// Instatus impacts are component statuses without separators (MAJOROUTAGE…).
const IMPACT = via({
  ...OUTAGE_IMPACT,
  degradedperformance: 'minor',
  partialoutage: 'major',
  minoroutage: 'minor',
  majoroutage: 'critical',
  undermaintenance: 'maintenance',
});
const PAGE = via({ up: 'none', undermaintenance: 'maintenance' });

const LISTS = [
  ['activeIncidents', 'incidents'],
  ['activeMaintenances', 'scheduled_maintenances'],
] as const;

export const readInstatus: Adapter = adapter('instatus', (body, t, out) => {
  const root = json(body, t);
  const page = own(root, 'page');
  if (!isObj(root) || !(isObj(page) || LISTS.some(([key]) => own(root, key) != null))) {
    t.note('$', 'format', 'instatus');
    return;
  }
  const p: Obj = {};
  t.field(p, 'name', page, 'name', 'page', 'page');
  t.field(p, 'url', page, 'url', 'page', 'page');
  out.page = p;
  let worst = 'none';
  for (const [key, as] of LISTS) {
    const target = out[as] as Obj[];
    t.each(t.list(root, key, ''), key, (e, at) => {
      const to = `${as}[${target.length}]`;
      const item: Obj = {};
      t.link(to, at);
      t.field(item, 'id', e, 'id', to, at);
      item.id ??= lastSegment(own(e, 'url'));
      t.field(item, 'name', e, 'name', to, at);
      t.field(item, 'shortlink', e, 'url', to, at);
      t.field(item, 'status', e, 'status', to, at, STATUS);
      t.field(item, 'updated_at', e, 'updatedAt', to, at, toIso);
      if (key == 'activeIncidents') {
        t.field(item, 'created_at', e, 'started', to, at, toIso);
        t.field(item, 'impact', e, 'impact', to, at, IMPACT);
        worst = worse(worst, item.impact);
      } else {
        item.impact = 'maintenance';
        t.field(item, 'scheduled_for', e, 'start', to, at, toIso);
        const start = Date.parse(String(item.scheduled_for));
        const minutes = Number(own(e, 'duration'));
        if (Number.isFinite(start) && minutes > 0 && minutes < 1e7) {
          item.scheduled_until = new Date(start + minutes * 60_000).toISOString();
        } else if (own(e, 'duration') != null) {
          t.note(`${at}.duration`, 'value', own(e, 'duration'));
        }
      }
      target.push(item);
    });
  }
  // HASISSUES says only "something is wrong": how wrong comes from the incidents' impacts.
  const status = own(page, 'status');
  let indicator = PAGE(status);
  if (word(status) == 'hasissues') indicator = worst == 'none' ? 'minor' : worst;
  if (status != null) {
    out.status = { indicator, description: '' };
    t.link('status.indicator', 'page.status');
  }
});
