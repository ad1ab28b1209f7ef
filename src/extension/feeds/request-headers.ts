/**
 * Per-source request headers (e.g. `Authorization: Bearer …` for a private or internal feed):
 * read from the form's "Name: value" lines, checked, and sent only to the source's own origin.
 * Both the options page (validation) and the worker (fetching) use this.
 */

export type RequestHeaders = Record<string, string>;

/** At most this many headers per source, each value at most this long. */
export const MAX_HEADERS = 20;
export const MAX_HEADER_VALUE = 4096;

// An HTTP token (RFC 9110), and headers a page may not set or that would undo our request policy.
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
const FORBIDDEN = new Set([
  'host',
  'cookie',
  'origin',
  'referer',
  'content-length',
  'connection',
  'accept',
  'if-none-match',
  'if-modified-since',
]);

/** True when `s` has a control character other than tab (a header value cannot hold one). */
const hasControl = (s: string): boolean =>
  [...s].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 32 && n != 9) || n == 127;
  });

/**
 * Parses "Name: value" lines (blank lines skipped). Returns the headers, or the first problem in
 * words (with its line number).
 */
export function parseHeaderLines(text: string): { headers: RequestHeaders } | { error: string } {
  const headers: RequestHeaders = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = line.slice(colon + 1).trim();
    const at = `Line ${i + 1}`;
    if (!name || !TOKEN.test(name)) return { error: `${at}: write a header as "Name: value".` };
    if (FORBIDDEN.has(name.toLowerCase()) || /^(sec-|proxy-)/i.test(name)) {
      return { error: `${at}: the ${name} header cannot be set here.` };
    }
    if (!value || value.length > MAX_HEADER_VALUE || hasControl(value)) {
      return { error: `${at}: the value of ${name} is empty, too long or has control characters.` };
    }
    if (Object.keys(headers).length >= MAX_HEADERS) {
      return { error: `At most ${MAX_HEADERS} headers.` };
    }
    headers[name] = value;
  }
  return { headers };
}

/** The headers as the form shows them, one "Name: value" per line. */
export const headerLines = (headers: RequestHeaders | undefined): string =>
  Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');

/** True when a stored value is a valid header record (for backups and messages). */
export function isRequestHeaders(v: unknown): v is RequestHeaders {
  if (typeof v != 'object' || v === null || Array.isArray(v)) return false;
  const text = Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => (typeof x == 'string' ? `${k}: ${x}` : ''))
    .join('\n');
  return (
    Object.values(v).every((x) => typeof x == 'string') &&
    'headers' in parseHeaderLines(text) &&
    Object.keys(v).length <= MAX_HEADERS
  );
}

/**
 * The headers to send with a request to `url` for a source at `sourceUrl`: the source's headers
 * on its own origin, none anywhere else.
 */
export function headersFor(
  url: string,
  sourceUrl: string,
  headers: RequestHeaders | undefined,
): RequestHeaders {
  try {
    return new URL(url).origin === new URL(sourceUrl).origin ? { ...headers } : {};
  } catch {
    return {};
  }
}
