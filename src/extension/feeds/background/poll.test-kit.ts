import type { SourceRecord } from '../../db/schema';
import { json, makeKit, spSummary, withSource, type Kit } from '../../background/worker.test-kit';

export type FeedKit = Kit & { source: SourceRecord };

/**
 * What the poll tests start from: a worker kit (background/worker.test-kit.ts) with one source
 * (`s1`, or as `over` says) whose feed answers `body`, an empty Statuspage summary by default
 * (with `init`'s headers, when given).
 */
export async function feedKit(
  over: Partial<SourceRecord> = {},
  body: unknown = spSummary([]),
  init?: ResponseInit,
): Promise<FeedKit> {
  const kit = await makeKit();
  kit.net.respond = () => json(body, init);
  return Object.assign(kit, { source: await withSource(kit, over) });
}
