// The playground in a real browser (Debian's Chromium driven by playwright-core), with every request
// outside this service blocked: GraphiQL must load from the service alone and run a query.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
// CI installs Chromium and sets REQUIRE_BROWSER, so there this test can never be skipped silently.
const run = CHROMIUM || process.env.REQUIRE_BROWSER ? describe : describe.skip;

run('GraphiQL playground', () => {
  let tdb: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER is set but no Chromium at /usr/bin/chromium (apt-get install chromium)');
    tdb = await createTestDatabase('corpus');
    server = await startTestServer(tdb);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tdb?.drop();
  });

  it('loads offline and runs the example query', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.base}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      // Runs in the page, where `document` exists.
      () => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes('totalCount'),
      undefined,
      { timeout: 30000 },
    );
    const result = await page.textContent('.result-window');
    expect(result).toContain('"totalCount": 16');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: require('node:path').join(require('node:os').tmpdir(), 'playground.png') });
  }, 60000);
});
