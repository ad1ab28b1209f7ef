import { describe, expect, it } from 'vitest';
import type { FeedIncident, FeedUpdate } from '../types';
import { buildSupportReply, latestPublicUpdate, replyText } from './support';

const t = (h: number, m: number): number => Date.UTC(2025, 2, 15, h, m);
const upd = (id: string, at: number, body: string, status: FeedUpdate['status']): FeedUpdate => ({
  id,
  status,
  body,
  createdAt: at,
  displayAt: at,
  affectedComponents: [],
});
const incident: FeedIncident = {
  id: 'inc1',
  kind: 'incident',
  name: 'Checkout errors',
  status: 'identified',
  impact: 'major',
  severity: 2,
  createdAt: t(13, 0),
  updatedAt: t(13, 40),
  shortlink: 'https://stspg.io/abc',
  components: [],
  updates: [
    upd(
      'u2',
      t(13, 40),
      'We identified a faulty gateway route and are rolling back.',
      'identified',
    ),
    upd('u1', t(13, 5), 'We are investigating.', 'investigating'),
  ],
};
const ctx = { now: t(13, 50), locale: 'en-GB', timeZone: 'UTC' };

describe('buildSupportReply', () => {
  it('acknowledges, says known and not user error, quotes the latest update, links and times', () => {
    expect(buildSupportReply(incident, ctx)).toBe(
      [
        'Hi,',
        '',
        'Thank you for reaching out, and sorry for the trouble. What you are seeing is caused by a known issue on our side (Checkout errors), not by anything you did.',
        '',
        'Latest status (13:40 UTC): We identified a faulty gateway route and are rolling back.',
        '',
        'You can follow progress at https://stspg.io/abc. The next update is expected by 14:10 UTC.',
      ].join('\n'),
    );
  });

  it('picks the newest update even if the list is out of order', () => {
    const shuffled = { ...incident, updates: [...incident.updates].reverse() };
    expect(latestPublicUpdate(shuffled)?.id).toBe('u2');
  });

  it('prefers an https status page url and ignores others', () => {
    expect(
      buildSupportReply(incident, { ...ctx, statusPageUrl: 'https://status.example.com' }),
    ).toContain('at https://status.example.com.');
    expect(buildSupportReply(incident, { ...ctx, statusPageUrl: 'javascript:alert(1)' })).toContain(
      'at https://stspg.io/abc.',
    );
  });

  it('says "shortly" when the expected update is overdue, and handles resolved incidents', () => {
    expect(buildSupportReply(incident, { ...ctx, now: t(15, 0) })).toContain(
      'The next update is expected shortly.',
    );
    const resolved = {
      ...incident,
      status: 'resolved' as const,
      updates: [
        upd('u3', t(14, 0), 'This incident has been resolved.', 'resolved'),
        ...incident.updates,
      ],
    };
    expect(buildSupportReply(resolved, ctx)).toContain('The issue is resolved;');
  });

  it('uses a valid custom template and falls back on a broken one', () => {
    expect(buildSupportReply(incident, { ...ctx, template: 'Known: {{incidentName}}' })).toBe(
      'Known: Checkout errors',
    );
    expect(buildSupportReply(incident, { ...ctx, template: 'Known: {{oops}}' })).toMatch(/^Hi,/);
  });

  it('works without any update or link', () => {
    const bare = { ...incident, updates: [], shortlink: undefined };
    const text = buildSupportReply(bare, ctx);
    expect(text).toContain('Latest status (13:40 UTC): Cause identified, fix in progress');
    expect(text).toContain('at our status page.');
  });
});

describe('buildSupportReply in German', () => {
  const de = { ...ctx, locale: 'de-DE' };

  it('writes the whole reply in German for a de locale, with a German clock', () => {
    const text = buildSupportReply(incident, de);
    expect(text.startsWith('Hallo,')).toBe(true);
    expect(text).toContain('bekannten Problem auf unserer Seite (Checkout errors)');
    expect(text).toContain(
      'Aktueller Stand (13:40 UTC): We identified a faulty gateway route and are rolling back.',
    );
    expect(text).toContain('auf https://stspg.io/abc verfolgen.');
    expect(text).toContain('Das nächste Update erwarten wir bis 14:10 UTC.');
    expect(text).not.toMatch(/\b(the|next update|expected)\b/i);
  });

  it('has German words for the status, the missing link, overdue and resolved', () => {
    const bare = { ...incident, updates: [], shortlink: undefined };
    const text = buildSupportReply(bare, { ...de, now: t(15, 0) });
    expect(text).toContain('Aktueller Stand (13:40 UTC): Ursache erkannt, Behebung läuft');
    expect(text).toContain('auf unserer Statusseite verfolgen.');
    expect(text).toContain('Das nächste Update erwarten wir in Kürze.');
    const resolved = {
      ...incident,
      status: 'resolved' as const,
      updates: [upd('u3', t(14, 0), 'Behoben.', 'resolved'), ...incident.updates],
    };
    expect(buildSupportReply(resolved, de)).toContain('Das Problem ist behoben.');
  });

  it('stays English for other locales', () => {
    for (const locale of ['en-US', 'fr', 'dexx', '']) {
      expect(buildSupportReply(incident, { ...ctx, locale }).startsWith('Hi,')).toBe(true);
    }
  });
});

describe('replies carry only text (issue 16, item 13)', () => {
  it('drops markup decoded from the feed, in the name and the latest update', () => {
    const hostile = {
      ...incident,
      name: 'Checkout <script>steal()</script>errors',
      updates: [
        upd(
          'u3',
          t(13, 45),
          'Fixed. <img src=x onerror=alert(1)> <a href="https://evil.example">Details</a>',
          'monitoring',
        ),
        ...incident.updates,
      ],
    };
    const reply = buildSupportReply(hostile, ctx);
    expect(reply).not.toMatch(/<[a-z/!?]/i);
    expect(reply).toContain('Latest status (13:45 UTC): Fixed. Details');
    expect(reply).toContain('(Checkout steal()errors)');
  });

  it('keeps a lone "<" as text, and breaks one that could open a tag', () => {
    expect(replyText('latency < 5 ms')).toBe('latency < 5 ms');
    expect(replyText('a <b')).toBe('a');
    expect(replyText('x <<img src=x onerror=y>')).toBe('x <');
    expect(replyText('<!-- c --> ok')).toBe('ok');
  });
});
