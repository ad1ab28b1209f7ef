import type { Page } from 'playwright-core';
import { axe } from '../browser';
import type { ClosedRoot } from './closed-root';
import type { UiSession } from './session';

/**
 * axe-core on the overlay as it stands. axe cannot enter a closed root, so the overlay's actual
 * markup and adopted stylesheet are taken out through CDP, put into an OPEN root on a page of the
 * same origin, and axe runs there, in the light and the dark scheme. Nothing is re-rendered or
 * mocked. Returns each scheme's violations.
 */
export async function axeOverlay(
  u: UiSession,
  root: ClosedRoot,
): Promise<Record<'light' | 'dark', Awaited<ReturnType<typeof axe>>>> {
  const snap = await root.snapshot();
  const copy: Page = await u.s.context.newPage();
  u.server.html(
    '/axe-overlay',
    '<!doctype html><html lang="en"><head><title>Overlay snapshot</title></head><body><main><h1>Ticket</h1></main></body></html>',
  );
  try {
    await copy.goto(`${u.server.origin}/axe-overlay`);
    await copy.evaluate(({ html, css }) => {
      const host = document.createElement('lens-snapshot');
      document.body.append(host);
      const r = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      r.adoptedStyleSheets = [sheet];
      r.innerHTML = html;
    }, snap);
    const out = { light: [], dark: [] } as Record<
      'light' | 'dark',
      Awaited<ReturnType<typeof axe>>
    >;
    for (const scheme of ['light', 'dark'] as const) {
      await copy.emulateMedia({ colorScheme: scheme });
      out[scheme] = await axe(copy, { include: 'lens-snapshot' });
    }
    return out;
  } finally {
    await copy.close();
  }
}
