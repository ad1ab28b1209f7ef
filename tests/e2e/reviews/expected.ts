/** The Markdown the review in reviews.e2e.ts must export, byte for byte. */
const BLAMELESS =
  'This review is blameless: it looks for the conditions in our systems and processes that allowed the incident, not for someone to blame.';

/** `due` maps an item to its formatted due date (they are relative to today). */
export function expectedMarkdown(
  incidentId: string,
  due: { yesterday: string; today: string },
): string {
  return `# Post-incident review: Checkout outage

> ${BLAMELESS}

- **Status:** Draft
- **Incident:** ${incidentId}
- **Started:** Mar 14, 2025, 1:50 PM
- **Peak severity:** SEV-1
- **Participants:** Ana, Mehmet
- **Time zone:** UTC

## Summary

A schema migration broke checkout for all customers for 45 minutes.

## Timeline

_All times in UTC._

- **Mar 14, 2025, 2:00 PM** Declared _(validated by Ana)_
- **Mar 14, 2025, 2:02 PM** Classified SEV-1 _(validated by Mehmet)_
- **Mar 14, 2025, 2:20 PM** Mitigated: Rolled back the config change _(not yet validated)_
- **Mar 14, 2025, 2:45 PM** Resolved _(not yet validated)_

## Impact

- Customers affected: 1,200
- Duration (from the start): 55 min
- Time to detect: 10 min
- Time to resolve (from detection): 45 min
- Estimated ARR at risk: 200,000
- Account Acme: ARR 120,000
- Account Globex: ARR 80,000

## Communication

status page not posted (due 15), updates 0/1 on time, customers not told (due 30), executives not told (due 60)

## Five whys

1. An engineer ran a schema migration against production by hand
2. The runbook allowed manual migrations against production
3. The deploy pipeline had no migration step
4. Migrations were left out when the pipeline was built
5. The pipeline template has no checklist for schema changes

## Root cause

Schema changes could reach production without going through the pipeline.

## Mitigations completed

- Rolled back the migration

## What went well and what to improve

_Not yet written._

## Action items

- Improve monitoring _(owner: Ana; due: ${due.yesterday}; status: open)_
- Add the migration step to the deploy pipeline _(owner: Mehmet; due: ${due.today}; status: open)_
`;
}
