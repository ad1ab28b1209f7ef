import type { FeedProblem } from '../../core/types';
import type { SourceRecord } from '../db/schema';

/** The commands of feed sources, composed into `Commands` in messaging/commands.ts. */
export interface SourceCommands {
  'sources/add': { req: { name: string; url: string; pollSeconds: number }; res: SourceRecord };
  'sources/update': {
    req: { id: string; name?: string; url?: string; pollSeconds?: number; enabled?: boolean };
    res: SourceRecord;
  };
  'sources/remove': { req: { id: string }; res: null };
  /** Fetches a URL once and reports what the parser made of it; stores nothing. */
  'sources/test': {
    req: { url: string };
    /** `url`: the URL fetched (a status page's root means its /api/v2/summary.json). */
    res:
      | {
          ok: true;
          url: string;
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
