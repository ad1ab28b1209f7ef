import type { LensDatabase } from './open';
import type { Settings } from './schema';

/**
 * The Statuspage API key at rest (issue 16 #16): sealed with AES-GCM under a non-extractable key
 * that lives in this installation's settings ("keyring", never exported). What this buys and what
 * it does not is in SECURITY.md: the key no longer sits in plain text in IndexedDB, in a dump of the
 * settings or in a copy of the records; code running inside the extension can still use it.
 */

type Stored = NonNullable<Settings['statuspage']>;
/** A connection as the client uses it: the key in clear, in memory only. */
export type Connection = Pick<Stored, 'pageId' | 'apiKey' | 'apiBase'>;

const ALGO = 'AES-GCM';

/** This installation's sealing key, made on first use (a concurrent first use keeps one). */
async function keyring(db: LensDatabase): Promise<CryptoKey> {
  const have = await db.get('settings', 'keyring');
  if (have?.value) return have.value as CryptoKey;
  const fresh = await crypto.subtle.generateKey({ name: ALGO, length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const tx = db.transaction('settings', 'readwrite');
  const raced = await tx.store.get('keyring');
  if (!raced?.value) await tx.store.put({ key: 'keyring', value: fresh });
  await tx.done;
  return (raced?.value as CryptoKey | undefined) ?? fresh;
}

/** Stores a connection with its key sealed, or forgets it (null). */
export async function saveConnection(db: LensDatabase, conn: Connection | null): Promise<void> {
  if (!conn) {
    await db.put('settings', { key: 'statuspage', value: null });
    return;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: ALGO, iv },
    await keyring(db),
    new TextEncoder().encode(conn.apiKey),
  );
  const hint = conn.apiKey.length >= 12 ? conn.apiKey.slice(-4) : '';
  const value: Stored = {
    pageId: conn.pageId,
    apiBase: conn.apiBase,
    apiKey: '',
    sealed: { iv, data },
    hint,
  };
  await db.put('settings', { key: 'statuspage', value });
}

/**
 * The stored connection with its key unsealed, or null (none, or sealed under a key this
 * installation no longer has: connect again). A key stored in plain text by an older version is
 * sealed now.
 */
export async function loadConnection(db: LensDatabase): Promise<Connection | null> {
  const rec = await db.get('settings', 'statuspage');
  const stored = rec?.value as Stored | null | undefined;
  if (!stored) return null;
  const { pageId, apiBase } = stored;
  if (!stored.sealed) {
    if (stored.apiKey) await saveConnection(db, { pageId, apiBase, apiKey: stored.apiKey });
    return { pageId, apiBase, apiKey: stored.apiKey };
  }
  try {
    const clear = await crypto.subtle.decrypt(
      { name: ALGO, iv: stored.sealed.iv },
      await keyring(db),
      stored.sealed.data,
    );
    return { pageId, apiBase, apiKey: new TextDecoder().decode(clear) };
  } catch {
    return null;
  }
}
