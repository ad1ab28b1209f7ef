import { describe, expect, it } from 'vitest';
import { hostPattern, keyHint, normaliseApiBase, validateConnection } from './config';

describe('statuspage config', () => {
  it('requires https except on loopback', () => {
    expect(normaliseApiBase('https://api.statuspage.io/v1/')).toEqual({
      ok: true,
      base: 'https://api.statuspage.io',
    });
    expect(normaliseApiBase('')).toEqual({ ok: true, base: 'https://api.statuspage.io' });
    expect(normaliseApiBase('http://127.0.0.1:4567')).toEqual({
      ok: true,
      base: 'http://127.0.0.1:4567',
    });
    expect(normaliseApiBase('http://localhost:1/x/')).toEqual({
      ok: true,
      base: 'http://localhost:1/x',
    });
    expect(normaliseApiBase('http://api.statuspage.io')).toEqual({
      ok: false,
      detail: 'https_required',
    });
    expect(normaliseApiBase('ftp://127.0.0.1')).toEqual({ ok: false, detail: 'https_required' });
    expect(normaliseApiBase('nope')).toEqual({ ok: false, detail: 'not_a_url' });
    expect(normaliseApiBase('https://u:p@x.io')).toEqual({
      ok: false,
      detail: 'credentials_in_url',
    });
  });
  it('validates page id and key', () => {
    const base = { pageId: ' pg1 ', apiKey: ' k-123456789012 ', apiBase: 'https://a.io' };
    expect(validateConnection(base)).toEqual({
      ok: true,
      connection: { pageId: 'pg1', apiKey: 'k-123456789012', apiBase: 'https://a.io' },
    });
    expect(validateConnection({ ...base, pageId: 'a/b' })).toEqual({
      ok: false,
      detail: 'bad_page_id',
    });
    expect(validateConnection({ ...base, apiKey: '  ' })).toEqual({
      ok: false,
      detail: 'bad_api_key',
    });
  });
  it('answers a payload that is not a connection with a reason, not a crash', () => {
    expect(validateConnection(null)).toEqual({ ok: false, detail: 'bad_page_id' });
    expect(validateConnection({ pageId: 42, apiKey: 'k', apiBase: '' })).toEqual({
      ok: false,
      detail: 'bad_page_id',
    });
    expect(validateConnection({ pageId: 'pg1', apiKey: ['k'], apiBase: '' })).toEqual({
      ok: false,
      detail: 'bad_api_key',
    });
    expect(validateConnection({ pageId: 'pg1', apiKey: 'k-1', apiBase: 7 })).toEqual({
      ok: true,
      connection: { pageId: 'pg1', apiKey: 'k-1', apiBase: 'https://api.statuspage.io' },
    });
  });
  it('derives a host pattern for the API origin (port included) and a key hint that shows at most four characters', () => {
    expect(hostPattern('http://127.0.0.1:4567')).toBe('http://127.0.0.1:4567/*');
    expect(keyHint('abcdefghijklmnop')).toBe('…mnop');
    expect(keyHint('short')).toBe('…');
  });
});
