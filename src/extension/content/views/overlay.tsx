import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OverlayState } from '../../messaging/overlay-state';
import { useOverlayState } from '../../ui/hooks/use-overlay';
import { chipLevel, levelRank, type ChipLevel } from '../../ui/components/severity';
import { DEFAULT_CORNER, isCorner, type Corner } from '../../sites/corner';
import { createMatcher, type TicketMatch } from './match';
import { Panel } from './panel';
import { Pill } from './pill';
import type { OverlayPorts } from './ports';
import { languageOf, type Language } from '../../../core/language';
import { uiLocale } from '../../i18n/translate';

/**
 * The reply language for the ticket on screen: the agent's choice for this ticket, else the
 * site's last choice (asked of the worker when the ticket changes), else the UI's language.
 */
function useReplyLanguage(ports: OverlayPorts, text: string): [Language, (l: Language) => void] {
  const [chosen, setChosen] = useState<Language | null>(null);
  // A pick made while the worker is still asked wins over the (older) stored answer.
  const picks = useRef(0);
  useEffect(() => {
    let live = true;
    const at = picks.current;
    void (async () => {
      const ticket = await ports.ticketKey?.();
      const l = await ports.send('overlay/getReplyLanguage', {
        origin: ports.origin,
        ...(ticket ? { ticket } : {}),
      });
      if (live && picks.current === at) setChosen(l);
    })().catch(() => undefined); // the UI language is a fine default
    return () => {
      live = false;
    };
    // `text` changes when the ticket does (a helpdesk opens the next ticket without a reload).
  }, [ports, text]);
  const choose = (l: Language) => {
    picks.current += 1;
    setChosen(l);
    void (async () => {
      const ticket = await ports.ticketKey?.();
      await ports.send('overlay/setReplyLanguage', {
        origin: ports.origin,
        language: l,
        ...(ticket ? { ticket } : {}),
      });
    })().catch(() => undefined); // chosen for now, remembered when the worker can
  };
  return [chosen ?? languageOf(uiLocale()), choose];
}

/** The worst level among active items, or null when there are none. */
export function highestLevel(state: OverlayState | null | undefined): ChipLevel | null {
  let best: ChipLevel | null = null;
  for (const i of state?.incidents ?? []) {
    const l = chipLevel(i.incident);
    if (best === null || levelRank(l) < levelRank(best)) best = l;
  }
  return best;
}

/**
 * The stored corner for this site, asked of the background for this page's own origin only: the
 * shared projection no longer lists every enabled site (issue 16, item 3).
 */
function useStoredCorner(ports: OverlayPorts): Corner | null {
  const [corner, setCorner] = useState<Corner | null>(null);
  useEffect(() => {
    let live = true;
    ports
      .send('sites/getCorner', { origin: ports.origin })
      .then((c) => live && isCorner(c) && setCorner(c))
      .catch(() => undefined); // the default corner is fine
    return () => {
      live = false;
    };
  }, [ports]);
  return corner;
}

/**
 * The overlay app: the pill and, when open, the panel. It renders only from the stored
 * OverlayState (observed, never polled) and sends commands for the few things it changes.
 */
export function Overlay({ ports }: { ports: OverlayPorts }) {
  const state = useOverlayState(ports.store);
  const [open, setOpen] = useState(false);
  const [localCorner, setLocalCorner] = useState<Corner | null>(null);
  const [text, setText] = useState('');
  const pillRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stored = useStoredCorner(ports);
  const corner = localCorner ?? stored ?? DEFAULT_CORNER;
  // One matcher per overlay: it keeps its last text and terms, so a projection in which only
  // times changed (every poll writes one) costs no re-match.
  const matcher = useMemo(createMatcher, []);
  const [language, setLanguage] = useReplyLanguage(ports, text);

  useEffect(() => ports.onToggle(() => setOpen((o) => !o)), [ports]);
  useEffect(() => {
    const ctl = new AbortController();
    ports.watchText(setText, ctl.signal);
    return () => ctl.abort();
  }, [ports]);
  // Focus follows the panel: into it on open, back to the pill on close (only if it was inside).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) pillRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // Matching runs when the text or the incidents change, not on every countdown tick.
  const match: TicketMatch | null = useMemo(
    () => matcher(text, state?.incidents ?? []),
    [matcher, text, state?.incidents],
  );
  // The review's support impact: record that this ticket matched, by an opaque key only.
  const matchedKey = match?.key;
  useEffect(() => {
    const item = state?.incidents.find((i) => `${i.sourceId}|${i.incident.id}` === matchedKey);
    if (!item || !ports.ticketKey) return undefined;
    let live = true;
    void ports
      .ticketKey()
      .then((ticket) =>
        live
          ? ports.send('support/ticketMatched', {
              sourceId: item.sourceId,
              incidentId: item.incident.id,
              ticket,
            })
          : null,
      )
      .catch(() => undefined); // best effort: the overlay works the same without it
    return () => {
      live = false;
    };
    // Once per matched incident on this page, not on every state push.
  }, [matchedKey, ports]);
  if (!state) return null;
  const level = highestLevel(state);
  const move = (next: Corner) => {
    setLocalCorner(next);
    void ports
      .send('sites/setCorner', { origin: ports.origin, corner: next })
      .catch(() => undefined);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div class="root" onKeyDown={onKeyDown}>
      <Pill
        corner={corner}
        level={level}
        count={state.incidents.length + (state.omitted ?? 0)}
        stale={state.failing.length > 0}
        open={open}
        onToggle={() => setOpen((o) => !o)}
        onMove={move}
        buttonRef={pillRef}
      />
      {open && (
        <Panel
          state={state}
          corner={corner}
          match={match}
          ports={ports}
          onClose={() => setOpen(false)}
          headingRef={headingRef}
          language={language}
          onLanguage={setLanguage}
        />
      )}
    </div>
  );
}
