// The playground in a real browser (Debian's Chromium driven by playwright-core), with every request
// outside this service blocked: GraphiQL must load from the service alone, run a query, and open the
// API guide's examples as tabs.
import type { Browser } from 'playwright-core';
import { guideExamples } from '../../src/http/api-guide';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { artefactPath, describeInBrowser, launchBrowser, watchPage } from '../support/browser';

describeInBrowser('GraphiQL playground', () => {
  let tdb: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    tdb = await createTestDatabase('corpus');
    server = await startTestServer(tdb);
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tdb?.drop();
  });

  it('loads offline and runs the example query', async () => {
    const page = await browser.newPage();
    const { outside, errors } = await watchPage(page, server.base);
    await page.goto(`${server.base}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: 'totalCount' }).waitFor({ timeout: 30000 });
    expect(await page.textContent('.result-window')).toContain('"totalCount": 16');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: artefactPath('playground.png') });
  }, 60000);

  it("opens the API guide's examples as tabs, with the editors' header in view", async () => {
    const examples = guideExamples();
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const page = await browser.newPage();
    const { outside, errors } = await watchPage(page, server.base);
    await page.goto(`${server.base}/graphql`);
    await page.waitForSelector('.graphiql-tab', { timeout: 30000 });
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBe(1 + examples.length);
    // Each tab is titled by an operation name the playground gives the guide's anonymous queries.
    expect((await tabs.allTextContents()).filter((t) => t.includes('untitled'))).toEqual([]);
    // The headers editor is open on the placeholder for an editor's key.
    expect(await page.locator('.graphiql-editor-tool .graphiql-editor:visible').last().textContent()).toContain('Authorization');

    // The facets example, run from its tab, answers what the guide shows.
    const index = examples.findIndex((e) => e.query.includes('facets('));
    await tabs.nth(1 + index).locator('button').first().click();
    expect(await page.locator('.graphiql-query-editor').textContent()).toContain(examples[index].title);
    await page.locator('.graphiql-query-editor', { hasText: 'facets(' }).waitFor({ timeout: 10000 });
    // Right after a tab switch GraphiQL may still be settling and drop a click on Run: try again.
    // A click that lands mid-switch can send one tab's query under the other tab's operation name, which
    // the service rightly answers 400 (unknown operation): such answers, and the browser's console line
    // for them, are set aside for the retries only; any other error still fails the test.
    const facetsResult = page.locator('.result-window', { hasText: '"facets"' });
    const before = errors.length;
    for (let attempt = 0; attempt < 5 && !(await facetsResult.isVisible()); attempt++) {
      await page.waitForTimeout(300 * attempt);
      await page.click('.graphiql-execute-button');
      await facetsResult.waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    await facetsResult.waitFor({ timeout: 10000 });
    const duringRetries = errors.splice(before);
    const retryNoise = (e: string) =>
      /^400 POST .*\/graphql /.test(e) || /^Failed to load resource: the server responded with a status of 400/.test(e);
    expect(duringRetries.filter((e) => !retryNoise(e))).toEqual([]);
    const shown = JSON.parse((await page.locator('.result-window .CodeMirror').evaluate((el: any) => el.CodeMirror.getValue())) as string);
    expect(shown).toEqual(examples[index].expected);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: artefactPath('playground-tabs.png') });
  }, 60000);
});
