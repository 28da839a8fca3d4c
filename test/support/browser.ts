// Debian's Chromium driven by playwright-core, for the tests of pages. CI installs Chromium and sets
// REQUIRE_BROWSER, so there a browser test can never be skipped silently.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/** `describe` when a browser can run (or must), `describe.skip` otherwise. */
export const describeInBrowser = CHROMIUM || process.env.REQUIRE_BROWSER ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('REQUIRE_BROWSER is set but no Chromium at /usr/bin/chromium (apt-get install chromium)');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Blocks every request that does not go to `base` and records it, with the page's uncaught errors
 * and console errors: a test expects both lists empty.
 */
export async function watchPage(page: Page, base: string) {
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) {
      const q = r.request();
      errors.push(`${r.status()} ${q.method()} ${r.url()} ${(q.postData() ?? '').slice(0, 300)}`);
    }
  });
  return { outside, errors };
}

/** Test artefacts (screenshots) go to test-artifacts/, which git ignores. */
export function artefactPath(name: string): string {
  const dir = path.join(__dirname, '..', '..', 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
