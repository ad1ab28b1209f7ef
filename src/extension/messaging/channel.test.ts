import { describe, expect, test, vi } from 'vitest';
import type { Handlers, RuntimeLike, Sender } from './channel';

const runtime = vi.hoisted(() => ({
  id: 'ext-id',
  getURL: (p: string) => `chrome-extension://ext-id/${p}`,
  sendMessage: vi.fn(),
  onMessage: { addListener: vi.fn() },
}));
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const { dispatch, handleMessages, isEnvelope, send } = await import('./channel');

const page: Sender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/src/extension/options/index.html',
};
const content: Sender = {
  id: 'ext-id',
  url: 'https://help.acme.test/ticket/1',
  tab: { id: 3 } as Sender['tab'],
};

const realHandlers = (): Handlers =>
  Object.fromEntries(
    [
      'replies/copied',
      'sites/setCorner',
      'overlay/get',
      'sources/add',
      'sources/remove',
      'data/export',
    ].map((c) => [
      c,
      c === 'sources/remove'
        ? async () => {
            throw new Error('boom');
          }
        : async (p: unknown) => ({ cmd: c, p }),
    ]),
  ) as unknown as Handlers;

describe('dispatch', () => {
  test('an extension page may send any command and gets {ok, value}', async () => {
    const r = await dispatch(
      realHandlers(),
      { cmd: 'sources/add', payload: { name: 'x', url: 'u', pollSeconds: 60 } },
      page,
      runtime,
    );
    expect(r).toEqual({
      ok: true,
      value: { cmd: 'sources/add', p: { name: 'x', url: 'u', pollSeconds: 60 } },
    });
  });

  test('a handler error crosses as {ok:false, error}', async () => {
    expect(
      await dispatch(
        realHandlers(),
        { cmd: 'sources/remove', payload: { id: 'a' } },
        page,
        runtime,
      ),
    ).toEqual({
      ok: false,
      error: 'boom',
    });
  });

  test('content scripts may only copy replies and set the corner', async () => {
    const h = realHandlers();
    expect((await dispatch(h, { cmd: 'replies/copied', payload: {} }, content, runtime)).ok).toBe(
      true,
    );
    expect((await dispatch(h, { cmd: 'sites/setCorner', payload: {} }, content, runtime)).ok).toBe(
      true,
    );
    const r = await dispatch(h, { cmd: 'data/export', payload: null }, content, runtime);
    expect(r).toEqual({
      ok: false,
      error: expect.stringContaining('content script may not send "data/export"'),
    });
  });

  test('a page flooding its allowed commands is refused after the limit, per origin (issue 16, item 15)', async () => {
    const { rateLimiter } = await import('./rate-limit');
    const limit = rateLimiter(30, 60_000);
    const copy = { cmd: 'replies/copied', payload: {} } as const;
    const at = (t: number) => dispatch(realHandlers(), copy, content, runtime, limit, t);
    const first = await Promise.all(Array.from({ length: 300 }, () => at(1_000)));
    expect(first.filter((r) => r.ok)).toHaveLength(30);
    expect(first.at(-1)).toEqual({ ok: false, error: expect.stringMatching(/too many requests/) });
    // another site, and extension pages, are not held up by it
    const other = { ...content, url: 'https://other.test/x' };
    expect((await dispatch(realHandlers(), copy, other, runtime, limit, 1_000)).ok).toBe(true);
    expect((await dispatch(realHandlers(), copy, page, runtime, limit, 1_000)).ok).toBe(true);
    // reading its own projection is not counted: a page at the limit still gets it
    const read = { cmd: 'overlay/get', payload: null } as const;
    expect((await dispatch(realHandlers(), read, content, runtime, limit, 2_000)).ok).toBe(true);
    // a minute later the page may act again
    expect((await at(61_000)).ok).toBe(true);
  });

  test('another extension is refused', async () => {
    const r = await dispatch(
      realHandlers(),
      { cmd: 'data/export', payload: null },
      { ...page, id: 'evil' },
      runtime,
    );
    expect(r).toEqual({ ok: false, error: expect.stringContaining('not this extension') });
  });
});

describe('envelopes and the listener', () => {
  test('isEnvelope checks the shape and the command', () => {
    const h = realHandlers();
    expect(isEnvelope({ cmd: 'data/export', payload: null }, h)).toBe(true);
    expect(isEnvelope({ cmd: 'data/export' }, h)).toBe(false);
    expect(isEnvelope({ cmd: 'nope', payload: 1 }, h)).toBe(false);
    expect(isEnvelope({ cmd: 'toString', payload: 1 }, h)).toBe(false);
    expect(isEnvelope(['data/export'], h)).toBe(false);
    expect(isEnvelope(null, h)).toBe(false);
  });

  test('one listener: envelopes get replies, unknown commands an error, other messages nothing', async () => {
    let listener: ((m: unknown, s: Sender) => Promise<unknown> | undefined) | undefined;
    const rt: RuntimeLike = {
      ...runtime,
      onMessage: { addListener: (cb) => void (listener = cb) },
    };
    handleMessages(realHandlers(), rt);
    expect(await listener!({ cmd: 'data/export', payload: null }, page)).toEqual({
      ok: true,
      value: { cmd: 'data/export', p: null },
    });
    expect(await listener!({ cmd: 'what/ever', payload: null }, page)).toEqual({
      ok: false,
      error: 'Unknown command "what/ever".',
    });
    expect(listener!({ type: 'lens/toggle-panel' }, page)).toBeUndefined();
  });
});

describe('send', () => {
  test('resolves with the value', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { json: '{}' } });
    await expect(send('data/export', null)).resolves.toEqual({ json: '{}' });
    expect(runtime.sendMessage).toHaveBeenLastCalledWith({ cmd: 'data/export', payload: null });
  });

  test('rejects with Error(message) on {ok:false} and on no reply', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'The name is required.' });
    await expect(send('sources/remove', { id: 'x' })).rejects.toThrow('The name is required.');
    runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(send('sources/remove', { id: 'x' })).rejects.toThrow(/No reply/);
  });
});
