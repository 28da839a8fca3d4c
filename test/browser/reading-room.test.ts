// The reading room at `/` in a real browser (Debian's Chromium, playwright-core) against the service
// on a test database with the sample corpus, every request to another host blocked. What the page
// should show is asked of the API itself, so the test checks the page against the data, not against
// numbers copied here.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { artefactPath, describeInBrowser, launchBrowser, watchPage } from '../support/browser';

const ADMIN_TOKEN = 'test-admin-token-reading-room-0123456789';
const root = path.join(__dirname, '..', '..');

/** The number in "16 releases" (the result count the page announces). */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.locator('.results-head .total').textContent()) ?? '';
  return Number(/^([\d,]+) release/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
}

/** Waits until the page announces `n` results and has finished loading. */
async function waitForTotal(page: Page, n: number) {
  await page.locator('.results-head .total', { hasText: new RegExp(`^${n.toLocaleString('en-GB')} releases?$`) }).waitFor();
  await page.locator('.results[aria-busy="false"]').waitFor();
}

/** Facet counts as the page shows them: option label -> count. */
async function shownFacet(page: Page, legend: string): Promise<Map<string, number>> {
  const rows = await page
    .locator('fieldset.facet', { has: page.locator('legend', { hasText: legend }) })
    .locator('label')
    .evaluateAll((labels) => labels.map((l) => [l.querySelector('.label')?.textContent ?? '', Number(l.querySelector('.count')?.textContent?.replace(/\D/g, ''))]));
  return new Map(rows as [string, number][]);
}

describeInBrowser('reading room', () => {
  let tdb: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // The page is served from web/dist: build it when its sources changed since the last build.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js'), 'web'], { cwd: root, stdio: 'inherit' });
    tdb = await createTestDatabase('corpus');
    server = await startTestServer(tdb, { ADMIN_TOKEN });
    browser = await launchBrowser();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tdb?.drop();
  });

  it('searches with highlights, narrows by a facet, opens a release and a country', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { outside, errors } = await watchPage(page, server.base);

    // The first screen: every release, newest first, ten at a time, and "More results".
    const all = (await server.gql('{ pressReleases { totalCount } }')).data.pressReleases.totalCount as number;
    await page.goto(`${server.base}/`);
    await waitForTotal(page, all);
    expect(await page.locator('.hit').count()).toBe(Math.min(all, 10));
    await page.getByRole('button', { name: 'More results' }).click();
    await page.locator('.hit').nth(Math.min(all, 20) - 1).waitFor();
    expect(await page.locator('.hit').count()).toBe(Math.min(all, 20));

    // A search for a word: the count the API gives, and highlighted words in the results.
    const word = 'corridor';
    const searched = (await server.gql('query($f: PressReleaseFilter) { pressReleases(filter: $f) { totalCount } }', { f: { search: word } })).data
      .pressReleases.totalCount as number;
    expect(searched).toBeGreaterThan(1);
    await page.getByLabel('Search the releases').fill(word);
    await page.getByLabel('Search the releases').press('Enter');
    await waitForTotal(page, searched);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    const marks = await page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toContain(word);
    await page.screenshot({ path: artefactPath('reading-room-search.png') });

    // A facet, clicked: the list narrows to what the API counts, and so do the other facets' counts.
    const countriesBefore = await shownFacet(page, 'Countries');
    const energy = await server.gql('query($f: PressReleaseFilter) { pressReleases(filter: $f) { totalCount } }', { f: { search: word, topics: ['energy'] } });
    const narrowed = energy.data.pressReleases.totalCount as number;
    expect(narrowed).toBeLessThan(searched);
    await page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Topics' }) }).getByLabel(/^Energy/).check();
    await waitForTotal(page, narrowed);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual(['energy']);
    expect(await page.locator('.hit').count()).toBe(narrowed);
    // The counts shown are the API's for the narrowed filter, and none grew.
    const countriesAfter = await shownFacet(page, 'Countries');
    const apiCounts = (
      await server.gql('query($f: PressReleaseFilter) { facets(filter: $f) { countries { options { label count } } } }', { f: { search: word, topics: ['energy'] } })
    ).data.facets.countries.options as { label: string; count: number }[];
    expect([...countriesAfter]).toEqual(apiCounts.slice(0, countriesAfter.size).map((o) => [o.label, o.count]));
    const compared = [...countriesAfter].filter(([name]) => countriesBefore.has(name));
    for (const [name, n] of compared) expect({ name, n }).toEqual({ name, n: Math.min(n, countriesBefore.get(name)!) });
    expect(compared.some(([name, n]) => n < countriesBefore.get(name)!)).toBe(true);
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: artefactPath('reading-room.png') });
    console.log(`reading room screenshots: ${path.relative(root, artefactPath('reading-room.png'))} (and reading-room-*.png beside it)`);

    // The URL holds the state: a reload shows the same list, and the filter can be removed.
    await page.reload();
    await waitForTotal(page, narrowed);
    await page.getByRole('button', { name: 'Remove filter Topic: Energy' }).click();
    await waitForTotal(page, searched);

    // A release: dateline, meetings and their participants, as the API has them.
    const firstTitle = (await page.locator('.hit h2 a').first().textContent())!;
    await page.locator('.hit h2 a').first().click();
    await page.getByRole('heading', { level: 1, name: firstTitle }).waitFor();
    const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const release = (
      await server.gql(
        'query($slug: String!) { pressRelease(slug: $slug) { dateline { place } meetings { participants { person { name } country { code name } } } } }',
        { slug },
      )
    ).data.pressRelease;
    expect(await page.locator('.dateline').textContent()).toContain(release.dateline.place);
    const meetings = page.locator('section.meeting');
    expect(await meetings.count()).toBe(release.meetings.length);
    for (const [i, m] of release.meetings.entries()) {
      const names = await meetings.nth(i).locator('tbody th').allTextContents();
      expect(names).toEqual(m.participants.map((p: { person: { name: string } }) => p.person.name));
    }
    await page.screenshot({ path: artefactPath('reading-room-release.png'), fullPage: true });

    // A country, from a participant's country link: its partners and a trend chart.
    const country = release.meetings.flatMap((m: any) => m.participants).find((p: any) => p.country)!.country as { code: string; name: string };
    await page.locator('table.participants').getByRole('link', { name: country.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: country.name }).waitFor();
    const expected = (
      await server.gql('query($c: String!) { country(code: $c) { partners(first: 25) { country { name } } } trend(filter: { countries: [$c] }) { count } }', {
        c: country.code,
      })
    ).data;
    expect(expected.country.partners.length).toBeGreaterThan(0);
    expect(await page.locator('table.partners tbody th').allTextContents()).toEqual(expected.country.partners.map((p: any) => p.country.name));
    const bars = page.locator('figure.trend svg .bar rect');
    expect(await bars.count()).toBe(expected.trend.length);
    const heights = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights.filter((h) => h > 0).length).toBe(expected.trend.filter((p: { count: number }) => p.count > 0).length);
    await page.screenshot({ path: artefactPath('reading-room-country.png'), fullPage: true });

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 120000);

  it('works from the keyboard and on a narrow screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const { outside, errors } = await watchPage(page, server.base);
    const all = (await server.gql('{ pressReleases { totalCount } }')).data.pressReleases.totalCount as number;
    await page.goto(`${server.base}/`);
    await waitForTotal(page, all);
    // On a narrow screen the filters are folded above the results; Enter on their heading opens them.
    const topics = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Topics' }) });
    expect(await topics.isVisible()).toBe(false);
    await page.locator('.filters summary').focus();
    await page.keyboard.press('Enter');
    await topics.waitFor();
    // Space on a focused option checks it, as on any checkbox.
    const option = topics.getByRole('checkbox').first();
    const value = (await option.getAttribute('value'))!;
    const expected = (await server.gql('query($t: [String!]) { pressReleases(filter: { topics: $t }) { totalCount } }', { t: [value] })).data.pressReleases.totalCount;
    await option.focus();
    await page.keyboard.press('Space');
    await waitForTotal(page, expected);
    expect(await option.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
    await page.screenshot({ path: artefactPath('reading-room-narrow.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 60000);

  it('says what is wrong: nothing found, no such release or country, a failed request', async () => {
    const page = await browser.newPage();
    const { outside } = await watchPage(page, server.base);
    await page.goto(`${server.base}/?q=${encodeURIComponent('xylophonequartz')}`);
    await page.getByText('No release matches “xylophonequartz”').waitFor();

    await page.goto(`${server.base}/release/no-such-release`);
    await page.getByRole('heading', { level: 1, name: 'No release at this address' }).waitFor();

    await page.goto(`${server.base}/country/QQ`);
    await page.getByRole('heading', { level: 1, name: 'No country with the code “QQ”' }).waitFor();

    // A search the API refuses: its message, and what to do.
    await page.goto(`${server.base}/?kind=NOT_A_KIND`);
    await page.getByRole('alert').filter({ hasText: 'NOT_A_KIND' }).waitFor();

    // The service unreachable: the page says so and offers to try again, which then works.
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.base}/countries`);
    await page.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor();
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.country-list a').first().waitFor();
    expect(outside).toEqual([]);
  }, 60000);

  it('shows a release text as text: highlights cannot inject markup', async () => {
    // The API drops whole tags from a highlight but keeps an unclosed one, which a page that set
    // the highlight as HTML would turn into an <img> whose onerror runs.
    const hostile = 'Quokkaland delegation a<img src=x onerror=window.injected=1// held quokkaland talks <script>window.injected=2</script> <b>bold</b>';
    const created = await server.gql(
      `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { slug } }`,
      { input: { title: 'Quokkaland <i>talks</i>', paragraphs: [hostile], publishedAt: '2026-04-01T10:00:00Z', publish: true } },
      ADMIN_TOKEN,
    );
    expect(created.errors).toBeUndefined();
    const page = await browser.newPage();
    const { outside, errors } = await watchPage(page, server.base);
    await page.goto(`${server.base}/?q=quokkaland`);
    await waitForTotal(page, 1);
    const hit = page.locator('.hit');
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    expect(await hit.textContent()).toContain('a<img src=x onerror=window.injected=1//');
    expect(await hit.textContent()).toContain('Quokkaland <i>talks</i>');
    expect(await hit.locator('img, script, b, i').count()).toBe(0);
    await hit.getByRole('link').click();
    await page.locator('.body p', { hasText: '<script>window.injected=2</script>' }).waitFor();
    expect(await page.locator('main img, main script, main b, main i').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).injected)).toBeUndefined();
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 60000);
});

describe('reading room over HTTP', () => {
  let tdb: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js'), 'web'], { cwd: root, stdio: 'inherit' });
    tdb = await createTestDatabase('ref');
    server = await startTestServer(tdb);
  }, 120000);
  afterAll(async () => {
    await server?.close();
    await tdb?.drop();
  });

  it('serves the page at its own paths only, under a policy that allows this service alone', async () => {
    for (const p of ['/', '/?q=energy&topic=energy', '/countries', '/release/some-slug', '/country/AZ']) {
      const res = await fetch(server.base + p);
      expect({ p, status: res.status, type: res.headers.get('content-type') }).toEqual({ p, status: 200, type: 'text/html; charset=utf-8' });
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await res.text();
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const js = await fetch(server.base + asset);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
    }
    for (const p of ['/nothing-here', '/release', '/assets/missing.js']) expect({ p, status: (await fetch(server.base + p)).status }).toEqual({ p, status: 404 });
  });
});
