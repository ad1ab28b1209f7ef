// Widgets against the alternative (@statuspage/status-widget): both on the same loopback page and
// feed, in headless Chromium, each loaded as its README says (ours: a module script; theirs: a
// classic script, dist/index.js as on unpkg). Scripts are served gzip-compressed (level 9).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/browser';
import { startServer } from '../tests/e2e/server';
import { heap, open, page, probe, serveFeed, until, type Kind } from './support/widget-pages';
import { median, sleep, type Row } from './support/stats';

const OURS = 'widgets/dist/standalone/incident-widgets.js';
const ALT = 'node_modules/@statuspage/status-widget/dist/index.js';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 45);
const G = 'widgets';

export async function run(ctx: { log(m: string): void }): Promise<Row[]> {
  const server = await startServer();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const gz: Record<Kind, Buffer> = {
      ours: gzipSync(readFileSync(OURS), { level: 9 }),
      alt: gzipSync(readFileSync(ALT), { level: 9 }),
    };
    for (const k of ['ours', 'alt'] as const)
      server.route(`/w/${k}.js`, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
        res.end(gz[k]);
      });
    // our on-demand files next to ours.js, as the README says (the feed client among them)
    const dir = OURS.replace(/\/[^/]+$/, '');
    for (const f of readdirSync(dir).filter(
      (f) => f.endsWith('.js') && !/^incident-widgets\.(iife\.)?js$/.test(f),
    )) {
      const body = gzipSync(readFileSync(`${dir}/${f}`), { level: 9 });
      server.route(`/w/${f}`, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
        res.end(body);
      });
    }
    const feed = serveFeed(server);
    const pages: [string, Kind, number, boolean][] = [];
    for (const k of ['ours', 'alt'] as const)
      for (const n of [1, 20]) pages.push([`/p/${k}-${n}`, k, n, false]);
    pages.push(['/p/ours-quiet', 'ours', 1, true], ['/p/ours-hidden', 'ours', 1, false]);
    pages.push(['/p/alt-hidden', 'alt', 1, false]);
    for (const [path, k, n, q] of pages) server.html(path, page(server, k, n, q));

    // 1. Bytes and time to banner: fresh context per run, ours and theirs interleaved.
    const t: Record<Kind, number[]> = { ours: [], alt: [] };
    const lt: Record<Kind, number[]> = { ours: [], alt: [] };
    const bytes: Record<Kind, number> = { ours: 0, alt: 0 };
    for (let i = 0; i < RUNS; i++) {
      for (const k of ['ours', 'alt'] as const) {
        const p = await open(browser, server, k, `/p/${k}-1`);
        const b = await until(p, (x) => x.painted !== null);
        const res = await p.evaluate(
          (u) => performance.getEntriesByName(u)[0] as PerformanceResourceTiming | undefined,
          `${server.origin}/w/${k}.js`,
        );
        t[k].push(b.painted! - (res?.startTime ?? 0));
        lt[k].push(b.longTaskMs);
        bytes[k] = res?.encodedBodySize ?? 0;
        await p.context().close();
      }
    }
    ctx.log(`time to banner: ours ${median(t.ours)} ms, alt ${median(t.alt)} ms`);
    const src77 = gzipSync(readFileSync(ALT.replace('index.js', 'src.77de5100.js')), { level: 9 });
    rows.push(
      {
        group: G,
        name: `ours: ${OURS} transferred (gzip -9, content-encoding gzip, body bytes)`,
        value: bytes.ours,
        unit: 'B',
        goal: `≤ 16384 B (size-budgets.json) and ≤ ⅓ of theirs (${Math.floor(bytes.alt / 3)} B)`,
        met: bytes.ours <= 16384 && bytes.ours * 3 <= bytes.alt,
      },
      {
        group: G,
        name: `theirs: status-widget dist/index.js transferred, same way (not counted: the webcomponents-bundle.js its README also loads from unpkg — not in node_modules; its demo build src.77de5100.js would be ${src77.length} B)`,
        value: bytes.alt,
        unit: 'B',
      },
    );
    const [to, ta] = [median(t.ours), median(t.alt)];
    const paint = `script request start → first frame after the text is in the shadow root (MutationObserver + rAF), median of ${RUNS}, cold cache`;
    rows.push(
      {
        group: G,
        name: `ours: time to banner, ${paint}`,
        value: to,
        samples: t.ours,
        unit: 'ms',
        goal: '≤ theirs',
        met: to <= ta,
      },
      { group: G, name: `theirs: time to banner, ${paint}`, value: ta, samples: t.alt, unit: 'ms' },
      {
        group: G,
        name: `ours: long-task time during load (median of ${RUNS}; max ${Math.max(...lt.ours).toFixed(0)} ms)`,
        value: median(lt.ours),
        samples: lt.ours,
        unit: 'ms',
      },
      {
        group: G,
        name: `theirs: long-task time during load (median of ${RUNS}; max ${Math.max(...lt.alt).toFixed(0)} ms)`,
        value: median(lt.alt),
        samples: lt.alt,
        unit: 'ms',
      },
    );

    // 2. Idle window: every scenario open at once, each in its own context; the feed does not change.
    const open1 = await Promise.all(pages.map(([path, k]) => open(browser, server, k, path)));
    await Promise.all(open1.map((p, i) => until(p, (b) => pages[i]![3] || b.inDom !== null)));
    for (const [i, [path]] of pages.entries())
      if (path.endsWith('hidden'))
        await open1[i]!.evaluate(() => (window as unknown as { __hide(): void }).__hide());
    await sleep(1000);
    const before = await Promise.all(open1.map(probe));
    const from = server.requests.length;
    ctx.log(`idle window ${WINDOW_S} s …`);
    await sleep(WINDOW_S * 1000);
    const after = await Promise.all(open1.map(probe));
    const seen = server.requests.slice(from);
    const perMin = 60 / WINDOW_S;
    const polls = WINDOW_S / 15;
    for (const [i, [path, k, n]] of pages.entries()) {
      const req = seen.filter(
        (r) => r.url.includes('summary.json') && r.headers.referer === server.origin + path,
      ).length;
      const wake = (after[i]!.wakeUps - before[i]!.wakeUps) * perMin;
      const who = `${k === 'ours' ? 'ours' : 'theirs'}, ${path.slice(3)}`;
      const ext = `counted at the server over ${WINDOW_S} s, ×${3600 / WINDOW_S} for an hour`;
      const hidden = path.endsWith('hidden');
      const quiet = path.endsWith('quiet');
      if (!quiet)
        rows.push({
          group: G,
          name: `${who}: requests per hour, feed unchanged (304s), ${n} widget(s)${k === 'ours' ? ', poll-interval 15 s' : ' (it fetches once at connect and never again)'}; ${ext}${n === 20 && k === 'ours' ? `; = ${(req / polls).toFixed(2)} per poll` : ''}`,
          value: req * (3600 / WINDOW_S),
          unit: 'req/h',
          ...(n === 20 && k === 'ours' ? { goal: '1 request per poll', met: req <= polls } : {}),
          ...(hidden && k === 'ours' ? { goal: '0 while hidden', met: req === 0 } : {}),
        });
      rows.push({
        group: G,
        name: `${who}: timer wake-ups per minute (setTimeout/setInterval/rAF/rIC callbacks counted by an init script over ${WINDOW_S} s${hidden ? '; hidden simulated by overriding document.visibilityState + visibilitychange' : quiet ? '; feed with nothing to show, wake-ups minus requests = ' + (wake - req * perMin) : ''})`,
        value: wake,
        unit: '/min',
        ...(hidden && k === 'ours' ? { goal: '0 while hidden', met: wake === 0 } : {}),
        ...(quiet ? { goal: '0 besides the polls', met: wake - req * perMin <= 0 } : {}),
      });
    }
    await Promise.all(open1.map((p) => p.context().close()));

    // 3. Heap after 100 feed changes, with Playwright's fake clock stepping 15 s per change.
    for (const k of ['ours', 'alt'] as const) {
      feed.ver = 0;
      const p = await open(browser, server, k, `/p/${k}-1`, true);
      await until(p, (b) => b.inDom !== null);
      const h0 = await heap(p);
      for (let v = 1; v <= 100; v++) {
        feed.ver = v;
        await p.clock.runFor(15_000);
        if (k === 'ours')
          for (const end = Date.now() + 5000; Date.now() < end; await sleep(5))
            if (
              await p.evaluate(
                (s) =>
                  document.querySelector('incident-banner')?.shadowRoot?.textContent?.includes(s),
                `Update #${v}`,
              )
            )
              break;
      }
      const shown = await p.evaluate(() =>
        [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? '').join(' '),
      );
      const last = k === 'ours' ? shown.includes('Update #100') : shown.includes('#100');
      const h1 = await heap(p);
      await p.context().close();
      rows.push({
        group: G,
        name: `${k === 'ours' ? 'ours' : 'theirs'}: JS heap after 100 feed changes (fake clock, 15 s per change; after load ${(h0 / 1024).toFixed(0)} KiB; shows change #100: ${last ? 'yes' : 'no'})`,
        value: Math.round(h1 / 1024),
        unit: 'KiB',
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
