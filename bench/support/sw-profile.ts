// A CPU profile of an extension's service worker through the browser's CDP session (Playwright
// opens CDP sessions on pages only): attach to the worker's target and talk to it through
// Target.sendMessageToTarget. For the team bench's BENCH_TEAM_PROFILE; prints the top functions.
import { writeFileSync } from 'node:fs';
import type { ExtensionSession } from '../../tests/e2e/browser';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export async function profileWorker(s: ExtensionSession) {
  const b = await s.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await b.send('Target.getTargets');
  const t = targetInfos.find((x) => x.type === 'service_worker' && x.url.includes(s.extensionId));
  if (!t) throw new Error('no service worker target');
  const { sessionId } = await b.send('Target.attachToTarget', {
    targetId: t.targetId,
    flatten: false,
  });
  let id = 0;
  const waiting = new Map<number, (r: unknown) => void>();
  b.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((ok) => {
      const n = ++id;
      waiting.set(n, ok);
      void b.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: n, method, params }),
      });
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 1000 });
  await send('Profiler.start');
  return {
    async stop(file: string): Promise<string> {
      const { profile } = (await send('Profiler.stop')) as {
        profile: { nodes: Node[]; samples: number[] };
      };
      writeFileSync(file, JSON.stringify(profile));
      await b.detach();
      const self = new Map<string, number>();
      const total = profile.samples.length;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const sid of profile.samples) {
        const n = byId.get(sid)!;
        const f = n.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + 1);
      }
      return [...self]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 25)
        .map(([k, v]) => `${((100 * v) / total).toFixed(1)}% ${k}`)
        .join('\n');
    },
  };
}
