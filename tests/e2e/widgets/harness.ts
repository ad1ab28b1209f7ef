/** Shared helpers for the widget e2e tests: a host page around the built all-in-one bundle. */
import type { Page } from 'playwright-core';

export const BUNDLE = '/widgets/dist/standalone/incident-widgets.js';

export function hostPage(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}
<script type="module" src="${BUNDLE}"></script></head><body><main><h1>Host app</h1>${body}</main></body></html>`;
}

/** Text inside an element's shadow root part, or null. */
export function partText(page: Page, host: string, part: string): Promise<string | null> {
  return page.evaluate(
    ([h, p]) =>
      document
        .querySelector(h!)
        ?.shadowRoot?.querySelector(`[part~="${p}"]`)
        ?.textContent?.trim() ?? null,
    [host, part],
  );
}

/** Collects page errors and console warnings for a test. */
export function watch(page: Page) {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    // Chromium logs every failed HTTP response (the favicon, the 500s we serve on purpose) as a
    // console error; those are network logs, not exceptions, so only other errors count.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(m.text());
  });
  return { errors, warnings };
}
