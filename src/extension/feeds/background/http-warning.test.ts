import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { Sender } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { json, makeKit, spSummary } from '../../background/worker.test-kit';

/** Plain http feeds (issue 16 #16): accepted, but the source carries a warning. */
const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };

describe('an http feed on a host other than this machine', () => {
  test('is stored with a warning; https and loopback http are not; a move to https clears it', async () => {
    const kit = await makeKit();
    kit.net.respond = () => json(spSummary([]));
    const h = createHandlers(kit.deps);
    const add = (url: string) => h['sources/add']({ name: 'S', url, pollSeconds: 60 }, page);
    const plain = await add('http://status.example.com/api/v2/summary.json');
    expect(plain.warning).toBe('warn_httpFeed');
    expect((await add('https://status.example.com/api/v2/summary.json')).warning).toBeUndefined();
    expect((await add('http://127.0.0.1:8080/summary.json')).warning).toBeUndefined();
    const moved = await h['sources/update'](
      { id: plain.id, url: 'https://status.example.com/api/v2/summary.json' },
      page,
    );
    expect(moved.warning).toBeUndefined();
  });
});
