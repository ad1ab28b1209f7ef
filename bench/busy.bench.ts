// The overlay on a busy page (issue 19, item 13): a 3,000-row ticket queue that changes every
// 250 ms, beside an open ticket. Main-thread script time over 15 s with the overlay on and off, in
// the same run (alternating), measured with CDP Performance.getMetrics. The overlay reads the ticket
// only when the ticket changes; before, it re-read body.innerText on every quiet period.
import type { Page } from 'playwright-core';
import { startUi, type UiSession } from '../tests/e2e/extension-ui/session';
import { median, sleep, type Row } from './support/stats';

const G = 'overlay';
const WINDOW_MS = Number(process.env.BENCH_BUSY_MS ?? 15_000);
const RUNS = Number(process.env.BENCH_BUSY_RUNS ?? 3);

function busyPage(): string {
  const rows = Array.from(
    { length: 3000 },
    (_, i) =>
      `<tr><td>#${5000 + i}</td><td>Customer ${i}</td><td class="s">open</td><td>Ana</td></tr>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Queue</title></head>
<body><main><h1>Payment fails at checkout</h1><p>Every card payment fails since 10:00.</p>
<h2>Queue</h2><table><tbody>${rows}</tbody></table></main>
<script>let n=0;const cells=document.querySelectorAll('td.s');
setInterval(()=>{n++;for(let i=n%50;i<cells.length;i+=50)cells[i].textContent=n%2?'pending':'open';},250);</script>
</body></html>`;
}

async function scriptMs(u: UiSession): Promise<{ ms: number; overlay: boolean }> {
  const page: Page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}/busy`, { waitUntil: 'load' });
  await sleep(1500); // injection and first read done
  const cdp = await u.s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const get = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')
      ?.value ?? 0) * 1000;
  const a = await get();
  await sleep(WINDOW_MS);
  const b = await get();
  const overlay = await page.evaluate(() => !!document.querySelector('div[data-incident-lens]'));
  await cdp.detach();
  await page.close();
  return { ms: b - a, overlay };
}

export async function run(ctx: { log(m: string): void }): Promise<Row[]> {
  const u = await startUi();
  try {
    await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    u.server.html('/busy', busyPage());
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const enabled of [true, false]) {
        const r = await u.cmd(enabled ? 'sites/enable' : 'sites/disable', {
          origin: u.server.origin,
        });
        if (!r.ok) throw new Error(r.error);
        const m = await scriptMs(u);
        if (m.overlay !== enabled) throw new Error(`overlay ${m.overlay}, expected ${enabled}`);
        (enabled ? on : off).push(m.ms);
        ctx.log(`${enabled ? 'on ' : 'off'} ${m.ms.toFixed(1)} ms`);
      }
    }
    const s = WINDOW_MS / 1000;
    return [
      {
        group: G,
        name: `busy page (3,000 rows, changes every 250 ms): main-thread script time per ${s} s, overlay ON, median of ${RUNS} (OFF in the same run: ${median(off).toFixed(1)} ms)`,
        value: median(on),
        unit: 'ms',
      },
      {
        group: G,
        name: `busy page: script time the overlay adds per ${s} s (median on − median off)`,
        value: median(on) - median(off),
        unit: 'ms',
      },
    ];
  } finally {
    await u.close();
  }
}
