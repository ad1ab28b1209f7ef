import { claimKeys, pruneNotified, recordShown, settleKeys, shownSince } from '../../db/marks';
import type { LensDatabase } from '../../db/open';
import { t, tn } from '../../i18n/translate';
import type { Platform } from '../../background/deps';
import { clip, type Notice, type NoticeGroup } from './notices';

/**
 * Turning claimed notices into desktop notifications, within limits (issue 16 #7): a feed's notices
 * of one wake are merged into one notification attributed to the source ("37 new incidents on Acme
 * status"), at most MAX_PER_MINUTE feed notifications are created a minute and at most
 * MAX_PER_SOURCE_PER_HOUR an hour for one source. Keys go pending → shown only once the
 * notification exists, so a worker stop re-shows them (#9).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Notifications from feeds created in any one minute, at most (and the responder's own per wake). */
export const MAX_PER_MINUTE = 4;
/** Notifications about one feed source in any one hour, at most (a churning feed is held). */
export const MAX_PER_SOURCE_PER_HOUR = 6;
/** De-duplication records not touched for this long are pruned. */
export const NOTIFIED_RETENTION_MS = 7 * 24 * HOUR;
/** How often a worker prunes them. */
export const PRUNE_EVERY_MS = HOUR;

/** One desktop notification to create, and the notice keys it covers. */
export interface Outgoing {
  id: string;
  title: string;
  message: string;
  keys: string[];
  /** The source it is about; absent for the responder's own deadlines and reminders. */
  source?: string;
}

/** Notices of one source, merged into one notification when there are several. */
export function mergeForSource(name: string, id: string, notices: Notice[], now: number): Outgoing {
  const keys = notices.map((n) => n.key);
  if (notices.length === 1) {
    const [n] = notices as [Notice];
    return {
      id: n.key,
      title: t('notice_fromSource', clip(name, 40), n.title),
      message: n.message,
      keys,
      source: id,
    };
  }
  const allNew = notices.every((n) => n.key.startsWith('new|'));
  const title = allNew
    ? tn('notice_mergedNew', notices.length, clip(name, 40))
    : tn('notice_merged', notices.length, clip(name, 40));
  const shown = notices.slice(0, 3).map((n) => n.title);
  const more = notices.length > 3 ? ` ${t('notice_andMore', notices.length - 3)}` : '';
  return {
    id: `merged|${id}|${now}`,
    title,
    message: clip(`${shown.join(' · ')}${more}`),
    keys,
    source: id,
  };
}

/** The notification filters (severity, role, source; core/notify.ts), as the worker applies them. */
export type Wanted = (n: Notice, g: NoticeGroup) => boolean;

/** The notifications for the notices to show: deadlines one by one first, then one per source. */
export function plan(
  groups: readonly NoticeGroup[],
  show: ReadonlySet<string>,
  prefs: Record<Notice['pref'], boolean>,
  now: number,
  wanted: Wanted = () => true,
): { out: Outgoing[]; silent: string[] } {
  const silent: string[] = [];
  const out: Outgoing[] = [];
  const perSource = new Map<string, { name: string; notices: Notice[] }>();
  const seen = new Set<string>();
  for (const g of groups) {
    for (const n of [...(g.intro ? [g.intro] : []), ...g.changes, ...g.dues]) {
      if (!show.has(n.key) || seen.has(n.key)) continue;
      seen.add(n.key);
      // Turned off or filtered out: recorded as shown, so a later change of mind replays nothing.
      if (!prefs[n.pref] || !wanted(n, g)) silent.push(n.key);
      else if (!g.source)
        out.push({ id: n.key, title: n.title, message: n.message, keys: [n.key] });
      else {
        const s = perSource.get(g.source.id) ?? { name: g.source.name, notices: [] };
        s.notices.push(n);
        perSource.set(g.source.id, s);
      }
    }
  }
  for (const [id, s] of perSource) out.push(mergeForSource(s.name, id, s.notices, now));
  return { out, silent };
}

/** When each connection (one per worker) last pruned. */
const lastPrune = new WeakMap<LensDatabase, number>();

/**
 * Claims the groups' keys and creates their notifications within the limits. Over the minute's
 * budget the rest is merged into one "more" notification; over a source's hourly budget its
 * notices are held (recorded, not shown: the overlay and side panel still list them).
 */
export async function deliver(
  platform: Pick<Platform, 'notify'>,
  db: LensDatabase,
  groups: NoticeGroup[],
  prefs: Record<Notice['pref'], boolean>,
  now: number,
  wanted?: Wanted,
): Promise<void> {
  const show = await claimKeys(
    db,
    groups.map((g) => ({
      ...(g.intro ? { intro: g.intro.key } : {}),
      changes: g.changes.map((n) => n.key),
      dues: g.dues.map((n) => n.key),
    })),
    now,
  );
  await prune(db, now);
  if (show.size === 0) return;
  const { out, silent } = plan(groups, show, prefs, now, wanted);
  if (silent.length) await settleKeys(db, silent, 'shown', now);
  if (out.length === 0) return;
  const recent = await shownSince(db, now - HOUR);
  const perSource = new Map<string, number>();
  for (const r of recent) if (r.scope) perSource.set(r.scope, (perSource.get(r.scope) ?? 0) + 1);
  const held: string[] = [];
  const feed = out.filter((o) => {
    if (!o.source) return false;
    const ok = (perSource.get(o.source) ?? 0) < MAX_PER_SOURCE_PER_HOUR;
    if (ok) perSource.set(o.source, (perSource.get(o.source) ?? 0) + 1);
    else held.push(...o.keys);
    return ok;
  });
  if (held.length) await settleKeys(db, held, 'held', now);
  // Feeds share a budget per minute; what is over it waits (pending) for a later wake. The
  // responder's own deadlines and reminders are not rate-limited (their keys come from the
  // agent's own records and each shows once), only merged when one wake has many.
  const minuteLeft = MAX_PER_MINUTE - recent.filter((r) => r.scope && r.at > now - MIN).length;
  const own = out.filter((o) => !o.source);
  for (const o of [...withMore(own, MAX_PER_MINUTE, now), ...withMore(feed, minuteLeft, now)]) {
    try {
      await platform.notify(o.id, { title: o.title, message: o.message });
    } catch {
      continue; // left pending: the next wake tries again
    }
    await settleKeys(db, o.keys, 'shown', now);
    await recordShown(db, o.id, now, o.source);
  }
}

/**
 * At most `room` notifications: when there are more, the last slot becomes one "N more" covering
 * the rest. With no room at all, none (their keys stay pending).
 */
function withMore(list: Outgoing[], room: number, now: number): Outgoing[] {
  if (room <= 0) return [];
  if (list.length <= room) return list;
  const rest = list.slice(room - 1);
  const more: Outgoing = {
    id: `more|${now}|${rest[0]!.source ?? 'own'}`,
    title: tn('notice_more', rest.length),
    message: clip(rest.map((o) => o.title).join(' · ')),
    keys: rest.flatMap((o) => o.keys),
    ...(rest[0]!.source ? { source: rest[0]!.source } : {}),
  };
  return [...list.slice(0, room - 1), more];
}

/** Prunes old de-duplication records, at most once per PRUNE_EVERY_MS in a worker. */
async function prune(db: LensDatabase, now: number): Promise<void> {
  const last = lastPrune.get(db);
  if (last !== undefined && now - last < PRUNE_EVERY_MS && now >= last) return;
  lastPrune.set(db, now);
  await pruneNotified(db, now - NOTIFIED_RETENTION_MS);
}
