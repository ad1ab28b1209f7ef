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
  test('waits for the load event, then for an idle moment', () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const fn = vi.fn();
    whenPageSettled(fn, 10);
    vi.advanceTimersByTime(60_000);
    expect(fn).not.toHaveBeenCalled();
    state.mockReturnValue('complete');
    dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10);
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
