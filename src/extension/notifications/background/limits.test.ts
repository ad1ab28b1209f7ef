import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { DEFAULT_NOTIFICATIONS, setSetting } from '../../db/settings';
import type { SourceRecord } from '../../db/schema';
import { pollDue } from '../../feeds/background/poll';
import { refresh } from '../../background/refresh';
import {
  json,
  makeKit,
  MIN,
  spIncident,
  spSummary,
  type Kit,
  sampleSource,
} from '../../background/worker.test-kit';

/** Notification limits (issue 16 #7 and #9), measured on a feed that churns incident ids. */

const source = (id: string, name: string): SourceRecord =>
  sampleSource({ id, name, url: `https://${id}.test/api/v2/summary.json` });

/** `perPoll` incidents with ids never seen before, on every request. */
function churn(kit: Kit, perPoll: number): void {
  let n = 0;
  kit.net.respond = () =>
    json(spSummary(Array.from({ length: perPoll }, () => spIncident(`churn-${++n}`))));
}

/** `polls` alarm wakes a minute apart (each polls the due sources and refreshes). */
async function run(kit: Kit, polls: number, step = MIN): Promise<void> {
  for (let i = 0; i < polls; i++) {
    await pollDue(kit.deps); // (what an alarm tick does: lifecycle.ts needs the browser)
    await refresh(kit.deps);
    kit.clock.now += step;
  }
}

describe('an id-churning feed', () => {
  test('60 polls of 5 new ids each: notifications stay few (measured)', async () => {
    const kit = await makeKit();
    await setSetting(kit.db, 'notifications', { ...DEFAULT_NOTIFICATIONS, obligationDue: false });
    await kit.db.put('sources', source('acme', 'Acme status'));
    churn(kit, 5);
    await run(kit, 60);
    const count = kit.platform.notifications.length;
    console.info(`[measure] id-churning feed, 60 polls x 5 new ids: ${count} notifications`);
    expect(count).toBeLessThanOrEqual(8);
    expect(kit.platform.notifications[0]?.title).toBe('5 new incidents on Acme status');
  }, 60_000);

  test('a month of polls every 6 hours: the notified store stays bounded', async () => {
    const kit = await makeKit();
    await kit.db.put('sources', { ...source('acme', 'Acme status'), pollSeconds: 6 * 3600 });
    churn(kit, 3);
    const sizes: number[] = [];
    for (let day = 0; day < 30; day++) {
      await run(kit, 4, 6 * 60 * MIN);
      sizes.push(await kit.db.count('notified'));
    }
    console.info(
      `[measure] notified store after 10/20/30 days: ${sizes[9]}/${sizes[19]}/${sizes[29]}`,
    );
    // flat after the first week: a week of records (pruned after 7 days untouched), not a month's
    expect(sizes[29]).toBeLessThanOrEqual(sizes[9]! + 10);
    expect(sizes[29]).toBeLessThan(600);
  }, 60_000);
});

describe('merged and attributed (issue 16 #7)', () => {
  test('37 new incidents in one poll are one notification, named after the source', async () => {
    const kit = await makeKit();
    await kit.db.put('sources', source('acme', 'Acme status'));
    churn(kit, 37);
    await run(kit, 1);
    expect(kit.platform.notifications.map((n) => n.title)).toEqual([
      '37 new incidents on Acme status',
    ]);
  });

  test("one notice carries its source's name before the feed's own text", async () => {
    const kit = await makeKit();
    await setSetting(kit.db, 'notifications', { ...DEFAULT_NOTIFICATIONS, obligationDue: false });
    await kit.db.put('sources', source('acme', 'Acme status'));
    kit.net.respond = () =>
      json(spSummary([{ ...spIncident('x'), name: 'Your password expired: click here' }]));
    await run(kit, 1);
    expect(kit.platform.notifications.map((n) => n.title)).toEqual([
      'Acme status · SEV-2: Your password expired: click here',
    ]);
  });

  test('at most 4 notifications a minute across sources; the rest in one "more"', async () => {
    const kit = await makeKit();
    await setSetting(kit.db, 'notifications', { ...DEFAULT_NOTIFICATIONS, obligationDue: false });
    for (let i = 0; i < 10; i++) await kit.db.put('sources', source(`s${i}`, `Source ${i}`));
    churn(kit, 1);
    await run(kit, 1);
    const titles = kit.platform.notifications.map((n) => n.title);
    expect(titles).toHaveLength(4);
    expect(titles[3]).toBe('7 more notifications: open Incident Lens to see them');
  });
});

describe('a worker stop between claiming and showing (issue 16 #9)', () => {
  test('the notification is shown by the next wake, not lost', async () => {
    const kit = await makeKit();
    await setSetting(kit.db, 'notifications', { ...DEFAULT_NOTIFICATIONS, obligationDue: false });
    await kit.db.put('sources', source('acme', 'Acme status'));
    kit.net.respond = () => json(spSummary([spIncident('a')]));
    const notify = kit.platform.notify.bind(kit.platform);
    kit.platform.notify = () => Promise.reject(new Error('the worker stopped'));
    await run(kit, 1);
    expect(kit.platform.notifications).toEqual([]);
    kit.platform.notify = notify;
    const again = await kit.restart();
    await refresh(again.deps);
    await refresh(again.deps);
    expect(kit.platform.notifications.map((n) => n.title)).toEqual([
      'Acme status · SEV-2: Incident a',
    ]);
  });
});
