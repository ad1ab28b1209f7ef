/** Each adapter on its provider's fixture: what a product team would see. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeIncidents, effectiveIndicator, latestUpdate, relevantMaintenances } from '../index';
import { describeAdapterProblem, readFeed } from './index';
import {
  readAtom,
  readBetterStack,
  readCachet,
  readIncidentIo,
  readInstatus,
  readOpenStatus,
  readRss,
  readStatuspage,
} from './index';
import type { FormatResult } from './types';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixtureJson = (name: string): unknown => JSON.parse(fixtureText(name)) as unknown;

const at = (iso: string): number => Date.parse(iso);
const messages = (r: FormatResult): string[] =>
  r.problems.map((p) => {
    const d = describeAdapterProblem(p);
    return `${d.path}: ${d.message}`;
  });

describe('Statuspage v2 with companions', () => {
  const summary = JSON.parse(
    fixtureText('../statuspage/statuspage-exporter-github-summary-investigating.json'),
  ) as unknown;

  it('merges unresolved incidents and upcoming maintenances into the summary', () => {
    const alone = readStatuspage(summary);
    const r = readStatuspage(summary, {
      companions: {
        unresolved: fixtureJson('statuspage-unresolved.json'),
        upcoming: fixtureJson('statuspage-upcoming.json'),
      },
    });
    expect(r.format).toBe('statuspage');
    expect(r.feed.incidents.map((i) => i.name)).toContain('Incident with Codespaces');
    expect(r.feed.incidents).toHaveLength(alone.feed.incidents.length + 1);
    expect(r.feed.maintenances.map((m) => m.name)).toEqual(['Scheduled database maintenance']);
    expect(r.feed.maintenances[0]!.scheduledFor).toBe(at('2022-11-27T02:00:00Z'));
    // The summary's indicator and components are kept.
    expect(r.feed.indicator).toBe(alone.feed.indicator);
    expect(r.feed.components.length).toBe(alone.feed.components.length);
  });

  it('keeps the more recently updated copy of an incident both documents list', () => {
    const older = {
      incidents: [
        { id: 'a', name: 'Old name', status: 'investigating', updated_at: '2026-01-01T00:00:00Z' },
      ],
    };
    const newer = {
      incidents: [
        { id: 'a', name: 'New name', status: 'monitoring', updated_at: '2026-01-02T00:00:00Z' },
      ],
    };
    const r = readStatuspage(older, { companions: { unresolved: newer } });
    expect(r.feed.incidents.map((i) => [i.name, i.status])).toEqual([['New name', 'monitoring']]);
  });

  it('reports a companion problem with the companion file in its path', () => {
    const r = readStatuspage(summary, { companions: { upcoming: '{"scheduled_maintenances": 5' } });
    expect(messages(r)).toContain('upcoming.json:$: not valid JSON (truncated or malformed)');
  });

  it('reads Rootly status.json (Statuspage-shaped)', () => {
    const r = readFeed(fixtureJson('rootly-status.json'));
    expect(r.format).toBe('statuspage');
    expect(r.feed.indicator).toBe('minor');
    expect(activeIncidents(r.feed).map((i) => [i.name, i.severity])).toEqual([
      ['Delayed webhooks', 3],
    ]);
  });
});

describe('incident.io Widget API', () => {
  const r = readIncidentIo(fixtureJson('incidentio-summary.json'));

  it('maps the ongoing incident with its impact, last update and affected components', () => {
    expect(r.problems).toEqual([]);
    const [i] = activeIncidents(r.feed);
    expect(i).toMatchObject({
      name: 'Elevated API latency',
      status: 'identified',
      impact: 'major', // partial_outage, as Statuspage derives impact from components
      severity: 2,
      shortlink: 'https://status.acme.example/incidents/01HZQ4W9X3S0M8K2J7B5N6V1C4',
    });
    expect(i!.components.map((c) => [c.name, c.newStatus])).toEqual([
      ['Public API', 'partial_outage'],
      ['Webhooks', 'partial_outage'],
    ]);
    // Markup in the message is text, never markup.
    expect(latestUpdate(i!)!.body).toBe(
      'We have identified the cause of the elevated latency and are rolling out a fix.\n\nNext update in 30 minutes.',
    );
  });

  it('maps in-progress and scheduled maintenances with their windows', () => {
    const shown = relevantMaintenances(r.feed, at('2026-12-05T10:00:00Z'), 24);
    expect(shown.map((m) => [m.name, m.status])).toEqual([
      ['Database failover test', 'in_progress'],
      ['Network upgrade in eu-west', 'scheduled'],
    ]);
    expect(shown[0]!.scheduledUntil).toBe(at('2026-12-05T11:00:00Z'));
    expect(shown[1]!.scheduledFor).toBe(at('2026-12-06T02:00:00Z'));
  });

  it('derives the page indicator from the worst ongoing incident', () => {
    expect(r.feed.indicator).toBe('major');
    expect(r.feed.page).toEqual({ name: 'Acme Status', url: 'https://status.acme.example' });
    const calm = readIncidentIo({
      ongoing_incidents: [],
      in_progress_maintenances: [],
      scheduled_maintenances: [],
    });
    expect(calm.feed.indicator).toBe('none');
  });

  it('gives a new update id when a new update is posted (so it is not taken as seen)', () => {
    const doc = fixtureJson('incidentio-summary.json') as {
      ongoing_incidents: Record<string, unknown>[];
    };
    const before = latestUpdate(readIncidentIo(doc).feed.incidents[0]!)!.id;
    doc.ongoing_incidents[0]!.last_update_at = '2026-12-05T10:11:00Z';
    expect(latestUpdate(readIncidentIo(doc).feed.incidents[0]!)!.id).not.toBe(before);
  });
});

describe('Instatus summary.json', () => {
  it('maps the documented example: the page issue, the incident and the maintenance window', () => {
    const r = readInstatus(fixtureJson('instatus-summary.json'));
    expect(r.problems).toEqual([]);
    expect(r.feed.page).toEqual({ name: 'Instatus', url: 'https://instat.us' });
    expect(r.feed.indicator).toBe('critical'); // HASISSUES, with a MAJOROUTAGE incident
    const [i] = activeIncidents(r.feed);
    expect(i).toMatchObject({
      id: 'cl4a8n3070721qtmzvts760c4',
      name: "We're facing an issue with our API",
      status: 'investigating',
      severity: 1,
      createdAt: at('2022-06-11T18:55:50Z'), // from Date#toString() text
    });
    const [m] = r.feed.maintenances;
    expect(m).toMatchObject({
      id: 'cl4a8nlv50918qtmzdlw60ivu', // from its URL: the summary has no id
      status: 'scheduled',
      scheduledFor: at('2022-06-11T18:55:54Z'),
      scheduledUntil: at('2022-06-11T19:55:54Z'), // 60 minutes
    });
  });

  it('reads an all-clear page whose lists are absent', () => {
    const r = readInstatus(fixtureJson('instatus-up.json'));
    expect(r.problems).toEqual([]);
    expect(effectiveIndicator(r.feed)).toBe('none');
    expect(r.feed.incidents).toEqual([]);
  });

  it('reads HASISSUES without incidents as a minor issue', () => {
    const r = readInstatus({ page: { name: 'X', url: 'https://x.example', status: 'HASISSUES' } });
    expect(r.feed.indicator).toBe('minor');
  });
});

describe('Better Stack index.json', () => {
  const r = readBetterStack(fixtureJson('betterstack-index.json'));

  it('maps the page, its aggregate state, sections and resources', () => {
    expect(r.problems).toEqual([]);
    expect(r.feed.page).toMatchObject({
      id: '209713',
      name: 'Latitude',
      url: 'https://status.latitude.so',
    });
    expect(r.feed.indicator).toBe('minor'); // degraded
    const group = r.feed.components.find((c) => c.isGroup)!;
    expect(group.name).toBe('Monitors');
    expect(group.children).toEqual(['8534772', '8534773']);
    expect(r.feed.components.find((c) => c.id == '8534772')).toMatchObject({
      name: 'app.latitude.so/api/health',
      status: 'degraded_performance',
      groupId: 'section-254116',
    });
  });

  it('maps an open report with its updates, newest first, and the resources it affects', () => {
    const [i] = activeIncidents(r.feed);
    expect(i!.name).toBe('Delayed data processing in the Europe region');
    expect(i!.status).toBe('unknown'); // Better Stack reports have no phases
    expect(i!.severity).toBe(3); // degraded → minor
    expect(i!.updates.map((u) => u.body)).toEqual([
      'Processing of new data in the Europe region is starting to recover.',
      'We are seeing delays processing new data in the Europe region.',
    ]);
    expect(i!.updates[1]!.affectedComponents).toEqual([
      { id: '8534772', name: 'app.latitude.so/api/health', newStatus: 'major_outage' },
    ]);
    expect(i!.components.map((c) => c.name)).toEqual(['app.latitude.so/api/health']);
  });

  it('reads a resolved report as resolved and a maintenance report as a scheduled window', () => {
    expect(r.feed.incidents.find((i) => i.id == '582904')).toMatchObject({
      status: 'resolved',
      resolvedAt: at('2025-03-04T12:01:00Z'),
    });
    const shown = relevantMaintenances(r.feed, at('2025-06-08T01:30:00Z'));
    expect(shown.map((m) => [m.name, m.status])).toEqual([['Database upgrade', 'scheduled']]);
    expect(relevantMaintenances(r.feed, at('2025-06-08T02:30:00Z'))).toEqual([]);
  });
});

describe('OpenStatus feed JSON', () => {
  const r = readOpenStatus(fixtureJson('openstatus-feed.json'));

  it('maps status reports with their updates, and components with monitor status and groups', () => {
    expect(r.problems).toEqual([]);
    expect(r.feed.page.name).toBe('OpenStatus');
    expect(r.feed.indicator).toBe('minor');
    const [i] = activeIncidents(r.feed);
    expect(i).toMatchObject({
      name: 'Increased latency on the API',
      status: 'monitoring',
      severity: null,
    });
    expect(i!.updates.map((u) => u.status)).toEqual(['monitoring', 'investigating']);
    expect(i!.components).toEqual([{ id: '11', name: 'API' }]);
    expect(r.feed.components.find((c) => c.id == '11')).toMatchObject({
      status: 'degraded_performance',
      groupId: 'group-5',
    });
    expect(r.feed.components.find((c) => c.id == '13')!.status).toBe('unknown'); // no monitor
    expect(r.feed.components.find((c) => c.id == 'group-5')).toMatchObject({
      name: 'Platform',
      isGroup: true,
    });
  });

  it('maps maintenances with their window and message', () => {
    const [m] = relevantMaintenances(r.feed, at('2026-12-05T10:00:00Z'));
    expect(m).toMatchObject({
      name: 'Database migration',
      scheduledFor: at('2026-12-06T01:00:00Z'),
    });
    expect(m!.updates[0]!.body).toMatch(/^We are migrating the primary database/);
    expect(m!.components).toEqual([{ id: '11', name: 'API' }]);
  });
});

describe('Cachet', () => {
  it('reads 2.x incidents, with scheduled ones as maintenances, and zone-less dates as UTC', () => {
    const r = readCachet(fixtureJson('cachet2-incidents.json'));
    expect(r.problems).toEqual([]);
    const [i] = activeIncidents(r.feed);
    expect(i).toMatchObject({
      id: '3',
      name: 'API response times degraded',
      status: 'identified',
      severity: null, // Cachet has no impact
      createdAt: at('2026-12-05T08:55:00Z'),
    });
    expect(latestUpdate(i!)!.body).toBe(
      'We have **identified** a slow database query and are deploying a fix.',
    );
    expect(r.feed.incidents.find((x) => x.id == '1')!.status).toBe('resolved');
    expect(r.feed.maintenances[0]).toMatchObject({
      name: 'Planned database upgrade',
      status: 'scheduled',
    });
    expect(r.feed.maintenances[0]!.scheduledFor).toBe(at('2026-12-07T02:00:00Z'));
  });

  it('merges the components document and derives the indicator from it', () => {
    const r = readCachet(fixtureJson('cachet2-incidents.json'), {
      companions: { components: fixtureJson('cachet2-components.json') },
    });
    expect(r.problems).toEqual([]);
    expect(r.feed.components.map((c) => [c.name, c.status, c.groupId])).toEqual([
      ['API', 'degraded_performance', null],
      ['Notifications', 'operational', 'group-3'],
    ]);
    expect(r.feed.indicator).toBe('minor');
  });

  it('reads 3.x JSON:API incidents with included updates', () => {
    const r = readCachet(fixtureJson('cachet3-incidents.json'));
    expect(r.problems).toEqual([]);
    const [i] = activeIncidents(r.feed);
    expect(i!.name).toBe('Documentation Performance Degradation');
    expect(i!.updates.map((u) => [u.status, u.body])).toEqual([
      ['identified', 'We have identified the slow page and are caching it.'],
      [
        'investigating',
        "We're investigating an issue with our documentation causing the site to be slow.",
      ],
    ]);
    expect(r.feed.incidents.find((x) => x.id == '1')!.status).toBe('resolved');
  });

  it('reads a 3.x incident of status 0 ("unknown", an open one in 3.x) as an open incident', () => {
    // 3.x keeps maintenances apart (schedules); its incident status 0 is "unknown", not 2.x's
    // "scheduled".
    const doc = fixtureJson('cachet3-incidents.json') as {
      data: { attributes: { status: { human: string; value: number } } }[];
    };
    doc.data[0]!.attributes.status = { human: 'Unknown', value: 0 };
    const r = readCachet(doc);
    expect(r.feed.maintenances).toEqual([]);
    expect(activeIncidents(r.feed).map((i) => [i.name, i.status])).toEqual([
      ['Documentation Performance Degradation', 'unknown'],
    ]);
  });
});

describe('Atom history feed (Statuspage history.atom)', () => {
  const r = readAtom(fixtureText('github-history.atom'));

  it('turns each entry into an incident with every update, dated from the update blocks', () => {
    expect(r.problems).toEqual([]);
    expect(r.feed.page).toEqual({
      name: 'GitHub Status - Incident History',
      url: 'https://www.githubstatus.com',
    });
    const resolved = r.feed.incidents.find((i) => i.id == 'cbphcjkww9r2')!;
    expect(resolved).toMatchObject({
      name: 'Incident on 2021-02-24 19:25 UTC',
      status: 'resolved',
      shortlink: 'https://www.githubstatus.com/incidents/cbphcjkww9r2',
      createdAt: at('2021-02-24T19:25:00Z'),
      resolvedAt: at('2021-02-24T20:01:00Z'),
    });
    expect(resolved.updates.map((u) => [u.status, u.body])).toEqual([
      ['resolved', 'This incident has been resolved.'],
      ['investigating', 'We are investigating reports of degraded performance for Git Operations.'],
    ]);
  });

  it('says severity is unknown: a history feed carries no impact', () => {
    expect(r.feed.indicator).toBe('unknown');
    for (const i of r.feed.incidents) expect([i.impact, i.severity]).toEqual(['unknown', null]);
  });

  it('keeps the open incident active, "Update" keeping the status before it', () => {
    const [open] = activeIncidents(r.feed);
    expect(open!.name).toBe('Incident with GitHub Actions');
    expect(open!.status).toBe('identified');
    expect(open!.updates.map((u) => u.status)).toEqual([
      'identified',
      'identified',
      'investigating',
    ]);
    expect(latestUpdate(open!)!.displayAt).toBe(at('2021-02-25T10:12:00Z'));
  });

  it('reads a maintenance by its status words', () => {
    expect(r.feed.maintenances.map((m) => [m.name, m.status])).toEqual([
      ['Scheduled maintenance of GitHub Packages', 'scheduled'],
    ]);
  });

  it('puts a small date later in the year than the entry in the year before', () => {
    const feed = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
      <updated>2026-01-01T00:10:00Z</updated><link href="https://s.example/incidents/abc"/><title>New year</title>
      <content type="html">&lt;p&gt;&lt;small&gt;Jan  1, 00:05 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - ok&lt;/p&gt;&lt;p&gt;&lt;small&gt;Dec 31, 23:50 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - hm&lt;/p&gt;</content></entry></feed>`;
    const [i] = readAtom(feed).feed.incidents;
    expect(i!.createdAt).toBe(at('2025-12-31T23:50:00Z'));
    expect(i!.resolvedAt).toBe(at('2026-01-01T00:05:00Z'));
  });

  it('reads xhtml titles and content (markup inside a div, RFC 4287 3.1.1.3) as text', () => {
    const xhtml = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;
    const r = readAtom(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml">${xhtml('Acme <b>Status</b>')}</title>` +
        `<entry><id>1</id><updated>2024-01-15T10:00:00Z</updated><link href="https://s.example/incidents/a"/>` +
        `<title type="xhtml">${xhtml('API <em>down</em> &amp; slow')}</title>` +
        `<content type="xhtml">${xhtml('<p>Investigating: the <b>API</b> fails &lt;sometimes&gt;.</p><p>More <script>x()</script>soon.</p>')}</content>` +
        `</entry></feed>`,
    );
    expect(r.problems).toEqual([]);
    expect(r.feed.page.name).toBe('Acme Status');
    const [i] = r.feed.incidents;
    expect([i!.name, i!.status, i!.updates.map((u) => u.body)]).toEqual([
      'API down & slow',
      'investigating',
      ['Investigating: the API fails <sometimes>.\n\nMore soon.'],
    ]);
  });

  it('reads the small dates of pages set to a European or Asia-Pacific zone', () => {
    const block = (when: string, status: string) =>
      `&lt;p&gt;&lt;small&gt;${when}&lt;/small&gt;&lt;br&gt;&lt;strong&gt;${status}&lt;/strong&gt; - x&lt;/p&gt;`;
    for (const [zone, offsetHours] of [
      ['CET', 1],
      ['CEST', 2],
      ['BST', 1],
      ['EET', 2],
      ['JST', 9],
      ['AEST', 10],
      ['AEDT', 11],
      ['NZDT', 13],
    ] as const) {
      const feed = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
        <updated>2026-05-01T12:00:00Z</updated><link href="https://s.example/incidents/abc"/><title>t</title>
        <content type="html">${block(`May 1, 14:00 ${zone}`, 'Resolved')}${block(`May 1, 13:00 ${zone}`, 'Investigating')}</content></entry></feed>`;
      const r = readAtom(feed);
      expect(r.problems, zone).toEqual([]);
      expect(r.feed.incidents[0]!.createdAt, zone).toBe(
        at('2026-05-01T13:00:00Z') - offsetHours * 3_600_000,
      );
    }
  });
});

describe('RSS history feeds', () => {
  it('reads Statuspage history.rss like history.atom', () => {
    const r = readRss(fixtureText('statuspage-history.rss'));
    expect(r.problems).toEqual([]);
    expect(r.feed.incidents.map((i) => [i.id, i.status, i.updates.length])).toEqual([
      ['cbphcjkww9r2', 'resolved', 2],
      ['7ct9z7mv9kw1', 'resolved', 2],
    ]);
  });

  it('groups Better Stack items (one per update) into incidents by link, status from "[Status]"', () => {
    const r = readRss(fixtureText('betterstack-feed.rss'));
    expect(r.problems).toEqual([]);
    expect(r.feed.page).toEqual({
      name: 'Example Company Status',
      url: 'https://status.example.com',
    });
    const db = r.feed.incidents.find((i) => i.id == '98765')!;
    expect(db).toMatchObject({ name: 'Database Connection Issues', status: 'resolved' });
    expect(db.updates.map((u) => [u.status, u.displayAt])).toEqual([
      ['resolved', at('2024-01-15T11:45:00Z')],
      ['investigating', at('2024-01-15T10:30:00Z')],
    ]);
    const [open] = activeIncidents(r.feed);
    expect(open!.name).toBe('Slow dashboard');
    expect(latestUpdate(open!)!.body).toBe('The dashboard is loading slowly for some users.');
  });

  it('takes a permalink guid as the link of an item without one (RSS 2.0: isPermaLink defaults to true)', () => {
    const item = (guid: string, title: string) =>
      `<item><title>${title}</title><pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate>${guid}<description>x</description></item>`;
    const r = readRss(
      `<rss version="2.0"><channel><title>S</title><link>https://status.example.com</link>` +
        item('<guid>https://status.example.com/incidents/abc</guid>', '[Investigating] One') +
        item(
          '<guid isPermaLink="true">https://status.example.com/incidents/abc</guid>',
          '[Resolved] One',
        ) +
        item('<guid isPermaLink="false">https://status.example.com/incidents/def</guid>', 'Two') +
        `</channel></rss>`,
    );
    expect(
      r.feed.incidents
        .map((i) => [i.id, i.name, i.status, i.shortlink, i.updates.length])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      ['abc', 'One', 'resolved', 'https://status.example.com/incidents/abc', 2],
      [expect.any(String), 'Two', 'unknown', undefined, 1],
    ]);
  });

  it('does not merge items whose link is only the page itself (AWS-style) into one incident', () => {
    const item = (guid: string, title: string, date: string, link: string) =>
      `<item><title><![CDATA[${title}]]></title><link>${link}</link><pubDate>${date}</pubDate>` +
      `<guid isPermaLink="false">${guid}</guid><description>${title}.</description></item>`;
    const rss = (link: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Service Status</title>` +
      `<link>https://status.example.com/</link>` +
      item(
        'https://status.example.com/#ec2_1',
        'Increased API error rates',
        'Mon, 15 Jan 2024 10:00:00 PST',
        link,
      ) +
      item(
        'https://status.example.com/#s3_2',
        'Elevated S3 latency',
        'Mon, 15 Jan 2024 11:00:00 PST',
        link,
      ) +
      `</channel></rss>`;
    for (const link of ['https://status.example.com/', 'https://status.example.com']) {
      const r = readRss(rss(link));
      expect(r.feed.incidents.map((i) => i.name).sort()).toEqual([
        'Elevated S3 latency',
        'Increased API error rates',
      ]);
      expect(new Set(r.feed.incidents.map((i) => i.id)).size).toBe(2);
    }
  });

  it('reads a bracketed status word anywhere in the title (AWS-style), never the word in prose', () => {
    const item = (title: string, n: number) =>
      `<item><title><![CDATA[${title}]]></title><link>https://status.example.com/</link>` +
      `<pubDate>Mon, 15 Jan 2024 1${n}:00:00 +0000</pubDate>` +
      `<guid isPermaLink="false">https://status.example.com/#ec2_${n}</guid><description>x</description></item>`;
    const titles = [
      'Service is operating normally: [RESOLVED] Increased API Error Rates',
      'Informational message: [Investigating] Elevated S3 latency',
      'Service is operating normally: [Resolved]Lambda delays',
      'Some connections [Monitoring]',
      // prose, a bracket that is no status word: status unknown, the title kept whole
      'Issue resolved for most customers',
      'Service is operating normally: resolved: DNS',
      'Elevated errors [us-east-1] in EC2',
    ];
    const r = readRss(
      `<rss version="2.0"><channel><title>S</title><link>https://status.example.com/</link>` +
        titles.map(item).join('') +
        `</channel></rss>`,
    );
    expect(r.problems).toEqual([]);
    expect(
      r.feed.incidents.map((i) => [i.name, i.status]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual([
      ['Elevated errors [us-east-1] in EC2', 'unknown'],
      ['Elevated S3 latency', 'investigating'],
      ['Increased API Error Rates', 'resolved'],
      ['Issue resolved for most customers', 'unknown'],
      ['Lambda delays', 'resolved'],
      ['Service is operating normally: resolved: DNS', 'unknown'],
      ['Some connections', 'monitoring'],
    ]);
    // the resolved ones no longer count as active
    expect(
      activeIncidents(r.feed)
        .map((i) => i.name)
        .sort(),
    ).toEqual([
      'Elevated S3 latency',
      'Elevated errors [us-east-1] in EC2',
      'Issue resolved for most customers',
      'Service is operating normally: resolved: DNS',
      'Some connections',
    ]);
  });
});
