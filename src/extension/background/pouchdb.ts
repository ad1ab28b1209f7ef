import PouchDB from 'pouchdb-browser';
import type { Pouch } from '../db/pouch';

/**
 * PouchDB in the extension: `pouchdb-browser` 9 (IndexedDB adapter for local databases, HTTP for a
 * URL, replication built in). Imported only by the real browser deps: it cannot load in Node.
 */
export function browserPouch<D>(name: string): Pouch<D> {
  const remote = /^https?:\/\//.test(name);
  return new PouchDB(name, remote ? { skip_setup: true } : { adapter: 'idb' }) as Pouch<D>;
}
