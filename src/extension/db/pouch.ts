import type { Author } from '../../core/team';
import type { SharedDoc } from './shared-docs';
/**
 * The part of PouchDB's API the extension uses, typed here (PouchDB 9 ships no types). The shared
 * store (`shared.ts`) is written against this, so the same code runs on the IndexedDB adapter in
 * the extension and the memory adapter in unit tests.
 */

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
}

export interface PouchWriteResult {
  ok?: boolean;
  id: string;
  rev?: string;
  error?: string;
  status?: number;
  reason?: string;
}

export interface PouchChange<D> {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: D & PouchDoc;
  changes: { rev: string }[];
}

export interface PouchChanges<D> {
  results: PouchChange<D>[];
  last_seq: number | string;
}

/** A replication or sync in progress: an event emitter that is also a promise of its result. */
export interface PouchReplication extends PromiseLike<unknown> {
  on(
    event: 'change',
    fn: (info: { direction?: 'push' | 'pull'; change?: { last_seq?: number | string } }) => void,
  ): this;
  on(event: 'paused', fn: (err?: unknown) => void): this;
  on(event: 'active', fn: () => void): this;
  on(event: 'denied' | 'error', fn: (err: unknown) => void): this;
  on(event: 'complete', fn: (info: unknown) => void): this;
  /** `checkpoint` is set once a batch's checkpoint is written: everything up to it is across. */
  on(event: 'checkpoint', fn: (info: { checkpoint?: number | string }) => void): this;
  cancel(): void;
}

/** A sync: both replications, each its own emitter. */
export interface PouchSync extends PouchReplication {
  push: PouchReplication;
  pull: PouchReplication;
}

/** Replication options the extension uses (PouchDB's names). */
export interface ReplicationOptions {
  live?: boolean;
  retry?: boolean;
  /** Documents per batch (PouchDB's default: 100). */
  batch_size?: number;
  /** Batches read ahead (default 10). */
  batches_limit?: number;
}

export interface PouchError {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

export interface Pouch<D = unknown> {
  name: string;
  get(
    id: string,
    opts?: { rev?: string; conflicts?: boolean; revs?: boolean },
  ): Promise<D & PouchDoc>;
  put(doc: D & PouchDoc): Promise<PouchWriteResult>;
  bulkDocs(docs: (D & PouchDoc)[], opts?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
  allDocs(opts: {
    include_docs?: boolean;
    startkey?: string;
    endkey?: string;
    keys?: string[];
    conflicts?: boolean;
  }): Promise<{
    total_rows: number;
    rows: { id: string; value: { rev: string; deleted?: boolean }; doc?: D & PouchDoc }[];
  }>;
  changes(opts: {
    since?: number | string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
    style?: 'all_docs' | 'main_only';
  }): Promise<PouchChanges<D>>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  remove(id: string, rev: string): Promise<PouchWriteResult>;
  replicate: {
    to(target: Pouch<D> | string, opts?: ReplicationOptions): PouchReplication;
    from(source: Pouch<D> | string, opts?: ReplicationOptions): PouchReplication;
  };
  sync(remote: Pouch<D>, opts?: ReplicationOptions): PouchSync;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface SharedStore {
  pouch: Pouch<SharedDoc>;
  /** Who writes now: the connected team user, or LOCAL_AUTHOR with no team. */
  author(): Author;
  now(): number;
  /** Called after each local write (the background starts a one-shot sync). */
  afterWrite?(): void;
}

/** How the extension opens a PouchDB database: the IndexedDB adapter in browsers, memory in tests. */
export type PouchFactory = <D>(name: string, opts?: { fetch?: typeof fetch }) => Pouch<D>;

/** True for PouchDB's "document update conflict" (409). */
export const isConflict = (e: unknown): boolean => (e as PouchError | null)?.status === 409;
/** True for "missing" (404). */
export const isMissing = (e: unknown): boolean => (e as PouchError | null)?.status === 404;
