import type { Severity } from '../../core/types';
import type { Badge } from './deps';

/** Badge colours per severity, each with a text colour readable on it (WCAG contrast ≥ 4.5). */
export const BADGE_COLOURS: Record<Severity | 'none', { color: string; textColor: string }> = {
  1: { color: '#B3261E', textColor: '#FFFFFF' },
  2: { color: '#B93C00', textColor: '#FFFFFF' },
  3: { color: '#F9AB00', textColor: '#000000' },
  4: { color: '#1A5FB4', textColor: '#FFFFFF' },
  none: { color: '#5F6368', textColor: '#FFFFFF' },
};

/**
 * The toolbar badge for the active incidents' severities (null = unknown severity): their count,
 * on the colour of the most severe. No incidents → empty text, which hides the badge.
 */
export function badgeFor(severities: readonly (Severity | null)[]): Badge {
  if (severities.length === 0) return { text: '', ...BADGE_COLOURS.none };
  const known = severities.filter((s): s is Severity => s !== null);
  const worst = known.length ? (Math.min(...known) as Severity) : 'none';
  const text = severities.length > 99 ? '99+' : String(severities.length);
  return { text, ...BADGE_COLOURS[worst] };
}
