import browser from 'webextension-polyfill';
import { readManaged, type ManagedRead } from './config';

/**
 * Reads the organisation's configuration from `storage.managed` and checks it (`readManaged`).
 * Firefox throws when no policy names the extension, Chrome answers `{}`: both are "nothing
 * managed". This is the one reader every part uses: the worker applies it, the options page shows
 * it (locks and explanations), and team mode takes its server from `config.team`.
 */
export async function loadManaged(): Promise<ManagedRead> {
  const raw: unknown = await browser.storage.managed.get().catch(() => ({}));
  return readManaged(raw);
}

/** The team server the organisation set, or null (team mode reads this, never the raw policy). */
export async function managedTeam(): Promise<ManagedRead['config']['team']> {
  return (await loadManaged()).config.team;
}
