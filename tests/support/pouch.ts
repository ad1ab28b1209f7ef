import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { Author } from '../../src/core/team';
import type { Pouch, SharedStore } from '../../src/extension/db/pouch';
import type { SharedDoc } from '../../src/extension/db/shared-docs';

// (the test server, team/server.mjs, may have added them to the same class: added once)
const proto = (PouchDB as unknown as { prototype: { replicate?: unknown } }).prototype;
const Node = proto.replicate ? PouchDB : PouchDB.plugin(memory).plugin(http).plugin(replication);

let n = 0;
/** A fresh PouchDB in memory (the unit tests' stand-in for the extension's IndexedDB adapter). */
export function memoryPouch<D>(name = `lens-test-${++n}-${Date.now()}`): Pouch<D> {
  return new Node(name, { adapter: 'memory' }) as Pouch<D>;
}

/** A PouchDB handle on a database of a CouchDB-compatible server, with a user's basic auth. */
export function remotePouch<D>(
  url: string,
  user?: [string, string],
  /** `skip_setup`: no check-or-create request first (what the extension's HTTP handles do). */
  opts: { skip_setup?: boolean } = {},
): Pouch<D> {
  return new Node(url, {
    ...opts,
    ...(user ? { auth: { username: user[0], password: user[1] } } : {}),
  }) as Pouch<D>;
}

/**
 * The shared store a unit test puts behind a database (attachShared): a fresh in-memory PouchDB,
 * written as `author`, at the clock `now` (a function, so a test can move time).
 */
export function sharedStore(
  author: Author | (() => Author),
  now: number | (() => number),
): SharedStore {
  return {
    pouch: memoryPouch<SharedDoc>(),
    author: typeof author === 'function' ? author : () => author,
    now: typeof now === 'function' ? now : () => now,
  };
}
