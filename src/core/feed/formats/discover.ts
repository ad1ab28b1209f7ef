/**
 * Finding a status feed from what a user typed: a feed URL, or a status page's address. The
 * address itself is tried first; when it is not a feed (an HTML page, a 404), the known paths
 * under it are. I/O is passed in (`get`), so the extension, the validator and tests share this.
 */
import { detectFormat, probeUrls } from './detect';
import type { FeedFormat } from './types';

/** One GET: the body text and final URL, or why it failed. */
export type Getter = (
  url: string,
) => Promise<{ ok: true; text: string; url: string } | { ok: false; why: string }>;

export type Discovery =
  | {
      ok: true;
      url: string;
      format: FeedFormat;
      text: string;
      probed: number;
      /** Why the address itself was not read, when it failed and a probe found the feed. */
      first?: string;
    }
  | { ok: false; why: string; probed: number };

/**
 * The first feed found at `address` or under it, with its detected format. Probes one at a time
 * (politely: at most `KNOWN_PATHS.length × 2` requests) and stops at the first hit.
 */
export async function discoverFeed(address: string, get: Getter): Promise<Discovery> {
  const first = await get(address);
  if (first.ok) {
    const format = detectFormat(first.text, first.url);
    if (format != 'unknown')
      return { ok: true, url: first.url, format, text: first.text, probed: 0 };
  }
  let probed = 0;
  for (const url of probeUrls(address)) {
    if (url == address) continue;
    probed++;
    const g = await get(url);
    if (!g.ok) continue;
    const format = detectFormat(g.text, g.url);
    if (format != 'unknown') {
      return {
        ok: true,
        url: g.url,
        format,
        text: g.text,
        probed,
        first: first.ok ? undefined : first.why,
      };
    }
  }
  return {
    ok: false,
    why: first.ok ? 'no status feed at this address or under it' : first.why,
    probed,
  };
}
