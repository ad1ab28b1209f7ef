/**
 * Why a source was not saved, shared by the worker (which refuses) and the options page (which
 * words the refusal in the UI language and offers "Save anyway" where that is allowed). A refusal
 * crosses the message channel as an Error's text: these prefixes make it recognisable.
 */

/** The feed did not answer as a status feed (a 404, an HTML page, a 500, JSON of another shape). */
export const FEED_REFUSED = 'Nothing was saved: this address does not answer as a status feed.';
/** The same feed is already a source (never overridable: every incident would show twice). */
export const FEED_DUPLICATE = 'Nothing was saved: this feed is already a source named';

/**
 * A feed URL reduced to what identifies the feed: scheme and host lower-cased, the default port,
 * a trailing slash, the fragment and the order of query parameters ignored. Two URLs with the same
 * key fetch the same feed.
 */
export function feedKeyOf(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const params = [...u.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.protocol}//${u.host}${path}${query}`; // URL already lower-cases and drops default ports
}

/** What a refusal says, parsed: the kind and the detail after the prefix (the server's answer, the name). */
export function parseRefusal(
  message: string,
): { kind: 'feed'; detail: string } | { kind: 'duplicate'; name: string } | null {
  if (message.startsWith(FEED_REFUSED))
    return { kind: 'feed', detail: message.slice(FEED_REFUSED.length).trim() };
  if (message.startsWith(FEED_DUPLICATE)) {
    const name = message
      .slice(FEED_DUPLICATE.length)
      .trim()
      .replace(/^“|”\.?$/g, '');
    return { kind: 'duplicate', name };
  }
  return null;
}
