// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from '../../messaging/overlay-state';
import { useCatalogue } from '../../background/i18n.test-kit';
import { incident, item, obligation, state } from './fixtures.test-kit';
import { Overlay, highestLevel } from './overlay';
import type { OverlayPorts } from './ports';
import { formatClock } from '../../../core/time';

useCatalogue('en');

function setup(initial: OverlayState, pageText = '') {
  const watchers = new Set<(s: OverlayState | null) => void>();
  let toggle: (() => void) | null = null;
  const sent: [string, unknown][] = [];
  const copied: string[] = [];
  const ports: OverlayPorts = {
    store: {
      get: async () => initial,
      watch: (fn) => (watchers.add(fn), () => watchers.delete(fn)),
    },
    send: async (cmd: string, payload: unknown) => (sent.push([cmd, payload]), null),
    copy: async (text) => void copied.push(text),
    origin: 'https://help.example.com',
    onToggle: (fn) => ((toggle = fn), () => (toggle = null)),
    watchText: (fn) => fn(pageText),
    now: () => Date.now(),
    ticketKey: async () => 'ab'.repeat(32),
  };
  const root = document.createElement('div');
  document.body.append(root);
  return {
    root,
    ports,
    sent,
    copied,
    push: (s: OverlayState) => watchers.forEach((w) => w(s)),
    toggle: () => toggle?.(),
  };
}

/** Lets the store's first read resolve and Preact render (a few macrotasks on a cold start). */
const flush = async () => {
  for (let i = 0; i < 5; i++)
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
};

describe('overlay', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('shows the highest severity in words with the count, and all clear when quiet', async () => {
    const s = setup(
      state([item(), item({ sourceId: 's2', incident: { ...item().incident, severity: 1 } })]),
    );
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    expect(s.root.querySelector('.pill')?.textContent).toContain('SEV-1 · 2');
    // what a screen reader reads: the count in a sentence, singular for one
    expect(s.root.querySelector('.pill')?.textContent).toContain(
      '2 active incidents, highest severity shown',
    );
    await act(() => s.push(state([item()])));
    expect(s.root.querySelector('.pill')?.textContent).toContain(
      '1 active incident, highest severity shown',
    );
    await act(() => s.push(state([])));
    expect(s.root.querySelector('.pill')?.textContent).toContain('All clear');
    expect(highestLevel(state([]))).toBeNull();
  });

  it('opens on click and on the toggle message, closes on Escape, and moves by arrow keys', async () => {
    const s = setup(state([item({ obligations: [obligation(Date.now() + 4 * 60_000)] })]));
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    const pill = s.root.querySelector<HTMLButtonElement>('.pill')!;
    await act(() => pill.click());
    expect(s.root.querySelector('[role=dialog]')).not.toBeNull();
    expect(s.root.querySelector('.cd')?.textContent).toMatch(/^due in [34]:\d\d$/);
    expect(s.root.querySelector('.cd')?.getAttribute('data-tone')).toBe('soon');
    await act(() => {
      s.root
        .querySelector('.panel')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(s.root.querySelector('[role=dialog]')).toBeNull();
    await act(() => s.toggle());
    expect(s.root.querySelector('[role=dialog]')).not.toBeNull();
    await act(() => {
      pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    });
    expect(s.sent).toContainEqual([
      'sites/setCorner',
      { origin: 'https://help.example.com', corner: 'top-right' },
    ]);
    expect(pill.style.top).toBe('16px');
  });

  it('the customer notification can be marked done from the panel; status page posts cannot', async () => {
    const s = setup(
      state([
        item({
          obligations: [
            obligation(Date.now() + 10 * 60_000),
            obligation(Date.now() + 20 * 60_000, {
              ruleId: 'customer_email',
              label: 'Customer notification',
              channel: 'customer_email',
            }),
          ],
        }),
      ]),
    );
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    const buttons = [...s.root.querySelectorAll<HTMLButtonElement>('.deadlines button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Mark done: Customer notification (proactive email to enterprise accounts)',
    ]);
    await act(async () => buttons[0]!.click());
    expect(s.sent).toContainEqual([
      'feed/markDone',
      { sourceId: 's1', incidentId: item().incident.id, obligationId: 'customer_email' },
    ]);
  });

  it('copies a reply quoting the latest update, reports it, and shows staleness with the newer text', async () => {
    const s = setup(state([item()]), 'Customer says checkout fails');
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    expect(s.root.querySelector('.match-note')?.textContent).toContain('matched “Checkout”');
    await act(async () => s.root.querySelector<HTMLButtonElement>('.reply button')!.click());
    await flush();
    expect(s.copied[0]).toContain('A fix is rolling out.');
    expect(s.sent).toContainEqual([
      'replies/copied',
      expect.objectContaining({ updateId: 'u2', sourceId: 's1' }),
    ]);
    const copied = {
      updateId: 'u2',
      text: s.copied[0]!,
      copiedAt: 0,
      stale: true,
      newerUpdateBody: 'Fixed <b>now</b>',
    };
    await act(() => s.push(state([item({ copied })])));
    expect(s.root.querySelector('.stale')?.textContent).toContain('Fixed <b>now</b>');
    expect(s.root.querySelector('.stale b')).toBeNull();
  });

  it("writes the reply's times in the status page's zone, named (issue 23, item 7)", async () => {
    const at = Date.now() - 5 * 60_000;
    const upd = { ...incident().updates[0]!, displayAt: at, createdAt: at };
    const feed = item({
      incident: incident({ updates: [upd], updatedAt: at }),
      statusPageTimeZone: 'America/New_York',
    });
    const s = setup(state([feed]));
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    await act(async () => s.root.querySelector<HTMLButtonElement>('.reply button')!.click());
    await flush();
    const ny = formatClock(at, 'en', { timeZone: 'America/New_York', now: Date.now() });
    expect(ny).toMatch(/E[SD]T/);
    // the customer reads New York time, zone stated; not the agent's (here UTC)
    expect(s.copied[0]).toContain(ny);
    expect(s.copied[0]).not.toContain('UTC');
  });

  it('records a matched ticket by an opaque key only, once per match, without opening the panel', async () => {
    const s = setup(state([item()]), 'Customer Globex says checkout fails');
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    const records = s.sent.filter(([cmd]) => cmd === 'support/ticketMatched');
    expect(records).toEqual([
      ['support/ticketMatched', { sourceId: 's1', incidentId: 'inc1', ticket: 'ab'.repeat(32) }],
    ]);
    expect(JSON.stringify(s.sent)).not.toContain('Globex');
    await act(() => s.push(state([item()])));
    await flush();
    expect(s.sent.filter(([cmd]) => cmd === 'support/ticketMatched')).toHaveLength(1);
  });

  it('labels stale data with the time of the last good poll', async () => {
    const s = setup(
      state([item()], {
        failing: [
          {
            sourceId: 's1',
            lastOkAt: Date.UTC(2026, 0, 1, 14, 5),
          },
        ],
      }),
    );
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    expect(s.root.querySelector('.pill')?.textContent).toContain('data may be out of date');
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    expect(s.root.querySelector('.stale')?.textContent).toMatch(
      /Data as of 2:05\sPM.*Sources not answering: 1/,
    );
    vi.restoreAllMocks();
  });
});

describe('overlay in team mode', () => {
  afterEach(() => (document.body.innerHTML = ''));

  const internal = (holdingLines?: { en?: string; de?: string }) =>
    item({
      sourceId: 'team',
      sourceName: '',
      incident: incident({ id: 'x1', name: 'Checkout fails for EU customers', updates: [] }),
      obligations: [
        obligation(Date.now() - 60_000, { state: 'met', metAt: Date.UTC(2026, 2, 2, 10, 4) }),
      ],
      doneBy: { status_page: { by: 'Bob Responder', at: Date.UTC(2026, 2, 2, 10, 4) } },
      internal: { declaredBy: 'Ann Responder', ...(holdingLines ? { holdingLines } : {}) },
    });

  it('a team-declared incident not public yet is labelled internal, with who met its duties, and offers no customer reply', async () => {
    const s = setup(state([internal()]));
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    const card = s.root.querySelector('.card')!;
    expect(card.querySelector('[data-testid=internal]')?.textContent).toBe(
      'Internal, not on the status page yet · Declared by Ann Responder',
    );
    expect(card.querySelector('.done-by li')?.textContent).toBe(
      `Public status page updated: done by Bob Responder at ${formatClock(Date.UTC(2026, 2, 2, 10, 4), 'en')}`,
    );
    expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);
    expect(card.textContent).toContain('No customer reply until a public update exists.');
  });

  it("the team's holding line is offered instead, and copied as written", async () => {
    const s = setup(state([internal({ en: 'We are looking into checkout failures.' })]));
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    const buttons = [...s.root.querySelectorAll<HTMLButtonElement>('.card button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Copy holding line']);
    await act(async () => buttons[0]!.click());
    expect(s.copied).toEqual(['We are looking into checkout failures.']);
  });

  /** Picks the reply language in the card's picker (the one choice for this ticket). */
  const pick = (root: HTMLElement, lang: 'en' | 'de') =>
    act(() => {
      const select = root.querySelector<HTMLSelectElement>('.card .reply-lang select')!;
      select.value = lang;
      select.dispatchEvent(new Event('change'));
    });

  it('the holding line follows the reply language picked for the ticket; a language the team wrote none in gets the English one, said so', async () => {
    const lines = {
      en: 'We are looking into checkout failures.',
      de: 'Wir gehen fehlschlagenden Bestellungen nach.',
    };
    const s = setup(state([internal(lines)]));
    render(<Overlay ports={s.ports} />, s.root);
    await flush();
    await act(() => s.root.querySelector<HTMLButtonElement>('.pill')!.click());
    const copy = () =>
      act(async () =>
        [...s.root.querySelectorAll<HTMLButtonElement>('.card button')]
          .find((b) => b.textContent === 'Copy holding line')!
          .click(),
      );
    await pick(s.root, 'de');
    await copy();
    await pick(s.root, 'en');
    await copy();
    expect(s.copied).toEqual([lines.de, lines.en]);
    // The language is the ticket's choice, remembered like the reply's.
    expect(s.sent.some(([cmd]) => cmd === 'overlay/setReplyLanguage')).toBe(true);

    document.body.innerHTML = '';
    const t = setup(state([internal({ en: lines.en })]));
    render(<Overlay ports={t.ports} />, t.root);
    await flush();
    await act(() => t.root.querySelector<HTMLButtonElement>('.pill')!.click());
    await pick(t.root, 'de');
    expect(t.root.querySelector('.card .reply')?.textContent).toContain(
      'No holding line in Deutsch yet: the English one is copied.',
    );
    await act(async () =>
      [...t.root.querySelectorAll<HTMLButtonElement>('.card button')]
        .find((b) => b.textContent === 'Copy holding line')!
        .click(),
    );
    expect(t.copied).toEqual([lines.en]);
  });
});
