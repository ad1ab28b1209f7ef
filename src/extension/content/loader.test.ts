import { describe, expect, test, vi } from 'vitest';
import { loadOverlay, OVERLAY_MODULE } from './loader';

describe('loadOverlay', () => {
  test('imports the overlay module at its extension URL and mounts it', async () => {
    const mountOverlay = vi.fn(() => () => undefined);
    const importModule = vi.fn(() => Promise.resolve({ mountOverlay }));
    const getURL = (p: string) => `chrome-extension://dynamic-id/${p}`;
    expect(await loadOverlay(() => ({ getURL }), importModule)).toBe(true);
    expect(importModule).toHaveBeenCalledWith(`chrome-extension://dynamic-id/${OVERLAY_MODULE}`);
    expect(mountOverlay).toHaveBeenCalledTimes(1);
  });

  test('a loader left behind by a reloaded extension gives up quietly, importing nothing', async () => {
    const importModule = vi.fn();
    const invalidated = () => ({
      getURL: (): string => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(await loadOverlay(invalidated, importModule)).toBe(false);
    expect(await loadOverlay(() => undefined, importModule)).toBe(false);
    expect(importModule).not.toHaveBeenCalled();
  });
});
