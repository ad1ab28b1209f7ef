/** Incidents and scheduled maintenances. */
import type { ComponentRef, ComponentStatus, FeedIncident, FeedUpdate, Impact } from '../types';
import { COMPONENT_STATUSES, impactToSeverity } from './levels';
import type { Ctx, Obj } from './read';
import {
  capList,
  isObj,
  own,
  problem,
  readDate,
  readEnum,
  readHttps,
  readList,
  readStr,
  typeName,
} from './read';
import type { Status } from './update';
import { ALL_STATUSES, MAINTENANCE_STATUSES, byDisplayDesc, parseUpdate } from './update';

const IMPACTS: ReadonlySet<string> = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);

/** Incident-level `components` are full component objects; keep id, name and status. */
function parseIncidentComponents(ctx: Ctx, o: Obj, path: string): ComponentRef[] {
  const list = readList(ctx, o, 'components', path);
  if (!list) return [];
  const refs: ComponentRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = `${path}.components[${i}]`;
    const item = list[i];
    if (!isObj(item)) {
      problem(ctx, p, `expected an object, got ${typeName(item)}`);
      continue;
    }
    const id = readStr(ctx, item, 'id', p);
    const name = readStr(ctx, item, 'name', p);
    if (id === undefined && name === undefined) {
      problem(ctx, p, 'component without id or name dropped');
      continue;
    }
    const ref: ComponentRef = { name: name ?? id ?? '' };
    if (id !== undefined) ref.id = id;
    const status = readEnum<ComponentStatus>(ctx, item, 'status', p, COMPONENT_STATUSES);
    if (status) ref.newStatus = status;
    refs.push(ref);
  }
  return refs;
}

/** A short stable hash so a derived id survives re-fetches (dismissals key on it). */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  return (h >>> 0).toString(36);
}

/**
 * Parses one incident or maintenance. Returns undefined (with a problem) when it has
 * neither a usable id nor a name.
 */
export function parseIncident(
  ctx: Ctx,
  o: Obj,
  path: string,
  fromMaintenanceList: boolean,
): FeedIncident | undefined {
  const name = readStr(ctx, o, 'name', path);
  let id = readStr(ctx, o, 'id', path);
  if ((id === undefined || id === '') && (name === undefined || name === '')) {
    problem(ctx, path, 'incident without id or name dropped');
    return undefined;
  }
  const createdRaw = readDate(ctx, o, 'created_at', path);
  if (id === undefined || id === '') {
    problem(ctx, `${path}.id`, 'incident without id; one was derived from its name');
    id = `x-${hash(`${name ?? ''}|${String(own(o, 'created_at'))}`)}`;
  }
  if (name === undefined || name === '') problem(ctx, `${path}.name`, 'incident without name');

  const status = readEnum<Status>(ctx, o, 'status', path, ALL_STATUSES) ?? 'unknown';
  const impact = readEnum<Impact>(ctx, o, 'impact', path, IMPACTS) ?? 'unknown';
  const updates: FeedUpdate[] = [];
  const rawUpdates = own(o, 'incident_updates');
  if (Array.isArray(rawUpdates)) {
    const list = capList(ctx, rawUpdates, `${path}.incident_updates`);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const p = `${path}.incident_updates[${i}]`;
      if (isObj(item)) updates.push(parseUpdate(ctx, item, p, `${id}-u${i}`));
      else problem(ctx, p, `expected an object, got ${typeName(item)}`);
    }
  } else if (rawUpdates !== undefined && rawUpdates !== null) {
    problem(ctx, `${path}.incident_updates`, `expected a list, got ${typeName(rawUpdates)}`);
  }

  const startedAt = readDate(ctx, o, 'started_at', path);
  const scheduledFor = readDate(ctx, o, 'scheduled_for', path);
  let earliest = Infinity;
  let latest = -Infinity;
  for (const u of updates) {
    if (u.createdAt < earliest) earliest = u.createdAt;
    if (u.displayAt < earliest) earliest = u.displayAt;
    if (u.createdAt > latest) latest = u.createdAt;
  }
  let createdAt = createdRaw ?? (Number.isFinite(earliest) ? earliest : undefined);
  createdAt ??= startedAt ?? scheduledFor;
  const updatedRaw = readDate(ctx, o, 'updated_at', path);
  if (createdAt === undefined) {
    problem(ctx, `${path}.created_at`, 'incident without any usable date');
    createdAt = updatedRaw ?? 0;
  }
  for (const u of updates) {
    if (Number.isNaN(u.createdAt)) u.createdAt = createdAt;
    if (Number.isNaN(u.displayAt)) u.displayAt = u.createdAt;
  }
  updates.sort(byDisplayDesc);

  const maintenance =
    fromMaintenanceList || MAINTENANCE_STATUSES.has(status) || impact === 'maintenance';
  const item: FeedIncident = {
    id,
    kind: maintenance ? 'maintenance' : 'incident',
    name: name ?? '',
    status,
    impact,
    severity: impactToSeverity(impact),
    createdAt,
    updatedAt: updatedRaw ?? (Number.isFinite(latest) ? Math.max(latest, createdAt) : createdAt),
    components: parseIncidentComponents(ctx, o, path),
    updates,
  };
  if (startedAt !== undefined) item.startedAt = startedAt;
  if (scheduledFor !== undefined) item.scheduledFor = scheduledFor;
  const scheduledUntil = readDate(ctx, o, 'scheduled_until', path);
  if (scheduledUntil !== undefined) item.scheduledUntil = scheduledUntil;
  const monitoringAt = readDate(ctx, o, 'monitoring_at', path);
  if (monitoringAt !== undefined) item.monitoringAt = monitoringAt;
  const resolvedAt = readDate(ctx, o, 'resolved_at', path) ?? resolvedFromUpdates(status, updates);
  if (resolvedAt !== undefined) item.resolvedAt = resolvedAt;
  const shortlink = readHttps(ctx, o, 'shortlink', path);
  if (shortlink !== undefined) item.shortlink = shortlink;
  const pageId = readStr(ctx, o, 'page_id', path);
  if (pageId !== undefined) item.pageId = pageId;
  return item;
}

/** `resolved` with `resolved_at: null` (real feeds do this): use the closing update's time. */
function resolvedFromUpdates(status: Status, updates: FeedUpdate[]): number | undefined {
  if (status !== 'resolved' && status !== 'postmortem' && status !== 'completed') return undefined;
  const closing = updates.find(
    (u) => u.status === 'resolved' || u.status === 'postmortem' || u.status === 'completed',
  );
  return closing?.displayAt;
}
