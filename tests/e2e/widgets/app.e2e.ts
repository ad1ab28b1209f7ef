// Issue 17: the widgets in a real app. Layout shift measured with a PerformanceObserver in the
// page (layout-shift entries, as Chromium reports them for CLS), at a desktop and a phone
// viewport; every incident reachable; maintenance with real times; the host's colour scheme;
// words, filters, strings and locales; keyboard and focus. WIDGETS_OLD=<dir> serves another
// build of the standalone folder instead (how the "before" numbers were taken).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axe, launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { BUNDLE, partText, watch } from './harness';
import {
  DESKTOP,
  OBSERVE_SCRIPT,
  PHONE,
  clickPage,
  cls as measure,
  heldFeed,
  observeCls,
  resetCls,
} from './layout-kit';
// @ts-expect-error -- plain ESM module without types (the demo server runs under node directly)
import { startDemo } from '../../../demo/server.mjs';

const OLD = process.env.WIDGETS_OLD;

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  if (OLD) server.route('/old/x', () => {}); // (placeholder so the map below is typed)
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The bundle URL: the built one, or the "before" copy. */
function bundle(): string {
  if (!OLD) return BUNDLE;
  for (const f of ['incident-widgets.js', ...readdirSync(OLD)])
    server.route(`/old/${f}`, (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(OLD, f)));
    });
  return '/old/incident-widgets.js';
}

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>App</title>${OBSERVE_SCRIPT}${head}
<script type="module" blocking="render" src="${bundle()}"></script></head><body><header><strong>Acme</strong></header>${body}<main><h1>Dashboard</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>'.repeat(12)}</main></body></html>`;
}

/** The CLS so far (layout-kit.ts: shifts within 500 ms of input left out, as CLS does). */
const cls = async (p: Page) => (await measure(p)).cls;

const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
function incident(id: string, name: string, impact: string, body: string, comps: string[] = []) {
  return {
    id,
    name,
    status: 'identified',
    impact,
    created_at: iso(NOW - 3_600_000),
    updated_at: iso(NOW - 600_000),
    shortlink: `https://stspg.io/${id}`,
    components: comps.map((c) => ({ id: `c-${c}`, name: c, status: 'major_outage' })),
    incident_updates: [
      { id: `${id}-u1`, status: 'identified', body, created_at: iso(NOW - 600_000) },
    ],
  };
}
function maintenance(id: string, status: string, start: number, end: number) {
  return {
    id,
    name: `Database upgrade ${id}`,
    status,
    impact: 'maintenance',
    created_at: iso(NOW - 86_400_000),
    updated_at: iso(NOW - 86_400_000),
    scheduled_for: iso(start),
    scheduled_until: iso(end),
    shortlink: `https://stspg.io/${id}`,
    incident_updates: [
      { id: `${id}-u`, status, body: 'Planned.', created_at: iso(NOW - 86_400_000) },
    ],
  };
}
function feed(incidents: unknown[], maintenances: unknown[] = [], components: string[] = []) {
  return {
    page: { id: 'p', name: 'Acme', url: 'https://status.example.com' },
    status: { indicator: 'none', description: 'All Systems Operational' },
    components: components.map((c) => ({ id: `c-${c}`, name: c, status: 'operational' })),
    incidents,
    scheduled_maintenances: maintenances,
  };
}
const SHORT = 'We are looking into it.';
const LONG =
  'Customers in every region cannot sign in or complete a checkout; we are rolling back. '
    .repeat(8)
    .trim();

async function open(
  path: string,
  viewport = DESKTOP,
  more: Parameters<Browser['newContext']>[0] = {},
) {
  const context = await browser.newContext({ viewport, ...more });
  const p = await context.newPage();
  await p.goto(server.origin + path);
  return p;
}
/** Pushes `data` into every matching element and waits for their renders. */
const push = (p: Page, sel: string, data: unknown) =>
  p.evaluate(
    async ([s, d]) => {
      const els = [
        ...document.querySelectorAll<
          HTMLElement & { data: unknown; updateComplete: Promise<boolean> }
        >(s),
      ];
      for (const el of els) el.data = d;
      await Promise.all(els.map((el) => el.updateComplete));
      await Promise.all(els.map((el) => el.updateComplete));
    },
    [sel, data] as const,
  );
/** Every banner's fade-in done (Chromium does not count a shift of what is not yet fully shown). */
const faded = (p: Page) =>
  p.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('incident-banner')].flatMap((b) =>
        b.shadowRoot!.getAnimations().map((a) => a.finished),
      ),
    ),
  );
const shadow = <T>(p: Page, sel: string, fn: string) =>
  p.evaluate(
    ([s, f]) => new Function('r', f!)(document.querySelector(s!)!.shadowRoot) as T,
    [sel, fn],
  );

describe('issue 17: layout', () => {
  for (const [name, viewport] of [
    ['1100×700', DESKTOP],
    ['375×667', PHONE],
  ] as const)
    test(`inline: a page load where nothing changed shifts nothing (${name})`, async () => {
      // the feed answers once the page has painted without it (held until the test releases it)
      const path = `/l-${viewport.width}`;
      const answer = heldFeed(server, `${path}/summary.json`, () =>
        feed([incident('a', 'Sign-in failing', 'major', SHORT)]),
      );
      server.html(path, page(`<incident-banner src="${path}/summary.json"></incident-banner>`));
      const p = await open(path, viewport);
      await answer.requested;
      expect(await partText(p, 'incident-banner', 'name')).toBeNull();
      answer.release();
      await expect.poll(() => partText(p, 'incident-banner', 'name')).toBe('Sign-in failing');
      // (it appeared mid-visit: it floats over the page until the reader's next click or key)
      const first = await cls(p);
      await p.reload();
      await expect.poll(() => partText(p, 'incident-banner', 'name')).toBe('Sign-in failing');
      const again = await cls(p);
      console.log(`CLS inline ${name}: first visit ${first}, next load ${again}`);
      expect(first).toBe(0);
      expect(again).toBeLessThanOrEqual(0.01);
      await p.context().close();
    });

  for (const [name, viewport] of [
    ['1100×700', DESKTOP],
    ['375×667', PHONE],
  ] as const)
    test(`appearing mid-visit, inline, top and bottom (page padded as the README shows), moves nothing until the reader's next click (${name})`, async () => {
      const path = `/mid-${viewport.width}`;
      server.html(
        path,
        page(
          '<incident-banner id="i" resolved-for="0"></incident-banner><incident-banner id="t" position="top"></incident-banner><incident-banner id="b" position="bottom" no-dismiss></incident-banner>',
          '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)} header{position:sticky;top:var(--incident-banner-block-size-top,0)}</style>',
        ),
      );
      const p = await open(path, viewport);
      await measure(p);
      await resetCls(p);
      await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', LONG)]));
      const region = (id: string) =>
        p.evaluate(
          (i) =>
            getComputedStyle(document.querySelector(i)!.shadowRoot!.querySelector('.region')!)
              .position,
          id,
        );
      expect([await region('#i'), await region('#t'), await region('#b')]).toEqual([
        'absolute',
        'fixed',
        'fixed',
      ]);
      const appeared = await measure(p);
      expect(await axe(p)).toEqual([]);
      // While floating each covers one line of the page: the severity and the name. The rest is
      // clipped (still in the accessibility tree, so the live region reads all of it) until the
      // reader's next click or key.
      const covers = () =>
        p.evaluate(() =>
          [...document.querySelectorAll('incident-banner')].map((b) =>
            Math.round(b.shadowRoot!.querySelector('.box')!.getBoundingClientRect().height),
          ),
        );
      const floating = await covers();
      console.log(`covered while floating, inline/top/bottom, ${name}: ${floating.join(' / ')} px`);
      for (const h of floating) expect(h).toBeLessThanOrEqual(48);
      expect(await partText(p, '#i', 'body')).toContain('rolling back');
      // the reader clicks the page: each banner takes its room, in answer to the click
      await clickPage(p);
      await expect.poll(() => region('#i')).toBe('static');
      console.log(`docked, inline/top/bottom, ${name}: ${(await covers()).join(' / ')} px`);
      const clicked = await measure(p);
      console.log(
        `CLS appearing mid-visit ${name}: ${appeared.cls}; after the click ${clicked.cls} (left out as input-driven: ${clicked.afterInput})`,
      );
      expect(appeared).toEqual({ cls: 0, afterInput: 0 });
      expect(clicked.cls).toBe(0);
      expect(clicked.afterInput).toBeGreaterThan(0);
      expect(await axe(p)).toEqual([]);
      await p.context().close();
    });

  /** The block size of each banner's region, and the sizes published on the document. */
  const rooms = (p: Page) =>
    p.evaluate(() => {
      const cs = getComputedStyle(document.documentElement);
      return {
        regions: [...document.querySelectorAll('incident-banner')].map((b) =>
          Math.round(b.shadowRoot!.querySelector('.region')!.getBoundingClientRect().height),
        ),
        top: cs.getPropertyValue('--incident-banner-block-size-top'),
        bottom: cs.getPropertyValue('--incident-banner-block-size-bottom'),
      };
    });

  for (const [name, viewport, more] of [
    ['1100×700', DESKTOP, {}],
    ['375×667, reduced motion', PHONE, { reducedMotion: 'reduce' as const }],
  ] as const)
    test(`going away mid-visit, inline, top and bottom, keeps the room until the reader's next click or key (${name})`, async () => {
      const path = `/away-${viewport.width}`;
      server.html(
        path,
        page(
          '<incident-banner id="i" resolved-for="0"></incident-banner><incident-banner id="t" position="top" resolved-for="0"></incident-banner><incident-banner id="b" position="bottom" resolved-for="0" no-dismiss></incident-banner>',
          '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)} header{position:sticky;top:var(--incident-banner-block-size-top,0)}</style>',
        ),
      );
      const p = await open(path, viewport, more);
      await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', LONG)]));
      await clickPage(p);
      await expect.poll(async () => (await rooms(p)).top).not.toBe('');
      const shown = await rooms(p);
      await measure(p);
      await resetCls(p);
      // the feed clears (the incident closed, resolved-for="0"): nothing shows, nothing moves
      await push(p, 'incident-banner', feed([]));
      for (const id of ['#i', '#t', '#b']) expect(await partText(p, id, 'name')).toBeNull();
      const gone = await measure(p);
      // (every shift counts here, also one within 500 ms of the click that docked them)
      const moved = gone.cls + gone.afterInput;
      console.log(`layout shift, going away without a reserve, ${name}: ${moved}`);
      expect(moved).toBe(0);
      expect(await rooms(p)).toEqual(shown);
      expect(await axe(p)).toEqual([]);
      // the reader's next key: the room goes, in answer to it (left out of CLS)
      await p.keyboard.press('Tab');
      await expect.poll(async () => (await rooms(p)).regions).toEqual([0, 0, 0]);
      const after = await measure(p);
      console.log(
        `CLS going away ${name}, after the key: ${after.cls} (left out as input-driven: ${after.afterInput})`,
      );
      expect(after.cls).toBe(0);
      expect(after.afterInput).toBeGreaterThan(0);
      expect(await rooms(p)).toEqual({ regions: [0, 0, 0], top: '', bottom: '' });
      await p.context().close();
    });

  test('inline, without a reserve: the Resolved time ending, a new incident into the kept room, a filter set by the app: nothing moves until the reader clicks', async () => {
    server.html('/away-more', page('<incident-banner resolved-for="1"></incident-banner>'));
    const p = await open('/away-more', PHONE);
    await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', SHORT)]));
    await clickPage(p);
    // (docked: the region has its room in the flow, no longer floating over the page)
    await expect
      .poll(() =>
        p.evaluate(
          () =>
            getComputedStyle(
              document.querySelector('incident-banner')!.shadowRoot!.querySelector('.region')!,
            ).position,
        ),
      )
      .toBe('static');
    const [room] = (await rooms(p)).regions;
    await faded(p);
    await measure(p);
    await resetCls(p);
    await push(p, 'incident-banner', feed([]));
    expect(await partText(p, 'incident-banner', 'severity')).toBe('Resolved');
    // (the box keeps its size as it turns to "Resolved", but the lines inside it move: the name
    // goes up beside the shorter label, a small shift inside the box, measured on its own)
    // (the box keeps its size as it turns to "Resolved", and so do the lines inside it: the name
    // beside the shorter label, the link below the update it replaced; every shift counts here)
    const resolving = await measure(p);
    console.log(
      `layout shift inside the box, turning to Resolved, 375×667: ${resolving.cls + resolving.afterInput}`,
    );
    expect(resolving).toEqual({ cls: 0, afterInput: 0 });
    await resetCls(p);
    await expect.poll(() => partText(p, 'incident-banner', 'name'), { timeout: 5000 }).toBeNull();
    expect((await rooms(p)).regions).toEqual([room]);
    // a new incident shows in the kept room (it does not float: the room is there)
    await push(
      p,
      'incident-banner',
      feed([incident('b', 'Checkout failing', 'critical', LONG, ['Checkout'])], [], ['Checkout']),
    );
    expect(await partText(p, 'incident-banner', 'name')).toBe('Checkout failing');
    expect((await rooms(p)).regions).toEqual([room]);
    expect(await axe(p)).toEqual([]);
    // the app filters it out
    await p.evaluate(async () => {
      const el = document.querySelector('incident-banner') as HTMLElement & {
        components: string;
        updateComplete: Promise<boolean>;
      };
      el.components = 'Billing';
      await el.updateComplete;
    });
    expect(await partText(p, 'incident-banner', 'name')).toBeNull();
    const moved = await measure(p);
    console.log(
      `layout shift, the Resolved time ends + new + filtered, 375×667: ${moved.cls + moved.afterInput}`,
    );
    expect(moved).toEqual({ cls: 0, afterInput: 0 });
    await clickPage(p);
    await expect.poll(async () => (await rooms(p)).regions).toEqual([0]);
    expect((await measure(p)).cls).toBe(0);
    await p.context().close();
  });

  for (const [name, viewport, more] of [
    ['1100×700', DESKTOP, {}],
    [
      '375×667, dark, reduced motion',
      PHONE,
      { colorScheme: 'dark' as const, reducedMotion: 'reduce' as const },
    ],
  ] as const)
    test(`turning to Resolved with no input moves nothing, inside the box or outside it, inline, top and bottom, until the reader's next key (${name})`, async () => {
      // A short name that fits beside "RESOLVED" but not beside "PARTIAL SYSTEM OUTAGE" on a phone
      // (it went up beside the shorter label: 0.0142), a long one that wraps either way, in
      // German; and a maintenance that ends while its banner still floats (appeared mid-visit).
      const wip = maintenance('m', 'in_progress', NOW - 3_600_000, NOW + 3_600_000);
      for (const [locale, label, resolved, open0, docked] of [
        [
          'en',
          'Partial system outage',
          'Resolved',
          [incident('a', 'Sign-in failing', 'major', SHORT)],
          true,
        ],
        [
          'de',
          'Teilweiser Systemausfall',
          'Behoben',
          [
            incident(
              'a',
              'Anmeldung und Bezahlung für Kunden in allen Regionen gestört',
              'major',
              SHORT,
            ),
          ],
          true,
        ],
        ['en', 'Service under maintenance', 'Resolved', [], false],
      ] as const) {
        const path = `/resolving-${viewport.width}-${locale}-${docked}`;
        server.html(
          path,
          page(
            ['inline', 'top', 'bottom']
              .map(
                (pos) =>
                  `<incident-banner id="${pos[0]}" position="${pos}" locale="${locale}"></incident-banner>`,
              )
              .join(''),
            '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)} header{position:sticky;top:var(--incident-banner-block-size-top,0)}</style>',
          ),
        );
        const p = await open(path, viewport, more);
        await push(p, 'incident-banner', docked ? feed([...open0]) : feed([], [wip]));
        await expect.poll(() => partText(p, '#b', 'severity')).toBe(label);
        if (docked) {
          await clickPage(p);
          await expect.poll(async () => (await rooms(p)).bottom).not.toBe('');
        }
        /** Where the name and the link lie in each banner, and the rooms taken. */
        const layout = async () => ({
          ...(await rooms(p)),
          at: await p.evaluate(() =>
            [...document.querySelectorAll('incident-banner')].flatMap((b) =>
              ['name', 'link'].map((part) => {
                const r = b.shadowRoot!.querySelector(`[part=${part}]`)!.getBoundingClientRect();
                return [part, Math.round(r.x), Math.round(r.y)];
              }),
            ),
          ),
        });
        const before = await layout();
        await faded(p);
        await measure(p);
        await resetCls(p);
        await push(p, 'incident-banner', feed([]));
        for (const id of ['#i', '#t', '#b'])
          expect(await partText(p, id, 'severity')).toBe(resolved);
        const turned = await measure(p);
        console.log(
          `layout shift turning to Resolved, inline/top/bottom, ${label}, ${docked ? 'docked' : 'floating'}, ${name}: ${turned.cls + turned.afterInput}`,
        );
        expect(turned).toEqual({ cls: 0, afterInput: 0 });
        expect(await layout()).toEqual(before);
        // the lines it replaced keep their room, unseen (and unread): no stale update under "Resolved"
        const seen = () =>
          p.evaluate(() =>
            [...document.querySelectorAll('incident-banner')].map((b) => {
              const body = b.shadowRoot!.querySelector('[part=body]');
              return body ? getComputedStyle(body).visibility : 'none';
            }),
          );
        expect(await seen()).toEqual(['hidden', 'hidden', 'hidden']);
        expect(await axe(p)).toEqual([]);
        // the reader's next key: the Resolved banners lay out anew, in answer to it (left out of CLS)
        await p.keyboard.press('Tab');
        await expect.poll(seen).toEqual(['none', 'none', 'none']);
        const after = await layout();
        // (docked, each Resolved box is smaller than the box it replaced)
        if (docked)
          for (const [i, h] of after.regions.entries()) expect(h).toBeLessThan(before.regions[i]!);
        expect((await measure(p)).cls).toBe(0);
        expect(await axe(p)).toEqual([]);
        await p.context().close();
      }
    });

  test('a longer update arriving moves nothing outside the box, inline, top and bottom on a padded page, until the reader clicks (both viewports)', async () => {
    server.html(
      '/longer',
      page(
        '<incident-banner id="i"></incident-banner><incident-banner id="t" position="top"></incident-banner><incident-banner id="b" position="bottom"></incident-banner>',
        '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)} header{position:sticky;top:var(--incident-banner-block-size-top,0)}</style>',
      ),
    );
    for (const viewport of [DESKTOP, PHONE]) {
      const p = await open('/longer', viewport);
      await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', SHORT)]));
      // (docked, at its full size, faded in)
      await clickPage(p);
      await expect.poll(async () => (await rooms(p)).bottom).not.toBe('');
      await faded(p);
      const shown = await rooms(p);
      const longer = feed([
        {
          ...incident('a', 'Sign-in failing', 'major', LONG),
          incident_updates: [
            { id: 'a-u2', status: 'identified', body: LONG, created_at: iso(NOW) },
          ],
        },
      ]);
      // one banner at a time, each on its own (the goal is per banner)
      for (const id of ['#i', '#t', '#b']) {
        await cls(p);
        await resetCls(p);
        await push(p, id, longer);
        expect(await partText(p, id, 'body')).toContain('rolling back');
        // (every shift counts here, also one within 500 ms of the click that docked them)
        const { cls: c, afterInput } = await measure(p);
        console.log(`CLS longer update, ${id}, ${viewport.width}: ${c + afterInput}`);
        // (the box keeps its size, a fixed one its published size; the lines inside may move a
        // little: the line under the update goes down, out of the box's view)
        expect(c + afterInput).toBeLessThan(0.01);
      }
      expect(await rooms(p)).toEqual(shown);
      // the reader can still open all of it
      await p.locator('#i [part=more]').click();
      expect(await partText(p, '#i', 'body')).toBe(LONG);
      await p.context().close();
    }
  });

  test('inline with reserved space: appearing, resolving and going away move nothing', async () => {
    server.html(
      '/reserved',
      page(
        '<incident-banner resolved-for="1"></incident-banner>',
        '<style>incident-banner{--incident-banner-reserve:9rem}</style>',
      ),
    );
    const p = await open('/reserved', PHONE);
    await cls(p);
    await resetCls(p);
    await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', LONG)]));
    await push(p, 'incident-banner', feed([]));
    expect(await partText(p, 'incident-banner', 'severity')).toBe('Resolved');
    await expect.poll(() => partText(p, 'incident-banner', 'name'), { timeout: 5000 }).toBeNull();
    const shift = await cls(p);
    console.log(`CLS inline reserved, appear + resolve + go: ${shift}`);
    expect(shift).toBe(0);
    await p.context().close();
  });

  test("the project's demo app at 375×667: the next page load shifts nothing", async () => {
    const demo = await startDemo({ port: 0, offsetMs: 110_000 });
    try {
      const context = await browser.newContext({ viewport: PHONE });
      await context.addInitScript(observeCls);
      const p = await context.newPage();
      await p.goto(`${demo.origin}/demo/app.html`);
      await expect
        .poll(() => partText(p, 'header + incident-banner', 'name'), { timeout: 10_000 })
        .toBeTruthy();
      const first = await cls(p);
      await p.reload();
      await expect.poll(() => partText(p, 'header + incident-banner', 'name')).toBeTruthy();
      const again = await cls(p);
      console.log(`CLS demo app 375×667: first visit ${first}, next load ${again}`);
      expect(again).toBeLessThanOrEqual(0.01);
      await context.close();
    } finally {
      await demo.close();
    }
  });

  test('fixed banners on a phone: capped at 25% of the viewport, size published, every control reachable', async () => {
    server.html(
      '/fixed',
      page(
        '<incident-banner position="top"></incident-banner><incident-banner position="bottom" no-dismiss></incident-banner>',
        '<style>body{padding-block:var(--incident-banner-block-size-top,0) var(--incident-banner-block-size-bottom,0)}</style>',
      ),
    );
    const p = await open('/fixed', PHONE);
    await push(
      p,
      'incident-banner',
      feed([incident('a', 'Sign-in failing for customers in every region', 'critical', LONG)]),
    );
    const sizes = () =>
      p.evaluate(() => {
        const rs = [...document.querySelectorAll('incident-banner')].map(
          (b) => b.shadowRoot!.querySelector('.region')!.getBoundingClientRect().height,
        );
        const cs = getComputedStyle(document.documentElement);
        return {
          regions: rs,
          top: cs.getPropertyValue('--incident-banner-block-size-top'),
          bottom: cs.getPropertyValue('--incident-banner-block-size-bottom'),
        };
      });
    let s = await sizes();
    for (const h of s.regions) expect(h).toBeLessThanOrEqual(PHONE.height * 0.25 + 0.5);
    // appeared mid-visit: the size is published at the reader's next click or key, so a page
    // padded by it moves only in answer to input
    expect([s.top, s.bottom]).toEqual(['', '']);
    await p.keyboard.press('Tab');
    await expect.poll(async () => (await sizes()).top).not.toBe('');
    s = await sizes();
    expect(parseFloat(s.top)).toBeCloseTo(s.regions[0]!, 0);
    expect(parseFloat(s.bottom)).toBeCloseTo(s.regions[1]!, 0);
    await p.locator('incident-banner[position=top] [part=more]').click();
    s = await sizes();
    expect(s.regions[0]).toBeLessThanOrEqual(PHONE.height * 0.25 + 0.5);
    // every control of both banners: scrolled into view inside the banner, it is what a tap hits
    for (const sel of [
      '[position=top] [part=more]',
      '[position=top] [part=link]',
      '[position=top] [part=dismiss]',
      '[position=bottom] [part=more]',
      '[position=bottom] [part=link]',
    ]) {
      const hit = await p.locator(`incident-banner${sel}`).evaluate((el) => {
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        const root = el.getRootNode() as ShadowRoot;
        return root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
      });
      expect(hit, sel).toBe(true);
    }
    expect(await p.locator('incident-banner[position=top] [part=more]').textContent()).toBe('Less');
    await p.locator('incident-banner[position=top] [part=dismiss]').click();
    await expect
      .poll(() =>
        p.evaluate(() =>
          getComputedStyle(document.documentElement).getPropertyValue(
            '--incident-banner-block-size-top',
          ),
        ),
      )
      .toBe('');
    await p.context().close();
  });
});

describe('issue 17: every incident reachable', () => {
  test('three incidents: the worst first with "+2 more"; dismissing it shows the next, after a reload too; no-dismiss ignores it', async () => {
    const three = feed([
      incident('c', 'Sign-in down', 'critical', SHORT),
      incident('m', 'Checkout slow', 'major', SHORT),
      incident('n', 'Exports delayed', 'minor', SHORT),
    ]);
    server.json('/three/summary.json', three);
    server.html(
      '/three',
      page(
        '<incident-banner id="a" src="/three/summary.json"></incident-banner><incident-banner id="b" no-dismiss src="/three/summary.json"></incident-banner>',
      ),
    );
    const p = await open('/three');
    const w = watch(p);
    await expect.poll(() => partText(p, '#a', 'name')).toBe('Sign-in down');
    expect(await partText(p, '#a', 'others')).toBe('+2 more');
    // They appeared mid-visit, floating over the page (#b over #a): the reader's first click
    // anywhere gives each its room.
    await clickPage(p);
    await p.locator('#a [part=others]').click();
    expect(
      await shadow<string[]>(
        p,
        '#a',
        "return [...r.querySelectorAll('[part=list] li')].map(l => l.textContent.replace(/\\s+/g,' ').trim())",
      ),
    ).toEqual(['Partial system outage: Checkout slow', 'Minor service outage: Exports delayed']);
    expect(await p.locator('#a [part=dismiss]').getAttribute('aria-label')).toBe(
      'Dismiss: Sign-in down',
    );
    await p.locator('#a [part=dismiss]').focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => partText(p, '#a', 'name')).toBe('Checkout slow');
    expect(await partText(p, '#a', 'others')).toBe('+1 more');
    // focus stays in the banner, on the next incident's Dismiss
    expect(
      await p.evaluate(() =>
        document.querySelector('#a')!.shadowRoot!.activeElement?.getAttribute('aria-label'),
      ),
    ).toBe('Dismiss: Checkout slow');
    expect(await partText(p, '#b', 'name')).toBe('Sign-in down');
    await p.reload();
    await expect.poll(() => partText(p, '#a', 'name')).toBe('Checkout slow');
    await expect.poll(() => partText(p, '#b', 'name')).toBe('Sign-in down');
    // dismiss the rest: focus lands on the banner's region, not <body>
    await p.locator('#a [part=dismiss]').click();
    await p.locator('#a [part=dismiss]').click();
    await expect.poll(() => partText(p, '#a', 'name')).toBeNull();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('a');
    expect(w.errors).toEqual([]);
    await p.context().close();
  });

  test('a resolved incident says "Resolved" for resolved-for seconds, then goes', async () => {
    server.html('/resolved', page('<incident-banner resolved-for="1"></incident-banner>'));
    const p = await open('/resolved');
    await push(p, 'incident-banner', feed([incident('a', 'Sign-in failing', 'major', SHORT)]));
    await push(p, 'incident-banner', feed([]));
    expect(await partText(p, 'incident-banner', 'severity')).toBe('Resolved');
    expect(await partText(p, 'incident-banner', 'name')).toBe('Sign-in failing');
    expect(await axe(p)).toEqual([]);
    await expect.poll(() => partText(p, 'incident-banner', 'name'), { timeout: 5000 }).toBeNull();
    await p.context().close();
  });
});

describe('issue 17: maintenance with real times', () => {
  for (const [zone, name] of [
    ['UTC', 'UTC'],
    ['America/New_York', 'EST'],
  ] as const)
    test(`scheduled, late and in progress, in ${zone}`, async () => {
      server.html(
        '/maint',
        page(
          '<incident-banner id="s"></incident-banner><incident-banner id="l"></incident-banner><incident-banner id="i"></incident-banner>',
        ),
      );
      const p = await open('/maint', DESKTOP, { timezoneId: zone });
      const start = Date.now() + 119 * 60_000;
      await push(p, '#s', feed([], [maintenance('s', 'scheduled', start, start + 2 * 3_600_000)]));
      await push(
        p,
        '#l',
        feed([], [maintenance('l', 'scheduled', Date.now() - 3_600_000, Date.now() + 3_600_000)]),
      );
      const end = Date.UTC(2030, 0, 15, 16, 0);
      await push(p, '#i', feed([], [maintenance('i', 'in_progress', Date.now() - 3_600_000, end)]));
      expect(await partText(p, '#s', 'time')).toBe('starts in 2 hours');
      const window = await partText(p, '#s', 'window');
      expect(window).toContain(name);
      expect(window).toContain('(2 hours)');
      expect(await partText(p, '#l', 'time')).toBe('was due to start 1 hour ago');
      expect(await partText(p, '#i', 'status')).toBe('In progress');
      expect(await partText(p, '#i', 'time')).toBe(
        zone === 'UTC' ? 'ends 4:00 PM UTC' : 'ends 11:00 AM EST',
      );
      expect(await axe(p)).toEqual([]);
      await p.context().close();
    });
});

describe('issue 17: theme, words, filters, strings, locales', () => {
  test("theme auto follows the host page's color-scheme, then the OS", async () => {
    const bg = (p: Page) =>
      shadow<string>(
        p,
        'incident-banner',
        "return getComputedStyle(r.querySelector('.box')).backgroundColor",
      );
    const data = feed([incident('a', 'Sign-in down', 'critical', SHORT)]);
    server.html(
      '/scheme-light',
      page('<incident-banner></incident-banner>', '<style>:root{color-scheme:light}</style>'),
    );
    server.html(
      '/scheme-dark',
      page('<incident-banner></incident-banner>', '<style>:root{color-scheme:dark}</style>'),
    );
    server.html('/scheme-none', page('<incident-banner></incident-banner>'));
    const light = 'rgb(255, 238, 238)';
    const dark = 'rgb(85, 17, 17)';
    for (const [path, os, want] of [
      ['/scheme-light', 'dark', light],
      ['/scheme-dark', 'light', dark],
      ['/scheme-none', 'dark', dark],
      ['/scheme-none', 'light', light],
    ] as const) {
      const p = await open(path, DESKTOP, { colorScheme: os });
      await push(p, 'incident-banner', data);
      expect(await bg(p), `${path} with the OS ${os}`).toBe(want);
      await p.context().close();
    }
  });

  test("theme auto follows a change of the host's color-scheme after load, without a reload", async () => {
    server.html(
      '/scheme-switch',
      page(
        '<aside id="theme" aria-label="Status"><incident-banner></incident-banner><status-badge></status-badge></aside>',
        '<style>:root{color-scheme:light} .dark{color-scheme:dark}</style>',
      ),
    );
    const p = await open('/scheme-switch', DESKTOP, { colorScheme: 'light' });
    await push(
      p,
      'incident-banner, status-badge',
      feed([incident('a', 'Sign-in down', 'critical', SHORT)]),
    );
    const colours = () =>
      p.evaluate(() =>
        ['incident-banner', 'status-badge'].map((t) => {
          const r = document.querySelector(t)!.shadowRoot!;
          return getComputedStyle(r.querySelector('.box, .badge')!).backgroundColor;
        }),
      );
    const light = await colours();
    expect(light[0]).toBe('rgb(255, 238, 238)');
    // the app's own theme switch: a class on an ancestor, then the root's style
    await p.evaluate(() => document.querySelector('#theme')!.classList.add('dark'));
    await expect
      .poll(colours)
      .toEqual([expect.stringMatching(/^rgb\(85, 17, 17\)$/), expect.anything()]);
    const dark = await colours();
    expect(dark[1]).not.toBe(light[1]);
    expect(await axe(p)).toEqual([]);
    await p.evaluate(() => {
      document.querySelector('#theme')!.classList.remove('dark');
      document.documentElement.style.colorScheme = 'dark';
    });
    await expect.poll(colours).toEqual(dark);
    await p.evaluate(() => (document.documentElement.style.colorScheme = 'light'));
    await expect.poll(colours).toEqual(light);
    await p.context().close();
  });

  test('the banner and the badge use the same words; a name with a comma filters; an unknown one warns once', async () => {
    server.html(
      '/words',
      page(
        '<incident-banner id="w"></incident-banner><status-badge></status-badge><incident-banner id="c" components=\'["Checkout, EU"]\'></incident-banner><incident-banner id="u" components="Nope"></incident-banner>',
      ),
    );
    const p = await open('/words');
    const w = watch(p);
    const data = feed(
      [incident('a', 'Checkout failing', 'major', SHORT, ['Checkout, EU'])],
      [],
      ['Checkout, EU', 'API'],
    );
    await push(p, 'incident-banner, status-badge', data);
    expect(await partText(p, '#w', 'severity')).toBe(await partText(p, 'status-badge', 'label'));
    expect(await partText(p, '#c', 'name')).toBe('Checkout failing');
    expect(await partText(p, '#u', 'name')).toBeNull();
    await push(p, '#u', data);
    expect(w.warnings.filter((m) => m.includes('Nope'))).toHaveLength(1);
    // the property takes an array, and ids match
    await p.evaluate(
      () =>
        ((document.querySelector('#u') as unknown as { components: string[] }).components = [
          'c-API',
          'c-Checkout, EU',
        ]),
    );
    await expect.poll(() => partText(p, '#u', 'name')).toBe('Checkout failing');
    await p.context().close();
  });

  test('custom strings, a registered locale and every built-in locale', async () => {
    const tags = ['fr', 'es', 'pt-BR', 'ja', 'de'];
    server.html(
      '/strings',
      page(
        `<incident-banner id="own"></incident-banner><incident-banner id="nl" locale="nl"></incident-banner>${tags.map((t) => `<incident-banner locale="${t}" id="l-${t}"></incident-banner>`).join('')}`,
      ),
    );
    const p = await open('/strings');
    await p.evaluate(() => {
      const el = document.querySelector('#own') as HTMLElement & { strings: unknown };
      el.strings = { link: 'Our status', page: { major: 'Some things are broken' } };
      const C = customElements.get('incident-banner') as unknown as {
        registerLocale(l: string, c: unknown): void;
      };
      const en = {
        status: {},
        page: { major: 'Gedeeltelijke storing' },
        component: {},
        link: 'Statuspagina',
      };
      C.registerLocale('nl', {
        ...en,
        updated: 'bijgewerkt {t}',
        justNow: 'zojuist',
        dismiss: 'Sluiten: {t}',
        more: 'Meer',
        less: 'Minder',
        others: '+{t} meer',
        status: { identified: 'Oorzaak gevonden' },
      });
    });
    await push(p, 'incident-banner', feed([incident('a', 'Checkout failing', 'major', SHORT)]));
    expect(await partText(p, '#own', 'link')).toBe('Our status');
    expect(await partText(p, '#own', 'severity')).toBe('Some things are broken');
    expect(await partText(p, '#own', 'status')).toBe('Identified');
    expect(await partText(p, '#nl', 'link')).toBe('Statuspagina');
    const want = {
      fr: 'Page d’état',
      es: 'Página de estado',
      'pt-BR': 'Página de status',
      ja: 'ステータスページ',
      de: 'Statusseite',
    };
    for (const t of tags)
      await expect.poll(() => partText(p, `#l-${t}`, 'link')).toBe(want[t as keyof typeof want]);
    expect(await partText(p, '#l-ja', 'time')).toMatch(/^\d+ 分前に更新$/);
    await p.context().close();
  });
});

describe('issue 17: keyboard and focus', () => {
  test('the badge tooltip: in the top layer (never clipped), Escape closes it, the focus ring shows on a dark header', async () => {
    server.html(
      '/tip',
      page(
        '<div style="overflow:hidden;height:2.2em;background:#111;padding:4px"><status-badge></status-badge></div>',
      ),
    );
    const p = await open('/tip');
    await push(p, 'status-badge', feed([incident('a', 'Checkout failing', 'major', SHORT)]));
    await p.keyboard.press('Tab');
    const tip = () =>
      shadow<{ open: boolean; hit: boolean }>(
        p,
        'status-badge',
        "const t = r.querySelector('.tooltip'); const b = t.getBoundingClientRect(); const open = t.matches(':popover-open') || getComputedStyle(t).display !== 'none'; return { open, hit: open && b.height > 0 && r.elementFromPoint(b.x + b.width / 2, b.y + b.height - 4) !== null && t.contains(r.elementFromPoint(b.x + b.width / 2, b.y + b.height - 4)) };",
      );
    await expect.poll(tip).toEqual({ open: true, hit: true });
    const ring = await shadow<string>(
      p,
      'status-badge',
      "return getComputedStyle(r.querySelector('.badge')).boxShadow",
    );
    expect(ring).not.toBe('none');
    await p.keyboard.press('Escape');
    expect((await tip()).open).toBe(false);
    expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('STATUS-BADGE');
    expect(await axe(p, { include: 'status-badge' })).toEqual([]);
    await p.context().close();
  });

  test('axe: the list open, a scheduled maintenance, a fixed banner, light and dark', async () => {
    server.html(
      '/axe17',
      page(
        '<incident-banner id="x"></incident-banner><incident-banner id="y" theme="dark"></incident-banner><incident-banner id="z" position="bottom"></incident-banner>',
      ),
    );
    const p = await open('/axe17', PHONE);
    const start = Date.now() + 3_600_000;
    await push(
      p,
      'incident-banner',
      feed(
        [incident('a', 'Sign-in down', 'critical', LONG), incident('b', 'Slow', 'minor', SHORT)],
        [maintenance('m', 'scheduled', start, start + 3_600_000)],
      ),
    );
    expect(await axe(p)).toEqual([]); // floating (appeared mid-visit)
    await clickPage(p);
    await p.locator('#x [part=others]').click();
    await p.locator('#y [part=others]').click();
    expect(await axe(p)).toEqual([]);
    await p.context().close();
  });
});
