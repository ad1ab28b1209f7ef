// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.example/"}
import { beforeEach, describe, expect, test } from 'vitest';
import './define';
import type { StatusBadge } from './status-badge';
import { badgeIndicator } from './status-badge';
import { parseFeed } from '../../../src/core/feed';
import { $, fixture, mount, text } from '../dom.test-kit';

const CRITICAL = fixture('statuspage-embed-nyu-summary-critical-investigating.json');
const GITHUB = fixture('statuspage-exporter-github-summary-investigating.json');
const MAINT = fixture('statuspage-embed-nyu-summary-maintenance-in-progress.json');
const OK = fixture('renku-ui-summary-operational.json');

const badge = (props: Record<string, unknown>, attrs: Record<string, string> = {}) =>
  mount<StatusBadge>('status-badge', attrs, props);

beforeEach(() => document.body.replaceChildren());

describe('<status-badge>', () => {
  test('reads truthfully: page says "none" while a critical incident is open', async () => {
    const feed = parseFeed(CRITICAL).feed;
    expect(feed.indicator).toBe('none');
    const el = await badge({ data: CRITICAL });
    expect(el.indicator).toBe('critical');
    expect(text(el, '[part=label]')).toBe('Major system outage');
    expect($(el, '[part~=base]')!.getAttribute('part')).toBe('base critical');
    expect(text(el, '[part=tooltip]')).toContain(feed.incidents[0]!.name);
    expect($(el, 'a[part~=base]')!.getAttribute('href')).toMatch(/^https:\/\//);
  });

  test('a major incident under a "minor" page indicator reads major', async () => {
    const el = await badge({ data: GITHUB });
    expect(el.indicator).toBe('major');
  });

  test('one component: its own status, in component wording; unknown names read unknown', async () => {
    const feed = parseFeed(GITHUB).feed;
    const degraded = feed.components.find((c) => c.status === 'partial_outage')!;
    const fine = feed.components.find(
      (c) =>
        c.status === 'operational' &&
        !feed.incidents.some((i) =>
          i.updates.some((u) => u.affectedComponents.some((a) => a.name === c.name)),
        ),
    )!;
    const el = await badge({ data: GITHUB }, { component: degraded.name });
    expect(text(el, '[part=label]')).toMatch(/outage|Degraded/);
    el.component = fine.name;
    await el.updateComplete;
    expect(text(el, '[part=label]')).toBe('Operational');
    expect(badgeIndicator(feed, 'No such thing', ['No such thing'])).toBe('unknown');
  });

  test('maintenance and all-operational, in German', async () => {
    const m = await badge({ data: MAINT }, { locale: 'de' });
    expect(text(m, '[part=label]')).toBe('Wartungsarbeiten');
    const ok = await badge({ data: OK }, { locale: 'de-CH' });
    expect(text(ok, '[part=label]')).toBe('Alle Systeme betriebsbereit');
    expect($(ok, '[part=tooltip]')).toBeNull();
  });

  test('compact keeps the label for screen readers and in the tooltip', async () => {
    const el = await badge({ data: CRITICAL }, { compact: '' });
    expect(text(el, '[part=label]')).toBe('Major system outage');
    expect(text(el, '[part=tooltip]')).toContain('Major system outage');
  });

  test('nothing renders before data; change events only on real changes', async () => {
    const el = await badge({});
    expect(el.shadowRoot!.textContent.trim()).toBe('');
    const seen: string[] = [];
    el.addEventListener('status-badge-change', (e) =>
      seen.push(`${e.detail.previous}->${e.detail.indicator}`),
    );
    el.data = OK;
    await el.updateComplete;
    el.data = structuredClone(OK);
    await el.updateComplete;
    el.data = CRITICAL;
    await el.updateComplete;
    expect(seen).toEqual(['null->none', 'none->critical']);
  });

  test('hostile incident names stay text; a non-https page URL gives no link', async () => {
    const data = structuredClone(CRITICAL) as {
      incidents: { name: string }[];
      page: { url: string };
    };
    data.incidents[0]!.name = '<b onmouseover=alert(1)>x</b>';
    data.page.url = 'javascript:alert(1)';
    const el = await badge({ data });
    expect($(el, 'b')).toBeNull();
    expect(text(el, 'li')).toBe('<b onmouseover=alert(1)>x</b>');
    // no link: the base is an <a> without href (not a link, not navigable)
    expect($(el, 'a[href]')).toBeNull();
    expect($(el, '[part~=base]')!.getAttribute('href')).toBeNull();
  });
});
