import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/translate';
import { levelText, type ChipLevel } from '../../ui/components/severity';
import { cornerAfterKey, cornerPosition, nearestCorner, type Corner } from '../../sites/corner';

interface Props {
  corner: Corner;
  /** Highest active level, or null when all is clear. */
  level: ChipLevel | null;
  count: number;
  stale: boolean;
  open: boolean;
  onToggle(): void;
  onMove(corner: Corner): void;
  buttonRef: Ref<HTMLButtonElement>;
}

/** Pointer travel beyond which a press is a drag, not a click. */
const DRAG_PX = 6;

/**
 * The pill: highest severity in words plus the count. A click (or Enter/Space, native to the
 * button) toggles the panel; dragging it drops it in the nearest corner; arrow keys move it too.
 */
export function Pill({ corner, level, count, stale, open, onToggle, onMove, buttonRef }: Props) {
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const justDragged = useRef(false);

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && Math.hypot(e.clientX - d.x, e.clientY - d.y) < DRAG_PX) return;
    d.moved = true;
    setAt({ x: e.clientX, y: e.clientY });
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    setAt(null);
    justDragged.current = d?.moved === true;
    if (d?.moved)
      onMove(nearestCorner(e.clientX, e.clientY, window.innerWidth, window.innerHeight));
  };
  const onClick = (e: MouseEvent) => {
    // A drag ends with a click event too; only a press that did not travel toggles.
    const dragged = justDragged.current;
    justDragged.current = false;
    if (e.detail > 0 && dragged) return;
    onToggle();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = cornerAfterKey(corner, e.key);
    if (next) {
      e.preventDefault();
      onMove(next);
    }
  };

  const style = at
    ? { left: `${at.x}px`, top: `${at.y}px`, transform: 'translate(-50%, -50%)' }
    : cornerPosition(corner, 16);
  return (
    <button
      ref={buttonRef}
      type="button"
      class={`pill ${level === null ? 'pill-clear' : `pill-active chip-${level}`}${at ? ' dragging' : ''}`}
      style={style}
      aria-expanded={open}
      aria-controls="lens-panel"
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
      title={t('pill_hint')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => ((drag.current = null), setAt(null))}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {level === null ? t('pill_allClear') : <strong>{levelText(level)}</strong>}
      {level !== null && ` · ${count}`}
      {level !== null && (
        <span class="sr"> {t(count === 1 ? 'pill_count_one' : 'pill_count')}</span>
      )}
      {stale && <span> · {t('pill_stale')}</span>}
      <span class="sr"> – {t('extName')}</span>
    </button>
  );
}
