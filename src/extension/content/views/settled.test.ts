// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { whenPageSettled } from './settled';

// Fake timers: the idle callback and its timeout run when the test moves the clock, not after a
// real wait.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('whenPageSettled', () => {
  test('waits for the page shown after its load event, then for an idle moment', () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const fn = vi.fn();
    whenPageSettled(fn, 10, 60_000);
    vi.advanceTimersByTime(59_000);
    expect(fn).not.toHaveBeenCalled();
    state.mockReturnValue('complete');
    // Nothing of ours runs in the load event itself (it would count in the page's load time)…
    dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10);
    expect(fn).not.toHaveBeenCalled();
    // …but after it, at pageshow.
    dispatchEvent(new Event('pageshow'));
    vi.advanceTimersByTime(10);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000); // the fallback timer went with the load
    expect(fn).toHaveBeenCalledTimes(1);
    state.mockRestore();
  });

  test('a page that never finishes loading (a request held open) still gets it, once', () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const fn = vi.fn();
    whenPageSettled(fn, 10, 5_000);
    vi.advanceTimersByTime(4_999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(11);
    expect(fn).toHaveBeenCalledTimes(1);
    // the load that comes at last does not run it again
    state.mockReturnValue('complete');
    dispatchEvent(new Event('load'));
    dispatchEvent(new Event('pageshow'));
    vi.advanceTimersByTime(60_000);
    expect(fn).toHaveBeenCalledTimes(1);
    state.mockRestore();
  });

  test('runs soon when the page has already loaded', () => {
    const fn = vi.fn();
    whenPageSettled(fn, 10);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
