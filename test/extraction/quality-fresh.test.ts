/**
 * Extraction quality against the second, fresh held-out set (test/fixtures/extraction-fresh):
 * 15 original releases written independently of the extractor and of the first set.
 *
 * This set REPORTS: it prints the same table as quality.test.ts but asserts no score floors
 * (the first set, test/fixtures/extraction, enforces them). It only asserts that the set itself is sound.
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-fresh.test.ts` also prints every miss per field.
 */
import * as path from 'path';
import { loadLabelledSet, validateLabelledSet } from './quality';
import { describeQuality } from './describe-quality';

export const FRESH_FIXTURE_DIR = path.resolve(__dirname, '..', 'fixtures', 'extraction-fresh');

const set = loadLabelledSet(FRESH_FIXTURE_DIR);

describe('the fresh labelled set', () => {
  it('has at least 15 releases, each with its expected labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(15);
  });

  it('has at least 2 releases that report no meeting', () => {
    expect(set.filter((r) => r.expected.meetings.length === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('uses only valid topic slugs, meeting kinds, role kinds, sides and country codes', () => {
    expect(validateLabelledSet(set)).toEqual([]);
  });
});

describeQuality('extraction quality on the fresh set (reported, no floors)', set);
