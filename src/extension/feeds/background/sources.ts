import { FORMATS, probeUrls, readFeed } from '../../../core/feed/formats';
import type { FeedFormat, FormatResult } from '../../../core/feed/formats';
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
import type { SourceCommands } from '../protocol';
import { fetchFeed } from './fetch-feed';
import { text } from '../../../core/validate';
import { httpUrl, payload, pollSeconds, summaryUrlOf } from '../../background/input';
import { ownHeaders, pollDue, pollSource, problems, usable } from './poll';
import { headersFor, isRequestHeaders, type RequestHeaders } from '../request-headers';
import { releaseOrigin } from '../../sites/background/registration';
import {
  currentManaged,
  NOT_ALLOWED_BY_ORGANISATION,
  SET_BY_ORGANISATION,
} from '../../managed/background/sync';

/** A format the user chose: one the core reads, or none (detect). */
function formatOf(v: unknown): FeedFormat | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if ((FORMATS as readonly unknown[]).includes(v)) return v as FeedFormat;
  throw new Error('This feed format is not one Incident Lens reads.');
}

/** Request headers from the options page: checked again here (none: undefined). */
function headersOf(v: unknown): RequestHeaders | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRequestHeaders(v)) throw new Error('The request headers are not valid.');
  return Object.keys(v).length ? { ...v } : undefined;
}

type Probe = { ok: true; r: FormatResult } | { ok: false; error: string };

/** One plain request to `url`: the feed read (as `format`, or detected), or why it is not one. */
async function probe(
  deps: Deps,
  url: string,
  source: { url: string; format?: FeedFormat; headers?: RequestHeaders },
): Promise<Probe> {
  const headers = ownHeaders({ headers: headersFor(url, source.url, source.headers) });
  const o = await fetchFeed(deps.fetch, url, {}, deps.now(), undefined, headers);
  if (o.kind === 'error') return { ok: false, error: o.error };
  if (o.kind === 'not-modified')
    return { ok: false, error: 'The server answered 304 to a plain request.' };
  const r = readFeed(o.body, { url, format: source.format });
  if (!usable(r)) {
    const why = problems(r, 1)[0]?.message ?? 'it has no incidents, components or status';
    return { ok: false, error: `This is not a status feed: ${why}.` };
  }
  return { ok: true, r };
}

/**
 * The feed behind `url`: as given, unless it is a status page's address (a site root that is not
 * a feed itself): then the first known feed path under it that answers with a feed of any format
 * the core reads. Only a site root costs requests here (`given`: the address's own probe, if made).
 */
async function findFeed(
  deps: Deps,
  url: string,
  source: { format?: FeedFormat; headers?: RequestHeaders },
  given?: Probe,
): Promise<{ url: string; result: Probe | undefined }> {
  if (source.format || !summaryUrlOf(url)) return { url, result: given };
  const own = { ...source, url };
  const first = given ?? (await probe(deps, url, own));
  if (first.ok) return { url, result: first };
  for (const candidate of probeUrls(url)) {
    if (candidate === url) continue;
    const result = await probe(deps, candidate, own);
    if (result.ok) return { url: candidate, result };
  }
  return { url, result: first };
}

/** Polls the source right away and answers with its record as the poll left it. */
async function pollAndReturn(deps: Deps, source: SourceRecord): Promise<SourceRecord> {
  await pollSource(deps, source);
  return (await getSource(await deps.db(), source.id)) ?? source;
}

/** Handlers for feed sources. The options page asked for the source's host permission first. */
export function sourceHandlers(deps: Deps): Pick<Handlers, keyof SourceCommands> {
  return {
    async 'sources/add'(p) {
      payload(p);
      if (!(await currentManaged(deps)).config.allowUserSources)
        throw new Error(NOT_ALLOWED_BY_ORGANISATION);
      const now = deps.now();
      const format = formatOf(p.format);
      const headers = headersOf(p.headers);
      const found = await findFeed(deps, httpUrl(p.url, 'The feed URL'), { format, headers });
      const source: SourceRecord = {
        id: deps.newId(),
        name: text(p.name, 'The name', 200),
        url: found.url,
        pollSeconds: pollSeconds(p.pollSeconds),
        enabled: true,
        createdAt: now,
        failures: 0,
        nextPollAt: now,
        ...(format ? { format } : {}),
        ...(headers ? { headers } : {}),
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
      if (old.managed) throw new Error(SET_BY_ORGANISATION);
      const format = p.format === undefined ? old.format : formatOf(p.format);
      const headers = p.headers === undefined ? old.headers : headersOf(p.headers);
      const url =
        p.url === undefined
          ? old.url
          : (await findFeed(deps, httpUrl(p.url, 'The feed URL'), { format, headers })).url;
      const next: SourceRecord = {
        ...old,
        ...(p.name !== undefined ? { name: text(p.name, 'The name', 200) } : {}),
        ...(p.pollSeconds !== undefined ? { pollSeconds: pollSeconds(p.pollSeconds) } : {}),
        ...(p.enabled !== undefined ? { enabled: p.enabled === true } : {}),
        url,
      };
      if (format) next.format = format;
      else delete next.format;
      if (headers) next.headers = headers;
      else delete next.headers;
      if (url !== old.url) {
        // A new URL is a new feed: forget the old one's validators, data and failures.
        delete next.etag;
        delete next.lastModified;
        delete next.lastError;
        delete next.lastProblems;
        delete next.pollLease; // a poll of the old URL in flight does not hold up the new one
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
      return next;
    },

    async 'sources/remove'(p) {
      payload(p);
      const db = await deps.db();
      const old = await getSource(db, text(p.id, 'The source id'));
      if (!old) return null;
      if (old.managed) throw new Error(SET_BY_ORGANISATION);
      await deleteSource(db, old.id);
      await releaseOrigin(deps, originPattern(old.url));
      return null;
    },

    async 'sources/test'(p) {
      payload(p);
      const given = httpUrl(p.url, 'The feed URL');
      const source = { format: formatOf(p.format), headers: headersOf(p.headers) };
      const first = await probe(deps, given, { ...source, url: given });
      const { url, result = first } = await findFeed(deps, given, source, first);
      if (!result.ok) return { ok: false, url, error: result.error };
      const { r } = result;
      const { feed } = r;
      return {
        ok: true,
        url,
        format: r.format as FeedFormat,
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
      return null;
    },
  };
}
