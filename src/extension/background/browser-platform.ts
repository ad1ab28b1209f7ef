import browser from 'webextension-polyfill';
import { openLensDB, type LensDatabase } from '../db/open';
import {
  OVERLAY_STATE,
  OVERLAY_TEARDOWN,
  type OverlayStateMessage,
  type OverlayTeardownMessage,
} from '../messaging/commands';
import { OVERLAY_KEY, type OverlayState } from '../messaging/overlay-state';
import type { Deps, Platform } from './deps';
import { attachTeam, LOCAL_POUCH } from '../team/background/store';
import type { SharedDoc } from '../db/shared-docs';
import { browserPouch } from './pouchdb';
import { isLive, syncOnce } from '../team/background/sync';

const SCRIPT_PREFIX = 'lens-site-';
/** Registration id of a site's overlay script (ids may not start with "_"). */
export const overlayScriptId = (pattern: string): string =>
  SCRIPT_PREFIX + pattern.replace(/[^a-z0-9.-]+/gi, '_');

/**
 * Where the projection lives: `storage.session`, readable by extension pages and the worker but,
 * at its default access level, by no content script (issue 16, item 15). `storage.local` was
 * readable by every content script, so any enabled page that was compromised read it whole.
 */
const session = () => browser.storage.session;

/** Forgets a projection an older version left in storage.local, and keeps storage.session private. */
export async function privateProjection(): Promise<void> {
  await browser.storage.local.remove(OVERLAY_KEY).catch(() => undefined);
  // Chrome's default already; said explicitly so no later change opens it. (Firefox has no such call:
  // its content scripts cannot use storage.session at all.)
  const area = session() as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

/** The real browser behind the Platform seam (Chrome service worker and Firefox event page alike). */
export function browserPlatform(scriptPath: string): Platform {
  return {
    async registerOverlay(pattern) {
      const id = overlayScriptId(pattern);
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
      await browser.scripting.registerContentScripts([
        { id, matches: [pattern], js: [scriptPath], runAt: 'document_idle', allFrames: false },
      ]);
    },
    async unregisterOverlay(pattern) {
      const id = overlayScriptId(pattern);
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
    },
    async registeredOverlays() {
      const all = await browser.scripting.getRegisteredContentScripts();
      return all
        .filter((s) => s.id.startsWith(SCRIPT_PREFIX))
        .flatMap((s) => s.matches?.slice(0, 1) ?? []);
    },
    // Firefox throws when no policy names the extension; Chrome answers {}: both mean "none".
    managedStorage: () => browser.storage.managed.get().catch(() => ({})),
    hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    async removeOrigin(pattern) {
      await browser.permissions.remove({ origins: [pattern] });
    },
    async setBadge({ text, title, color, textColor }) {
      await browser.action.setBadgeText({ text });
      await browser.action.setTitle({ title });
      await browser.action.setBadgeBackgroundColor({ color });
      // setBadgeTextColor: Chrome 110+, Firefox 63+; guarded for older engines.
      const action = browser.action as typeof browser.action & {
        setBadgeTextColor?: (d: { color: string }) => Promise<void>;
      };
      if (action.setBadgeTextColor) await action.setBadgeTextColor({ color: textColor });
    },
    async notify(id, { title, message }) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title,
        message,
      });
    },
    async writeOverlay(state) {
      await session().set({ [OVERLAY_KEY]: state });
      // Content scripts cannot read storage.session: each turned-on site's tabs get the state.
      const message: OverlayStateMessage = { type: OVERLAY_STATE, state };
      for (const pattern of await this.registeredOverlays()) {
        const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
        for (const tab of tabs) {
          if (tab.id !== undefined)
            await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
        }
      }
    },
    async readOverlay() {
      const got = await session().get(OVERLAY_KEY);
      return (got[OVERLAY_KEY] as OverlayState | undefined) ?? null;
    },
    async showOverlayIn(pattern) {
      // (tabs.query by URL needs the host access the view just obtained)
      for (const tab of await browser.tabs.query({ url: pattern })) {
        if (tab.id === undefined) continue;
        await browser.scripting
          .executeScript({ target: { tabId: tab.id }, files: [scriptPath] })
          .catch(() => undefined); // a tab that cannot take scripts (an error page, say) is skipped
      }
    },
    async hideOverlayIn(pattern) {
      const teardown: OverlayTeardownMessage = { type: OVERLAY_TEARDOWN };
      for (const tab of await browser.tabs.query({ url: pattern })) {
        if (tab.id !== undefined)
          await browser.tabs.sendMessage(tab.id, teardown).catch(() => undefined);
      }
    },
    async getLocal(key) {
      return (await browser.storage.local.get(key))[key];
    },
    async setLocal(items) {
      await browser.storage.local.set(items);
    },
    async toPages(message) {
      await browser.runtime.sendMessage(message).catch(() => undefined); // no page open: dropped
    },
    async sendToActiveTab(message) {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return;
      // No overlay on that tab (site not enabled): nothing to toggle.
      await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    },
  };
}

/** The background's real world. The DB connection is opened once per worker and reopened if lost. */
export function browserDeps(scriptPath: string): Deps {
  let db: Promise<LensDatabase> | undefined;
  const open = (): Promise<LensDatabase> => {
    db ??= openLensDB().then(async (conn) => {
      conn.addEventListener('close', () => (db = undefined));
      // The shared documents live in PouchDB behind the repositories (team mode or not); a write
      // starts a one-shot sync when a team is configured and no live sync runs.
      await attachTeam(
        conn,
        deps.now,
        () => {
          if (!isLive()) void syncOnce(deps).catch(() => undefined);
        },
        browserPouch<SharedDoc>(LOCAL_POUCH),
      );
      return conn;
    });
    return db.catch((e: unknown) => {
      db = undefined;
      throw e;
    });
  };
  const deps: Deps = {
    db: open,
    now: () => Date.now(),
    random: () => Math.random(),
    newId: () => crypto.randomUUID(),
    fetch: (input, init) => fetch(input, init),
    platform: browserPlatform(scriptPath),
    pouch: browserPouch,
  };
  return deps;
}
