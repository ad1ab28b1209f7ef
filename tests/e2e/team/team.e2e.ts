import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, readStores } from '../extension/helpers';
import { connect as signIn } from './connect';
import { closedRoot } from '../extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../extension-ui/session';
import { until, untilValue } from '../support/wait';
import { spawnTeamServer, type TeamServerProcess } from '../../support/team-server';

/**
 * Team mode end to end: two Chromium profiles as responders (Ann, Bob) and a third as a support
 * agent (Cara: a feed source and the overlay on a ticket page), each signed in to the same
 * in-memory CouchDB-compatible server on loopback (a child process). No sync is mocked.
 */

let server: TeamServerProcess;
let a: ExtensionSession;
let b: ExtensionSession;
let agent: UiSession;
/** Ann's password now (the mid-session 401 test changes it). */
let annPassword = 'ann-pw';

beforeAll(async () => {
  server = await spawnTeamServer([
    ['ann', 'ann-pw'],
    ['bob', 'bob-pw'],
    ['cara', 'cara-pw'],
  ]);
  [a, b, agent] = await Promise.all([launchWithExtension(), launchWithExtension(), startUi()]);
  // A first tries a wrong password (the UI's error is checked here, before anyone is connected).
  const wrong = await connect(a, 'ann', 'wrong', 'Ann');
  await wrong.getByRole('alert').waitFor();
  wrongAlert = await wrong.getByRole('alert').textContent();
  wrongStatusCount = await status(wrong).count();
  await wrong.close();
  for (const [s, user, pw, name] of [
    [a, 'ann', 'ann-pw', 'Ann Responder'],
    [b, 'bob', 'bob-pw', 'Bob Responder'],
  ] as const) {
    const page = await connect(s, user, pw, name);
    await page.locator('.team-status[data-state="connected"]').waitFor({ timeout: 15_000 });
    await page.close();
  }
  // The agent: the overlay on the ticket page, signed in to the team too.
  await agent.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'the feed incident');
  await enableSiteFromOptions(agent);
  const page = await connect(agent.s, 'cara', 'cara-pw', 'Cara Agent');
  await page.locator('.team-status[data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.close();
}, 180_000);

let wrongStatusCount = -1;
let wrongAlert: string | null = null;

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), agent?.close()]);
  await server?.close();
});

/** Signs in through Options → Team on `s`; returns the options page. */
const connect = (s: ExtensionSession, user: string, password: string, display: string) =>
  signIn(server, s, user, password, display);

const status = (p: Page) => p.locator('.team-status');

test('a wrong password gives a clear message and left the browser local-only', () => {
  // (signed in with the wrong password in beforeAll: the alert said so, and no sync status showed)
  expect(wrongAlert).toBe('Wrong user name or password.');
  expect(wrongStatusCount).toBe(0);
});

test('A declares; B sees it within 10 s with who declared it; B marks a duty done and A sees it with B’s name', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  const declared = await command(pa, 'incidents/declare', {
    title: 'Checkout fails for EU customers',
    components: ['Checkout'],
    publiclyVisible: true,
  });
  expect(declared.ok).toBe(true);
  const id = (declared.value as { id: string }).id;
  const t0 = Date.now();
  const panel = await b.openPage('src/extension/sidepanel/index.html#/');
  const row = panel.locator('li.card', { hasText: 'Checkout fails for EU customers' });
  await expect.poll(() => row.count(), { timeout: 10_000, interval: 100 }).toBe(1);
  const seenAfter = Date.now() - t0;
  expect(await row.getByTestId('team-authors').textContent()).toBe(
    'Declared by Ann Responder · last: Ann Responder',
  );

  // B marks the status-page update done (the obligation of a declared incident).
  const marked = await command(panel, 'incidents/record', {
    id,
    type: 'obligation_met',
    obligationId: 'statuspage_initial',
  });
  expect(marked.ok).toBe(true);
  const panelA = await a.openPage('src/extension/sidepanel/index.html#/');
  const rowA = panelA.locator('li.card', { hasText: 'Checkout fails for EU customers' });
  await expect
    .poll(() => rowA.getByTestId('team-authors').textContent(), { timeout: 10_000, interval: 100 })
    .toBe('Declared by Ann Responder · last: Bob Responder');
  console.log(`[team e2e] A's declaration visible in B after ${seenAfter} ms`);
  await Promise.all([pa.close(), panel.close(), panelA.close()]);
});

test('offline edits stay local, are counted as waiting, and replicate when the server is back', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  await expect
    .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  await server.stop();
  try {
    const declared = await command(pa, 'incidents/declare', {
      title: 'Search is slow (declared offline)',
      components: ['Search'],
      publiclyVisible: false,
    });
    expect(declared.ok).toBe(true);
    await command(pa, 'team/syncNow', null);
    await expect
      .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('offline');
    // The declaration and its first timeline event: two documents wait.
    await expect
      .poll(() => status(pa).textContent(), { timeout: 15_000 })
      .toMatch(/^Team sync: offline since \d{1,2}:\d\d( [AP]M)? \S+, 2 changes waiting\.$/);
  } finally {
    await server.start();
  }
  await command(pa, 'team/syncNow', null);
  await expect
    .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  const panel = await b.openPage('src/extension/sidepanel/index.html#/');
  await expect
    .poll(
      () => panel.locator('li.card', { hasText: 'Search is slow (declared offline)' }).count(),
      {
        timeout: 15_000,
      },
    )
    .toBe(1);
  await Promise.all([pa.close(), panel.close()]);
});

test('the service worker stopped mid-replication: the data arrives anyway', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  const declared = await command(pa, 'incidents/declare', {
    title: 'Webhooks delayed',
    components: ['Webhooks'],
    publiclyVisible: true,
  });
  expect(declared.ok).toBe(true);
  await pa.close();
  // B's worker stops while nothing of B's is open; the next run resumes from its checkpoint.
  await b.stopWorker();
  const panel = await b.openPage('src/extension/sidepanel/index.html#/');
  await expect
    .poll(() => panel.locator('li.card', { hasText: 'Webhooks delayed' }).count(), {
      timeout: 15_000,
    })
    .toBe(1);
  await panel.close();
});

/** The agent's ticket page with the overlay's panel open; returns a reader of its closed root. */
async function agentOverlay() {
  const page = await agent.s.context.newPage();
  await page.goto(`${agent.server.origin}/ticket`);
  const root = await closedRoot(page);
  await until('the pill', () => root.exists('.pill'));
  await root.click('.pill');
  await until('the panel', () => root.exists('[role=dialog]'));
  return { page, root };
}

/** Syncs each profile once (in order), as the alarm would. */
const syncAll = async (...pages: Page[]) => {
  for (const p of pages) await command(p, 'team/syncNow', null);
};

test('A declares; B sees it within 10 s and marks the status-page update done; A and the agent’s overlay show it done with B’s name', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  const declared = await command(pa, 'incidents/declare', {
    title: 'Payments API returns 502',
    components: ['Checkout API'],
    publiclyVisible: true,
  });
  const id = (declared.value as { id: string }).id;
  const classified = await command(pa, 'incidents/classify', {
    id,
    answers: { featureCriticality: 'critical', brokenForAllEnterprise: true },
    severity: 2,
    overrideReason: 'Enterprise checkout is down.',
  });
  expect(classified.ok).toBe(true);
  const t0 = Date.now();
  const pb = await b.openPage(`src/extension/sidepanel/index.html#/incident/${id}/obligations`);
  const mark = pb.getByRole('button', { name: 'Mark done: Public status page updated' });
  await mark.waitFor({ timeout: 10_000 });
  console.log(`[team e2e] A's declaration visible in B after ${Date.now() - t0} ms`);
  await mark.click();
  await pb.locator('li.ob[data-rule="status_page"][data-state="met"]').waitFor();

  // A's checklist: met, by Bob.
  const panelA = await a.openPage(`src/extension/sidepanel/index.html#/incident/${id}/obligations`);
  await expect
    .poll(() => panelA.locator('li.ob[data-rule="status_page"] .met-by').textContent(), {
      timeout: 10_000,
      interval: 100,
    })
    .toBe(' by Bob Responder');

  // The agent's overlay: the incident, labelled internal, the duty done by Bob, no customer reply.
  const { page, root } = await agentOverlay();
  await until(
    'the internal incident in the agent’s overlay',
    async () => (await root.text('[data-testid=internal]')).includes('Declared by Ann Responder'),
    { timeout: 20_000 },
  );
  expect(await root.text('[data-testid=internal]')).toContain(
    'Internal, not on the status page yet',
  );
  const done = await untilValue(
    'the status-page update done by Bob in the agent’s overlay',
    () => root.text('.card[aria-label="Payments API returns 502"] .done-by'),
    (t) => t.includes('Public status page updated: done by Bob Responder at'),
    { timeout: 20_000 },
  );
  expect(done).toMatch(/done by Bob Responder at \d{1,2}:\d\d/);
  const card = '.card[aria-label="Payments API returns 502"]';
  expect(await root.text(card)).toContain('No customer reply until a public update exists.');
  expect(await root.exists(`${card} .reply-actions`)).toBe(false);
  await Promise.all([pa.close(), pb.close(), panelA.close(), page.close()]);
});

test("B marks a feed incident's customer notification done; the agent's overlay shows it done with B's name", async () => {
  // B watches the same status feed as the agent (its own source for the same URL).
  const feedUrl = `${agent.server.origin}/api/v2/summary.json`;
  const pb = await b.openPage('src/extension/options/index.html');
  await b.grantHost('http://127.0.0.1/*');
  const bobSource = async () =>
    ((await readStores(pb, ['sources'])).sources as { id: string; url: string }[]).find(
      (x) => x.url === feedUrl,
    );
  if (!(await bobSource())) {
    await pb.getByLabel('Name').fill('Acme (Bob)');
    await pb.getByLabel(/^Feed URL/).fill(feedUrl);
    await pb.getByLabel(/^Poll every/).fill('30');
    await pb.getByRole('button', { name: 'Add a source' }).click();
    await pb.getByRole('heading', { name: 'Acme (Bob)' }).waitFor();
  }
  const source = (await bobSource())!;
  await untilValue(
    "the feed incident in B's store",
    () => readStores(pb, ['feedIncidents']),
    (s) => s.feedIncidents.length > 0,
    { timeout: 20_000 },
  );
  const marked = await command(pb, 'feed/markDone', {
    sourceId: source.id,
    incidentId: 'inc-checkout',
    obligationId: 'customer_email',
  });
  expect(marked.ok).toBe(true);
  await syncAll(pb, agent.ext);
  const { page, root } = await agentOverlay();
  const text = await untilValue(
    'the customer notification done by Bob in the agent’s overlay',
    async () => {
      await command(agent.ext, 'team/syncNow', null);
      return root.text('.card[aria-label="Elevated errors on Checkout"] .done-by');
    },
    (t) => t.includes('done by Bob Responder'),
    { timeout: 20_000, every: 500 },
  );
  expect(text).toMatch(/^Customer notification.*: done by Bob Responder at \d{1,2}:\d\d/);
  // …and it is no longer a live duty with a "Mark done" button for the agent.
  expect(
    await root.exists(
      '.card[aria-label="Elevated errors on Checkout"] button[aria-label^="Mark done: Customer notification"]',
    ),
  ).toBe(false);
  await Promise.all([pb.close(), page.close()]);
});

test('both edit the same incident field offline; back online the later edit wins, the other is an "edited concurrently" event, no event lost', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  const pb = await b.openPage('src/extension/options/index.html#team');
  const declared = await command(pa, 'incidents/declare', {
    title: 'Login slow (concurrent edits)',
    components: ['Login'],
    publiclyVisible: true,
  });
  const id = (declared.value as { id: string }).id;
  const answers = { featureCriticality: 'significant', percentUsersAffected: 5 };
  const first = await command(pa, 'incidents/classify', {
    id,
    answers,
    severity: 3,
    overrideReason: 'Ann: a few login tickets',
  });
  expect(first.ok).toBe(true);
  await until(
    'B to hold the incident',
    async () => {
      await syncAll(pa, pb);
      const { incidents } = await readStores(pb, ['incidents']);
      return incidents.some((i) => (i as { id: string }).id === id);
    },
    { timeout: 20_000, every: 300 },
  );
  await server.stop();
  try {
    // Offline, each raises the severity: Ann to SEV-2, then Bob (later) to SEV-1.
    const ra = await command(pa, 'incidents/classify', {
      id,
      answers,
      severity: 2,
      overrideReason: 'Ann: more tickets',
    });
    const rb = await command(pb, 'incidents/classify', {
      id,
      answers,
      severity: 1,
      overrideReason: 'Bob: login down for all',
    });
    expect([ra.ok, rb.ok]).toEqual([true, true]);
    await syncAll(pa, pb);
    await expect.poll(() => status(pa).getAttribute('data-state')).toBe('offline');
  } finally {
    await server.start();
  }
  type Ev = { id: string; incidentId: string; type: string; text?: string; severity?: number };
  const read = async (p: Page) => {
    const s = await readStores(p, ['incidents', 'events']);
    return {
      severity: (s.incidents as { id: string; severity: number }[]).find((i) => i.id === id)
        ?.severity,
      events: (s.events as Ev[]).filter((e) => e.incidentId === id),
    };
  };
  const note =
    'Edited concurrently by Ann Responder: severity was set to 2; 1 was kept (the later edit).';
  const settled = (r: Awaited<ReturnType<typeof read>>) =>
    r.severity === 1 && r.events.some((e) => e.text === note) && r.events.length >= 5;
  await untilValue(
    'both to converge on the later edit with the lost one noted',
    async () => {
      await syncAll(pa, pb, pa, pb);
      return [await read(pa), await read(pb)];
    },
    (both) => both.every(settled),
    { timeout: 30_000, every: 500 },
  );
  for (const p of [pa, pb]) {
    const r = await read(p);
    expect(r.severity).toBe(1);
    // Every event of both survives: the declaration, three classifications and one note.
    expect(r.events.map((e) => `${e.type}:${e.severity ?? ''}:${e.text ?? ''}`).sort()).toEqual(
      [
        'classified:3:Ann: a few login tickets',
        'declared::',
        `note::${note}`,
        'reclassified:1:Bob: login down for all',
        'reclassified:2:Ann: more tickets',
      ].sort(),
    );
  }
  // The note shows on the incident's timeline, in words.
  const timeline = await b.openPage(`src/extension/sidepanel/index.html#/incident/${id}/timeline`);
  await timeline.getByText(note).waitFor({ timeout: 10_000 });
  await Promise.all([pa.close(), pb.close(), timeline.close()]);
});

test('the validate function refuses a forged author: a write as Bob from Ann’s signed-in browser', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  await expect
    .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  // Ann's browser holds her _session cookie; the document claims Bob wrote it.
  const res = await pa.evaluate(
    async ([url, db]) => {
      const r = await fetch(`${url}/${db}/incident:forged-e2e`, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'incident',
          author: { name: 'bob', display: 'Bob Responder' },
          createdBy: { name: 'bob', display: 'Bob Responder' },
          at: Date.now(),
          record: {
            id: 'forged-e2e',
            title: 'Forged',
            components: [],
            publiclyVisible: false,
            startedAt: 0,
            declaredAt: 0,
            status: 'open',
            severity: null,
            updatedAt: 0,
          },
        }),
      });
      return { status: r.status, body: (await r.json()) as { error?: string; reason?: string } };
    },
    [server.url, server.db] as const,
  );
  expect(res.status).toBe(403);
  expect(res.body.error).toBe('forbidden');
  expect(res.body.reason).toMatch(/author/i);
  const panel = await b.openPage('src/extension/sidepanel/index.html#/');
  await syncAll(panel);
  expect(await panel.locator('li.card', { hasText: 'Forged' }).count()).toBe(0);
  await Promise.all([pa.close(), panel.close()]);
});

test('a mid-session 401 (password changed on the server): a clear message and a reconnect button; nothing is lost; reconnecting resumes', async () => {
  const pa = await a.openPage('src/extension/options/index.html#team');
  await expect
    .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  const next = `${annPassword}-2`;
  await server.setPassword('ann', next);
  const declared = await command(pa, 'incidents/declare', {
    title: 'Exports stuck (declared after the password change)',
    components: ['Exports'],
    publiclyVisible: false,
  });
  expect(declared.ok).toBe(true);
  await command(pa, 'team/syncNow', null);
  await expect.poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 }).toBe('error');
  expect(await status(pa).textContent()).toMatch(
    /^Team sync: The server no longer accepts the sign-in of ann: sign in again\. Nothing is lost; changes wait here\..*changes? waiting\.$/,
  );
  const reconnect = pa.getByRole('button', { name: 'Sign in again' });
  await reconnect.waitFor();
  // Nothing was lost: the declaration is still here.
  const { incidents } = await readStores(pa, ['incidents']);
  expect(incidents.map((i) => (i as { title: string }).title)).toContain(
    'Exports stuck (declared after the password change)',
  );
  await pa.getByLabel('Server URL').fill(server.url);
  await pa.getByLabel('Database').fill(server.db);
  await pa.getByLabel('User name').fill('ann');
  await pa.getByLabel('Display name (optional)').fill('Ann Responder');
  await pa.getByLabel(/^Password/).fill(next);
  await reconnect.click();
  annPassword = next;
  await expect
    .poll(() => status(pa).getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  const panel = await b.openPage('src/extension/sidepanel/index.html#/');
  await until(
    'B to receive what waited in A',
    async () => {
      await syncAll(panel);
      return (await panel.locator('li.card', { hasText: 'Exports stuck' }).count()) === 1;
    },
    { timeout: 20_000, every: 300 },
  );
  await Promise.all([pa.close(), panel.close()]);
});

test("the internal holding line follows the agent's reply language: the team's German line when Deutsch is picked, the English one otherwise", async () => {
  const EN = 'We know about slow search and are working on it.';
  const DE = 'Die langsame Suche ist bekannt, wir arbeiten daran.';
  // A writes the team's holding line in both languages (Options → Templates does the same).
  const pa = await a.openPage('src/extension/options/index.html#team');
  for (const [lang, text] of [
    ['en', EN],
    ['de', DE],
  ] as const) {
    const r = await command(pa, 'settings/setTemplate', { lang, id: 'holding_line', text });
    expect(r.ok, r.error).toBe(true);
  }
  const title = 'Search results stale (holding line)';
  const declared = await command(pa, 'incidents/declare', {
    title,
    components: ['Search'],
    publiclyVisible: true,
  });
  expect(declared.ok).toBe(true);
  await agent.s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: agent.server.origin,
  });
  const card = `.card[aria-label="${title}"]`;
  const { page, root } = await agentOverlay();
  await until(
    "the team's holding line in the agent's overlay",
    async () => {
      await syncAll(pa, agent.ext);
      return root.exists(`${card} .copy-holding`);
    },
    { timeout: 30_000, every: 500 },
  );
  const copyIn = async (lang: 'en' | 'de') => {
    // Picks the language (again, if the ticket's stored choice, read on opening, came back after
    // the pick) until the card shows it with the team's line in it (no "English one" note).
    await until(
      `the reply language ${lang} with its own holding line`,
      async () => {
        // As the agent does: focus the picker and move to the language with the arrow keys.
        const now = await root.call<string>(
          `${card} .reply-lang select`,
          'function () { this.scrollIntoView({ block: "center" }); this.focus(); return this.value; }',
        );
        if (now !== lang) await page.keyboard.press(lang === 'de' ? 'ArrowDown' : 'ArrowUp');
        await syncAll(agent.ext);
        const shown = await root.call<string>(
          `${card} .reply-lang select`,
          'function () { return this.value; }',
        );
        return shown === lang && !(await root.text(`${card} .reply`)).includes('the English one');
      },
      { timeout: 20_000, every: 300 },
    );
    await page.evaluate(() => navigator.clipboard.writeText(''));
    // (the card may sit further down the panel: scrolled into view first, as the agent would)
    await root.call(
      `${card} .copy-holding`,
      'function () { this.scrollIntoView({ block: "center" }); }',
    );
    await root.click(`${card} .copy-holding`);
    return untilValue(
      'the holding line on the clipboard',
      () => page.evaluate(() => navigator.clipboard.readText()),
      (t) => t !== '',
    );
  };
  try {
    expect(await copyIn('de')).toBe(DE);
    expect(await copyIn('en')).toBe(EN);
  } finally {
    // (the other tests expect no holding line: the team's templates go back to none)
    for (const lang of ['en', 'de'])
      await command(pa, 'settings/setTemplate', { lang, id: 'holding_line', text: null });
    await Promise.all([pa.close(), page.close()]);
  }
});
