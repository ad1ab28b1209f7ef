import { describe, expect, test } from 'vitest';
import { memoryStore, rateLimiter } from './rate-limit';

const takeMany = (l: ReturnType<typeof rateLimiter>, n: number, now: number) =>
  Promise.all(Array.from({ length: n }, () => l.take('https://help.acme.test', now)));

describe('the content-command limit across worker lives (issue 16, item 15)', () => {
  test('a worker that stops and starts again keeps counting the same window', async () => {
    const store = memoryStore();
    const first = rateLimiter(30, 60_000, store);
    expect((await takeMany(first, 40, 1_000)).filter(Boolean)).toHaveLength(30);
    // the worker stops; a new one reads the counts the old one left
    const second = rateLimiter(30, 60_000, store);
    expect(await second.take('https://help.acme.test', 20_000)).toBe(false);
    expect(await second.take('https://other.test', 20_000)).toBe(true);
    // the window ends a minute after it began, whichever worker is running
    expect(await second.take('https://help.acme.test', 61_000)).toBe(true);
  });

  test('a window that begins in the future (clock set back) does not lock a page out', async () => {
    const store = memoryStore();
    const l = rateLimiter(2, 60_000, store);
    await takeMany(l, 2, 500_000);
    expect(await rateLimiter(2, 60_000, store).take('https://help.acme.test', 1_000)).toBe(true);
  });

  test('an unreadable or tampered store starts afresh instead of failing every command', async () => {
    const broken = { load: () => Promise.reject(new Error('gone')), save: async () => undefined };
    expect(await rateLimiter(1, 60_000, broken).take('k', 0)).toBe(true);
    const odd = {
      load: async () => ({ k: { start: 'x', count: -1 } }) as never,
      save: async () => undefined,
    };
    expect(await rateLimiter(1, 60_000, odd).take('k', 0)).toBe(true);
  });
});
