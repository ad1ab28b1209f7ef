import type { FeedProblem } from '../../core/types';
import type { FeedFormat } from '../../core/feed/formats';
import type { SourceRecord } from '../db/schema';

/** A source's format choice (null: detect) and request headers, as the options page sends them. */
interface SourceFeedOptions {
  format?: FeedFormat | null;
  headers?: Record<string, string>;
}

/** The commands of feed sources, composed into `Commands` in messaging/commands.ts. */
export interface SourceCommands {
  'sources/add': {
    req: { name: string; url: string; pollSeconds: number } & SourceFeedOptions;
    res: SourceRecord;
  };
  'sources/update': {
    req: {
      id: string;
      name?: string;
      url?: string;
      pollSeconds?: number;
      enabled?: boolean;
    } & SourceFeedOptions;
    res: SourceRecord;
  };
  'sources/remove': { req: { id: string }; res: null };
  /** Fetches a URL once and reports what the parser made of it; stores nothing. */
  'sources/test': {
    req: { url: string } & SourceFeedOptions;
    /** `url`: the URL read (a status page's root means the feed found under it). */
    res:
      | {
          ok: true;
          url: string;
          /** The format the feed was read as (detected, or the one chosen). */
          format: FeedFormat;
          kind: string;
          incidents: number;
          maintenances: number;
          components: number;
          problems: FeedProblem[];
        }
      | { ok: false; url: string; error: string };
  };
  'sources/pollNow': { req: { id?: string }; res: null };
}
