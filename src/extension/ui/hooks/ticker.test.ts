import { describe, expect, it } from 'vitest';
import { createTicker, type TickerEnv } from './ticker';

function fakeEnv() {
  let now = 0;
  let visible = true;
  const timers = new Map<number, () => void>();
  let next = 1;
  let onVis: (() => void) | null = null;
  const env: TickerEnv = {
    now: () => now,
    setInterval: (fn) => (timers.set(next, fn), next++),
    clearInterval: (h) => void timers.delete(h as number),
    visible: () => visible,
    onVisibility: (fn) => ((onVis = fn), () => (onVis = null)),
  };
  return {
    env,
    timers,
    advance(ms: number) {
      now += ms;
      for (const fn of timers.values()) fn();
    },
    setVisible(v: boolean) {
      visible = v;
      onVis?.();
    },
  };
}

describe('shared ticker', () => {
  it('runs ONE interval for any number of subscribers, and none without them', () => {
    const f = fakeEnv();
    const ticker = createTicker(f.env);
    expect(ticker.running).toBe(false);
    const seen: number[] = [];
    const a = ticker.subscribe((n) => seen.push(n));
    const b = ticker.subscribe(() => undefined);
    expect(f.timers.size).toBe(1);
    f.advance(1000);
    expect(seen).toEqual([0, 1000]);
    a();
    expect(ticker.running).toBe(true);
    b();
    expect(ticker.running).toBe(false);
    expect(f.timers.size).toBe(0);
  });
  it('stops while the page is hidden and catches up when shown', () => {
    const f = fakeEnv();
    const ticker = createTicker(f.env);
    const seen: number[] = [];
    ticker.subscribe((n) => seen.push(n));
    f.setVisible(false);
    expect(ticker.running).toBe(false);
    f.advance(5000);
    f.setVisible(true);
    expect(ticker.running).toBe(true);
    expect(seen.at(-1)).toBe(5000);
  });
});
