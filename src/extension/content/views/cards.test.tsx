// @vitest-environment happy-dom
// Issue 19, items 8 and 9 and the reply language, as rendered: the since line and the incident
// link, a resolved card marked in words, and the language picker (in German too).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverlayState } from '../../messaging/overlay-state';
import { useCatalogue } from '../../background/i18n.test-kit';
import { incident, item, state } from './fixtures.test-kit';
import { Overlay } from './overlay';
import type { OverlayPorts } from './ports';

const NOW = Date.UTC(2026, 11, 5, 16, 19);
const STARTED = NOW - (2 * 60 + 14) * 60_000;

async function open(s: OverlayState, stored: string | null = null) {
  const sent: [string, unknown][] = [];
  let toggle: (() => void) | null = null;
  const ports: OverlayPorts = {
    store: { get: async () => s, watch: () => () => undefined },
    send: (async (cmd: string, payload: unknown) => {
      sent.push([cmd, payload]);
      return cmd === 'overlay/getReplyLanguage' ? stored : null;
    }) as OverlayPorts['send'],
    copy: async () => undefined,
    origin: 'https://help.example.com',
    onToggle: (fn) => ((toggle = fn), () => (toggle = null)),
    watchText: (fn) => fn(''),
    now: () => NOW,
    ticketKey: async () => 'ab'.repeat(32),
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Overlay ports={ports} />, root);
  const flush = async () => {
    for (let i = 0; i < 5; i++)
      await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  };
  await flush();
  await act(() => toggle?.());
  await flush();
  return { root, sent, flush };
}

const started = item({
  incident: incident({ startedAt: STARTED, createdAt: STARTED }),
  incidentUrl: 'https://status.acme.test/incidents/inc1',
});

describe('cards', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('says since when (zone named) and how long ago, and links the incident, in English', async () => {
    useCatalogue('en', 'en-US');
    const realNow = Date.now;
    Date.now = () => NOW;
    try {
      const { root } = await open(state([started]));
      expect(root.querySelector('.since')?.textContent).toBe(
        'Started 2:05 PM UTC (2 hr 14 min ago)',
      );
      const a = root.querySelector<HTMLAnchorElement>('a.incident-link');
      expect(a?.getAttribute('href')).toBe('https://status.acme.test/incidents/inc1');
      expect(a?.rel).toBe('noopener noreferrer');
    } finally {
      Date.now = realNow;
    }
  });

  it('in German: the since line, the resolved card and the picker’s label', async () => {
    useCatalogue('de', 'de-DE');
    const realNow = Date.now;
    Date.now = () => NOW;
    try {
      const fixed = item({
        sourceId: 's2',
        incident: incident({ id: 'old', status: 'resolved', startedAt: STARTED }),
        endedAt: NOW - 4 * 60_000,
      });
      const { root } = await open(state([started], { resolved: [fixed] }), 'de');
      expect(root.querySelector('.since')?.textContent).toBe(
        'Begonnen 14:05 UTC (vor 2 Std. 14 Min.)',
      );
      expect(root.querySelector('#lens-resolved-title')?.textContent).toBe('Kürzlich behoben (1)');
      expect(root.querySelector('.resolved-list .resolved-note')?.textContent).toBe(
        'Behoben 16:15 UTC (vor 4 Min.)',
      );
      expect(root.querySelector('.resolved-list .copy')?.textContent).toBe(
        '„Ist behoben“-Antwort kopieren',
      );
      const select = root.querySelector<HTMLSelectElement>('.reply select');
      expect(select?.labels?.[0]?.textContent).toBe('Sprache der Antwort');
      expect(select?.value).toBe('de');
      // The resolved item came without a link (none the link policy allows): none is shown.
      expect(root.querySelectorAll('a.incident-link')).toHaveLength(1);
    } finally {
      Date.now = realNow;
    }
  });
});
