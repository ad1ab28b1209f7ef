import { parseFeed } from '../../core/feed';
import {
  clearSourceData,
  deleteSource,
  getSource,
  listSources,
  putSource,
  updateSource,
} from '../db/sources';
import type { SourceRecord } from '../db/schema';
import type { Handlers } from '../messaging';
import { originPattern } from '../origins';
import type { Deps } from './deps';
import { fetchFeed } from './fetch-feed';
import { feedUrl, httpUrl, payload, pollSeconds, text } from './input';
import { pollDue, pollSource, problems, usable } from './poll';
import { refresh } from './refresh';
import { releaseOrigin } from './sites';

type SourceCommands =
  'sources/add' | 'sources/update' | 'sources/remove' | 'sources/test' | 'sources/pollNow';

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
        url: feedUrl(httpUrl(p.url, 'The feed URL')),
        pollSeconds: pollSeconds(p.pollSeconds),
        enabled: true,
        createdAt: now,
        failures: 0,
        nextPollAt: now,
      };
      await putSource(await deps.db(), source);
      return pollAndReturn(deps, source);
    },

    async 'sources/update'(p) {
      payload(p);
      const db = await deps.db();
      const old = await getSource(db, text(p.id, 'The source id'));
      if (!old) throw new Error('This source no longer exists.');
      const url = p.url === undefined ? old.url : feedUrl(httpUrl(p.url, 'The feed URL'));
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
      const url = feedUrl(httpUrl(p.url, 'The feed URL'));
      const o = await fetchFeed(deps.fetch, url, {}, deps.now());
      if (o.kind === 'error') return { ok: false, url, error: o.error };
      if (o.kind === 'not-modified')
        return { ok: false, url, error: 'The server answered 304 to a plain request.' };
      const r = parseFeed(o.body);
      if (!usable(r)) {
        const why = problems(r, 1)[0]?.message ?? 'it has no incidents, components or status';
        return { ok: false, url, error: `This is not a Statuspage-compatible feed: ${why}.` };
      }
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
