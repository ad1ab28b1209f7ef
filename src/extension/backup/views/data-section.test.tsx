// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import '../../background/i18n.test-kit';
import { send } from '../../messaging/channel';
import { IMPORT_PROGRESS } from '../../messaging/commands';
import { BACKUP_FORMAT, BACKUP_VERSION, STORES } from '../../db/backup';

/** A valid, empty backup: the import is checked and previewed before the agent chooses. */
const BACKUP = JSON.stringify({
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: 1,
  stores: Object.fromEntries(STORES.map((k) => [k, []])),
});

const listeners = vi.hoisted(() => new Set<(m: unknown) => void>());
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      onMessage: {
        addListener: (l: (m: unknown) => void) => listeners.add(l),
        removeListener: (l: (m: unknown) => void) => listeners.delete(l),
      },
    },
    // the import preview reads storage and asks for host access (issue 19): nothing to grant here
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    permissions: {
      request: () => Promise.resolve(true),
      contains: () => Promise.resolve(true),
      onAdded: { addListener: () => undefined, removeListener: () => undefined },
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));
vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));
// what is stored here, for the import preview: nothing
vi.mock('../../ui/hooks/use-db', () => ({
  useDbQuery: () => ({ data: { sources: [], sites: [] }, error: null, refresh: () => undefined }),
}));
const sendMock = send as unknown as Mock<(cmd: string, p: unknown) => Promise<unknown>>;
const { DataSection, PROGRESS_AFTER_MS } = await import('./data-section');

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  root = document.createElement('div');
  document.body.append(root);
  render(<DataSection />, root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  sendMock.mockReset();
});

/** Picks a backup file in the import input; the background's reply is `reply`. */
async function pick(reply: Promise<unknown>): Promise<void> {
  sendMock.mockReturnValue(reply);
  const input = root.querySelector<HTMLInputElement>('#import-file')!;
  Object.defineProperty(input, 'files', { value: [{ text: async () => BACKUP }] });
  await act(async () => void input.dispatchEvent(new Event('change')));
  // the preview asks merge or replace; the import starts with the choice
  const replace = [...root.querySelectorAll('button')].find((b) =>
    b.textContent?.includes('Replace all my data'),
  );
  await act(async () => void replace!.click());
}

const bar = () => root.querySelector('progress');
const message = (written: number, total: number) =>
  act(() => listeners.forEach((l) => l({ type: IMPORT_PROGRESS, written, total })));
const done = { ok: true, counts: { incidents: 3 }, notes: [] };

describe('import progress', () => {
  test('an import that answers within a second never shows a bar', async () => {
    await pick(Promise.resolve(done));
    await act(async () => void (await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS * 2)));
    expect(bar()).toBeNull();
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Imported: incidents: 3/);
  });

  test('a long import shows a labelled bar after a second, filled as records are written', async () => {
    let finish!: (v: unknown) => void;
    await pick(new Promise((r) => (finish = r)));
    await message(500, 40_000); // too early to show: the bar waits a second
    expect(bar()).toBeNull();
    await act(async () => void (await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS)));
    const p = bar()!;
    expect(p).not.toBeNull();
    // a progressbar with a name (its label) and a value in words
    expect(root.querySelector(`label[for="${p.id}"]`)?.textContent).toBe('Importing');
    expect(p.getAttribute('max')).toBe('40000');
    expect(p.getAttribute('value')).toBe('500');
    await message(30_000, 40_000);
    expect(bar()!.getAttribute('value')).toBe('30000');
    expect(bar()!.getAttribute('aria-valuetext')).toBe('30000 of 40000 records written');
    await act(async () => finish(done));
    expect(bar()).toBeNull();
    expect(listeners.size).toBe(0);
  });

  test('before the background has counted the records the bar is indeterminate', async () => {
    await pick(new Promise(() => undefined));
    await act(async () => void (await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS)));
    expect(bar()!.hasAttribute('value')).toBe(false);
    expect(bar()!.getAttribute('aria-valuetext')).toBe('Reading and checking the file…');
  });
});
