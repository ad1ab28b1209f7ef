import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axe, launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { hostPage, partText, watch } from './harness';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/statuspage');
const fixture = (n: string) => JSON.parse(readFileSync(resolve(FIXTURES, n), 'utf8'));
const CRITICAL = fixture('statuspage-embed-nyu-summary-critical-investigating.json');

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.origin + path);
  return page;
}
const feedRequests = (path: string) => server.requests.filter((r) => r.url.startsWith(path)).length;

describe('widgets in real Chromium', () => {
  test('banner renders the incident name from a feed served on localhost', async () => {
    server.json('/basic/summary.json', CRITICAL);
    server.html(
      '/basic',
      hostPage(
        '<incident-banner src="/basic/summary.json"></incident-banner><status-badge src="/basic/summary.json"></status-badge>',
      ),
    );
    const page = await open('/basic');
    const w = watch(page);
    await expect
      .poll(() => partText(page, 'incident-banner', 'name'))
      .toBe(CRITICAL.incidents[0].name);
    expect(await partText(page, 'status-badge', 'label')).toBe('Major system outage');
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector('incident-banner')!
            .shadowRoot!.querySelector('[role=alert] [part=name]') !== null,
      ),
    ).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('every Statuspage fixture renders without an error, truthfully', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(17);
    const page = await browser.newPage();
    const w = watch(page);
    server.html('/fixtures-page', hostPage(''));
    await page.goto(server.origin + '/fixtures-page');
    for (const f of files) {
      await page.evaluate((src) => {
        document.querySelector('main')!.innerHTML =
          `<h1>Fixture</h1><incident-banner src="${src}"></incident-banner><status-badge src="${src}"></status-badge>`;
      }, `/fixtures/${f}`);
      // The feed arrived: the badge shows a label (both elements get it from the one client).
      await page.waitForFunction(() =>
        document.querySelector('status-badge')?.shadowRoot?.querySelector('[part~=label]'),
      );
      const result = await page.evaluate(async () => {
        const b = document.querySelector('incident-banner')!;
        const s = document.querySelector('status-badge')!;
        await b.updateComplete;
        return {
          name: b.shadowRoot!.querySelector('[part=name]')?.textContent ?? null,
          indicator: s.indicator,
        };
      });
      const data = fixture(f);
      const open = [...(data.incidents ?? (data.incident_updates ? [data] : []))].filter(
        (i: { status: string }) => !['resolved', 'postmortem'].includes(i.status),
      );
      if (open.length) expect(result.name, f).toBeTruthy();
      if (f.includes('critical')) expect(result.indicator, f).toBe('critical');
      if (f === 'renku-ui-summary-operational.json') {
        expect(result.name).toBeNull();
        expect(result.indicator).toBe('none');
      }
      expect(result.indicator, f).toBeTruthy();
    }
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('hostile payloads: markup stays text, bad links dropped, failures keep the last good data', async () => {
    const hostile = structuredClone(CRITICAL);
    hostile.incidents[0].name =
      '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>Evil';
    hostile.incidents[0].incident_updates[0].body =
      '<script>window.pwned=3</script><b onclick=x>bold</b>';
    hostile.incidents[0].shortlink = 'javascript:window.pwned=4';
    hostile.page.url = 'data:text/html,<script>alert(1)</script>';
    server.json('/hostile/summary.json', hostile);
    let mode = 'good';
    server.route('/flaky/summary.json', (_req, res) => {
      const send = (status: number, body: string, type = 'application/json', headers = {}) => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      if (mode === 'good') return send(200, JSON.stringify(CRITICAL));
      if (mode === 'truncated') return send(200, JSON.stringify(CRITICAL).slice(0, 500));
      if (mode === 'html200') return send(200, '<!doctype html><h1>Oops</h1>', 'text/html');
      if (mode === 'types')
        return send(200, JSON.stringify({ page: 5, status: [], incidents: 'no', components: {} }));
      if (mode === 'huge')
        return send(200, JSON.stringify({ ...CRITICAL, pad: 'x'.repeat(2 * 1024 * 1024) }));
      if (mode === '500') return send(500, 'Internal error', 'text/plain');
      if (mode === '429') return send(429, 'slow', 'text/plain', { 'retry-after': '1' });
      if (mode === 'timeout') return; // never answers
    });
    server.html(
      '/hostile',
      hostPage(
        '<incident-banner src="/hostile/summary.json"></incident-banner><incident-banner id="f" src="/flaky/summary.json"></incident-banner><status-badge src="/flaky/summary.json"></status-badge>',
      ),
    );
    const page = await open('/hostile');
    const w = watch(page);
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toContain('Evil');
    const probe = await page.evaluate(() => {
      const root = document.querySelector('incident-banner')!.shadowRoot!;
      return {
        pwned: (window as unknown as { pwned?: number }).pwned ?? null,
        elements: root.querySelectorAll('img, script, b').length,
        link: root.querySelector('a')?.getAttribute('href') ?? null,
        body: root.querySelector('[part=body]')?.textContent,
      };
    });
    expect(probe.pwned).toBeNull();
    expect(probe.elements).toBe(0);
    expect(probe.link).toBeNull();
    expect(probe.body).toContain('bold');
    await expect.poll(() => partText(page, '#f', 'name')).toBe(CRITICAL.incidents[0].name);
    // The client's one warning per kind of problem is the sign it has handled that failure.
    const flakyWarnings = (kind = '') =>
      w.warnings.filter((x) => x.startsWith(`[incident-widgets] ${kind}`) && x.includes('/flaky/'));
    // 'timeout' before '429': once a server asked for Retry-After, coming back online does not
    // fetch at once, so nothing after it would be requested within the test.
    for (const m of ['truncated', 'html200', 'types', 'huge', '500', 'timeout', '429']) {
      mode = m;
      const warned = flakyWarnings().length;
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      // (a request that never answers is given up after the client's 10 s timeout)
      await expect
        .poll(() => flakyWarnings().length, {
          message: `${m}: handled`,
          timeout: m === 'timeout' ? 20_000 : 5000,
        })
        .toBeGreaterThan(warned);
      expect(await partText(page, '#f', 'name'), m).toBe(CRITICAL.incidents[0].name);
    }
    expect(flakyWarnings('timeout')).toHaveLength(1);
    // repeated failures: the last good data stays, marked "as of"
    await expect.poll(() => partText(page, '#f', 'stale')).toMatch(/^as of \d/);
    expect(await partText(page, 'status-badge', 'label')).toMatch(/Major system outage · as of/);
    expect(w.errors).toEqual([]);
    // one console warning per kind of problem, never an exception
    const kinds = w.warnings
      .filter((x) => x.startsWith('[incident-widgets]'))
      .map((x) => x.split(':')[0]);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    await page.close();
  }, 60_000);

  test('strict CSP with Trusted Types: renders with no violation', async () => {
    server.json('/csp/summary.json', CRITICAL);
    server.route('/csp/watch.js', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(
        "window.violations=[];document.addEventListener('securitypolicyviolation',e=>window.violations.push(e.violatedDirective+' '+e.blockedURI));",
      );
    });
    server.html(
      '/csp',
      hostPage(
        '<incident-banner src="/csp/summary.json"></incident-banner><status-badge src="/csp/summary.json"></status-badge>',
        '<script src="/csp/watch.js"></script>',
      ),
      {
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
      },
    );
    const page = await open('/csp');
    const w = watch(page);
    await expect
      .poll(() => partText(page, 'incident-banner', 'name'))
      .toBe(CRITICAL.incidents[0].name);
    const bg = await page.evaluate(
      () =>
        getComputedStyle(
          document.querySelector('incident-banner')!.shadowRoot!.querySelector('[part~=base]')!,
        ).backgroundColor,
    );
    expect(bg).not.toBe('rgba(0, 0, 0, 0)'); // styles applied (adoptedStyleSheets)
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('without constructable stylesheets the styles still apply, from a <style> element', async () => {
    server.json('/nocss/summary.json', CRITICAL);
    server.html(
      '/nocss',
      hostPage(
        '<incident-banner src="/nocss/summary.json"></incident-banner>',
        // as in a browser without constructable stylesheets (both methods arrived together)
        '<script>delete CSSStyleSheet.prototype.replace; delete CSSStyleSheet.prototype.replaceSync</script>',
      ),
    );
    const page = await open('/nocss');
    const w = watch(page);
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBeTruthy();
    const r = await page.evaluate(() => {
      const root = document.querySelector('incident-banner')!.shadowRoot!;
      return {
        adopted: root.adoptedStyleSheets.length,
        style: root.querySelectorAll('style').length,
        bg: getComputedStyle(root.querySelector('[part~=base]')!).backgroundColor,
      };
    });
    expect(r.adopted).toBe(0);
    expect(r.style).toBe(1);
    expect(r.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('hostile global CSS does not reach inside', async () => {
    server.json('/css/summary.json', CRITICAL);
    server.html(
      '/css',
      hostPage(
        '<incident-banner src="/css/summary.json"></incident-banner><status-badge src="/css/summary.json"></status-badge>',
        `<style>*{font-size:40px!important;color:hotpink!important;line-height:5!important;letter-spacing:1em!important;text-transform:uppercase!important;font-family:serif!important;visibility:hidden}div,p,a,span,button,strong,section{display:none!important;background:lime!important}html{direction:rtl}</style>`,
      ),
    );
    const page = await open('/css');
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBeTruthy();
    const s = await page.evaluate(() => {
      const el = document
        .querySelector('incident-banner')!
        .shadowRoot!.querySelector('[part=name]')!;
      const cs = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        size: cs.fontSize,
        color: cs.color,
        tt: cs.textTransform,
        vis: cs.visibility,
        w: box.width,
        ls: cs.letterSpacing,
      };
    });
    expect(s.size).toBe('14px');
    expect(s.color).not.toBe('rgb(255, 105, 180)');
    expect(s.tt).toBe('none');
    expect(s.vis).toBe('visible');
    expect(s.ls).toBe('normal');
    expect(s.w).toBeGreaterThan(0);
    await page.close();
  });

  test('axe-core: no violations, light and dark, every level', async () => {
    const levels = {
      critical: CRITICAL,
      major: fixture('statuspage-embed-nyu-summary-major-identified.json'),
      minor: fixture('stactus-github-incidents.json'),
      maint: fixture('statuspage-embed-nyu-summary-maintenance-in-progress.json'),
      ok: fixture('renku-ui-summary-operational.json'),
    };
    let body = '';
    for (const [k, v] of Object.entries(levels)) {
      server.json(`/axe/${k}.json`, v);
      body += `<incident-banner src="/axe/${k}.json" no-maintenance="${k === 'maint' ? '' : ''}"></incident-banner><p><status-badge src="/axe/${k}.json"></status-badge> <status-badge compact src="/axe/${k}.json"></status-badge></p>`;
    }
    server.html('/axe', hostPage(body.replaceAll(' no-maintenance=""', '')));
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.origin + '/axe');
      if (scheme === 'dark')
        await page.evaluate(
          () => (document.body.style.cssText = 'background:#0d1117;color:#e6edf3'),
        );
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document.querySelectorAll('incident-banner').length &&
              [...document.querySelectorAll('status-badge')].every(
                (b) => (b as unknown as { indicator: unknown }).indicator,
              ),
          ),
        )
        .toBe(true);
      const v = await axe(page);
      expect(v, scheme).toEqual([]);
      await page.close();
    }
  });

  test('theme overrides the colour scheme both ways, with no axe violation', async () => {
    server.json('/theme/summary.json', CRITICAL);
    const trio = ['auto', 'light', 'dark']
      .map(
        (t) =>
          `<incident-banner id="b-${t}" theme="${t}" src="/theme/summary.json"></incident-banner>` +
          `<p><status-badge id="s-${t}" theme="${t}" src="/theme/summary.json"></status-badge></p>`,
      )
      .join('');
    server.html('/theme', hostPage(trio));
    const seen: Record<string, Record<string, string>> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.goto(server.origin + '/theme');
      await expect.poll(() => partText(page, '#s-dark', 'label')).toBeTruthy();
      await expect.poll(() => partText(page, '#b-dark', 'name')).toBeTruthy();
      seen[scheme] = await page.evaluate(() => {
        const bg = (sel: string) =>
          getComputedStyle(document.querySelector(sel)!.shadowRoot!.querySelector('[part~=base]')!)
            .backgroundColor;
        const out: Record<string, string> = {};
        for (const t of ['auto', 'light', 'dark']) {
          out[`b-${t}`] = bg(`#b-${t}`);
          out[`s-${t}`] = bg(`#s-${t}`);
        }
        return out;
      });
      expect(await axe(page), scheme).toEqual([]);
      await page.close();
    }
    const { light, dark } = seen as Record<'light' | 'dark', Record<string, string>>;
    for (const w of ['b', 's']) {
      expect(light[`${w}-auto`], w).not.toBe(dark[`${w}-auto`]);
      // theme="light" looks light and theme="dark" looks dark, whatever the scheme
      for (const m of [light, dark]) {
        expect(m[`${w}-light`], w).toBe(light[`${w}-auto`]);
        expect(m[`${w}-dark`], w).toBe(dark[`${w}-auto`]);
      }
    }
  });

  test('the IIFE file works from a classic script, and a second copy of the widgets registers nothing', async () => {
    server.json('/iife/summary.json', CRITICAL);
    const body =
      '<incident-banner src="/iife/summary.json"></incident-banner><status-badge src="/iife/summary.json"></status-badge>';
    const iife = '<script src="/widgets/dist/standalone/incident-widgets.iife.js"></script>';
    server.html(
      '/iife',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>iife</title>${iife}</head><body><main>${body}</main></body></html>`,
    );
    // the ES file and the IIFE on one page: two copies of the widgets, one registration
    server.html('/twice', hostPage(body, iife));
    for (const path of ['/iife', '/twice']) {
      const page = await browser.newPage();
      const w = watch(page);
      await page.goto(server.origin + path);
      await expect
        .poll(() => partText(page, 'incident-banner', 'name'), { message: path })
        .toBe(CRITICAL.incidents[0].name);
      expect(await partText(page, 'status-badge', 'label'), path).toBe('Major system outage');
      expect(w.errors, path).toEqual([]);
      await page.close();
    }
  });

  test('events bubble out of a shadow root to the document (composed)', async () => {
    server.json('/composed/summary.json', CRITICAL);
    server.html('/composed', hostPage('<div id="app"></div>'));
    const page = await open('/composed');
    const got = await page.evaluate(async () => {
      const seen: string[] = [];
      let bothChanged!: () => void;
      const firstData = new Promise<void>((r) => (bothChanged = r));
      for (const type of [
        'incident-banner-change',
        'status-badge-change',
        'incident-banner-dismiss',
      ])
        document.addEventListener(type, (e) => {
          seen.push(`${type}:${e.composed}:${e.bubbles}`);
          if (seen.length === 2) bothChanged();
        });
      const root = document.getElementById('app')!.attachShadow({ mode: 'open' });
      root.innerHTML =
        '<incident-banner src="/composed/summary.json"></incident-banner><status-badge src="/composed/summary.json"></status-badge>';
      await firstData; // the banner's and the badge's first change
      const banner = root.querySelector('incident-banner')!;
      (banner.shadowRoot!.querySelector('[part=dismiss]') as HTMLElement).click();
      await banner.updateComplete; // the change event fires from the re-render
      return [...seen].sort();
    });
    expect(got).toEqual([
      'incident-banner-change:true:true',
      'incident-banner-change:true:true',
      'incident-banner-dismiss:true:true',
      'status-badge-change:true:true',
    ]);
    await page.close();
  });

  test('20 widgets on one page make one request per poll', async () => {
    server.json('/twenty/summary.json', CRITICAL);
    const tags = Array.from(
      { length: 10 },
      (_, i) =>
        `<incident-banner src="/twenty/summary.json" components="${i}"></incident-banner><status-badge src="/twenty/summary.json"></status-badge>`,
    ).join('');
    server.html('/twenty', hostPage(tags));
    const page = await open('/twenty');
    /** Feed responses the page has received in full (the browser's resource timing). */
    const received = () =>
      page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/twenty/summary.json')).length,
      );
    // Settled: every badge shows the feed, so every widget has subscribed and been served (a widget
    // fetching for itself would have had its own request answered by now).
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('status-badge')].every((b) =>
            b.shadowRoot?.querySelector('[part~=label]'),
          ),
        ),
      )
      .toBe(true);
    expect(await received()).toBe(1);
    expect(feedRequests('/twenty/')).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    // Settled: the page has received the next poll's answer.
    await expect.poll(received).toBe(2);
    expect(feedRequests('/twenty/')).toBe(2);
    await page.close();
  });

  test('across tabs one fetches; another takes over when it closes', async () => {
    server.json('/tabs/summary.json', CRITICAL);
    server.html(
      '/tabs',
      hostPage('<status-badge src="/tabs/summary.json" poll-interval="15"></status-badge>'),
    );
    const ctx = await browser.newContext();
    const a = await ctx.newPage();
    await a.goto(server.origin + '/tabs');
    await expect.poll(() => partText(a, 'status-badge', 'label')).toBeTruthy();
    const b = await ctx.newPage();
    await b.goto(server.origin + '/tabs');
    await expect.poll(() => partText(b, 'status-badge', 'label')).toBeTruthy();
    expect(feedRequests('/tabs/')).toBe(1);
    await a.close();
    await b.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => feedRequests('/tabs/'), { timeout: 20_000 }).toBe(2);
    await ctx.close();
  }, 40_000);

  test('fixed banners cause no layout shift; inline takes no space while hidden', async () => {
    // The incident arrives only once the page has painted without it (released below).
    let release!: () => void;
    const painted = new Promise<void>((r) => (release = r));
    server.route('/cls/summary.json', async (_req, res) => {
      await painted;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(CRITICAL));
    });
    server.json('/cls/ok.json', fixture('renku-ui-summary-operational.json'));
    server.html(
      '/cls',
      hostPage(
        `<incident-banner position="top" src="/cls/summary.json"></incident-banner><h1>App</h1><p>${'text '.repeat(200)}</p><incident-banner id="inline" src="/cls/ok.json"></incident-banner><p id="after">after</p><incident-banner position="bottom" src="/cls/summary.json"></incident-banner>`,
        `<script src="/cls/observe.js"></script>`,
      ),
    );
    server.route('/cls/observe.js', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(
        'window.cls=0;window.clsObserver=new PerformanceObserver(l=>{for(const e of l.getEntries())window.cls+=e.value});window.clsObserver.observe({type:"layout-shift",buffered:true});',
      );
    });
    const page = await open('/cls');
    const nextFrames = () =>
      page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    await nextFrames(); // the page has painted without the banners
    release();
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBeTruthy();
    await expect.poll(() => partText(page, '[position=bottom]', 'name')).toBeTruthy();
    await page.evaluate(
      () =>
        (document.getElementById('inline') as unknown as { updateComplete: Promise<boolean> })
          .updateComplete,
    );
    // Settled: the frame with the banners has been rendered, so any shift it caused is recorded.
    await nextFrames();
    const cls = await page.evaluate(() => {
      const w = window as unknown as { cls: number; clsObserver: PerformanceObserver };
      const pending = w.clsObserver.takeRecords() as (PerformanceEntry & { value: number })[];
      return w.cls + pending.reduce((sum, e) => sum + e.value, 0);
    });
    expect(cls).toBe(0);
    expect(
      await page.evaluate(() => document.getElementById('inline')!.getBoundingClientRect().height),
    ).toBe(0);
    await page.close();
  });

  // Every kind of binding the templates use is driven here, in the built standalone file, through
  // re-renders.
  test('push mode: more/less, dismiss by click, the tooltip list and re-renders', async () => {
    server.html(
      '/push',
      hostPage('<incident-banner locale="en"></incident-banner><status-badge></status-badge>'),
    );
    const page = await open('/push');
    const w = watch(page);
    const long = 'Customers cannot sign in. '.repeat(12).trim();
    const incident = (id: string, name: string, impact: string, body: string) => ({
      id,
      name,
      status: 'identified',
      impact,
      created_at: '2026-11-27T05:00:00Z',
      updated_at: '2026-11-27T05:10:00Z',
      shortlink: `https://stspg.io/${id}`,
      incident_updates: [
        { id: `${id}-u1`, status: 'identified', body, created_at: '2026-11-27T05:10:00Z' },
      ],
    });
    const feed = (incidents: unknown[]) => ({
      page: { id: 'p', name: 'Acme', url: 'https://status.example.com' },
      status: { indicator: 'none', description: 'All Systems Operational' },
      components: [],
      incidents,
      scheduled_maintenances: [],
    });
    const push = (data: unknown) =>
      page.evaluate(async (d) => {
        const els = [
          ...document.querySelectorAll<
            HTMLElement & { data: unknown; updateComplete: Promise<boolean> }
          >('incident-banner, status-badge'),
        ];
        for (const el of els) el.data = d;
        await Promise.all(els.map((el) => el.updateComplete));
      }, data);
    const state = () =>
      page.evaluate(() => {
        const b = document.querySelector('incident-banner')!.shadowRoot!;
        const s = document.querySelector('status-badge')!.shadowRoot!;
        const more = b.querySelector('[part=more]');
        return {
          base: b.querySelector('[part~=base]')?.getAttribute('part') ?? null,
          name: b.querySelector('[part=name]')?.textContent ?? null,
          body: b.querySelector('[part=body]')?.textContent ?? null,
          more: more ? [more.textContent, more.getAttribute('aria-expanded')] : null,
          link: b.querySelector('[part=link]')?.getAttribute('href') ?? null,
          badge: s.querySelector('[part~=base]')?.getAttribute('part') ?? null,
          tooltip: [...s.querySelectorAll('li')].map((li) => li.textContent),
        };
      });

    await push(
      feed([
        incident('a1', 'Sign-in failing', 'major', long),
        incident('b2', 'Slow exports', 'minor', 'Exports are slow.'),
      ]),
    );
    let st = await state();
    expect(st).toMatchObject({
      base: 'base major',
      name: 'Sign-in failing',
      more: ['More', 'false'],
      link: 'https://stspg.io/a1',
      badge: 'base major',
      tooltip: ['Sign-in failing', 'Slow exports'],
    });
    expect(st.body!.length).toBeLessThan(long.length);

    await page.locator('incident-banner [part=more]').click();
    st = await state();
    expect(st.more).toEqual(['Less', 'true']);
    expect(st.body).toBe(long);
    await page.locator('incident-banner [part=more]').click();
    expect((await state()).more).toEqual(['More', 'false']);

    // a new feed: parts change in place and the list shrinks
    await push(feed([incident('b2', 'Slow exports', 'minor', 'Exports are slow.')]));
    st = await state();
    expect(st).toMatchObject({
      base: 'base minor',
      name: 'Slow exports',
      body: 'Exports are slow.',
      more: null,
      badge: 'base minor',
      tooltip: ['Slow exports'],
    });

    const dismissed = page.evaluate(
      () =>
        new Promise<string>((r) =>
          document.addEventListener(
            'incident-banner-dismiss',
            (e) => r((e as CustomEvent<{ incident: { id: string } }>).detail.incident.id),
            { once: true },
          ),
        ),
    );
    await page.locator('incident-banner [part=dismiss]').click();
    expect(await dismissed).toBe('b2');
    await expect.poll(async () => (await state()).name).toBeNull();
    expect((await state()).badge).toBe('base minor');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  test('push mode: a normalised Feed renders without the parser; Statuspage JSON loads it once, and updateComplete waits for it', async () => {
    server.html('/push-parser', hostPage('<incident-banner></incident-banner>'));
    // (a fresh context: nothing cached; requests counted from here)
    const page = await (await browser.newContext()).newPage();
    const w = watch(page);
    const before = feedRequests('/widgets/dist/standalone/incident-widgets-statuspage.js');
    const parserRequests = () =>
      feedRequests('/widgets/dist/standalone/incident-widgets-statuspage.js') - before;
    await page.goto(server.origin + '/push-parser');
    const feed = {
      page: { name: 'Acme', url: 'https://status.example.com' },
      indicator: 'major',
      description: 'Partial outage',
      components: [],
      maintenances: [],
      incidents: [
        {
          id: 'n1',
          kind: 'incident',
          name: 'Normalised incident',
          status: 'identified',
          impact: 'major',
          severity: 2,
          createdAt: Date.now() - 60_000,
          updatedAt: Date.now() - 60_000,
          updates: [],
          components: [],
        },
      ],
    };
    const name = await page.evaluate(async (f) => {
      const el = document.querySelector('incident-banner') as HTMLElement & {
        data: unknown;
        updateComplete: Promise<boolean>;
      };
      await customElements.whenDefined('incident-banner');
      el.data = f;
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=name]')?.textContent ?? null;
    }, feed);
    expect(name).toBe('Normalised incident');
    expect(parserRequests()).toBe(0);
    const raw = structuredClone(CRITICAL) as { incidents: { name: string }[] };
    const shown = await page.evaluate(async (d) => {
      const el = document.querySelector('incident-banner') as HTMLElement & {
        data: unknown;
        updateComplete: Promise<boolean>;
      };
      el.data = d;
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=name]')?.textContent ?? null;
    }, raw);
    expect(shown).toBe(raw.incidents[0]!.name);
    expect(parserRequests()).toBe(1);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });

  test('RTL, reduced motion and Esc', async () => {
    server.json('/rtl/summary.json', CRITICAL);
    server.html(
      '/rtl',
      hostPage(
        '<div dir="rtl" lang="de"><incident-banner src="/rtl/summary.json"></incident-banner></div>',
      ),
    );
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await page.goto(server.origin + '/rtl');
    await expect
      .poll(() => partText(page, 'incident-banner', 'severity'))
      .toBe('Schwerer Systemausfall');
    const r = await page.evaluate(() => {
      const root = document.querySelector('incident-banner')!.shadowRoot!;
      const base = root.querySelector('[part~=base]')!;
      const cs = getComputedStyle(base);
      return { right: cs.borderRightWidth, left: cs.borderLeftWidth, anim: cs.animationName };
    });
    expect(r).toEqual({ right: '4px', left: '0px', anim: 'none' });
    await page.locator('incident-banner [part=link]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => partText(page, 'incident-banner', 'name')).toBeNull();
    await page.close();
  });
});

describe('SSR', () => {
  test('importing the built modules in Node runs nothing', async () => {
    const dist = resolve(import.meta.dirname, '../../../widgets/dist');
    const before = Object.keys(globalThis).sort();
    await import(resolve(dist, 'standalone/incident-widgets.js'));
    await import(resolve(dist, 'standalone/incident-widgets.iife.js'));
    const mod = await import(resolve(dist, 'index.js'));
    await import(resolve(dist, 'define.js'));
    expect(typeof mod.IncidentBanner).toBe('function');
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const added = Object.keys(globalThis).filter((k) => !before.includes(k));
    // Lit's own Node build may install its customElements shim; nothing of ours is registered.
    expect(
      added.filter((k) => k !== 'customElements' && !/^(lit|reactiveElement)/.test(k)),
    ).toEqual([]);
    const ce = (globalThis as { customElements?: { get(n: string): unknown } }).customElements;
    expect(ce?.get('incident-banner')).toBeUndefined();
  });
});
