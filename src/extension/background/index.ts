import browser from 'webextension-polyfill';
import contentScriptPath from '../content.iife.ts?script';
import { handleMessages } from '../messaging/channel';
import { TOGGLE_PANEL, type TogglePanelMessage } from '../messaging/commands';
import { browserDeps, privateProjection } from './browser-platform';
import { createHandlers } from './router';
import { boot, installed, managedChanged, POLL_ALARM, started, tick } from './lifecycle';
import { refresh } from './refresh';
import { checkGrants } from '../sites/background/registration';
import { setMessageSource } from '../i18n/translate';
import { TEAM_LIVE_PORT } from '../team/protocol';
import { startLive } from '../team/background/sync';

/** Runs a listener's work; a failure is logged, never thrown into the browser's event dispatch. */
function run(what: string, task: () => Promise<unknown>): void {
  void task().catch((e: unknown) => console.error(`[incident-lens] ${what} failed:`, e));
}

/**
 * Registers every listener synchronously at start-up, as MV3 requires (an event that wakes the
 * worker is delivered only to listeners registered in its first turn). No state lives in memory:
 * every handler reads IndexedDB / storage and recomputes from stored timestamps.
 */
export function startBackground(): void {
  const deps = browserDeps(contentScriptPath);
  // Notification texts come from _locales, like every view's.
  setMessageSource((key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage());
  handleMessages(createHandlers(deps));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) run('poll', () => tick(deps));
  });
  browser.runtime.onInstalled.addListener(() => run('install', () => installed(deps)));
  browser.runtime.onStartup.addListener(() => run('startup', () => started(deps)));
  const grantsChanged = (): void =>
    run('permissions', () => checkGrants(deps).then(() => refresh(deps)));
  browser.permissions.onRemoved.addListener(grantsChanged);
  browser.permissions.onAdded.addListener(grantsChanged);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TEAM_LIVE_PORT) return;
    // Live replication while the page is open; its pings keep the worker awake meanwhile.
    const stop = startLive(deps);
    port.onDisconnect.addListener(() => void stop.then((f) => f()));
    port.onMessage.addListener(() => undefined);
  });
  // Chrome applies a changed policy at once; Firefox only at its next start (boot reads it then).
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') run('managed', () => managedChanged(deps));
  });
  browser.commands.onCommand.addListener((command) => {
    const msg: TogglePanelMessage = { type: TOGGLE_PANEL };
    if (command === 'toggle-panel') run('toggle-panel', () => deps.platform.sendToActiveTab(msg));
  });
  run('private projection', privateProjection);
  run('boot', () => boot(deps));
}
