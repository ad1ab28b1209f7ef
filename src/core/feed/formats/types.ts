/** Types shared by the feed-format adapters (Instatus, Better Stack, Atom…) and their detection. */
import type { Feed, PayloadKind, ProblemCode } from '../../types';
import type { ParseOptions } from '../parse';

/** Every feed format the core can read, in the order detection tries them. */
export const FORMATS = [
  'statuspage',
  'incidentio',
  'instatus',
  'betterstack',
  'openstatus',
  'cachet',
  'atom',
  'rss',
] as const;

export type FeedFormat = (typeof FORMATS)[number];

/**
 * A parser problem code, plus two only adapters raise: `xml` (the text is not well-formed XML,
 * `got` says where it broke) and `format` (the payload is not of the format asked for).
 */
export type AdapterProblemCode = ProblemCode | 'xml' | 'format';

/** What an adapter could not map, at the path of the offending value in the provider's payload. */
export interface AdapterProblem {
  path: string;
  code: AdapterProblemCode;
  got?: unknown;
}

/** What every adapter returns: the normalised feed, and what it could not map. */
export interface FormatResult {
  /** The format that was read (`unknown` when nothing matched). */
  format: FeedFormat | 'unknown';
  kind: PayloadKind;
  feed: Feed;
  problems: AdapterProblem[];
}

/** Caps (as for `parseFeed`), and extra documents a format can merge in. */
export interface AdapterOptions extends ParseOptions {
  /**
   * Other documents of the same page, by name: Statuspage `unresolved` (incidents/unresolved.json)
   * and `upcoming` (scheduled-maintenances/upcoming.json); Cachet `components`.
   */
  companions?: Record<string, unknown>;
  /** Cap for XML text, in characters (default 5,000,000): the rest is cut, with a problem. */
  maxXmlLength?: number;
}

export type Adapter = (body: unknown, options?: AdapterOptions) => FormatResult;
