import { isObj } from '../../core/validate';
import { originPattern } from '../origins/match-patterns';
import type { StatuspageConnection } from './types';

/** The public Statuspage API. */
export const DEFAULT_API_BASE = 'https://api.statuspage.io';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Normalises an API base: trims, drops a trailing slash and a trailing `/v1` (the client adds it).
 * https is required; plain http is allowed only for a loopback host (a local test server).
 */
export function normaliseApiBase(
  input: string,
): { ok: true; base: string } | { ok: false; detail: string } {
  let url: URL;
  try {
    url = new URL(input.trim() === '' ? DEFAULT_API_BASE : input.trim());
  } catch {
    return { ok: false, detail: 'not_a_url' };
  }
  if (url.username || url.password) return { ok: false, detail: 'credentials_in_url' };
  if (url.search || url.hash) return { ok: false, detail: 'query_in_url' };
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, detail: 'https_required' };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return { ok: true, base: `${url.origin}${path}` };
}

/**
 * Checks a connection a view sent before it is stored: any value, as the view is not trusted.
 * Page ids are Statuspage's short alphanumeric ids. A missing API base is the public API.
 */
export function validateConnection(
  input: unknown,
): { ok: true; connection: StatuspageConnection } | { ok: false; detail: string } {
  const c = isObj(input) ? input : {};
  const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const pageId = textOf(c.pageId);
  const apiKey = textOf(c.apiKey);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(pageId)) return { ok: false, detail: 'bad_page_id' };
  if (apiKey === '' || /\s/.test(apiKey)) return { ok: false, detail: 'bad_api_key' };
  const base = normaliseApiBase(textOf(c.apiBase));
  if (!base.ok) return base;
  return { ok: true, connection: { pageId, apiKey, apiBase: base.base } };
}

/** The optional host permission pattern an API base needs (its port too, where the browser allows). */
export function hostPattern(apiBase: string): string {
  return originPattern(apiBase);
}

/** What may be shown of a key: its last four characters, never more (and nothing for short keys). */
export function keyHint(apiKey: string): string {
  return apiKey.length >= 12 ? `…${apiKey.slice(-4)}` : '…';
}
