import type { SiteRecord } from '../db/schema';

/** A corner of the viewport where the pill sits. */
export type Corner = SiteRecord['corner'];

export const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

/** The default corner: bottom-right is where helpdesks least often put their own controls' edges. */
export const DEFAULT_CORNER: Corner = 'bottom-right';

/** True for a valid corner value (stored data is not trusted blindly). */
export function isCorner(v: unknown): v is Corner {
  return typeof v === 'string' && (CORNERS as readonly string[]).includes(v);
}

/** The corner nearest to a point (where a drag was released) in a viewport of `w`×`h`. */
export function nearestCorner(x: number, y: number, w: number, h: number): Corner {
  return `${y < h / 2 ? 'top' : 'bottom'}-${x < w / 2 ? 'left' : 'right'}`;
}

/**
 * The corner an arrow key moves the pill to, or null when the key is not an arrow or the pill
 * is already on that side (so the caller neither re-renders nor sends a needless command).
 */
export function cornerAfterKey(corner: Corner, key: string): Corner | null {
  const [v, hz] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  let next: Corner;
  if (key === 'ArrowUp') next = `top-${hz}`;
  else if (key === 'ArrowDown') next = `bottom-${hz}`;
  else if (key === 'ArrowLeft') next = `${v}-left`;
  else if (key === 'ArrowRight') next = `${v}-right`;
  else return null;
  return next === corner ? null : next;
}

/** Inline position of something anchored to a corner, `gap` px from both edges. */
export function cornerPosition(corner: Corner, gap: number): Record<string, string> {
  const [v, hz] = corner.split('-') as [string, string];
  return { [v]: `${gap}px`, [hz]: `${gap}px` };
}
