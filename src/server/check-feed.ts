/**
 * The feed validator, one source for both commands: `npx @incident-lens/widgets check URL-or-file`
 * (the published package's bin, built into widgets/dist/server/check-feed.js) and
 * `npm run check-feed -- URL-or-file` (this project). It reads a feed from a URL or a file,
 * finds the feed from a status page's address when needed (the known paths), reads it with the
 * core, and prints what a product team would see, then every problem. Exit code: 0 read cleanly,
 * 2 read with problems, 1 no feed read.
 *
 * Request headers given with --header go only to the feed's own origin: a redirect to another
 * origin is not followed when headers were given.
 */
import {
  COMPANION_PATHS,
  FORMATS,
  detectFormat,
  readFeed,
  siteRoot,
} from '../core/feed/formats/index';
import { discoverFeed } from '../core/feed/formats/discover';
import { FETCH_LIMITS } from '../core/feed/fetch-policy';
import type { FeedFormat } from '../core/feed/formats/index';
import { feedReport } from '../core/feed/formats/report';

export interface CheckOptions {
  format?: FeedFormat;
  headers?: Record<string, string>;
  companions?: boolean;
  now?: number;
  timeoutMs?: number;
  /** Read at most this much of the answer (default: the shared cap, FETCH_LIMITS.maxBodyBytes). */
  maxBytes?: number;
  fetch?: typeof fetch;
  /** Reads a local file (the command passes Node's; without it only URLs are read). */
  readFile?: (path: string) => Promise<string>;
}

type Got = { ok: true; text: string; url: string; cut: boolean } | { ok: false; why: string };

const USAGE = `usage: incident-widgets check [--format ${FORMATS.join('|')}] [--header "Name: value"]… [--no-companions] URL-or-file`;

/** Reads at most `max` bytes of a response body. */
async function capped(res: Response, max: number): Promise<{ text: string; cut: boolean }> {
  const reader = res.body?.getReader();
  if (!reader) return { text: '', cut: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > max) {
      await reader.cancel();
      break;
    }
  }
  const all = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const c of chunks) {
    all.set(c.subarray(0, all.length - at), at);
    at += Math.min(c.length, all.length - at);
  }
  return { text: new TextDecoder().decode(all), cut: size > max };
}

/** GETs a URL: same-origin redirects followed (up to 5); headers sent to the first origin only. */
async function get(url: string, o: CheckOptions): Promise<Got> {
  const origin = new URL(url).origin;
  const headers = o.headers ?? {};
  const doFetch = o.fetch ?? fetch;
  let current = url;
  for (let hop = 0; hop < 6; hop++) {
    const same = new URL(current).origin == origin;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? 10_000);
    try {
      const res = await doFetch(current, {
        headers: same ? headers : {},
        redirect: 'manual',
        signal: ctl.signal,
      });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, current).href;
        if (new URL(next).origin != origin && Object.keys(headers).length) {
          return {
            ok: false,
            why: `redirected to ${new URL(next).origin}; not followed (headers are for ${origin} only)`,
          };
        }
        current = next;
        continue;
      }
      if (!res.ok) return { ok: false, why: `HTTP ${res.status}` };
      const { text, cut } = await capped(res, o.maxBytes ?? FETCH_LIMITS.maxBodyBytes);
      return { ok: true, text, url: current, cut };
    } catch (e) {
      return { ok: false, why: ctl.signal.aborted ? 'timed out' : (e as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
  return { ok: false, why: 'too many redirects' };
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Checks one feed and returns the report lines and the exit code. */
export async function checkFeed(
  target: string,
  o: CheckOptions = {},
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  let text: string;
  let source = target;
  if (isUrl(target)) {
    let cut = false;
    const getter = async (url: string): Promise<Got> => {
      const g = await get(url, o);
      if (g.ok) cut = g.cut;
      return g;
    };
    // With a format chosen, the address is the feed; else it may be a page to look under.
    const d = o.format
      ? { ...(await getter(target)), probed: 0 }
      : await discoverFeed(target, getter);
    if (!d.ok) return { code: 1, lines: [`${target}: ${d.why}`, 'No status feed found there.'] };
    if ('first' in d && d.first) lines.push(`${target}: ${d.first}`);
    if (d.url != target) lines.push(`Found a feed at ${d.url}`);
    if (cut)
      lines.push(
        `The response was over ${o.maxBytes ?? FETCH_LIMITS.maxBodyBytes} bytes; only the start was read.`,
      );
    text = d.text;
    source = d.url;
  } else {
    try {
      if (!o.readFile) throw new Error('only a URL can be checked here');
      text = await o.readFile(target);
    } catch (e) {
      return { code: 1, lines: [`${target}: ${(e as Error).message}`] };
    }
  }
  const format = o.format ?? detectFormat(text, source);
  const companions: Record<string, unknown> = {};
  const root = isUrl(source) ? siteRoot(source) : undefined;
  if (root && o.companions !== false && format != 'unknown') {
    for (const [name, path] of Object.entries(COMPANION_PATHS[format] ?? {})) {
      if (source.endsWith(path)) continue;
      const g = await get(root + path, o);
      if (g.ok) companions[name] = g.text;
      else lines.push(`Companion ${path} not read: ${g.why}`);
    }
  }
  const r = readFeed(text, {
    url: source,
    format: format == 'unknown' ? undefined : format,
    companions,
  });
  if (lines.length) lines.push('');
  lines.push(...feedReport(r, o.now ?? Date.now(), source, !o.format));
  return { code: r.format == 'unknown' ? 1 : r.problems.length ? 2 : 0, lines };
}

/** The command line: parses arguments, prints the report, returns the exit code. */
export async function main(
  argv: string[],
  print: (line: string) => void,
  io: Pick<CheckOptions, 'readFile' | 'fetch'> = {},
): Promise<number> {
  const o: CheckOptions = { headers: {}, ...io };
  let target: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a == '--format') {
      const f = argv[++i] as FeedFormat;
      if (!FORMATS.includes(f)) return (print(`unknown format ${String(f)}\n${USAGE}`), 1);
      o.format = f;
    } else if (a == '--header') {
      const m = /^([^:\s]+):\s*(.*)$/.exec(argv[++i] ?? '');
      if (!m) return (print(`a header is "Name: value"\n${USAGE}`), 1);
      o.headers![m[1]!] = m[2]!;
    } else if (a == '--no-companions') {
      o.companions = false;
    } else if (a == '--help' || a == '-h') {
      return (print(USAGE), 0);
    } else {
      target = a;
    }
  }
  if (!target) return (print(USAGE), 1);
  const { code, lines } = await checkFeed(target, o);
  for (const l of lines) print(l);
  return code;
}
