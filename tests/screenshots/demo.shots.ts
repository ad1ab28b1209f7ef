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
  await page.screenshot({ path: 'docs/demo-app.png', animations: 'disabled' });
  await page.close();
});
