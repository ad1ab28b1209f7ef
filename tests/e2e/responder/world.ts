import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, ready } from '../extension/helpers';
import { startStatuspageMock, type StatuspageMock } from '../../support/statuspage-mock';

/** The responder e2e tests' shared set-up: a browser with the side panel open, and a Statuspage mock. */
export const PANEL = 'src/extension/sidepanel/index.html';

/** The classification answers of a SEV-2: a quarter of users, a significant feature. */
export const SEV2_ANSWERS = {
  noUserCanAccessCore: false,
  dataIntegrityBreach: false,
  percentUsersAffected: 25,
  featureCriticality: 'significant',
};

export interface ResponderWorld {
  s: ExtensionSession;
  mock: StatuspageMock;
  /** The side panel. */
  page: Page;
}

/**
 * Gives each test its own browser and Statuspage mock (registers the hooks; `set` receives each
 * test's world as it starts), so any test runs alone, in any order. Returns helpers bound to the
 * current test's world.
 */
export function responderWorld(set: (w: ResponderWorld) => void) {
  let w: ResponderWorld | undefined;
  beforeEach(async () => {
    const [s, mock] = await Promise.all([launchWithExtension(), startStatuspageMock()]);
    w = { s, mock, page: await s.openPage(PANEL) };
    set(w);
  });
  afterEach(async () => {
    await w?.s.close();
    await w?.mock.close();
    w = undefined;
  });
  /** Sends a command from the side panel page; throws on a refusal. */
  async function cmd<T = unknown>(name: string, payload: unknown): Promise<T> {
    const reply = await command(w!.page, name, payload);
    if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
    return reply.value as T;
  }
  return {
    cmd,
    /** The write requests the mock received (what reached the public status page), in order. */
    writes: () => w!.mock.requests.filter((r) => r.method !== 'GET'),
    /** Connected to the mock, with host access for its origin as the settings form asks for it. */
    async connectMock(): Promise<void> {
      const granted = await ready(w!.s);
      await granted.close();
      const connected = await cmd<{ ok: boolean }>('statuspage/connect', {
        apiBase: w!.mock.base,
        pageId: w!.mock.pageId,
        apiKey: w!.mock.apiKey,
      });
      expect(connected.ok).toBe(true);
    },
    /** Opens one of the incident's views on a fresh load (the page reads what was seeded). */
    async openIncident(id: string, view: string): Promise<void> {
      await w!.page.goto(w!.s.url(`${PANEL}#/incident/${id}/${view}`));
      await w!.page.reload();
    },
  };
}
