// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { whenPageSettled } from './settled';

describe('whenPageSettled', () => {
  test('waits for the load event, then for an idle moment', async () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const fn = vi.fn();
    whenPageSettled(fn, 10);
    await new Promise((r) => setTimeout(r, 30));
    expect(fn).not.toHaveBeenCalled();
    state.mockReturnValue('complete');
    dispatchEvent(new Event('load'));
    await new Promise((r) => setTimeout(r, 50));
    expect(fn).toHaveBeenCalledTimes(1);
    state.mockRestore();
  });

  test('runs soon when the page has already loaded', async () => {
    const fn = vi.fn();
    whenPageSettled(fn, 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
