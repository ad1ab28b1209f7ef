/** A Statuspage v2 summary.json with one active incident, shaped like the fixtures in tests/fixtures. */
export function summary(
  now: number,
  updates: { id: string; body: string; minutesAgo: number; status: string }[],
  /**
   * When the incident started (default 40 minutes ago); `maintenance`: also a maintenance in
   * progress (started 10 minutes ago, ending in 50).
   */
  {
    startedMinutesAgo = 40,
    maintenance = false,
  }: { startedMinutesAgo?: number; maintenance?: boolean } = {},
) {
  const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const checkout = { id: 'c1', name: 'Checkout API', status: 'partial_outage' };
  const newest = Math.min(...updates.map((u) => u.minutesAgo));
  return {
    page: {
      id: 'pg1',
      name: 'Acme',
      url: 'https://status.acme.test',
      time_zone: 'Etc/UTC',
      updated_at: iso(newest),
    },
    status: { indicator: 'major', description: 'Partial System Outage' },
    components: [
      {
        ...checkout,
        created_at: iso(600),
        updated_at: iso(newest),
        position: 1,
        group_id: null,
        group: false,
        only_show_if_degraded: false,
        showcase: true,
        description: null,
      },
    ],
    incidents: [
      {
        id: 'inc-checkout',
        name: 'Elevated errors on Checkout',
        status: updates[0]?.status ?? 'investigating',
        impact: 'major',
        created_at: iso(startedMinutesAgo),
        updated_at: iso(newest),
        started_at: iso(startedMinutesAgo),
        monitoring_at: null,
        // A resolving update resolves the incident (listed resolved, as incidents.json does).
        resolved_at: updates[0]?.status === 'resolved' ? iso(updates[0].minutesAgo) : null,
        shortlink: 'https://stspg.io/abc',
        page_id: 'pg1',
        components: [checkout],
        incident_updates: updates.map((u) => ({
          id: u.id,
          status: u.status,
          body: u.body,
          incident_id: 'inc-checkout',
          created_at: iso(u.minutesAgo),
          updated_at: iso(u.minutesAgo),
          display_at: iso(u.minutesAgo),
          affected_components: [
            {
              code: 'c1',
              name: 'Checkout API',
              old_status: 'operational',
              new_status: 'partial_outage',
            },
          ],
        })),
      },
    ],
    scheduled_maintenances: maintenance
      ? [
          {
            id: 'mnt-db',
            name: 'Database upgrade',
            status: 'in_progress',
            impact: 'maintenance',
            created_at: iso(600),
            updated_at: iso(10),
            started_at: iso(10),
            scheduled_for: iso(10),
            scheduled_until: iso(-50),
            shortlink: null,
            page_id: 'pg1',
            components: [],
            incident_updates: [
              {
                id: 'm1',
                status: 'in_progress',
                body: 'The database upgrade has begun.',
                incident_id: 'mnt-db',
                created_at: iso(10),
                updated_at: iso(10),
                display_at: iso(10),
                affected_components: [],
              },
            ],
          },
        ]
      : [],
  };
}

/** A helpdesk-like ticket page; the ticket mentions checkout so the matcher has something to find. */
export function ticketPage(extraCss = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #4411</title>
<style>body{font:16px sans-serif;margin:0} header{height:48px;background:#234} .row{display:flex;gap:8px}
.row div{width:120px;height:40px;background:#ddd} ${extraCss}</style></head>
<body><header id="top"></header><main><h1 id="subject">Ticket #4411: payment fails at checkout</h1>
<p id="body">Hi, every time I try to pay, the checkout page shows an error.</p>
<div class="row"><div id="a">A</div><div id="b">B</div><div id="c">C</div></div></main></body></html>`;
}
