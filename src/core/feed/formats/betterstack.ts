/**
 * Better Stack status page `index.json` (JSON:API): `data` is the status page (company_name,
 * custom_domain, timezone, aggregate_state operational | degraded | downtime | maintenance);
 * `included` holds its sections (`status_page_section`), resources (`status_page_resource`:
 * public_name, status, section), reports (`status_report`: title, report_type manual |
 * automatic | maintenance, starts_at, ends_at, aggregate_state, affected_resources) and their
 * updates (`status_update`: message, published_at, affected_resources).
 *
 * Better Stack reports have no investigating / identified / monitoring phases: an open report
 * reads as status unknown (still shown as active), a resolved one as resolved, and a
 * maintenance as scheduled (shown while its window is open) until it is resolved.
 */
import { OUTAGE_IMPACT, isObj, json, own, via, worse, adapter } from './translate';
import type { Obj, Translation } from './translate';
import type { Adapter } from './types';
import { toIso } from './dates';

const IMPACT = via(OUTAGE_IMPACT);
const STATE = via({
  degraded: 'degraded_performance',
  downtime: 'major_outage',
  maintenance: 'under_maintenance',
  resolved: 'operational',
});
/** A resource's state as a component status; "not monitored" has none (reads as unknown). */
const COMPONENT = (v: unknown): unknown => (v == 'not_monitored' ? undefined : STATE(v));
const PAGE = via({ operational: 'none', degraded: 'minor', downtime: 'major' });

export const readBetterStack: Adapter = adapter('betterstack', (body, t, out) => {
  const root = json(body, t);
  const data = own(root, 'data');
  out.components = [];
  const attrs = own(data, 'attributes');
  if (
    !isObj(data) ||
    (own(data, 'type') != 'status_page' && own(attrs, 'aggregate_state') == null)
  ) {
    t.note('$', 'format', 'betterstack');
    return;
  }
  const page: Obj = { id: own(data, 'id') };
  t.link('page.id', 'data.id');
  t.field(page, 'name', attrs, 'company_name', 'page', 'data.attributes');
  t.field(page, 'time_zone', attrs, 'timezone', 'page', 'data.attributes');
  t.field(page, 'updated_at', attrs, 'updated_at', 'page', 'data.attributes', toIso);
  const domain = own(attrs, 'custom_domain');
  if (typeof domain == 'string' && domain) page.url = `https://${domain}`;
  t.link('page.url', 'data.attributes.custom_domain');
  out.page = page;
  out.status = { indicator: PAGE(own(attrs, 'aggregate_state')), description: '' };
  t.link('status.indicator', 'data.attributes.aggregate_state');

  // Index the included resources by type and id first: reports refer to updates by id.
  const byType = new Map<string, Map<string, [Obj, string]>>();
  t.each(t.list(root, 'included', ''), 'included', (o, at) => {
    const type = String(own(o, 'type'));
    const map = byType.get(type) ?? new Map<string, [Obj, string]>();
    byType.set(type, map);
    map.set(String(own(o, 'id')), [o, at]);
  });
  const all = (type: string): [string, Obj, string][] =>
    [...(byType.get(type) ?? [])].map(([id, [o, at]]) => [id, o, at]);

  const comps = out.components as Obj[];
  for (const [id, o, at] of all('status_page_section')) {
    const a = own(o, 'attributes');
    const to = `components[${comps.length}]`;
    const c: Obj = { id: `section-${id}`, group: true };
    t.link(to, at);
    t.field(c, 'name', a, 'name', to, `${at}.attributes`);
    t.field(c, 'position', a, 'position', to, `${at}.attributes`);
    comps.push(c);
  }
  const names = new Map<string, unknown>();
  for (const [id, o, at] of all('status_page_resource')) {
    const a = own(o, 'attributes');
    const to = `components[${comps.length}]`;
    const c: Obj = { id };
    t.link(to, at);
    t.field(c, 'name', a, 'public_name', to, `${at}.attributes`);
    t.field(c, 'description', a, 'explanation', to, `${at}.attributes`);
    t.field(c, 'status', a, 'status', to, `${at}.attributes`, COMPONENT);
    t.field(c, 'position', a, 'position', to, `${at}.attributes`);
    const section = own(a, 'status_page_section_id');
    if (section != null) c.group_id = `section-${String(section)}`;
    names.set(id, c.name);
    comps.push(c);
  }

  const updates = byType.get('status_update');
  let worst = 'none';
  for (const [id, o, at] of all('status_report')) {
    const a = own(o, 'attributes');
    const aat = `${at}.attributes`;
    const maint = own(a, 'report_type') == 'maintenance';
    const as = maint ? 'scheduled_maintenances' : 'incidents';
    const target = out[as] as Obj[];
    const to = `${as}[${target.length}]`;
    const state = own(a, 'aggregate_state');
    const done = state == 'resolved' || state == 'operational';
    const item: Obj = { id };
    t.link(to, at);
    t.field(item, 'name', a, 'title', to, aat);
    t.field(item, maint ? 'scheduled_for' : 'started_at', a, 'starts_at', to, aat, toIso);
    t.field(item, maint ? 'scheduled_until' : 'resolved_at', a, 'ends_at', to, aat, toIso);
    if (maint) item.status = done ? 'completed' : 'scheduled';
    else if (done) item.status = 'resolved';
    item.impact = maint ? 'maintenance' : done ? 'none' : IMPACT(state);
    t.link(`${to}.impact`, `${aat}.aggregate_state`);
    if (!done && !maint) worst = worse(worst, item.impact);
    item.components = refs(
      t,
      own(a, 'affected_resources'),
      `${aat}.affected_resources`,
      `${to}.components`,
      names,
    );
    // The report's updates, as listed in its relationships.
    const list: Obj[] = [];
    const rel = own(own(own(o, 'relationships'), 'status_updates'), 'data');
    t.each(
      Array.isArray(rel) ? rel.slice(0, t.maxItems) : [],
      `${at}.relationships.status_updates.data`,
      (r) => {
        const found = updates?.get(String(own(r, 'id')));
        if (!found) return;
        const [u, uat] = found;
        const ua = own(u, 'attributes');
        const uto = `${to}.incident_updates[${list.length}]`;
        const update: Obj = { id: own(u, 'id'), status: item.status };
        t.link(uto, uat);
        t.field(update, 'body', ua, 'message', uto, `${uat}.attributes`);
        t.field(update, 'created_at', ua, 'published_at', uto, `${uat}.attributes`, toIso);
        update.affected_components = refs(
          t,
          own(ua, 'affected_resources'),
          `${uat}.attributes.affected_resources`,
          `${uto}.affected_components`,
          names,
          true,
        );
        list.push(update);
      },
    );
    item.incident_updates = list;
    target.push(item);
  }
  // The page's own state says how bad; open reports can only make it worse.
  const status = out.status as Obj;
  status.indicator = worse(status.indicator as string, worst);
});

/** Affected resources to component refs (by resource id, named from the resource list). */
function refs(
  t: Translation,
  list: unknown,
  at: string,
  to: string,
  names: Map<string, unknown>,
  affected?: boolean,
): Obj[] {
  const out: Obj[] = [];
  t.each(Array.isArray(list) ? list.slice(0, t.maxItems) : [], at, (r, rat) => {
    const id = String(own(r, 'status_page_resource_id'));
    const rto = `${to}[${out.length}]`;
    const ref: Obj = { [affected ? 'code' : 'id']: id, name: names.get(id) ?? id };
    t.field(ref, affected ? 'new_status' : 'status', r, 'status', rto, rat, COMPONENT);
    t.link(rto, rat);
    out.push(ref);
  });
  return out;
}
