import { describe, expect, it } from 'vitest';
import { feedUrlWarning, parseSiteInput, siteOrigin, validateSource } from './page-origin';

describe('origins and source validation', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(
      validateSource({
        name: 'A',
        url: 'https://s.example.com/api/v2/summary.json',
        pollSeconds: 30,
      }),
    ).toEqual({});
    expect(
      validateSource({ name: 'A', url: 'http://127.0.0.1:8080/x.json', pollSeconds: 60 }),
    ).toEqual({});
    // plain http elsewhere is allowed with a warning (issue 16 #16); other schemes are not
    expect(
      validateSource({ name: 'A', url: 'http://status.example.com/', pollSeconds: 60 }),
    ).toEqual({});
    expect(feedUrlWarning('http://status.example.com/')).toBe('warn_httpFeed');
    expect(feedUrlWarning('http://localhost:8080/x.json')).toBeUndefined();
    expect(feedUrlWarning('https://status.example.com/')).toBeUndefined();
    expect(validateSource({ name: 'A', url: 'ftp://s.example.com/', pollSeconds: 60 }).url).toBe(
      'err_urlHttps',
    );
    expect(validateSource({ name: ' ', url: 'nope', pollSeconds: 29 })).toEqual({
      name: 'err_nameRequired',
      url: 'err_urlInvalid',
      pollSeconds: 'err_pollMin',
    });
  });
  it('normalises typed sites and refuses non-web pages', () => {
    expect(parseSiteInput('acme.zendesk.com/agent/tickets/1')).toBe('https://acme.zendesk.com');
    expect(parseSiteInput('http://localhost:3000')).toBe('http://localhost:3000');
    expect(parseSiteInput('http://acme.com')).toBeNull();
    expect(siteOrigin('chrome://extensions/')).toBeNull();
    expect(siteOrigin(undefined)).toBeNull();
  });
});
