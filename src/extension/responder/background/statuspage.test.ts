import { describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../../db/settings';
import { loadConnection } from '../../db/secrets';
import { KEY, connect, useKit } from './fixtures.test-kit';

const k = useKit();

describe('statuspage connection', () => {
  it('verifies, stores, and shows only a hint of the key', async () => {
    const r = await connect(k);
    expect(r).toEqual({
      ok: true,
      status: {
        connected: true,
        pageId: 'pg1',
        apiBase: 'https://api.example.test',
        keyHint: '…abcd',
        pageName: 'Acme status',
      },
    });
    expect(k.calls[0]?.url).toBe('https://api.example.test/v1/pages/pg1');
    expect(JSON.stringify(await k.h['statuspage/status'](null))).not.toContain(KEY);
    // at rest the key is sealed (issue 16 #16): not in the stored record, in any encoding
    const raw = await getSetting(k.db, 'statuspage');
    expect(raw?.apiKey).toBe('');
    const bytes = new Uint8Array(raw!.sealed!.data);
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain(KEY);
    expect((await loadConnection(k.db))?.apiKey).toBe(KEY);
  });

  it('a key stored in clear by an older version is sealed on first use, and still works', async () => {
    await setSetting(k.db, 'statuspage', {
      pageId: 'pg1',
      apiKey: KEY,
      apiBase: 'https://api.example.test',
    });
    k.replies.push({ status: 200, body: [] });
    expect(await k.h['statuspage/components'](null)).toMatchObject({ ok: true });
    expect(new Headers(k.calls[0]?.init.headers).get('authorization')).toBe(`OAuth ${KEY}`);
    expect((await getSetting(k.db, 'statuspage'))?.apiKey).toBe('');
  });
  it('refuses plain http off loopback and a bad key, storing nothing', async () => {
    expect(
      await k.h['statuspage/connect']({
        pageId: 'pg1',
        apiKey: KEY,
        apiBase: 'http://api.example.test',
      }),
    ).toEqual({ ok: false, error: { kind: 'bad_config', detail: 'https_required' } });
    k.replies.push({ status: 401, body: { error: 'Could not authenticate' } });
    expect(
      await k.h['statuspage/connect']({
        pageId: 'pg1',
        apiKey: KEY,
        apiBase: 'http://127.0.0.1:9',
      }),
    ).toEqual({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(await getSetting(k.db, 'statuspage')).toBeNull();
  });
  it('disconnects', async () => {
    await connect(k);
    await k.h['statuspage/disconnect'](null);
    expect(await k.h['statuspage/status'](null)).toEqual({ connected: false });
  });
});

describe('statuspage components', () => {
  it('without a connection: a clear error, and no call', async () => {
    expect(await k.h['statuspage/components'](null)).toEqual({
      ok: false,
      error: { kind: 'not_connected' },
    });
    expect(k.calls).toEqual([]);
  });
  it('reads the stored page with its key; groups are not offered, their members are named', async () => {
    await connect(k);
    k.replies.push({
      status: 200,
      body: [
        { id: 'grp1', name: 'Payments', group_id: null, group: true, status: 'operational' },
        { id: 'cmp1', name: 'Checkout', group_id: null, group: false, position: 1 },
        { id: 'cmp2', name: 'Card API', group_id: 'grp1', group: false, position: 2 },
        { id: 'bad' },
      ],
    });
    const r = await k.h['statuspage/components'](null);
    expect(r).toEqual({
      ok: true,
      components: [
        { id: 'cmp1', name: 'Checkout' },
        { id: 'cmp2', name: 'Card API', group: 'Payments' },
      ],
    });
    expect(k.calls[1]?.url).toBe(
      'https://api.example.test/v1/pages/pg1/components?per_page=100&page=1',
    );
    expect(k.calls[1]?.init.method).toBe('GET');
    expect((k.calls[1]?.init.headers as Record<string, string>).Authorization).toBe(`OAuth ${KEY}`);
    expect(JSON.stringify(r)).not.toContain(KEY);
  });
  it('passes API errors on as data', async () => {
    await connect(k);
    k.replies.push({ status: 401, body: { error: 'Could not authenticate' } });
    expect(await k.h['statuspage/components'](null)).toEqual({
      ok: false,
      error: { kind: 'auth', status: 401 },
    });
    k.replies.push({ status: 200, body: { not: 'a list' } });
    const bad = await k.h['statuspage/components'](null);
    expect(bad.ok ? null : bad.error.kind).toBe('bad_response');
  });
});
