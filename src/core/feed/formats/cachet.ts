/**
 * Cachet: 2.x (`/api/v1/incidents`, `/api/v1/components`: `{ meta, data: [...] }` with numeric
 * statuses, `human_status` / `status_name`, dates as "2015-07-24 14:42:10") and 3.x
 * (`/api/incidents`, `/api/components`: JSON:API items whose `attributes.status` is
 * `{ human, value }` and whose dates are `{ human, string }`). One document holds either
 * incidents or components; give the other as the `components` companion.
 *
 * Cachet dates carry no zone: they are read as UTC. Incident status 0 is 2.x's "scheduled" (a
 * maintenance) but 3.x's "unknown" (an open incident; 3.x keeps maintenances apart). Not in
 * Cachet's data, so not mapped: an incident's impact (severity unknown), group names (components
 * keep their group id), and the page's overall status (derived from the components when they are
 * given).
 */
import { OUTAGE_IMPACT, componentFields, isObj, json, own, worse, adapter } from './translate';
import type { Obj, Translation } from './translate';
import type { Adapter } from './types';
import { toIso } from './dates';

const INCIDENT = ['scheduled', 'investigating', 'identified', 'monitoring', 'resolved'];
const COMPONENT = ['', 'operational', 'degraded_performance', 'partial_outage', 'major_outage'];

/** A 3.x attributes object, or the 2.x item itself. */
const attrs = (o: Obj): Obj => {
  const a = own(o, 'attributes');
  return isObj(a) ? a : o;
};
const attrPath = (o: Obj, at: string): string =>
  isObj(own(o, 'attributes')) ? `${at}.attributes` : at;
/** A 3.x `{ value }` / `{ string }` wrapper's content, or the 2.x value itself. */
const inner = (v: unknown, key: string): unknown => (isObj(v) ? own(v, key) : v);
/** A numeric status (number or digits) looked up in `words`; anything else passes through. */
const code =
  (words: string[]) =>
  (v: unknown): unknown => {
    const n = typeof v == 'string' && /^\d$/.test(v) ? Number(v) : v;
    return typeof n == 'number' && words[n] ? words[n] : v;
  };

/** An incident's status word from its code; 3.x's 0 ("unknown") reads as no status. */
function incidentStatus(v: unknown, v3: boolean): unknown {
  const value = inner(v, 'value');
  if (v3 && (value === 0 || value === '0')) return undefined;
  return code(INCIDENT)(value);
}

/** True for a Cachet list document: `data` is a list of incidents or components. */
export function cachetKind(root: unknown): 'incidents' | 'components' | undefined {
  const data = own(root, 'data');
  const first: unknown = Array.isArray(data) ? data.find(isObj) : undefined;
  if (!isObj(first)) {
    return Array.isArray(data) && isObj(own(own(root, 'meta'), 'pagination'))
      ? 'incidents'
      : undefined;
  }
  const type = own(first, 'type');
  if (type == 'incidents' || type == 'components') return type as 'incidents' | 'components';
  if (own(first, 'human_status') !== undefined) return 'incidents';
  if (own(first, 'status_name') !== undefined) return 'components';
  return undefined;
}

export const readCachet: Adapter = adapter('cachet', (body, t, out, options) => {
  const root = json(body, t);
  const kind = cachetKind(root);
  if (!kind) {
    t.note('$', 'format', 'cachet');
    return;
  }
  const docs: [unknown, string][] = [[root, '']];
  const extra = options.companions?.components;
  if (extra !== undefined && kind == 'incidents') docs.push([json(extra, t), 'components.json:']);
  for (const [doc, prefix] of docs) {
    const k = cachetKind(doc);
    if (k == 'components') components(t, doc, prefix, out);
    else if (k == 'incidents') incidents(t, doc, prefix, out);
    else t.note(`${prefix}$`, 'format', 'cachet');
  }
});

function components(t: Translation, doc: unknown, prefix: string, out: Obj): void {
  const comps: Obj[] = (out.components = []);
  let worst = 'none';
  t.each(t.list(doc, 'data', ''), `${prefix}data`, (o, at) => {
    const a = attrs(o);
    const aat = attrPath(o, at);
    const { c, to } = componentFields(t, comps, o, at, a, aat);
    t.field(c, 'status', a, 'status', to, aat, (v) => code(COMPONENT)(inner(v, 'value')));
    const group = own(a, 'component_group_id') ?? own(a, 'group_id');
    // Cachet 2.x uses group 0 for "no group".
    if (group != null && group !== 0 && group !== '0') c.group_id = `group-${String(group)}`;
    worst = worse(worst, OUTAGE_IMPACT[String(c.status)]);
    comps.push(c);
  });
  // Cachet has no overall status: the worst component says it, as Statuspage derives it.
  out.status = { indicator: worst, description: '' };
}

function incidents(t: Translation, doc: unknown, prefix: string, out: Obj): void {
  // Included updates (3.x, `?include=updates`), by id.
  const included = new Map<string, [Obj, string]>();
  t.each(t.list(doc, 'included', ''), `${prefix}included`, (o, at) => {
    if (own(o, 'type') == 'updates') included.set(String(own(o, 'id')), [o, at]);
  });
  t.each(t.list(doc, 'data', ''), `${prefix}data`, (o, at) => {
    const a = attrs(o);
    const aat = attrPath(o, at);
    // (a 3.x item has JSON:API attributes)
    const status = incidentStatus(own(a, 'status'), isObj(own(o, 'attributes')));
    const maint = status == 'scheduled';
    const as = maint ? 'scheduled_maintenances' : 'incidents';
    const list = out[as] as Obj[];
    const to = `${as}[${list.length}]`;
    const item: Obj = { status, impact: maint ? 'maintenance' : undefined };
    t.link(to, at);
    t.link(`${to}.status`, `${aat}.status`);
    t.field(item, 'id', o, 'id', to, at, String);
    t.field(item, 'name', a, 'name', to, aat);
    const date = (v: unknown): unknown => toIso(inner(v, 'string'));
    t.field(
      item,
      'created_at',
      a,
      own(a, 'occurred_at') != null ? 'occurred_at' : 'created_at',
      to,
      aat,
      date,
    );
    t.field(item, 'created_at', a, 'occurred', to, aat, date);
    t.field(item, 'updated_at', a, 'updated_at', to, aat, date);
    t.field(item, 'updated_at', a, 'updated', to, aat, date);
    t.field(item, 'scheduled_for', a, 'scheduled_at', to, aat, date);
    // The incident's message is its first update; 3.x may include later ones. Without later
    // ones (2.x edits the message in place) it says the current status; with them, the first.
    const rel = own(own(own(o, 'relationships'), 'updates'), 'data');
    const later = Array.isArray(rel) && rel.length > 0;
    const updates: Obj[] = [];
    if (own(a, 'message') != null) {
      const first: Obj = {
        id: `${String(item.id)}-message`,
        status: later && !maint ? 'investigating' : status,
      };
      t.field(first, 'body', a, 'message', `${to}.incident_updates[0]`, aat);
      first.created_at = item.created_at;
      updates.push(first);
    }
    for (const r of Array.isArray(rel) ? rel.slice(0, t.maxItems) : []) {
      const found = included.get(String(own(r, 'id')));
      if (!found) continue;
      const [u, uat] = found;
      const ua = attrs(u);
      const uaat = attrPath(u, uat);
      const uto = `${to}.incident_updates[${updates.length}]`;
      const update: Obj = { id: String(own(u, 'id')) };
      t.link(uto, uat);
      t.field(update, 'status', ua, 'status', uto, uaat, (v) => incidentStatus(v, true));
      t.field(update, 'body', ua, 'message', uto, uaat);
      t.field(update, 'created_at', ua, 'created', uto, uaat, date);
      t.field(update, 'created_at', ua, 'created_at', uto, uaat, date);
      updates.push(update);
    }
    item.incident_updates = updates;
    list.push(item);
  });
}
