import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATIONS } from '../db/settings';
import type { NotificationPrefs } from '../db/schema';
import { checkPrefs, choose, withManagedDefaults } from './prefs';

const built = DEFAULT_NOTIFICATIONS;

describe('checkPrefs', () => {
  it('keeps each good setting and names each bad one', () => {
    const { value, problems } = checkPrefs({
      newUpdate: false,
      minSeverity: 2,
      role: 'comms',
      mutedSources: ['s1', 's1', 'https://status.acme.test/api/v2/summary.json'],
      obligationDue: 'no',
      pager: true,
    });
    expect(value).toEqual({
      newUpdate: false,
      minSeverity: 2,
      role: 'comms',
      mutedSources: ['s1', 'https://status.acme.test/api/v2/summary.json'],
    });
    expect(problems).toEqual([
      { key: 'obligationDue', reason: 'wrongType' },
      { key: 'pager', reason: 'unknownKey' },
    ]);
  });

  it('refuses a severity or a role that is not one of the choices', () => {
    expect(checkPrefs({ minSeverity: 5, role: 'boss' }).problems).toEqual([
      { key: 'minSeverity', reason: 'badChoice' },
      { key: 'role', reason: 'badChoice' },
    ]);
    expect(checkPrefs({ minSeverity: null }).value).toEqual({ minSeverity: null });
  });
});

describe('whose value wins: the agent’s own choice, else the organisation’s default', () => {
  it('an agent who never chose follows the organisation, and its changes', () => {
    const first = withManagedDefaults(undefined, { role: 'agent', newUpdate: false }, built);
    expect(first).toMatchObject({ role: 'agent', newUpdate: false, chosen: [] });
    // IT changes the default: it follows
    const second = withManagedDefaults(first, { role: 'comms' }, built);
    expect(second).toMatchObject({ role: 'comms', newUpdate: true });
  });

  it('a setting the agent chose stays theirs when the organisation’s default changes', () => {
    const managed = withManagedDefaults(undefined, { minSeverity: 2, role: 'agent' }, built);
    const mine = choose(managed, { minSeverity: 1 });
    expect(mine.chosen).toEqual(['minSeverity']);
    const after = withManagedDefaults(mine, { minSeverity: 3, role: 'comms' }, built);
    expect(after).toMatchObject({ minSeverity: 1, role: 'comms' });
    // and when IT drops the defaults, the rest goes back to the built-in ones
    expect(withManagedDefaults(after, {}, built)).toMatchObject({ minSeverity: 1, role: 'all' });
  });

  it('a record from before choices were remembered keeps what differs from the built-in defaults', () => {
    const old = { ...built, newUpdate: false } as NotificationPrefs;
    delete old.chosen;
    const after = withManagedDefaults(old, { newUpdate: true, newIncident: false }, built);
    expect(after).toMatchObject({ newUpdate: false, newIncident: false, chosen: ['newUpdate'] });
  });
});
