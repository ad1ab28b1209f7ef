import { isUsableFeed, parseFeed } from '../../../core/feed';
import type { ParseResult } from '../../../core/types';
import {
  clearSourceData,
  deleteSource,
  getSource,
  listSources,
  putSource,
  updateSource,
} from '../../db/sources';
import type { SourceRecord } from '../../db/schema';
import type { Handlers } from '../../messaging/channel';
import { originPattern } from '../../origins/match-patterns';
import { feedUrlWarning } from '../../origins/page-origin';
import type { Deps } from '../../background/deps';
import { fetchFeed } from './fetch-feed';
import { httpUrl, payload, pollSeconds, summaryUrlOf, text } from '../../background/input';
import { pollDue, pollSource, problems } from './poll';
import { refresh } from '../../background/refresh';
import { releaseOrigin } from '../../sites/background/registration';
import { FEED_DUPLICATE, FEED_REFUSED, feedKeyOf } from '../refusals';

type SourceCommands =
  'sources/add' | 'sources/update' | 'sources/remove' | 'sources/test' | 'sources/pollNow';

/** One plain request to `url`: the parsed feed, or why it is not one. */
async function probe(
  deps: Deps,
  url: string,
): Promise<{ ok: true; r: ParseResult } | { ok: false; error: string }> {
  const o = await fetchFeed(deps.fetch, url, {}, deps.now());
  if (o.kind === 'error') return { ok: false, error: o.error };
  if (o.kind === 'not-modified')
    return { ok: false, error: 'The server answered 304 to a plain request.' };
  const r = parseFeed(o.body);
  if (!isUsableFeed(r)) {
    const why = problems(r, 1)[0]?.message ?? 'it has no incidents, components or status';
    return { ok: false, error: `This is not a Statuspage-compatible feed: ${why}.` };
  }
  return { ok: true, r };
}

/**
 * The feed behind `url`, probed: as given, unless it is a status page's address (a site root that
 * is not a feed itself) whose Statuspage summary (`/api/v2/summary.json`) answers, then that one.
 * Only a site root costs requests here.
 */
async function findFeed(
  deps: Deps,
  url: string,
  given?: Awaited<ReturnType<typeof probe>>,
): Promise<{ url: string; result: Awaited<ReturnType<typeof probe>> | undefined }> {
  const summary = summaryUrlOf(url);
  if (!summary) return { url, result: given };
  const first = given ?? (await probe(deps, url));
  if (first.ok) return { url, result: first };
  const second = await probe(deps, summary);
  return second.ok ? { url: summary, result: second } : { url, result: first };
}

/**
 * The feed behind `url`, checked before anything is stored (issue 19, item 3): a 404, an HTML
 * page, a 500 or JSON of another shape is refused with the reason, unless the user chose to save
 * it anyway (`force`). The same feed as another source is refused always (item 4).
 */
async function checkedFeed(
  deps: Deps,
  url: string,
  force: unknown,
  exceptId?: string,
): Promise<string> {
  const found = await findFeed(deps, url, await probe(deps, url));
  const key = feedKeyOf(found.url);
  const twin = (await listSources(await deps.db())).find(
    (s) => s.id !== exceptId && (feedKeyOf(s.url) === key || feedKeyOf(s.url) === feedKeyOf(url)),
  );
  if (twin) throw new Error(`${FEED_DUPLICATE} “${twin.name}”.`);
  if (found.result && !found.result.ok && force !== true)
    throw new Error(`${FEED_REFUSED} ${found.result.error}`);
  return found.url;
}

/** Polls the source right away and answers with its record as the poll left it. */
async function pollAndReturn(deps: Deps, source: SourceRecord): Promise<SourceRecord> {
  await pollSource(deps, source);
  await refresh(deps);
  return (await getSource(await deps.db(), source.id)) ?? source;
}

/** Handlers for feed sources. The options page asked for the source's host permission first. */
export function sourceHandlers(deps: Deps): Pick<Handlers, SourceCommands> {
  return {
    async 'sources/add'(p) {
      payload(p);
      const now = deps.now();
      const source: SourceRecord = {
        id: deps.newId(),
        name: text(p.name, 'The name', 200),
        url: await checkedFeed(deps, httpUrl(p.url, 'The feed URL'), p.force),
        pollSeconds: pollSeconds(p.pollSeconds),
        enabled: true,
        createdAt: now,
        failures: 0,
        nextPollAt: now,
      };
      const warning = feedUrlWarning(source.url);
      if (warning) source.warning = warning;
      await putSource(await deps.db(), source);
      return pollAndReturn(deps, source);
    },

    async 'sources/update'(p) {
      payload(p);
      const db = await deps.db();
      const old = await getSource(db, text(p.id, 'The source id'));
      if (!old) throw new Error('This source no longer exists.');
      const url =
        p.url === undefined || feedKeyOf(p.url) === feedKeyOf(old.url)
          ? old.url
          : await checkedFeed(deps, httpUrl(p.url, 'The feed URL'), p.force, old.id);
      const next: SourceRecord = {
        ...old,
        ...(p.name !== undefined ? { name: text(p.name, 'The name', 200) } : {}),
        ...(p.pollSeconds !== undefined ? { pollSeconds: pollSeconds(p.pollSeconds) } : {}),
        ...(p.enabled !== undefined ? { enabled: p.enabled === true } : {}),
        url,
      };
      if (url !== old.url) {
        // A new URL is a new feed: forget the old one's validators, data and failures.
        delete next.etag;
        delete next.lastModified;
        delete next.lastError;
        delete next.lastProblems;
        Object.assign(next, { failures: 0, nextPollAt: deps.now() });
        await clearSourceData(db, old.id);
      }
      const warning = feedUrlWarning(url);
      if (warning) next.warning = warning;
      else delete next.warning;
      if (next.enabled && !old.enabled) next.nextPollAt = deps.now();
      await putSource(db, next);
      if (url !== old.url) await releaseOrigin(deps, originPattern(old.url));
      if (next.enabled && next.nextPollAt <= deps.now()) return pollAndReturn(deps, next);
      await refresh(deps);
      return next;
    },

    async 'sources/remove'(p) {
      payload(p);
      const db = await deps.db();
      const old = await getSource(db, text(p.id, 'The source id'));
      if (!old) return null;
      await deleteSource(db, old.id);
      await releaseOrigin(deps, originPattern(old.url));
      await refresh(deps);
      return null;
    },

    async 'sources/test'(p) {
      payload(p);
      const given = httpUrl(p.url, 'The feed URL');
      const first = await probe(deps, given);
      const found = await findFeed(deps, given, first);
      const { url } = found;
      const result = found.result ?? first;
      if (!result.ok) return { ok: false, url, error: result.error };
      const { r } = result;
      const { feed } = r;
      return {
        ok: true,
        url,
        kind: r.kind,
        incidents: feed.incidents.length,
        maintenances: feed.maintenances.length,
        components: feed.components.length,
        problems: problems(r, 20),
      };
    },

    async 'sources/pollNow'(p) {
      const db = await deps.db();
      const id = p && typeof p === 'object' ? p.id : undefined;
      const now = deps.now();
      // Persist the request first: if the worker stops mid-poll, the next wake still finds it due.
      for (const s of await listSources(db)) {
        if ((id === undefined || s.id === id) && s.enabled && s.nextPollAt > now) {
          await updateSource(db, s.id, (cur) => ({
            ...cur,
            nextPollAt: Math.min(cur.nextPollAt, now),
          }));
        }
      }
      await pollDue(deps);
      await refresh(deps);
      return null;
    },
  };
}
