import { describe, expect, it } from 'vitest';
import { getSetting } from '../db/settings';
import { KEY, connect, useKit } from './responder.testkit';

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
    expect((await getSetting(k.db, 'statuspage'))?.apiKey).toBe(KEY);
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
