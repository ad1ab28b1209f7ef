import type { FeedIncident } from '../../../core/types';
import { t } from '../../i18n/translate';

/** The chip's level: a SEV number, maintenance, or an incident the feed gave no impact for. */
export type ChipLevel = 1 | 2 | 3 | 4 | 'maint' | 'unknown';

/** The chip level of a feed incident. */
export function chipLevel(i: Pick<FeedIncident, 'kind' | 'severity'>): ChipLevel {
  if (i.kind === 'maintenance') return 'maint';
  return i.severity ?? 'unknown';
}

/** Rank for "highest severity first"; lower is worse. */
export function levelRank(l: ChipLevel): number {
  return typeof l === 'number' ? l : l === 'unknown' ? 4.5 : 5;
}

/** Short text of a level, e.g. "SEV-1". */
export function levelText(l: ChipLevel): string {
  if (l === 'maint') return t('sev_maintenance');
  if (l === 'unknown') return t('sev_unknown');
  return `SEV-${l}`;
}

/** A severity chip: the level in words and a colour, never colour alone. */
export function SeverityChip({ level, long = false }: { level: ChipLevel; long?: boolean }) {
  const name = typeof level === 'number' ? t(`sev_name${level}`) : '';
  return (
    <span class={`chip chip-${level}`}>
      {levelText(level)}
      {long && name ? ` · ${name}` : ''}
    </span>
  );
}
