// A CouchDB-compatible server in memory, on loopback only, for the demo and the tests:
// express-pouchdb in its full CouchDB mode (_users, _session cookie auth, _security,
// validate_doc_update) over PouchDB's memory adapter. Nothing is written to disk.
import express from 'express';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import expressPouch from 'express-pouchdb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createUser, setupTeamDb } from './setup.mjs';

// pouchdb-validation 4.2.0 drops replicated updates (it overwrites their revision history); the
// server uses a copy with that fixed (team/vendor/pouchdb-validation.cjs) instead of its own.
const fixedValidation = createRequire(import.meta.url)('./vendor/pouchdb-validation.cjs');

// (tests may load PouchDB with these plugins already: replication refuses to be added twice)
if (!PouchDB.prototype.replicate) PouchDB.plugin(memory).plugin(http).plugin(replication);
if (!PouchDB.prototype.query) PouchDB.plugin(mapreduce);
if (!PouchDB.prototype.installValidationMethods) PouchDB.plugin(fixedValidation);

/**
 * Starts the server on 127.0.0.1 (port 0: any free one, or the one given), with an admin, a team
 * database set up like production, and the given users as members. `stop()` closes it; the data
 * lives as long as the process (a restart on the same port, as the offline tests do, keeps it).
 */
export async function startTeamServer({
  port = 0,
  db = 'team',
  users = [],
  admin = ['admin', 'admin-pw'],
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lens-couch-'));
  const Mem = PouchDB.defaults({ adapter: 'memory', prefix: `${dir}/` });
  const app = express();
  // Requests answered, for the benchmark's steady-state figure (`requests()`).
  let requests = 0;
  app.use((_req, _res, next) => {
    requests++;
    next();
  });
  const pouchApp = expressPouch(Mem, {
    mode: 'fullCouchDB',
    overrideMode: { exclude: ['validation'] },
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
  });
  // What express-pouchdb's own 'validation' part does, with the fixed plugin.
  pouchApp.dbWrapper.registerWrapper((_name, db, next) => {
    db.installValidationMethods();
    next();
  });
  app.use(pouchApp);
  let server = await listen(app, port);
  const address = () => `http://127.0.0.1:${server.address().port}`;
  const adminUrl = () => `http://${admin[0]}:${admin[1]}@127.0.0.1:${server.address().port}`;
  const boundPort = server.address().port;
  const put = await fetch(`${address()}/_config/admins/${admin[0]}`, {
    method: 'PUT',
    body: JSON.stringify(admin[1]),
  });
  if (!put.ok) throw new Error(`Could not create the admin: ${put.status}`);
  for (const [name, password] of users) await createUser(adminUrl(), name, password);
  await setupTeamDb(adminUrl(), db, []);
  return {
    get url() {
      return address();
    },
    adminUrl,
    db,
    /** How many requests the server has received so far. */
    requests: () => requests,
    /** Stops answering (sockets closed): the server is "offline"; the data stays in this process. */
    async stop() {
      await close(server);
    },
    /** Answers again on the same port. */
    async restart() {
      server = await listen(app, boundPort);
    },
    /** Stops answering and removes the scratch folder (the in-memory data goes with the process). */
    async close() {
      await close(server).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listen(app, port) {
  return new Promise((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

function close(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
