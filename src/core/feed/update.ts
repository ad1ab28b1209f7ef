/** Incident updates: status, plain-text body, times and affected components. */
import type {
  ComponentRef,
  ComponentStatus,
  FeedUpdate,
  IncidentStatus,
  MaintenanceStatus,
} from '../types';
import { COMPONENT_STATUSES } from './levels';
import type { Ctx, Obj } from './read';
import { clip, isObj, own, problem, readDate, readEnum, readList, readStr, typeName } from './read';
import { htmlToText } from './text';

export const INCIDENT_STATUSES: ReadonlySet<string> = new Set([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
]);
export const MAINTENANCE_STATUSES: ReadonlySet<string> = new Set([
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
]);
export const ALL_STATUSES: ReadonlySet<string> = new Set([
  ...INCIDENT_STATUSES,
  ...MAINTENANCE_STATUSES,
]);

/** Text Statuspage used before `affected_components` carried codes: it means "none". */
const PLACEHOLDER = 'no components were affected';

export type Status = IncidentStatus | MaintenanceStatus;

/** Parses `affected_components` (null, a list, or the legacy placeholder) into refs. */
function parseAffected(ctx: Ctx, o: Obj, path: string): ComponentRef[] {
  const list = readList(ctx, o, 'affected_components', path);
  if (!list) return [];
  const refs: ComponentRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = `${path}.affected_components[${i}]`;
    const item = list[i];
    if (!isObj(item)) {
      problem(ctx, p, `expected an object, got ${typeName(item)}`);
      continue;
    }
    const id = readStr(ctx, item, 'code', p);
    const name = readStr(ctx, item, 'name', p);
    if (id === undefined && (name === undefined || name.toLowerCase().startsWith(PLACEHOLDER))) {
      continue;
    }
    const ref: ComponentRef = { name: name ?? id ?? '' };
    if (id !== undefined) ref.id = id;
    const oldStatus = readEnum<ComponentStatus>(ctx, item, 'old_status', p, COMPONENT_STATUSES);
    const newStatus = readEnum<ComponentStatus>(ctx, item, 'new_status', p, COMPONENT_STATUSES);
    if (oldStatus) ref.oldStatus = oldStatus;
    if (newStatus) ref.newStatus = newStatus;
    refs.push(ref);
  }
  return refs;
}

/** Reads an update body: capped, then converted to plain text. */
function readBody(ctx: Ctx, o: Obj, path: string): string {
  const v = own(o, 'body');
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    problem(ctx, `${path}.body`, `expected a string, got ${typeName(v)}`);
    return '';
  }
  const max = ctx.limits.maxBodyLength;
  // Markup shrinks when stripped, so allow some slack before the raw cut.
  const rawMax = max * 4;
  let cut = v.length > rawMax;
  let text = htmlToText(cut ? cutRaw(v, rawMax) : v);
  if (text.length > max) {
    text = clip(text, max);
    cut = true;
  } else if (cut) {
    text = clip(text + '…', max);
  }
  if (cut) problem(ctx, `${path}.body`, `body longer than ${max} characters was truncated`);
  return text;
}

/** Cuts raw markup without leaving half a tag or entity at the end to show as text. */
function cutRaw(v: string, max: number): string {
  let raw = v.slice(0, max);
  const lt = raw.lastIndexOf('<');
  if (lt >= 0 && raw.indexOf('>', lt) < 0) raw = raw.slice(0, lt);
  const amp = raw.lastIndexOf('&');
  if (amp >= raw.length - 10 && raw.indexOf(';', amp) < 0) raw = raw.slice(0, amp);
  return raw;
}

/** An update; times may be NaN here and are filled in by the incident parser. */
export function parseUpdate(ctx: Ctx, o: Obj, path: string, fallbackId: string): FeedUpdate {
  const created = readDate(ctx, o, 'created_at', path);
  const display = readDate(ctx, o, 'display_at', path);
  const updated = readDate(ctx, o, 'updated_at', path);
  let id = readStr(ctx, o, 'id', path);
  if (id === undefined || id === '') {
    problem(ctx, `${path}.id`, 'update without id; one was derived');
    id = fallbackId;
  }
  const status = readEnum<Status>(ctx, o, 'status', path, ALL_STATUSES) ?? 'unknown';
  const createdAt = created ?? display ?? updated ?? NaN;
  const u: FeedUpdate = {
    id,
    status,
    body: readBody(ctx, o, path),
    createdAt,
    displayAt: display ?? createdAt,
    affectedComponents: parseAffected(ctx, o, path),
  };
  if (updated !== undefined) u.updatedAt = updated;
  return u;
}

/** Newest first by displayAt, then createdAt. */
export function byDisplayDesc(a: FeedUpdate, b: FeedUpdate): number {
  return b.displayAt - a.displayAt || b.createdAt - a.createdAt;
}
