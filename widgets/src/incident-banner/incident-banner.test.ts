// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.example/"}
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import './define';
import type { IncidentBanner } from './incident-banner';
import { pickItem } from './incident-banner';
import { parseFeed } from '../../../src/core/feed';
import { readFeed, toSummaryJson } from '../../../src/core/feed/formats/index';
import { $, fixture, mount, text } from '../dom.test-kit';
import { resetDismissals } from '../dismissal';

const CRITICAL = fixture('statuspage-embed-nyu-summary-critical-investigating.json');
const MAJOR = fixture('statuspage-embed-nyu-summary-major-identified.json');
const MAINT = fixture('statuspage-embed-nyu-summary-maintenance-in-progress.json');
const SCHEDULED = fixture('renku-ui-summary-scheduled-maintenance.json');
const OK = fixture('renku-ui-summary-operational.json');
const GITHUB = fixture('statuspage-exporter-github-summary-investigating.json');

const banner = (props: Record<string, unknown>, attrs: Record<string, string> = {}) =>
  mount<IncidentBanner>('incident-banner', attrs, props);

beforeEach(() => {
  localStorage.clear();
  resetDismissals();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

describe('<incident-banner>', () => {
  test('live regions exist before any content arrives', async () => {
    const el = await banner({});
    expect($(el, '[role=status]')).not.toBeNull();
    expect($(el, '[role=alert]')).not.toBeNull();
    expect($(el, '[part~=base]')).toBeNull();
    expect(el.incident).toBeNull();
  });

  test('a critical incident renders in the alert region with name, status, body and https link', async () => {
    const el = await banner({ data: CRITICAL });
    const alert = $(el, '[role=alert]')!;
    expect(alert.querySelector('[part=name]')!.textContent).toBe(el.incident!.name);
    expect($(el, '[role=status]')!.children).toHaveLength(0);
    // the badge's words for the same level
    expect(text(el, '[part=severity]')).toBe('Major system outage');
    expect($(el, '[part=dismiss]')!.getAttribute('aria-label')).toBe(
      `Dismiss: ${el.incident!.name}`,
    );
    expect(text(el, '[part=status]')).toBe('Investigating');
    expect(text(el, '[part=body]')).toBeTruthy();
    expect($(el, '[part=link]')!.getAttribute('href')).toMatch(/^https:\/\//);
    expect($(el, '[part~=base]')!.getAttribute('part')).toBe('base critical');
  });

  test('shown at its first render it has its room; appearing later it floats until a click or key', async () => {
    const first = await banner({ data: MAJOR });
    expect($(first, '.region')!.classList.contains('float')).toBe(false);
    const later = await banner({ resolvedFor: 0 });
    later.data = MAJOR;
    await later.updateComplete;
    expect($(later, '.region')!.classList.contains('float')).toBe(true);
    // a longer update while floating: still floating (no room taken without input)
    later.data = CRITICAL;
    await later.updateComplete;
    expect($(later, '.region')!.classList.contains('float')).toBe(true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    await later.updateComplete;
    expect($(later, '.region')!.className).toBe('region ');
    // gone (no "Resolved" time), then back: it floats again
    later.data = OK;
    await later.updateComplete;
    later.data = MAJOR;
    await later.updateComplete;
    expect($(later, '.region')!.classList.contains('float')).toBe(true);
    window.dispatchEvent(new MouseEvent('click'));
    await later.updateComplete;
    expect($(later, '.region')!.classList.contains('float')).toBe(false);
  });

  test('a major incident uses role=status', async () => {
    const el = await banner({ data: MAJOR });
    expect($(el, '[role=status] [part=name]')).not.toBeNull();
    expect($(el, '[role=alert]')!.children).toHaveLength(0);
  });

  test('all operational renders nothing', async () => {
    const el = await banner({ data: OK });
    expect($(el, '[part~=base]')).toBeNull();
    expect(el.shadowRoot!.textContent.trim()).toBe('');
  });

  test('components filter by name or id, on the incident or in update affected_components', async () => {
    const feed = parseFeed(GITHUB).feed;
    const inc = feed.incidents[0]!;
    const ref = inc.updates.flatMap((u) => u.affectedComponents).find((c) => c.id)!;
    expect(pickItem(feed, [ref.name], 0, 24)?.id).toBe(inc.id);
    expect(pickItem(feed, [ref.id!], 0, 24)?.id).toBe(inc.id);
    expect(pickItem(feed, ['Nope'], 0, 24)).toBeUndefined();
    const el = await banner({ data: GITHUB }, { components: `Nope, ${ref.name}` });
    expect(text(el, '[part=name]')).toBe(inc.name);
    el.components = 'Nope';
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
  });

  test('maintenance in progress shows; no-maintenance hides it', async () => {
    const el = await banner({ data: MAINT });
    expect(text(el, '[part=severity]')).toBe('Service under maintenance');
    expect(text(el, '[part=status]')).toBe('In progress');
    el.noMaintenance = true;
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
  });

  test('scheduled maintenance shows within maintenance-window hours only', async () => {
    const m = parseFeed(SCHEDULED).feed.maintenances[0]!;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(m.scheduledFor! - 20 * 3_600_000);
    const el = await banner({ data: SCHEDULED });
    expect(text(el, '[part=severity]')).toBe('Service under maintenance');
    el.maintenanceWindow = 12;
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    el.maintenanceWindow = 24;
    await el.updateComplete;
    expect(text(el, '[part=time]')).toBe('starts in 20 hours');
  });

  test('maintenance-window as an attribute; an unreadable one is the default, 24 hours', async () => {
    const m = parseFeed(SCHEDULED).feed.maintenances[0]!;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(m.scheduledFor! - 30 * 3_600_000);
    const el = await banner({ data: SCHEDULED }, { 'maintenance-window': '48' });
    expect(text(el, '[part=time]')).toBe('starts tomorrow');
    el.setAttribute('maintenance-window', '12');
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    vi.setSystemTime(m.scheduledFor! - 20 * 3_600_000);
    el.setAttribute('maintenance-window', 'soon');
    await el.updateComplete;
    expect(text(el, '[part=time]')).toBe('starts in 20 hours');
    el.setAttribute('maintenance-window', '12');
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    el.removeAttribute('maintenance-window');
    await el.updateComplete;
    expect(text(el, '[part=time]')).toBe('starts in 20 hours');
  });

  test('long bodies get a More toggle', async () => {
    const data = structuredClone(MAJOR) as {
      incidents: { incident_updates: { body: string }[] }[];
    };
    data.incidents[0]!.incident_updates[0]!.body = 'word '.repeat(100);
    const el = await banner({ data });
    const more = $(el, '[part=more]')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(text(el, '[part=body]')!.length).toBeLessThan(200);
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(text(el, '[part=body]')!.length).toBeGreaterThan(400);
    expect(text(el, '[part=more]')).toBe('Less');
  });

  test('dismiss: remembered per incident + latest update; a new update shows again', async () => {
    const el = await banner({ data: MAJOR });
    const events: string[] = [];
    el.addEventListener('incident-banner-dismiss', (e) => events.push(e.detail.incident.id));
    el.addEventListener('incident-banner-change', () => events.push('change'));
    $(el, '[part=dismiss]')!.click();
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    expect(events).toEqual([expect.any(String), 'change']);
    expect(localStorage.getItem('incident-banner-dismissed')).toContain(events[0]);
    // a fresh element on the same page load stays dismissed
    const again = await banner({ data: MAJOR });
    expect($(again, '[part~=base]')).toBeNull();
    // a new update: shown again
    const next = structuredClone(MAJOR) as { incidents: { incident_updates: { id: string }[] }[] };
    const u0 = structuredClone(next.incidents[0]!.incident_updates[0]!) as Record<string, unknown>;
    next.incidents[0]!.incident_updates.unshift({
      ...u0,
      id: 'newer',
      created_at: '2030-01-01T00:00:00Z',
      display_at: '2030-01-01T00:00:00Z',
    } as never);
    again.data = next;
    await again.updateComplete;
    expect($(again, '[part~=base]')).not.toBeNull();
  });

  test('dismiss can be cancelled; no-dismiss hides the button; Esc dismisses when focused', async () => {
    const el = await banner({ data: MAJOR });
    el.addEventListener('incident-banner-dismiss', (e) => e.preventDefault(), { once: true });
    $(el, '[part=dismiss]')!.click();
    await el.updateComplete;
    expect($(el, '[part~=base]')).not.toBeNull();
    $(el, '[part=link]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    localStorage.clear();
    const fixed = await banner({ data: CRITICAL }, { 'no-dismiss': '' });
    expect($(fixed, '[part=dismiss]')).toBeNull();
  });

  test('storage that throws still dismisses for the page life', async () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceeded');
    });
    const get = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    const el = await banner({ data: CRITICAL });
    $(el, '[part=dismiss]')!.click();
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    const again = await banner({ data: CRITICAL });
    expect($(again, '[part~=base]')).toBeNull();
    spy.mockRestore();
    get.mockRestore();
  });

  test('change events fire only on real changes', async () => {
    const el = await banner({});
    const seen: (string | null)[] = [];
    el.addEventListener('incident-banner-change', (e) => seen.push(e.detail.incident?.id ?? null));
    el.data = MAJOR;
    await el.updateComplete;
    el.data = structuredClone(MAJOR);
    await el.updateComplete;
    el.locale = 'de';
    await el.updateComplete;
    el.data = OK;
    await el.updateComplete;
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeNull();
  });

  test('German strings and a relative time that stays current (one shared timer)', async () => {
    vi.useFakeTimers();
    const feed = parseFeed(MAJOR).feed;
    const at = feed.incidents[0]!.updates[0]!.displayAt;
    vi.setSystemTime(at + 5 * 60_000 + 1_000);
    const el = await banner({ data: MAJOR }, { locale: 'de-DE' });
    expect(text(el, '[part=time]')).toBe('aktualisiert vor 5 Minuten');
    expect(text(el, '[part=status]')).toBe('Ursache erkannt');
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(text(el, '[part=time]')).toBe('aktualisiert vor 6 Minuten');
    el.locale = 'nl';
    await el.updateComplete;
    expect(text(el, '[part=time]')).toBe('updated 6 minutes ago');
    // resolved: "Resolved" for resolved-for seconds (one timer), then nothing and no timer. With
    // no input, the lines it replaced keep their place, unseen, until the reader's next key.
    el.data = OK;
    await el.updateComplete;
    expect(text(el, '[part=severity]')).toBe('Resolved');
    expect($(el, '.box')!.classList).toContain('kept');
    expect(text(el, '[part=time]')).toBe('updated 6 minutes ago');
    expect(vi.getTimerCount()).toBe(1);
    dispatchEvent(new KeyboardEvent('keydown'));
    await el.updateComplete;
    expect($(el, '.box')!.classList).not.toContain('kept');
    expect(text(el, '[part=time]')).toBeUndefined();
    expect(text(el, '[part=severity]')).toBe('Resolved');
    await vi.advanceTimersByTimeAsync(60_000);
    await el.updateComplete;
    expect($(el, '[part~=base]')).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('hostile text renders as text, links are https only', async () => {
    const data = structuredClone(MAJOR) as {
      incidents: { name: string; shortlink: string; incident_updates: { body: string }[] }[];
      page: { url: string };
    };
    data.incidents[0]!.name = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    data.incidents[0]!.shortlink = 'javascript:alert(1)';
    data.page.url = 'data:text/html,hi';
    const el = await banner({ data });
    expect($(el, 'img, script')).toBeNull();
    expect(text(el, '[part=name]')).toContain('<img');
    expect($(el, '[part=link]')).toBeNull();
    el.href = 'https://status.example.com/';
    await el.updateComplete;
    expect($(el, '[part=link]')!.getAttribute('href')).toBe('https://status.example.com/');
  });

  test('an incident without a shortlink links to its page on the status page, one slash apart', async () => {
    for (const url of ['https://status.example.com', 'https://status.example.com/']) {
      const data = structuredClone(MAJOR) as {
        incidents: { id: string; shortlink?: string }[];
        page: { url: string };
      };
      delete data.incidents[0]!.shortlink;
      data.page.url = url;
      const el = await banner({ data });
      expect($(el, '[part=link]')!.getAttribute('href')).toBe(
        `https://status.example.com/incidents/${data.incidents[0]!.id}`,
      );
    }
  });

  test('an incident of a format without incident pages links to the status page, never to a made-up page', async () => {
    // an RSS item without a link: its id is a hash, so "<page>/incidents/<id>" does not exist
    const rss =
      `<rss version="2.0"><channel><title>S</title><link>https://status.example.com/</link>` +
      `<item><title>[Investigating] API errors</title><pubDate>${new Date().toUTCString()}</pubDate>` +
      `<description>Looking into it</description></item></channel></rss>`;
    const read = readFeed(rss);
    expect(read.format).toBe('rss');
    // pushed as the normalised Feed, and as the server helper's summary.json of the same feed
    for (const data of [read.feed, toSummaryJson(read.feed)]) {
      const el = await banner({ data });
      expect(text(el, '[part=name]')).toBe('API errors');
      expect($(el, '[part=link]')!.getAttribute('href')).toBe('https://status.example.com/');
      el.remove();
    }
  });

  test('src mode fetches through the shared client', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(CRITICAL), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    window.fetch = fetch;
    const a = await banner({}, { src: '/api/v2/summary.json' });
    const b = await banner({}, { src: '/api/v2/summary.json' });
    await vi.waitFor(() => expect($(b, '[part=name]')).not.toBeNull());
    expect($(a, '[part=name]')).not.toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    a.remove();
    b.remove();
    vi.unstubAllGlobals();
  });
});
