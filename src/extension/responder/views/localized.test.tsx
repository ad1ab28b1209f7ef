// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { setWidespreadPercent } from '../../../core/policy-edit';
import { lintActionItem } from '../../../core/review';
import type { IncidentRecord } from '../../db/schema';
import { Lints } from '../../reviews/views/lint-view';
import { setMessageSource } from '../../i18n/translate';
import { useCatalogue } from '../../background/i18n.test-kit';
import { ClassifyPanel } from './classify-panel';
import { DraftEditor } from './draft-editor';
import type { ComposeEnv } from './compose';

vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));

const NOW = Date.UTC(2025, 2, 15, 14, 0);
let host: HTMLElement;
const mount = (vnode: preact.ComponentChild): HTMLElement => {
  act(() => render(vnode, host));
  return host;
};
const texts = (el: Element, sel: string) => [...el.querySelectorAll(sel)].map((n) => n.textContent);

beforeEach(() => {
  host = document.createElement('div');
  useCatalogue('de');
});
afterEach(() => {
  render(null, host);
  setMessageSource((key) => key);
});

describe('a German UI words what the core says in German', () => {
  it('classifier: the rules that fired and the assumptions for unanswered questions', () => {
    const incident = {
      id: 'inc-1',
      severity: null,
      publiclyVisible: true,
      answers: { noUserCanAccessCore: false, dataIntegrityBreach: false, percentUsersAffected: 25 },
    } as unknown as IncidentRecord;
    const el = mount(
      <ClassifyPanel incident={incident} policy={DEFAULT_POLICY} onDone={() => undefined} />,
    );
    const [reasons, assumed] = [...el.querySelectorAll('ul.reasons')];
    expect(texts(reasons!, 'li')).toEqual([
      'Unbeantwortete Fragen könnten SEV-2 bedeuten; auf die höhere plausible Stufe eingestuft → SEV-2',
    ]);
    expect(texts(assumed!, 'li')).toEqual([
      'Nicht bekannt, wie wichtig die betroffene Funktion ist; angenommen: kritisch (SEV-2).',
      'Nicht bekannt, ob alle Enterprise-Konten betroffen sind; angenommen: ja (SEV-2).',
    ]);
  });

  it("classifier: the incident's policy draws the SEV-2/3 line and the sentences name it", () => {
    const incident = {
      id: 'inc-2',
      severity: null,
      publiclyVisible: true,
      answers: {
        noUserCanAccessCore: false,
        dataIntegrityBreach: false,
        brokenForAllEnterprise: false,
        workaroundKnown: false,
        featureCriticality: 'significant',
        percentUsersAffected: 25,
      },
    } as unknown as IncidentRecord;
    const at = (percent: number) =>
      mount(
        <ClassifyPanel
          key={percent}
          incident={incident}
          policy={setWidespreadPercent(DEFAULT_POLICY, percent)}
          onDone={() => undefined}
        />,
      );
    expect(texts(at(30).querySelector('ul.reasons')!, 'li')).toEqual([
      'Begrenzte Beeinträchtigung: 25 % der Nutzer betroffen (nicht mehr als 30 %) → SEV-3',
    ]);
    expect(texts(at(20).querySelector('ul.reasons')!, 'li')).toEqual([
      'Mehr als 20 % der aktiven Nutzer (25 %) bei einer wesentlichen Funktion betroffen → SEV-2',
    ]);
  });

  it('message draft: lints in the list and on the highlighted spans', () => {
    const env: ComposeEnv = {
      incident: { title: 'Checkout errors', components: ['Checkout'], startedAt: NOW - 600_000 },
      severity: 2,
      policy: DEFAULT_POLICY,
      now: NOW,
      locale: 'de',
      timeZone: 'UTC',
    };
    const saved = {
      accountName: 'Acme',
      feature: 'Checkout',
      impact: 'Payments fail after human error. It will be fixed by 3pm.',
      statusPageUrl: 'https://status.example.com',
      company: 'Example',
    };
    const el = mount(
      <DraftEditor incidentId="inc-1" kind="customer_email" saved={saved} env={env}>
        {() => null}
      </DraftEditor>,
    );
    const items = texts(el, 'ul.lints li');
    expect(items).toContain(
      'Warnung: „Human error“ (menschliches Versagen) beendet die Analyse bei einer Person ' +
        'Beschreiben Sie die Bedingung im System oder Prozess, die es zugelassen hat, ' +
        'z. B. „der Änderungsprozess hatte keinen Review-Schritt, der das abgefangen hätte“.',
    );
    expect(
      items.some((t) => t?.includes('„will be fixed by 3pm“ verspricht eine Behebungszeit')),
    ).toBe(true);
    expect(items.join(' ')).not.toMatch(/promises|ends the analysis/);
    expect([...el.querySelectorAll('mark.lint')].map((m) => m.getAttribute('title'))).toContain(
      '„Human error“ (menschliches Versagen) beendet die Analyse bei einer Person',
    );
  });

  it('review lints: a missing description', () => {
    const item = {
      id: 'a',
      description: '',
      owner: 'Ana',
      dueAt: 2e12,
      status: 'open' as const,
      createdAt: 0,
    };
    const el = mount(<Lints id="x" lints={lintActionItem(item, 0)} />);
    expect(texts(el, 'li')).toEqual(['Erforderlich: Beschreiben Sie die Maßnahme.']);
  });
});
