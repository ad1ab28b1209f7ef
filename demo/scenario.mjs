// The scripted incident the demo feed plays, as pure functions of elapsed time (no clock read here).
// One loop lasts LOOP_MS: operational → investigating → identified → monitoring → resolved,
// with a Checkout outage, and a scheduled maintenance of Search that later runs.

export const LOOP_MS = 6 * 60_000;

const PAGE = {
  id: 'demo0page01',
  name: 'Acme Cloud',
  url: 'https://status.example.com',
  time_zone: 'Etc/UTC',
};

const COMPONENTS = [
  ['cmp-api', 'API'],
  ['cmp-checkout', 'Checkout'],
  ['cmp-payments', 'Payments API'],
  ['cmp-search', 'Search'],
  ['cmp-dashboard', 'Dashboard'],
];

/** Phases of the loop: [start offset ms, name]. */
export const PHASES = [
  [0, 'operational'],
  [40_000, 'investigating'],
  [100_000, 'identified'],
  [160_000, 'monitoring'],
  [230_000, 'resolved'],
  [290_000, 'maintenance'],
];

/** The phase a moment of the loop is in. */
export function phaseAt(elapsedMs) {
  const t = ((elapsedMs % LOOP_MS) + LOOP_MS) % LOOP_MS;
  let name = 'operational';
  for (const [start, n] of PHASES) if (t >= start) name = n;
  return name;
}

const iso = (ms) => new Date(ms).toISOString();

/**
 * The Statuspage v2 summary.json at a moment. `loopStart` is the epoch ms the current loop began;
 * `phase` may be forced (the demo's ?phase= parameter).
 */
export function summaryAt(loopStart, phase) {
  const at = (offset) => iso(loopStart + offset);
  const order = PHASES.map(([, n]) => n);
  const reached = (n) => order.indexOf(phase) >= order.indexOf(n);
  const incidentOpen = reached('investigating') && !reached('resolved');
  const checkoutStatus = !incidentOpen
    ? 'operational'
    : reached('monitoring')
      ? 'degraded_performance'
      : 'major_outage';
  const maintenanceRunning = phase === 'maintenance';
  const components = COMPONENTS.map(([id, name], position) => ({
    id,
    name,
    status:
      id === 'cmp-checkout'
        ? checkoutStatus
        : id === 'cmp-search' && maintenanceRunning
          ? 'under_maintenance'
          : 'operational',
    created_at: at(-86_400_000),
    updated_at: at(0),
    position: position + 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: PAGE.id,
    group: false,
    only_show_if_degraded: false,
  }));
  const affected = (status) => [
    { code: 'cmp-checkout', name: 'Checkout', old_status: 'operational', new_status: status },
  ];
  const updates = [];
  const add = (id, status, offset, body, comp) =>
    updates.unshift({
      id,
      status,
      body,
      incident_id: 'inc-demo-checkout',
      created_at: at(offset),
      updated_at: at(offset),
      display_at: at(offset),
      affected_components: comp ?? null,
      deliver_notifications: true,
    });
  if (reached('investigating'))
    add(
      'upd-1',
      'investigating',
      40_000,
      'We are aware of an issue affecting Checkout and are investigating. We will update every 30 minutes.',
      affected('major_outage'),
    );
  if (reached('identified'))
    add(
      'upd-2',
      'identified',
      100_000,
      'Still impacted: card payments at Checkout fail for most customers. What we learned: a certificate on the payment gateway expired; a renewed certificate is being rolled out. Next update by ' +
        new Date(loopStart + 100_000 + 30 * 60_000).toISOString().slice(11, 16) +
        ' UTC.',
      affected('major_outage'),
    );
  if (reached('monitoring'))
    add(
      'upd-3',
      'monitoring',
      160_000,
      'Still impacted: a small share of Checkout requests are slower than usual. What we learned: the renewed certificate is live and payments succeed again. Next update by ' +
        new Date(loopStart + 160_000 + 30 * 60_000).toISOString().slice(11, 16) +
        ' UTC.',
      affected('degraded_performance'),
    );
  if (reached('resolved'))
    add(
      'upd-4',
      'resolved',
      230_000,
      'This incident has been resolved. All Checkout functionality has been restored as of ' +
        new Date(loopStart + 230_000).toISOString().slice(11, 16) +
        ' UTC. We will publish a full post-mortem within 48 hours.',
      [
        {
          code: 'cmp-checkout',
          name: 'Checkout',
          old_status: 'degraded_performance',
          new_status: 'operational',
        },
      ],
    );
  const checkout = reached('investigating')
    ? [
        {
          id: 'inc-demo-checkout',
          name: 'Checkout payments failing',
          status: reached('resolved') ? 'resolved' : phase,
          impact: 'major',
          created_at: at(40_000),
          updated_at: updates[0]?.created_at ?? at(40_000),
          monitoring_at: reached('monitoring') ? at(160_000) : null,
          resolved_at: reached('resolved') ? at(230_000) : null,
          started_at: at(35_000),
          shortlink: 'https://stspg.io/demo-checkout',
          page_id: PAGE.id,
          incident_updates: updates,
          components: [components[1]],
        },
      ]
    : [];
  const incidents = incidentOpen ? checkout : [];
  const maintStart = loopStart + 290_000;
  const maintenance = {
    id: 'mnt-demo-search',
    name: 'Search index upgrade',
    status: maintenanceRunning ? 'in_progress' : 'scheduled',
    impact: 'maintenance',
    created_at: at(-3_600_000),
    updated_at: at(maintenanceRunning ? 290_000 : -3_600_000),
    monitoring_at: null,
    resolved_at: null,
    started_at: iso(maintStart),
    scheduled_for: iso(maintStart),
    scheduled_until: iso(maintStart + 60 * 60_000),
    shortlink: 'https://stspg.io/demo-search',
    page_id: PAGE.id,
    incident_updates: [
      {
        id: maintenanceRunning ? 'upd-m2' : 'upd-m1',
        status: maintenanceRunning ? 'in_progress' : 'scheduled',
        body: maintenanceRunning
          ? 'Scheduled maintenance is currently in progress. We will provide updates as necessary.'
          : 'We will upgrade the search index. Search results may be incomplete for up to 10 minutes.',
        incident_id: 'mnt-demo-search',
        created_at: at(maintenanceRunning ? 290_000 : -3_600_000),
        updated_at: at(maintenanceRunning ? 290_000 : -3_600_000),
        display_at: at(maintenanceRunning ? 290_000 : -3_600_000),
        affected_components: [
          {
            code: 'cmp-search',
            name: 'Search',
            old_status: 'operational',
            new_status: 'under_maintenance',
          },
        ],
      },
    ],
    components: [components[3]],
  };
  const indicator = incidentOpen
    ? checkoutStatus === 'major_outage'
      ? 'major'
      : 'minor'
    : maintenanceRunning
      ? 'maintenance'
      : 'none';
  const description = {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    maintenance: 'Service Under Maintenance',
  }[indicator];
  return {
    /** Every incident of the loop so far, resolved ones included (incidents.json). */
    allIncidents: checkout,
    page: { ...PAGE, updated_at: updates[0]?.created_at ?? at(0) },
    components,
    incidents,
    // The maintenance is announced once the incident is resolved, so the loop also shows "all clear".
    scheduled_maintenances: reached('resolved') ? [maintenance] : [],
    status: { indicator, description },
  };
}
