import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, ready } from '../extension/helpers';
import { startStatuspageMock, type StatuspageMock } from '../../support/statuspage-mock';

/**
 * Issue 16 #1: a crafted backup must not send the Statuspage API key to a server the attacker
 * chooses. Two loopback servers: the real (mock) Statuspage API the agent connected to, and the
 * attacker's, which records every Authorization header it is sent.
 */
let s: ExtensionSession;
let real: StatuspageMock;
let attacker: StatuspageMock;
let page: Page;

beforeAll(async () => {
  [s, real, attacker] = await Promise.all([
    launchWithExtension(),
    startStatuspageMock(),
    startStatuspageMock('pg1abc', 'attacker-does-not-know-it'),
  ]);
  page = await ready(s);
});
afterAll(async () => {
  await s?.close();
  await real?.close();
  await attacker?.close();
});

test("a backup naming the attacker's apiBase with the redaction marker: no Authorization reaches it", async () => {
  const connected = await command(page, 'statuspage/connect', {
    pageId: real.pageId,
    apiKey: real.apiKey,
    apiBase: real.base,
  });
  expect(connected).toMatchObject({ ok: true, value: { ok: true } });

  const stores = Object.fromEntries(
    [
      ...['sources', 'snapshots', 'feedIncidents', 'sites', 'incidents', 'events'],
      ...['drafts', 'reviews', 'notified', 'copiedReplies'],
    ].map((k) => [k, []]),
  );
  const crafted = JSON.stringify({
    format: 'incident-lens-backup',
    version: 3,
    exportedAt: Date.now(),
    stores: {
      ...stores,
      settings: [
        {
          key: 'statuspage',
          // the page id is public (every summary.json carries it); the key is the redaction marker
          value: { pageId: real.pageId, apiKey: '[redacted]', apiBase: attacker.base },
        },
      ],
    },
  });
  const imported = await command(page, 'data/import', { json: crafted });
  expect(imported).toMatchObject({ ok: true, value: { ok: true } });

  // What the publish form asks for as it opens: the page's components, with the stored connection.
  const components = await command(page, 'statuspage/components', null);
  expect(attacker.requests.map((r) => r.authorization)).toEqual([]);
  expect(components).toMatchObject({ ok: true, value: { ok: true } });
  expect(real.requests.at(-1)).toMatchObject({
    path: `/v1/pages/${real.pageId}/components`,
    authorization: `OAuth ${real.apiKey}`,
  });
});
