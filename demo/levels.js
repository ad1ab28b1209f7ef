// Push mode (the `data` property, no fetch): the banners of demo/app.html's "Every level" section,
// fed with the scenario's feed at chosen moments, one per severity.
import { summaryAt } from './scenario.mjs';

const now = Date.now();
/** The scenario's incident, its latest update ("identified") 10 s old, with the impact given. */
function incident(impact, name) {
  const feed = summaryAt(now - 110_000, 'identified');
  Object.assign(feed.incidents[0], { impact, name });
  feed.status.indicator = impact;
  // the Checkout component as hurt as the incident says (the badge reads the worst of all)
  if (impact === 'minor') feed.components[1].status = 'degraded_performance';
  return feed;
}

const feeds = {
  critical: incident('critical', 'Sign-in unavailable for all customers'),
  major: incident('major', 'Checkout payments failing'),
  minor: incident('minor', 'Exports slower than usual'),
  // the Search maintenance running, and announced (it starts in 50 s)
  maintenance: summaryAt(now - 295_000, 'maintenance'),
  scheduled: summaryAt(now - 240_000, 'resolved'),
};

for (const el of document.querySelectorAll('[data-level]')) el.data = feeds[el.dataset.level];
