import { describe, expect, it } from 'vitest';
import { headerLines, headersFor, isRequestHeaders, parseHeaderLines } from './request-headers';

describe('request headers', () => {
  it('reads "Name: value" lines, skipping blank ones', () => {
    expect(parseHeaderLines('Authorization: Bearer abc:def\n\n  X-Api-Key:  k1  \n')).toEqual({
      headers: { Authorization: 'Bearer abc:def', 'X-Api-Key': 'k1' },
    });
    expect(headerLines({ Authorization: 'Bearer x', 'X-A': 'b' })).toBe(
      'Authorization: Bearer x\nX-A: b',
    );
  });

  it('refuses malformed lines, headers that undo the request policy, and control characters', () => {
    expect(parseHeaderLines('Bearer abc')).toEqual({
      error: 'Line 1: write a header as "Name: value".',
    });
    expect(parseHeaderLines('\nCookie: a=b')).toEqual({
      error: 'Line 2: the Cookie header cannot be set here.',
    });
    expect(parseHeaderLines('Origin: https://x')).toHaveProperty('error');
    expect(parseHeaderLines('X-A: a\u0007b')).toHaveProperty('error');
    expect(parseHeaderLines('X A: b')).toHaveProperty('error');
    expect(isRequestHeaders({ 'X-A': 'b' })).toBe(true);
    expect(isRequestHeaders({ Cookie: 'b' })).toBe(false);
    expect(isRequestHeaders({ 'X-A': 1 })).toBe(false);
  });

  it('sends the headers to the source origin only', () => {
    const h = { Authorization: 'Bearer t' };
    expect(headersFor('https://s.example/api/v2/summary.json', 'https://s.example/x', h)).toEqual(
      h,
    );
    expect(headersFor('https://evil.example/', 'https://s.example/x', h)).toEqual({});
    expect(headersFor('https://s.example:8443/', 'https://s.example/', h)).toEqual({});
    expect(headersFor('http://s.example/', 'https://s.example/', h)).toEqual({});
  });
});
