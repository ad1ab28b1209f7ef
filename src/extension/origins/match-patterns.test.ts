import { describe, expect, it } from 'vitest';
import { everyPortOf, originPattern } from './match-patterns';

describe('host access and ports (issue 16 #16)', () => {
  it('a pattern covers every port of its host, and a URL with a port is said to', () => {
    expect(originPattern('http://localhost:3000/x')).toBe('http://localhost/*');
    expect(everyPortOf('http://localhost:3000/x')).toBe('localhost');
    expect(everyPortOf('https://acme.zendesk.com/')).toBeUndefined();
    expect(everyPortOf('https://acme.zendesk.com:443/')).toBeUndefined(); // the default port
    expect(everyPortOf('not a url')).toBeUndefined();
  });
});
