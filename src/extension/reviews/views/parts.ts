import type { Review } from '../../../core/review';
import type { Lint } from '../../../core/types';
import type { Patch } from './draft';

/** What every editor part of the builder receives. */
export interface PartProps {
  review: Review;
  change(patch: Patch): void;
  /** Lints of the whole review, by field path (see `lintsByPath`). */
  lints: ReadonlyMap<string, Lint[]>;
}

/** The datalist of participants that owner and "validated by" fields suggest from. */
export const PARTICIPANTS_LIST = 'rv-participants';
