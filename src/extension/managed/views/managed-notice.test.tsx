// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { useCatalogue } from '../../background/i18n.test-kit';
import { DEFAULT_POLICY } from '../../../core/policy';

/**
 * Options → Sources under an organisation's policy: the notice as the user reads it. The browser
 * is a stand-in that serves `policy` from storage.managed and holds no host access.
 */
let policy: unknown = {};
const listeners = { addListener: () => {}, removeListener: () => {} };
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { managed: { get: () => Promise.resolve(policy) }, onChanged: listeners },
    permissions: {
      contains: () => Promise.resolve(false),
      onAdded: listeners,
      onRemoved: listeners,
    },
  },
}));
const { ManagedNotice } = await import('./managed-notice');

const host = document.createElement('div');
afterEach(() => render(null, host));
afterAll(() => useCatalogue('en'));

/** The notice for `config`, once the managed read and the permission checks have answered. */
async function notice(
  config: unknown,
): Promise<{ access: string; ignored: string; why: string[] }> {
  policy = config;
  act(() => render(<ManagedNotice />, host));
  await vi.waitFor(() => expect(host.querySelector('.managed-access li')).not.toBeNull());
  return {
    access: host.querySelector('#managed-access-list')!.textContent,
    ignored: host.querySelector('.managed-problems h3')?.textContent ?? '',
    why: [...host.querySelectorAll('.managed-problems li')].map((li) => li.textContent),
  };
}

const oneBadSource = {
  sources: [
    { name: 'Company status', url: 'https://status.acme.example/api/v2/summary.json' },
    { name: 'Broken feed', url: 'ftp://status.example/feed' },
  ],
  sites: [{ origin: 'https://acme.zendesk.example' }],
};

describe('the managed notice counts in words and names each ignored value as its field', () => {
  test.each([
    [
      'en',
      'Incident Lens needs access to 2 sites your organisation set up:',
      '1 managed value ignored',
      '“Feed URL of source 2” is not a valid web address (http or https).',
    ],
    [
      'de',
      'Incident Lens braucht Zugriff auf 2 von Ihrer Organisation eingerichtete Websites:',
      '1 verwalteter Wert ignoriert',
      '„Feed-URL der Quelle 2“ ist keine gültige Webadresse (http oder https).',
    ],
  ] as const)('%s: one bad source beside two sites', async (lang, access, ignored, why) => {
    useCatalogue(lang);
    expect(await notice(oneBadSource)).toEqual({ access, ignored, why: [why] });
  });

  test('one site, several values: the other plural forms', async () => {
    useCatalogue('en');
    const r = await notice({
      sources: [
        { name: 'Company status', url: 'https://status.acme.example/feed', pollSeconds: 5 },
      ],
      sites: ['https://status.acme.example'],
      team: { serverUrl: 'https://couch.acme.example', password: 'x' },
      templates: { de: { banner: '' } },
      allowUserSites: 'no',
    });
    expect(r.access).toBe('Incident Lens needs access to 1 site your organisation set up:');
    expect(r.ignored).toBe('4 managed values ignored');
    expect(r.why).toEqual([
      '“Poll interval (seconds) of source 1” must be a whole number of seconds from 30 to 86400.',
      '“In-app banner (German)” has the wrong type or is empty.',
      '“team.password”: passwords are never read from a policy file (every local user can read it); each agent signs in.',
      '“Allow own sites” has the wrong type or is empty.',
    ]);
    // the reader's paths are IT's to look up, never the user's words (an unknown key excepted)
    expect(r.why.join(' ')).not.toMatch(/sources\[|pollSeconds|templates\.|allowUserSites/);
  });

  test.each([
    [
      'en',
      '“Status page update (English)” is invalid, so the current template stays. {{featur}} is not a placeholder of this template. It can use: {{impacted}}, {{learned}}, {{nextUpdateTime}}.',
    ],
    [
      'de',
      '„Statusseiten-Update (Englisch)“ ist ungültig, daher bleibt die aktuelle Vorlage. {{featur}} ist kein Platzhalter dieser Vorlage. Möglich sind: {{impacted}}, {{learned}}, {{nextUpdateTime}}.',
    ],
  ] as const)('%s: a refused template is explained in the language', async (lang, why) => {
    useCatalogue(lang);
    const r = await notice({
      sites: ['https://acme.zendesk.example'],
      templates: {
        en: {
          update:
            'Still impacted: {{impacted}}. Learned: {{learned}}. Next by {{nextUpdateTime}}. {{featur}}',
        },
      },
    });
    expect(r.why).toEqual([why]);
  });

  test.each([
    [
      'en',
      "“Status page update cadence (minutes)” must be a number greater than 0. So your organisation's policy is left out, and the current policy stays.",
    ],
    [
      'de',
      '„Takt der Statusseiten-Updates (Minuten)“ muss eine Zahl größer als 0 sein. Daher bleibt die Richtlinie Ihrer Organisation außen vor, und die aktuelle gilt weiter.',
    ],
  ] as const)('%s: a refused policy is worded as Options → Policy words it', async (lang, why) => {
    useCatalogue(lang);
    const r = await notice({
      sites: ['https://acme.zendesk.example'],
      policy: { ...DEFAULT_POLICY, updateCadenceMinutes: 0 },
    });
    expect(r.why).toEqual([why]);
  });
});
