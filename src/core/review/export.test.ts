import { describe, expect, it } from 'vitest';
import { reviewToHtml, reviewToMarkdown } from './export';
import { review } from './fixtures.test-kit';
import { BLAMELESS_STATEMENT } from './model';

const opts = { locale: 'en-GB', timeZone: 'UTC' };

const EXPECTED_MD = `# Post-incident review: Checkout errors on 15 March

> This review is blameless: it looks for the conditions in our systems and processes that allowed the incident, not for someone to blame.

- **Status:** Published 17 Mar 2025, 9:30
- **Incident:** inc-42
- **Participants:** Ana, Mehmet
- **Time zone:** UTC

## Summary

Card payments failed for 85 minutes.

## Timeline

_All times in UTC._

- **15 Mar 2025, 14:00** Declared _(validated by Ana)_
- **15 Mar 2025, 14:05** Classified SEV-2 _(validated by Ana)_

## Impact

- Customers affected: 1,200
- Duration (from the start): 1 h 25 min
- Estimated ARR at risk: 200,000
- Account Acme: ARR 120,000
- Account Globex: ARR 80,000

## Five whys

1. Card payments failed.
2. The gateway route pointed at a retired endpoint.
3. The change process had no review step for routing configuration.

## Root cause

Routing configuration changes bypassed review.

## Mitigations completed

- Rolled back the gateway route.

## What went well and what to improve

_Not yet written._

## Action items

- Add a review step for deployment configuration changes to the runbook _(owner: Mehmet; due: 15 Mar 2025; status: open)_
- Alert when gateway errors exceed 2% for 5 minutes _(owner: Ana; due: 31 Mar 2025; status: open)_
`;

describe('reviewToMarkdown', () => {
  it('matches the expected text (timeline and action items sorted)', () => {
    expect(reviewToMarkdown(review(), opts)).toBe(EXPECTED_MD);
  });

  it('is stable: same review, same bytes; input order does not matter', () => {
    const r = review();
    const shuffled = review({
      timeline: [...r.timeline].reverse(),
      actionItems: [...r.actionItems].reverse(),
      impact: { ...r.impact, accounts: [...r.impact.accounts].reverse() },
    });
    const untouched = structuredClone(shuffled);
    expect(reviewToMarkdown(structuredClone(r), opts)).toBe(EXPECTED_MD);
    expect(reviewToMarkdown(shuffled, opts)).toBe(EXPECTED_MD);
    // sorted for the export, not in the caller's review
    expect(shuffled).toEqual(untouched);
  });

  it('uses the given time zone, not the host one', () => {
    const md = reviewToMarkdown(review(), { locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(md).toContain('- **15 Mar 2025, 23:00** Declared');
  });

  it('shows a draft with empty sections and keeps text inert', () => {
    const md = reviewToMarkdown(
      review({
        publishedAt: undefined,
        summary: undefined,
        timeline: [],
        whys: [],
        actionItems: [],
        participants: [],
        title: '<img src=x onerror=alert(1)>',
      }),
      opts,
    );
    expect(md).toContain('- **Status:** Draft');
    expect(md).toContain('## Summary\n\n_Not yet written._');
    expect(md).toContain('## Action items\n\n_None yet._');
    expect(md).toContain('# Post-incident review: \\<img src=x onerror=alert(1)\\>');
  });
});

describe('reviewToHtml', () => {
  const evil = review({
    title: 'Outage <script>alert("x")</script>',
    summary: 'A & B <b>bold</b>',
    actionItems: [],
    participants: ['"Ana" <a@x>'],
  });

  it('escapes untrusted text everywhere', () => {
    const html = reviewToHtml(evil, opts);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '<title>Post-incident review: Outage &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>',
    );
    expect(html).toContain('<p>A &amp; B &lt;b&gt;bold&lt;/b&gt;</p>');
    expect(html).toContain('<dd>&quot;Ana&quot; &lt;a@x&gt;</dd>');
  });

  it('escapes the locale attribute too', () => {
    expect(reviewToHtml(evil, { locale: 'en"><script>', timeZone: 'UTC' })).toContain(
      '<html lang="en&quot;&gt;&lt;script&gt;">',
    );
  });

  it('is a printable, self-contained, stable document with the blameless statement', () => {
    const html = reviewToHtml(review(), opts);
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).toContain(`<p class="statement">${BLAMELESS_STATEMENT}</p>`);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(reviewToHtml(review(), opts)).toBe(html);
    expect(html).toContain(
      '<li><strong>15 Mar 2025, 14:00</strong> Declared <span class="note">(validated by Ana)</span></li>',
    );
  });
});

describe('exports in German', () => {
  const de = { locale: 'de-DE', timeZone: 'UTC' };

  it('writes headings, labels and notes in German for a de locale, with German dates and numbers', () => {
    const md = reviewToMarkdown(review(), de);
    expect(md.startsWith('# Nachbesprechung: Checkout errors on 15 March\n')).toBe(true);
    expect(md).toContain('> Diese Nachbesprechung kommt ohne Schuldzuweisung aus');
    expect(md).toContain('- **Beteiligte:** Ana, Mehmet');
    expect(md).toContain('- **Zeitzone:** UTC');
    for (const heading of ['Zusammenfassung', 'Zeitverlauf', 'Auswirkung', 'Fünf Warum']) {
      expect(md).toContain(`\n## ${heading}\n`);
    }
    expect(md).toContain('_Alle Zeiten in UTC._');
    expect(md).toContain('(bestätigt von Ana)');
    expect(md).toContain('- Betroffene Kunden: 1.200');
    expect(md).toContain('- Dauer (ab Beginn): 1 h 25 min');
    expect(md).toMatch(
      /verantwortlich: .+; fällig: .+; Stand: (offen|erledigt|wird nicht umgesetzt)/,
    );
    expect(md).not.toMatch(/\b(Summary|Timeline|Impact|Participants|owner|validated)\b/);
    // The same document in HTML, labelled as German.
    const html = reviewToHtml(review(), de);
    expect(html).toContain('<html lang="de-DE">');
    expect(html).toContain('<h2>Zusammenfassung</h2>');
  });

  it('stays English for other locales', () => {
    expect(reviewToMarkdown(review(), { locale: 'fr-FR', timeZone: 'UTC' })).toContain(
      '## Summary',
    );
  });
});

describe('multi-line timeline entries', () => {
  const twoLines = review({
    timeline: [
      {
        id: 't1',
        at: Date.UTC(2025, 2, 15, 14, 0),
        text: 'Rolled back.\nErrors fell to baseline.',
        validatedBy: 'Ana',
      },
    ],
  });

  it('keep their lines in Markdown (a hard break inside the list item)', () => {
    expect(reviewToMarkdown(twoLines, opts)).toContain(
      '- **15 Mar 2025, 14:00** Rolled back.  \n  Errors fell to baseline. _(validated by Ana)_',
    );
  });

  it('keep their lines in HTML, escaped', () => {
    expect(reviewToHtml(twoLines, opts)).toContain(
      '<li><strong>15 Mar 2025, 14:00</strong> Rolled back.<br>Errors fell to baseline. <span class="note">(validated by Ana)</span></li>',
    );
  });
});
