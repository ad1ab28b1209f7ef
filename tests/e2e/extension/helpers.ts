import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../browser';

/** The chrome.* surface the tests call from extension pages and the worker (no @types/chrome here). */
export interface ChromeLike {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: {
    getBadgeText(d: object): Promise<string>;
    getBadgeBackgroundColor(d: object): Promise<number[]>;
  };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  alarms: { create(name: string, info: object): Promise<void> };
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
}

/** Reads a Statuspage fixture (tests/fixtures/statuspage). */
export async function fixture(name: string): Promise<unknown> {
  const file = resolve(import.meta.dirname, '../../fixtures/statuspage', name);
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Sends a command envelope from an extension page, as the views do; returns the raw reply. */
export function command(
  page: Page,
  cmd: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return page.evaluate(
    ([c, p]) =>
      (globalThis as unknown as { chrome: ChromeLike }).chrome.runtime.sendMessage({
        cmd: c,
        payload: p,
      }),
    [cmd, payload] as const,
  ) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

/**
 * Every record of the given stores, read from the extension's real IndexedDB in an extension page.
 * `events` reads every timeline's events, one by one, from the chunks they are stored in.
 */
export function readStores<S extends string>(
  page: Page,
  stores: S[],
): Promise<Record<S, unknown[]>> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('incident-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const s of names) {
      const store = s === 'events' ? 'timeline' : s;
      const all = await new Promise<unknown[]>((ok, fail) => {
        const q = db.transaction(store).objectStore(store).getAll();
        q.onsuccess = () => ok(q.result as unknown[]);
        q.onerror = () => fail(q.error);
      });
      out[s] = s === 'events' ? (all as { events: unknown[] }[]).flatMap((c) => c.events) : all;
    }
    db.close();
    return out;
  }, stores);
}

/** The boot id the worker writes on every start (settings store). */
export async function bootId(page: Page): Promise<string | undefined> {
  const { settings } = await readStores(page, ['settings']);
  return (settings as { key: string; value: string }[]).find((r) => r.key === 'bootId')?.value;
}

/** Evaluates in an extension page against `chrome`. */
export function inPage<T>(page: Page, fn: (c: ChromeLike) => Promise<T>): Promise<T> {
  return page.evaluate<T>(`(${fn.toString()})(chrome)`);
}

/**
 * A session with the loopback origin granted and an extension page to send commands from. As the
 * options page does, the page requests the origin itself (page.evaluate carries a user gesture);
 * grantHost pre-approves it so the headless prompt resolves at once (docs/toolchain.md).
 */
export async function ready(s: ExtensionSession): Promise<Page> {
  await s.grantHost(LOOPBACK);
  const page = await s.openPage('src/extension/popup/index.html');
  const granted = await page.evaluate(
    (o) =>
      (globalThis as unknown as { chrome: ChromeLike }).chrome.permissions.request({
        origins: [o],
      }),
    LOOPBACK,
  );
  if (!granted) throw new Error(`${LOOPBACK} was not granted`);
  return page;
}

const LOOPBACK = 'http://127.0.0.1/*';
