import { afterAll, beforeAll, test } from 'vitest';
import { openDemoApp, startDemoSession, type DemoSession } from '../e2e/support/demo';

let demo: DemoSession;

beforeAll(async () => {
  demo = await startDemoSession();
});
afterAll(() => demo?.close());

// `npm run docs:screenshots`: the README's first picture, the sample SaaS app during the incident.
test('docs/demo-app.png: the sample SaaS app with the banner and the badge', async () => {
  const page = await openDemoApp(demo);
  // The banners appeared after the page's first render (a first visit keeps no feed yet), so they
  // float over the page until the reader's next key or click: a key gives them their room.
  await page.keyboard.press('Shift');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('incident-banner')].every(
      (b) => !b.shadowRoot?.querySelector('.region.float'),
    ),
  );
  await page.screenshot({ path: 'docs/demo-app.png', animations: 'disabled' });
  await page.close();
});
