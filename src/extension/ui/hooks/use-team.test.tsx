// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEAM_LIVE_PING_MS, TEAM_LIVE_PORT } from '../../team/protocol';
import { useTeamLive } from './use-team';

/** A port as the worker's end sees it: what was posted, and a way to drop it as a stopped worker. */
interface FakePort {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  drop(): void;
}
const ports: FakePort[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      connect({ name }: { name: string }) {
        const onDisconnect = new Set<() => void>();
        const port: FakePort & Record<string, unknown> = {
          name,
          posted: [],
          disconnected: false,
          drop() {
            // Like the browser: the other end going away fires onDisconnect, and posting throws.
            port.disconnected = true;
            for (const l of onDisconnect) l();
          },
          postMessage(m: unknown) {
            if (port.disconnected) throw new Error('Attempt to postMessage on disconnected port');
            port.posted.push(m);
          },
          disconnect() {
            port.disconnected = true;
          },
          onDisconnect: { addListener: (l: () => void) => onDisconnect.add(l) },
        };
        ports.push(port);
        return port;
      },
    },
  },
}));

function Page() {
  useTeamLive();
  return <p>page</p>;
}

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  ports.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('useTeamLive', () => {
  it('connects again when the worker is stopped, and pings the new port, not the dead one', async () => {
    await act(() => render(<Page />, root));
    expect(ports.map((p) => p.name)).toEqual([TEAM_LIVE_PORT]);
    vi.advanceTimersByTime(TEAM_LIVE_PING_MS);
    expect(ports[0]!.posted).toEqual(['ping']);
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
    // A ping to the dropped port would throw from the timer: the page's console error in Firefox.
    expect(() => vi.advanceTimersByTime(TEAM_LIVE_PING_MS)).not.toThrow();
    expect(ports[1]!.posted).toEqual(['ping']);
  });

  it('closes its port when the page goes, and does not connect again', async () => {
    await act(() => render(<Page />, root));
    await act(() => render(null, root));
    expect(ports[0]!.disconnected).toBe(true);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(TEAM_LIVE_PING_MS * 3);
    expect(ports[0]!.posted).toEqual([]);
  });
});
