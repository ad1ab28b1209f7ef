import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** How many rows beyond the viewport are kept in the DOM on each side (Tab and arrows land on one). */
const OVERSCAN = 6;

export interface VirtualListProps {
  /** How many rows the whole list has. */
  total: number;
  /** The key of the row at `index` (its incident id), undefined while it is not loaded. */
  keyAt(index: number): string | undefined;
  /** The content of the row at `index` (a placeholder while it is not loaded). */
  row(index: number): ComponentChildren;
  /** The rows in the DOM changed (`end` excluded): load them. */
  onRange(start: number, end: number): void;
  /** The row that holds focus (null: none), so the caller keeps its data while it is off screen. */
  onFocusRow?(index: number | null): void;
  /** A row's height before it has been measured, in pixels. */
  estimate: number;
  labelledBy: string;
  class?: string;
}

/** Where rows start, from the measured heights (estimates for rows never shown). */
function offsetsOf(total: number, heightAt: (i: number) => number): Float64Array {
  const at = new Float64Array(total + 1);
  for (let i = 0; i < total; i++) at[i + 1] = at[i]! + heightAt(i);
  return at;
}

/** The row at `y` pixels below the list's top (binary search over the offsets). */
function indexAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A list of any length in the page's own scroll (no nested scroll area): only the rows in and
 * just around the viewport are in the DOM, above and below them padding of the height the others
 * take (measured once shown, estimated before), so the scroll bar and the position are those of
 * the whole list (issue 22).
 *
 * - Screen readers: a list whose items say their place in the whole (aria-posinset/setsize).
 * - Keyboard: Tab and Shift+Tab move row by row through the whole list, Arrow Up/Down too, Home
 *   and End to the first and last row; the row is scrolled into view (at once: no smooth scrolling,
 *   so nothing moves for someone who asked for reduced motion). The focused row stays in the DOM
 *   when the page is scrolled away from it, so focus is never dropped by recycling.
 * - Rows changing above the viewport (measured at last, a live update inserting or removing one)
 *   do not move what the reader is looking at: the focused row, when on screen, else the first
 *   visible row, is kept where it was (and a focused row wholly shown stays wholly shown).
 */
export function VirtualList(p: VirtualListProps) {
  const list = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [range, setRange] = useState({ start: 0, end: Math.min(p.total, OVERSCAN * 3) });
  const [focused, setFocused] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  /** The focused row's key: rows inserted or removed above it move it to another position. */
  const focusedKey = useRef<string | undefined>(undefined);
  /**
   * The row kept in place across a re-render: the focused row while the reader sees it, else the
   * first row on screen. Found again by its key (a row still loading, by its position); `whole`:
   * it was wholly on screen, so it is kept so.
   */
  const anchor = useRef<{ key?: string; index: number; top: number; whole: boolean } | null>(null);
  const latest = useRef(p);
  latest.current = p;

  const heightAt = (i: number) => {
    const key = p.keyAt(i);
    return (key !== undefined && heights.current.get(key)) || p.estimate;
  };
  const offsets = offsetsOf(p.total, heightAt);
  // Where the focused row is now: its key looked up around its last position (loaded rows only).
  let focusAt = focused;
  if (focused !== null && focusedKey.current !== undefined) {
    const key = focusedKey.current;
    if (p.keyAt(focused) !== key)
      for (let d = 1; d <= 64; d++) {
        if (p.keyAt(focused + d) === key) focusAt = focused + d;
        else if (p.keyAt(focused - d) === key) focusAt = focused - d;
        else continue;
        break;
      }
  }
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;

  /** The rows the viewport shows now, with the overscan. */
  const measureRange = useCallback(() => {
    const el = list.current;
    if (!el) return;
    const { total } = latest.current;
    const top = -el.getBoundingClientRect().top;
    const bottom = top + window.innerHeight;
    const at = offsetsRef.current;
    const start = Math.max(0, indexAt(at, Math.max(0, top)) - OVERSCAN);
    const end = Math.min(total, indexAt(at, Math.max(0, bottom)) + 1 + OVERSCAN);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, []);

  /**
   * Remembers the row the reader is at and where it is, to keep it there across a re-render: the
   * focused row when any of it is on screen (rows above it that load or change then move the
   * rows above, not the one the keyboard is on), else the first row on screen.
   */
  const rememberAnchor = useCallback(() => {
    const el = list.current;
    if (!el) return;
    const at = (li: HTMLElement) => {
      const r = li.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight
        ? {
            key: li.dataset.key,
            index: Number(li.dataset.index),
            top: r.top,
            // (within a pixel: scrolled into view, a row's edge may sit at a fraction past it)
            whole: r.top > -1 && r.bottom < window.innerHeight + 1,
          }
        : null;
    };
    const active = document.activeElement;
    const focusedLi = el.contains(active) ? active?.closest<HTMLElement>('li[data-index]') : null;
    const kept = focusedLi ? at(focusedLi) : null;
    if (kept) {
      anchor.current = kept;
      return;
    }
    for (const li of el.children) {
      const first = (li as HTMLElement).dataset.key ? at(li as HTMLElement) : null;
      if (first) {
        anchor.current = { ...first, whole: false };
        return;
      }
    }
    anchor.current = null;
  }, []);

  useEffect(() => {
    const onScroll = () => {
      rememberAnchor();
      measureRange();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    onScroll();
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [measureRange, rememberAnchor]);

  // After each render: measure the rows shown, keep the anchor row in place, move focus where
  // the keyboard asked, and report the rows in the DOM.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    let changed = false;
    for (const li of el.children) {
      const key = (li as HTMLElement).dataset.key;
      if (!key) continue;
      const h = li.getBoundingClientRect().height;
      if (Math.abs((heights.current.get(key) ?? p.estimate) - h) > 0.5) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    const a = anchor.current;
    const li =
      a &&
      el.querySelector<HTMLElement>(
        a.key === undefined ? `li[data-index="${a.index}"]` : `li[data-key="${CSS.escape(a.key)}"]`,
      );
    if (a && li) {
      const moved = li.getBoundingClientRect().top - a.top;
      if (Math.abs(moved) > 0.5) window.scrollBy(0, moved);
      // The focused row grew past the viewport's edge as its content arrived: still all shown.
      const r = li.getBoundingClientRect();
      if (a.whole && (r.top < -0.5 || r.bottom > window.innerHeight + 0.5))
        li.scrollIntoView({ block: 'nearest' });
    }
    // The focused row was re-created (its placeholder replaced by the loaded row): focus it again,
    // where it is (no scrolling: the reader may be looking elsewhere).
    const refocus =
      focusAt !== null && pendingFocus.current === null && document.activeElement === document.body;
    const want = refocus ? focusAt : pendingFocus.current;
    if (want !== null) {
      const li = el.querySelector<HTMLElement>(`li[data-index="${want}"]`);
      if (li) {
        pendingFocus.current = null;
        const target = li.querySelector<HTMLElement>('a[href], button') ?? li;
        target.focus({ preventScroll: true });
        focusedKey.current = li.dataset.key;
        if (!refocus) li.scrollIntoView({ block: 'nearest' });
      }
    }
    rememberAnchor();
    if (changed) measureRange();
  });

  useEffect(() => p.onRange(range.start, range.end), [range.start, range.end, p.total]);
  // The focused row found at another position (rows added or removed above it). Applied only if
  // the focus has not moved since this render: this effect runs after the browser's focus events,
  // and a correction computed before End moved the focus undid it (the row End focused, re-created
  // once read, was refocused at the old position).
  useEffect(() => {
    if (focusAt !== focused) setFocused((f) => (f === focused ? focusAt : f));
  }, [focusAt, focused]);
  useEffect(() => p.onFocusRow?.(focused), [focused]);
  // The list grew or shrank (an incident declared, synced or resolved meanwhile): the rows the
  // viewport shows are worked out again, and the focus stays within the list.
  useEffect(() => {
    measureRange();
    if (focused !== null && focused >= p.total) setFocused(null);
  }, [p.total]);

  /** Brings row `i` into the DOM and the viewport, then focuses it (after the render). */
  const focusRow = (i: number) => {
    const el = list.current;
    if (!el || i < 0 || i >= p.total) return;
    pendingFocus.current = i;
    // The target's key, not the row being left's: with the old key, the render before the focus
    // moved found that row again one position away and sent the focus back to it once the
    // target's placeholder was replaced by its loaded row (a keypress undone, End undone).
    focusedKey.current = p.keyAt(i);
    setFocused(i);
    const rowTop = el.getBoundingClientRect().top + offsets[i]!;
    if (rowTop < 0 || rowTop + heightAt(i) > window.innerHeight)
      window.scrollBy(0, rowTop < 0 ? rowTop : rowTop + heightAt(i) - window.innerHeight);
    const start = Math.max(0, i - OVERSCAN);
    setRange((r) =>
      i >= r.start && i < r.end ? r : { start, end: Math.min(p.total, i + 1 + OVERSCAN) },
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
    // From the row a key before this one asked for, when it is not focused yet (keys pressed faster
    // than a render, as a held key repeats): from the focused row, that key would be lost.
    const i = pendingFocus.current ?? Number(li.dataset.index);
    const to =
      e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)
        ? i + 1
        : e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? p.total - 1
              : null;
    // Tab past the last row (or Shift+Tab before the first) leaves the list as usual.
    if (to === null || to < 0 || to >= p.total) return;
    e.preventDefault();
    focusRow(to);
  };

  const shown: number[] = [];
  for (let i = range.start; i < Math.min(range.end, p.total); i++) shown.push(i);
  if (focusAt !== null && focusAt < p.total && !shown.includes(focusAt)) {
    shown.push(focusAt);
    shown.sort((a, b) => a - b);
  }
  const first = shown[0] ?? 0;
  const last = shown.length ? shown[shown.length - 1]! + 1 : 0;
  return (
    <ul
      ref={list}
      class={p.class}
      aria-labelledby={p.labelledBy}
      onKeyDown={onKeyDown}
      onFocusIn={(e) => {
        const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
        if (!li) return;
        focusedKey.current = li.dataset.key;
        setFocused(Number(li.dataset.index));
      }}
      onFocusOut={(e) => {
        if (list.current?.contains(e.relatedTarget as Node | null)) return;
        // Focus left the list, unless its row was re-created (the old element is gone then, and
        // the new one takes the focus after the render).
        const from = e.target as Element;
        setTimeout(() => {
          if (!from.isConnected || list.current?.contains(document.activeElement)) return;
          focusedKey.current = undefined;
          setFocused(null);
        });
      }}
      style={{
        paddingTop: `${offsets[first]}px`,
        paddingBottom: `${offsets[p.total]! - offsets[last]!}px`,
        overflowAnchor: 'none',
      }}
    >
      {shown.map((i, k) => {
        const key = p.keyAt(i);
        // A focused row kept far from the others: the rows between take their height as margin.
        const gap = k > 0 ? offsets[i]! - offsets[shown[k - 1]! + 1]! : 0;
        return (
          <li
            key={key ?? `row-${i}`}
            data-key={key}
            data-index={i}
            aria-posinset={i + 1}
            aria-setsize={p.total}
            tabIndex={key === undefined ? -1 : undefined}
            aria-busy={key === undefined ? 'true' : undefined}
            class="card"
            style={gap > 0 ? { marginTop: `${gap}px` } : undefined}
          >
            {p.row(i)}
          </li>
        );
      })}
    </ul>
  );
}
