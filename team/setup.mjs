// Sets up a team database on a CouchDB-compatible server: creates it, restricts it to members,
// and installs the design document that validates every write (team/design-doc.mjs).
// Used by `npm run team:setup -- URL DB [member...]`, the demo server and the tests.
import { DESIGN_DOC, securityObject } from './design-doc.mjs';

/**
 * `url` is the server's URL with admin credentials (e.g. http://admin:pw@127.0.0.1:5984). Idempotent:
 * an existing database is kept; its security object and design document are replaced.
 */
export async function setupTeamDb(url, db, members = []) {
  const u = new URL(url);
  const auth =
    'Basic ' +
    Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString(
      'base64',
    );
  u.username = '';
  u.password = '';
  const base = u.toString().replace(/\/$/, '');
  const call = async (method, path, body) => {
    const res = await fetch(`${base}/${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    return { status: res.status, json };
  };
  const created = await call('PUT', encodeURIComponent(db));
  if (created.status !== 201 && created.status !== 412)
    throw new Error(`Creating ${db} failed: ${created.status} ${JSON.stringify(created.json)}`);
  const sec = await call('PUT', `${encodeURIComponent(db)}/_security`, securityObject(members));
  if (sec.status !== 200)
    throw new Error(`Setting _security failed: ${sec.status} ${JSON.stringify(sec.json)}`);
  const old = await call('GET', `${encodeURIComponent(db)}/${DESIGN_DOC._id}`);
  const ddoc = { ...DESIGN_DOC, ...(old.status === 200 ? { _rev: old.json._rev } : {}) };
  const put = await call('PUT', `${encodeURIComponent(db)}/${DESIGN_DOC._id}`, ddoc);
  if (put.status !== 201)
    throw new Error(
      `Installing the design document failed: ${put.status} ${JSON.stringify(put.json)}`,
    );
}

/** Creates (or replaces the password of) a CouchDB user, with the team role. */
export async function createUser(url, name, password, roles = ['incident-lens']) {
  const u = new URL(url);
  const auth =
    'Basic ' +
    Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString(
      'base64',
    );
  u.username = '';
  u.password = '';
  const base = `${u.toString().replace(/\/$/, '')}/_users/org.couchdb.user:${encodeURIComponent(name)}`;
  const headers = { authorization: auth, 'content-type': 'application/json' };
  const old = await fetch(base, { headers });
  const rev = old.status === 200 ? (await old.json())._rev : undefined;
  const res = await fetch(base, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name, password, roles, type: 'user', ...(rev ? { _rev: rev } : {}) }),
  });
  if (res.status !== 201 && res.status !== 202)
    throw new Error(`Creating user ${name} failed: ${res.status} ${await res.text()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, db] = process.argv.slice(2);
  if (!url || !db) {
    console.error('Usage: npm run team:setup -- http://admin:password@host:5984 DATABASE');
    process.exit(2);
  }
  await setupTeamDb(url, db);
  console.log(`${db}: created (or kept), members only, validate_doc_update installed.`);
}
