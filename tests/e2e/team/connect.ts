import type { ExtensionSession } from '../browser';
import type { TeamServerProcess } from '../../support/team-server';

/**
 * Signs in through Options → Team the way a user does (host access granted first, as the prompt
 * would); returns the options page, still open.
 */
export async function connect(
  server: TeamServerProcess,
  s: ExtensionSession,
  user: string,
  password: string,
  display: string,
) {
  await s.grantHost(`${server.url}/*`);
  const page = await s.openPage('src/extension/options/index.html#team');
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Database').fill(server.db);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Display name (optional)').fill(display);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Connect' }).click();
  return page;
}
