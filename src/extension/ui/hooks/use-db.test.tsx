// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDbQuery } from './use-db';

type Listener = (changes: unknown, area: string) => void;
const listeners = new Set<Listener>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
  },
}));

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** An incident view reading by id with an inline closure, as the side panel does. */
const reads: string[] = [];
function Incident({ id }: { id: string }) {
  const q = useDbQuery(async () => {
    reads.push(id);
    return `incident ${id}`;
  }, [id]);
  return <p>{q.data ?? 'loading'}</p>;
}

describe('useDbQuery with an inline closure', () => {
  it('reads again when what the query depends on changes, and only then', async () => {
    reads.length = 0;
    await act(() => render(<Incident id="a" />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('incident a'));
    // A new route with the same component: the query must follow, not show the old incident.
    await act(() => render(<Incident id="b" />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('incident b'));
    // Re-renders with the same id (a new closure each time) do not re-read, nor loop.
    await act(() => render(<Incident id="b" />, root));
    await act(() => Promise.resolve());
    expect(reads).toEqual(['a', 'b']);
  });

  it('re-reads with the latest closure when the background signals a change', async () => {
    reads.length = 0;
    await act(() => render(<Incident id="c" />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('incident c'));
    await act(() => {
      for (const l of listeners) l({}, 'session');
    });
    await vi.waitFor(() => expect(reads).toEqual(['c', 'c']));
    expect(root.textContent).toBe('incident c');
  });
});
