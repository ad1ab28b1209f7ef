import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesSource, setMessageSource } from './translate';
import { obligationLabel } from './obligation-label';

const messages = (lang: string) =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  );
const MIN = 60_000;

describe('obligationLabel', () => {
  beforeAll(() => setMessageSource(messagesSource(messages('en'))));

  it('reads the cadence and the post-mortem window off the duty, so an edited policy reads true', () => {
    const at = 1_000_000;
    expect(
      obligationLabel({ ruleId: 'status_updates', label: 'x', anchorAt: at, dueAt: at + 20 * MIN }),
    ).toBe('Status page update every 20 min (impact, learned, next update time)');
    expect(
      obligationLabel({
        ruleId: 'postmortem',
        label: 'x',
        anchorAt: at,
        dueAt: at + 72 * 60 * MIN,
      }),
    ).toBe('Post-mortem published within 72 h of resolution');
  });

  it("keeps the policy's own words before the clock starts, and for rules the catalogue lacks", () => {
    const label = 'Post-mortem published within 72 h of resolution (team wording)';
    expect(obligationLabel({ ruleId: 'postmortem', label, anchorAt: null, dueAt: null })).toBe(
      label,
    );
    expect(
      obligationLabel({ ruleId: 'legal_review', label: 'Legal review', anchorAt: 0, dueAt: MIN }),
    ).toBe('Legal review');
  });

  it('speaks German when the UI does', () => {
    setMessageSource(messagesSource(messages('de')));
    expect(
      obligationLabel({ ruleId: 'status_updates', label: 'x', anchorAt: 0, dueAt: 30 * MIN }),
    ).toBe('Statusseiten-Update alle 30 Min. (Auswirkung, Erkenntnisse, nächstes Update)');
    expect(obligationLabel({ ruleId: 'bridge_call', label: 'x', anchorAt: 0, dueAt: 0 })).toBe(
      'Bridge-Call mit allen Beteiligten',
    );
    setMessageSource(messagesSource(messages('en')));
  });
});
