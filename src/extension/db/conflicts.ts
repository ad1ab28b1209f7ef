import { lostEditText, mergeVersions, type LostEdit, type Version } from '../../core/team';
import type { SharedDoc } from './shared-docs';
import { eventDocId } from './shared-docs';
import type { PouchDoc, SharedStore } from './pouch';

/**
 * Resolves replication conflicts with the team merge rule (core/team.ts): an incident's or a
 * review's concurrent versions are merged field by field against their common ancestor, the later
 * edit of one field wins, and each losing value becomes a timeline note "edited concurrently by X"
 * (an event document whose id is derived from the losing revision, so two browsers resolving the
 * same conflict write the same note). Other kinds keep the later version. The losing revisions are
 * deleted; nothing is lost silently.
 */
export async function resolveConflicts(
  store: SharedStore,
  docs: readonly SharedDoc[],
): Promise<void> {
  for (const doc of docs) await resolveOne(store, doc);
}

type WithRevs = SharedDoc & PouchDoc & { _revisions?: { start: number; ids: string[] } };

const history = (d: WithRevs): string[] =>
  d._revisions ? d._revisions.ids.map((id, i) => `${d._revisions!.start - i}-${id}`) : [];

async function resolveOne(store: SharedStore, doc: SharedDoc): Promise<void> {
  const revs = [doc._rev!, ...(doc._conflicts ?? [])];
  const all = (await Promise.all(
    revs.map((rev) => store.pouch.get(doc._id, { rev, revs: true }).catch(() => null)),
  )) as (WithRevs | null)[];
  const versions = all.filter((d): d is WithRevs => d !== null && d.kind === doc.kind);
  if (versions.length < 2) return;
  const base = await ancestor(store, versions);
  const merged = mergeVersions(
    versions.map((d): Version<object> => ({
      rev: d._rev!,
      record: d.record,
      author: d.author,
      at: d.at,
    })),
    base?.record,
    ['updatedAt'],
  );
  const winner = versions.find((d) => d._rev === merged.winner.rev)!;
  const notes = notesFor(store, doc, merged.lost);
  const keep = { ...winner, record: merged.record, author: store.author() } as SharedDoc;
  delete (keep as WithRevs)._revisions;
  delete keep._conflicts;
  const losers = versions
    .filter((d) => d._rev !== winner._rev)
    .map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true }) as SharedDoc);
  const changed = JSON.stringify(merged.record) !== JSON.stringify(winner.record);
  await store.pouch.bulkDocs([...(changed ? [keep] : []), ...losers, ...notes]);
}

/** The newest revision every version descends from, when PouchDB still holds its body. */
async function ancestor(store: SharedStore, versions: WithRevs[]): Promise<WithRevs | null> {
  const [first, ...rest] = versions.map(history);
  const common = first?.find((rev) => rest.every((h) => h.includes(rev)));
  if (!common) return null;
  const doc: WithRevs | null = await store.pouch
    .get(versions[0]!._id, { rev: common })
    .catch(() => null);
  return doc;
}

/**
 * Timeline notes for lost edits, on the incident the document belongs to. The note is written by
 * whoever resolves the conflict (the server refuses any other author: a note authored as the loser
 * and written from the other browser never left it, so the loser's browser, finding the conflict
 * already resolved, never saw the note); the text names the one whose edit was lost.
 */
function notesFor(store: SharedStore, doc: SharedDoc, lost: LostEdit[]): SharedDoc[] {
  const incidentId =
    doc.kind === 'incident' ? doc.record.id : doc.kind === 'review' ? doc.record.incidentId : null;
  if (!incidentId || lost.length === 0) return [];
  return lost.map((l) => {
    // Unique across incidents too (a backup holds every event under its id alone).
    const id = `concurrent-${incidentId}-${doc.kind}-${l.field}-${l.at}-${l.author.name}`;
    return {
      _id: eventDocId(incidentId, id),
      kind: 'event',
      author: store.author(),
      at: l.at,
      record: {
        id,
        incidentId,
        type: 'note',
        at: l.at,
        text: (doc.kind === 'review' ? 'Review: ' : '') + lostEditText(l),
        by: l.author.display || l.author.name,
      },
    };
  });
}
