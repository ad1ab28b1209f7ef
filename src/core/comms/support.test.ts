import { describe, expect, it } from 'vitest';
import type { FeedIncident, FeedUpdate } from '../types';
import { validateTemplate } from './render';
import { buildSupportReply, latestPublicUpdate, replyState, replyText } from './support';
import { REPLY_STATES, SUPPORT_REPLY_BY_STATE } from './templates';

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
        'Thank you for reaching out, and sorry for the trouble. What you are seeing is caused by a known issue on our side (Checkout errors), not by anything you did. We have found the cause and are working on a fix.',
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

  it('links the incident, not the status page root; an https page only without one', () => {
    const page = { ...ctx, statusPageUrl: 'https://status.example.com' };
    // Issue 19, item 8: the incident's own link wins over the status page's root.
    expect(buildSupportReply(incident, page)).toContain('at https://stspg.io/abc.');
    expect(
      buildSupportReply(incident, {
        ...page,
        incidentUrl: 'https://status.example.com/incidents/inc1',
      }),
    ).toContain('at https://status.example.com/incidents/inc1.');
    const noLink = { ...incident, shortlink: undefined };
    expect(buildSupportReply(noLink, page)).toContain('at https://status.example.com.');
    expect(
      buildSupportReply(noLink, {
        ...ctx,
        incidentUrl: 'javascript:alert(1)',
        statusPageUrl: 'http://x.test',
      }),
    ).toContain('at our status page.');
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
    expect(buildSupportReply(resolved, ctx)).toContain(
      'The issue on our side (Checkout errors) was resolved at 14:00 UTC: everything should work normally again.',
    );
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
    expect(buildSupportReply(resolved, de)).toContain(
      'Das Problem auf unserer Seite (Checkout errors) ist seit 14:00 UTC behoben',
    );
  });

  it('stays English for other locales', () => {
    for (const locale of ['en-US', 'fr', 'dexx', '']) {
      expect(buildSupportReply(incident, { ...ctx, locale }).startsWith('Hi,')).toBe(true);
    }
  });
});

describe('a reply for every state (issue 19)', () => {
  const at = (status: FeedUpdate['status']) => ({
    ...incident,
    status,
    updates: [upd('u9', t(13, 45), 'Posted text.', status)],
  });
  const maintenance: FeedIncident = {
    ...incident,
    kind: 'maintenance',
    name: 'Database upgrade',
    status: 'scheduled',
    severity: null,
    scheduledFor: t(22, 0),
    scheduledUntil: t(23, 30),
    updates: [upd('m1', t(12, 0), 'We will upgrade the database.', 'scheduled')],
  };

  it('picks the state from the latest update, post-mortem and completed reading as resolved', () => {
    expect(replyState(at('investigating'))).toBe('investigating');
    expect(replyState(at('identified'))).toBe('identified');
    expect(replyState(at('monitoring'))).toBe('monitoring');
    expect(replyState(at('resolved'))).toBe('resolved');
    expect(replyState(at('postmortem'))).toBe('resolved');
    expect(replyState(at('unknown'))).toBe('investigating');
    expect(replyState(maintenance)).toBe('scheduled');
    expect(replyState({ ...maintenance, status: 'verifying', updates: [] })).toBe('in_progress');
    expect(replyState({ ...maintenance, status: 'completed', updates: [] })).toBe('resolved');
  });

  it('words each state differently, in English and German, every placeholder filled', () => {
    const cases: [FeedIncident, RegExp, RegExp][] = [
      [at('investigating'), /investigating it since 13:00 UTC/, /untersucht es seit 13:00 UTC/],
      [at('identified'), /found the cause/, /Ursache gefunden/],
      [at('monitoring'), /A fix is in place/, /Behebung ist eingespielt/],
      [at('resolved'), /was resolved at 13:45 UTC/, /seit 13:45 UTC behoben/],
      [
        maintenance,
        /planned maintenance .* from 22:00 UTC until 23:30 UTC/,
        /von 22:00 UTC bis 23:30 UTC/,
      ],
      [
        {
          ...maintenance,
          status: 'in_progress',
          updates: [upd('m2', t(13, 30), 'Started.', 'in_progress')],
        },
        /in progress and should be finished by 23:30 UTC/,
        /bis 23:30 UTC abgeschlossen/,
      ],
    ];
    const seen = new Set<string>();
    for (const [item, en, de] of cases) {
      const english = buildSupportReply(item, ctx);
      const german = buildSupportReply(item, { ...ctx, locale: 'de' });
      expect(english).toMatch(en);
      expect(german).toMatch(de);
      for (const text of [english, german]) expect(text).not.toMatch(/\{\{|\}\}/);
      seen.add(english);
    }
    expect(seen.size).toBe(cases.length);
  });

  it('every built-in state template is a valid support reply template', () => {
    for (const lang of ['en', 'de'] as const)
      for (const state of REPLY_STATES)
        expect(validateTemplate('support_reply', SUPPORT_REPLY_BY_STATE[lang][state])).toEqual([]);
  });

  it('a maintenance without an announced end says so in words', () => {
    const open = { ...maintenance, scheduledUntil: undefined };
    expect(buildSupportReply(open, ctx)).toContain('until the end of the announced window.');
    expect(buildSupportReply(open, { ...ctx, locale: 'de' })).toContain(
      'bis zum Ende des angekündigten Zeitraums.',
    );
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
