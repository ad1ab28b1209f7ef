import { describe, expect, it } from 'vitest';
import { PATTERNS_HAVE_PORTS, everyPortOf, originPattern } from './match-patterns';

describe('host access and ports (issue 16 #16)', () => {
  it('Chrome: a pattern is one origin, port included, so localhost:3000 is not every port', () => {
    expect(PATTERNS_HAVE_PORTS).toBe(true); // the unit tests build as Chrome does
    expect(originPattern('http://localhost:3000/x')).toBe('http://localhost:3000/*');
    expect(originPattern('https://acme.zendesk.com:443/')).toBe('https://acme.zendesk.com/*');
    expect(originPattern('https://acme.zendesk.com/a/b')).toBe('https://acme.zendesk.com/*');
    expect(everyPortOf('http://localhost:3000/x')).toBeUndefined();
  });

  it('Firefox (no port in host permissions): every port of the host, and the UI is told', () => {
    expect(originPattern('http://localhost:3000/x', false)).toBe('http://localhost/*');
    expect(everyPortOf('http://localhost:3000/x', false)).toBe('localhost');
    expect(everyPortOf('https://acme.zendesk.com/', false)).toBeUndefined();
    expect(everyPortOf('https://acme.zendesk.com:443/', false)).toBeUndefined(); // default port
    expect(everyPortOf('not a url', false)).toBeUndefined();
  });
});
