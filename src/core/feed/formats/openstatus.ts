/**
 * OpenStatus status page feed JSON (`/feed/json`): title, description, status (success |
 * degraded | error | info), `pageComponents` (id, name, description, order, groupId, monitorId)
 * with `pageComponentGroups`, `monitors` (id, name, status), `maintenances` (name, message,
 * from, to, pageComponents) and `statusReports` (title, status investigating | identified |
 * monitoring | resolved, pageComponents, `statusReportUpdates`: status, message, date).
 *
 * Not in this feed, so not mapped: an incident's impact (severity unknown), and a component's
 * status where it has no monitor (read as unknown).
 */
import { componentFields, isObj, json, own, via, adapter } from './translate';
import type { Obj } from './translate';
import type { Adapter } from './types';
import { toIso } from './dates';

const PAGE = via({ success: 'none', degraded: 'minor', error: 'major', info: 'maintenance' });
const COMPONENT = via({
  success: 'operational',
  degraded: 'degraded_performance',
  error: 'major_outage',
  info: 'under_maintenance',
});

export const readOpenStatus: Adapter = adapter('openstatus', (body, t, out) => {
  const root = json(body, t);
  out.components = [];
  if (
    !isObj(root) ||
    !['statusReports', 'pageComponents', 'maintenances'].some((k) => Array.isArray(own(root, k)))
  ) {
    t.note('$', 'format', 'openstatus');
    return;
  }
  const page: Obj = {};
  t.field(page, 'name', root, 'title', 'page', '$');
  t.field(page, 'updated_at', root, 'updatedAt', 'page', '$', toIso);
  out.page = page;
  if (own(root, 'status') != null) {
    out.status = { indicator: PAGE(own(root, 'status')), description: '' };
    t.link('status.indicator', 'status');
  }

  // Monitors carry the live status; page components point at them.
  const monitorStatus = new Map<string, unknown>();
  t.each(t.list(root, 'monitors', ''), 'monitors', (m) => {
    monitorStatus.set(String(own(m, 'id')), own(m, 'status'));
  });
  const comps = out.components as Obj[];
  t.each(t.list(root, 'pageComponentGroups', ''), 'pageComponentGroups', (g, at) => {
    const to = `components[${comps.length}]`;
    const c: Obj = { id: `group-${String(own(g, 'id'))}`, group: true };
    t.link(to, at);
    t.field(c, 'name', g, 'name', to, at);
    comps.push(c);
  });
  const names = new Map<string, unknown>();
  t.each(t.list(root, 'pageComponents', ''), 'pageComponents', (p, at) => {
    const { c } = componentFields(t, comps, p, at);
    // A forked feed may give the status itself; else the monitor's.
    const status = own(p, 'status') ?? monitorStatus.get(String(own(p, 'monitorId')));
    if (status != null) c.status = COMPONENT(status);
    const group = own(p, 'groupId');
    if (group != null) c.group_id = `group-${String(group)}`;
    names.set(String(c.id), c.name);
    comps.push(c);
  });
  const refs = (o: Obj, at: string, to: string): Obj[] =>
    t.list(o, 'pageComponents', at).map((id, i) => {
      t.link(`${to}.components[${i}]`, `${at}.pageComponents[${i}]`);
      return { id: String(id), name: names.get(String(id)) ?? String(id) };
    });

  const incidents = out.incidents as Obj[];
  t.each(t.list(root, 'statusReports', ''), 'statusReports', (r, at) => {
    const to = `incidents[${incidents.length}]`;
    const item: Obj = {};
    t.link(to, at);
    t.field(item, 'id', r, 'id', to, at, String);
    t.field(item, 'name', r, 'title', to, at);
    t.field(item, 'status', r, 'status', to, at);
    t.field(item, 'updated_at', r, 'updatedAt', to, at, toIso);
    item.components = refs(r, at, to);
    const updates: Obj[] = [];
    t.each(t.list(r, 'statusReportUpdates', at), `${at}.statusReportUpdates`, (u, uat) => {
      const uto = `${to}.incident_updates[${updates.length}]`;
      const update: Obj = {};
      t.link(uto, uat);
      t.field(update, 'id', u, 'id', uto, uat, String);
      t.field(update, 'status', u, 'status', uto, uat);
      t.field(update, 'body', u, 'message', uto, uat);
      t.field(update, 'created_at', u, 'date', uto, uat, toIso);
      t.field(update, 'updated_at', u, 'updatedAt', uto, uat, toIso);
      updates.push(update);
    });
    item.incident_updates = updates;
    incidents.push(item);
  });

  const maints = out.scheduled_maintenances as Obj[];
  t.each(t.list(root, 'maintenances', ''), 'maintenances', (m, at) => {
    const to = `scheduled_maintenances[${maints.length}]`;
    const item: Obj = { status: 'scheduled', impact: 'maintenance' };
    t.link(to, at);
    t.field(item, 'id', m, 'id', to, at, String);
    t.field(item, 'name', m, 'name', to, at);
    t.field(item, 'scheduled_for', m, 'from', to, at, toIso);
    t.field(item, 'scheduled_until', m, 'to', to, at, toIso);
    t.field(item, 'updated_at', m, 'updatedAt', to, at, toIso);
    item.components = refs(m, at, to);
    // The maintenance's message is its one update.
    if (own(m, 'message') != null) {
      item.incident_updates = [{ id: `${String(item.id)}-message`, status: 'scheduled' }];
      t.field(
        (item.incident_updates as Obj[])[0]!,
        'body',
        m,
        'message',
        `${to}.incident_updates[0]`,
        at,
      );
    }
    maints.push(item);
  });
});
