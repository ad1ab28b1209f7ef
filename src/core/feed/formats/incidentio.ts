/**
 * incident.io Widget API (`/api/v1/summary`): three lists, `ongoing_incidents`,
 * `in_progress_maintenances` and `scheduled_maintenances`, of events with an id, name, status,
 * url, the last update (`last_update_at`, `last_update_message`) and `affected_components`
 * (id, name, group_name). Incidents carry `current_worst_impact`; maintenances their window.
 *
 * Not in this API, so not mapped: the page's component list and overall status (the indicator
 * is derived from the events), when an incident started, and any update but the last.
 */
import { OUTAGE_IMPACT, hash, isObj, json, own, via, worse, adapter } from './translate';
import type { Obj } from './translate';
import type { Adapter } from './types';
import { toIso } from './dates';

const STATUS = via({ maintenance_in_progress: 'in_progress', maintenance_scheduled: 'scheduled' });
const IMPACT = via(OUTAGE_IMPACT);
/** A component's status during an incident of this impact. */
const COMPONENT = via({ full_outage: 'major_outage' });

const LISTS = [
  ['ongoing_incidents', 'incidents'],
  ['in_progress_maintenances', 'scheduled_maintenances'],
  ['scheduled_maintenances', 'scheduled_maintenances'],
] as const;

export const readIncidentIo: Adapter = adapter('incidentio', (body, t, out) => {
  const root = json(body, t);
  let indicator = 'none';
  if (!isObj(root) || !LISTS.some(([key]) => Array.isArray(own(root, key)))) {
    t.note('$', 'format', 'incidentio');
    return;
  }
  out.page = { name: own(root, 'page_title'), url: own(root, 'page_url') };
  t.link('page.name', 'page_title');
  t.link('page.url', 'page_url');
  for (const [key, as] of LISTS) {
    const target = out[as] as Obj[];
    t.each(t.list(root, key, ''), key, (e, at) => {
      const to = `${as}[${target.length}]`;
      const item: Obj = {};
      t.link(to, at);
      t.field(item, 'id', e, 'id', to, at);
      t.field(item, 'name', e, 'name', to, at);
      t.field(item, 'shortlink', e, 'url', to, at);
      t.field(item, 'status', e, 'status', to, at, STATUS);
      if (key == 'ongoing_incidents') {
        t.field(item, 'impact', e, 'current_worst_impact', to, at, IMPACT);
        indicator = worse(indicator, item.impact);
      } else {
        item.impact = 'maintenance';
        if (key == 'in_progress_maintenances') indicator = worse(indicator, 'maintenance');
      }
      t.field(item, 'started_at', e, 'started_at', to, at, toIso);
      t.field(item, 'scheduled_for', e, 'starts_at', to, at, toIso);
      t.field(item, 'scheduled_until', e, 'ends_at', to, at, toIso);
      t.field(item, 'scheduled_until', e, 'scheduled_end_at', to, at, toIso);
      // The one update this API gives: its id changes when a new update is posted.
      const when = own(e, 'last_update_at');
      const message = own(e, 'last_update_message');
      if (when != null || message != null) {
        const id = `u-${hash(`${String(own(e, 'id'))}|${String(when)}`)}`;
        const update: Obj = { id, status: item.status };
        t.field(update, 'body', e, 'last_update_message', `${to}.incident_updates[0]`, at);
        t.field(update, 'created_at', e, 'last_update_at', `${to}.incident_updates[0]`, at, toIso);
        item.incident_updates = [update];
      }
      const comps: Obj[] = [];
      t.each(t.list(e, 'affected_components', at), `${at}.affected_components`, (c, cat) => {
        const cto = `${to}.components[${comps.length}]`;
        const ref: Obj = {};
        t.link(cto, cat);
        t.field(ref, 'id', c, 'id', cto, cat);
        t.field(ref, 'name', c, 'name', cto, cat);
        if (key == 'ongoing_incidents') {
          ref.status = COMPONENT(own(e, 'current_worst_impact'));
          t.link(`${cto}.status`, `${at}.current_worst_impact`);
        }
        comps.push(ref);
      });
      item.components = comps;
      target.push(item);
    });
  }
  // Derived from the events: the API lists every open one, so none means all is well.
  out.status = { indicator, description: '' };
});
