import { severityLabel } from '../../core/feed';
import type { Severity } from '../../core/types';
import { t, tn } from '../i18n/translate';
import type { Badge } from './deps';

/** Badge colours per severity, each with a text colour readable on it (WCAG contrast ≥ 4.5). */
export const BADGE_COLOURS: Record<Severity | 'none', { color: string; textColor: string }> = {
  1: { color: '#B3261E', textColor: '#FFFFFF' },
  2: { color: '#B93C00', textColor: '#FFFFFF' },
  3: { color: '#F9AB00', textColor: '#000000' },
  4: { color: '#1A5FB4', textColor: '#FFFFFF' },
  none: { color: '#5F6368', textColor: '#FFFFFF' },
};

/** One item the badge counts: a feed incident or maintenance (as the pill does), or one's own incident. */
export interface BadgeItem {
  /** null: unknown severity; 'maintenance': maintenance in progress. */
  severity: Severity | null | 'maintenance';
  name: string;
  /** The feed source's name; absent for the responder's own incident. */
  source?: string;
}

/** Incidents the tooltip names, at most; the rest are counted. */
export const TOOLTIP_ITEMS = 8;

const rank = (s: BadgeItem['severity']): number => (s === 'maintenance' ? 6 : s === null ? 5 : s);

/**
 * The toolbar badge (issue 19, item 12): the worst severity in text ("S1", unknown "S?", only
 * maintenance "M"), plus how many more ("S1+2"), so SEV-1 and SEV-2 differ without their
 * colours; the colour of the worst severity as well; and a tooltip listing the items. It counts
 * what the pill counts (incidents and maintenance in progress) plus one's own open incidents.
 * Nothing active → empty text, which hides the badge.
 */
export function badgeFor(items: readonly BadgeItem[]): Badge {
  if (items.length === 0) return { text: '', title: t('badge_titleNone'), ...BADGE_COLOURS.none };
  const sorted = [...items].sort((a, b) => rank(a.severity) - rank(b.severity));
  const worst = sorted[0]!.severity;
  const label = worst === 'maintenance' ? 'M' : worst === null ? 'S?' : `S${worst}`;
  const more = items.length - 1;
  // The badge has room for about four characters: beyond 9 more, "+" alone (the tooltip counts).
  const text = more === 0 ? label : more <= 9 ? `${label}+${more}` : `${label}+`;
  const colours = typeof worst === 'number' ? BADGE_COLOURS[worst] : BADGE_COLOURS.none;
  const line = (i: BadgeItem): string => {
    const level =
      i.severity === 'maintenance'
        ? t('badge_maintenance')
        : i.severity === null
          ? t('notice_unknownSeverity')
          : severityLabel(i.severity);
    const name = i.name.length > 80 ? `${i.name.slice(0, 79)}…` : i.name;
    return i.source ? `${level} · ${name} (${i.source})` : `${level} · ${name}`;
  };
  const lines = sorted.slice(0, TOOLTIP_ITEMS).map(line);
  if (items.length > TOOLTIP_ITEMS) lines.push(t('notice_andMore', items.length - TOOLTIP_ITEMS));
  const title = [`Incident Lens: ${tn('badge_titleCount', items.length)}`, ...lines].join('\n');
  return { text, title, ...colours };
}
