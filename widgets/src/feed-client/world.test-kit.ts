/** Deterministic world for FeedClient tests: a manual clock, a fetch script, a tab bus, a lock. */
import { parseSummary } from '../../../src/core/feed/summary';
import * as formats from './formats';
import type { Channel, ClientDeps } from './feed-client';

export const flush = () => new Promise<void>((r) => setImmediate(r));

export class World {
  t = 1_000_000;
  hidden = false;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  /** Every request: url + headers + init. */
  requests: { url: string; headers: Record<string, string>; cache?: RequestCache }[] = [];
  respond: (url: string, signal: AbortSignal) => Promise<Response> = async () =>
    new Response('{}', { status: 200 });
  warnings: unknown[][] = [];
  private bus = new Set<Channel>();
  private locks = new Map<string, Promise<unknown>>();

  deps(over: Partial<ClientDeps> = {}): ClientDeps {
    return {
      parse: parseSummary,
      fetch: (url, init) => {
        this.requests.push({
          url,
          headers: { ...(init.headers as Record<string, string>) },
          cache: init.cache,
        });
        return this.respond(url, init.signal!);
      },
      now: () => this.t,
      setTimeout: (fn, ms) => {
        const id = ++this.seq;
        this.timers.set(id, { at: this.t + ms, fn });
        return id;
      },
      clearTimeout: (id) => void this.timers.delete(id as number),
      random: () => 0.5,
      hidden: () => this.hidden,
      warn: (...a) => void this.warnings.push(a),
      origin: 'https://app.example',
      channel: () => this.channel(),
      lock: (name, o, held) => this.lock(name, o, held),
      // already loaded: no real module load racing the manual clock
      formats: () => Promise.resolve(formats),
      ...over,
    };
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock forward, firing timers in order and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await flush();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await flush();
      await flush();
    }
    this.t = end;
    await flush();
  }

  channel(): Channel {
    const bus = this.bus;
    const ch: Channel = {
      onmessage: null,
      postMessage(m) {
        const data = structuredClone(m);
        for (const other of bus)
          if (other !== ch) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
      },
      close: () => void bus.delete(ch),
    };
    bus.add(ch);
    return ch;
  }

  /** `navigator.locks.request` stand-in: exclusive, first come first served, held until what
   * `held` returns settles; a request whose signal aborts before its turn rejects, never held. */
  lock(name: string, { signal }: { signal: AbortSignal }, held: () => unknown): Promise<unknown> {
    const granted = (this.locks.get(name) ?? Promise.resolve()).then(() => {
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      return held();
    });
    this.locks.set(
      name,
      granted.catch(() => {}),
    );
    return granted;
  }
}

export const json = (body: unknown, headers: Record<string, string> = {}, status = 200) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
