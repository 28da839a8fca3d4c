/**
 * Extraction quality against the fourth held-out set (test/fixtures/extraction-heldout-4): 24
 * releases in the shapes of real publication (20 issuing countries, 15 agency wires and 9 ministry
 * sites), written and labelled per test/fixtures/LABELLING.md by a second writer who read neither the
 * extractor nor the other sets.
 *
 * Kept unread: it was scored when it arrived and again at the end of the round that tuned on the
 * third set (docs/extraction.md, "Third and fourth held-out sets"); nobody studies its misses. It
 * REPORTS and asserts no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { FIELDS, formatTable, loadLabelledSet, scoreExtraction, validateLabelledSet } from './quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-4'));

describe('the fourth held-out set (unread)', () => {
  it('has at least 20 releases, each with its expected labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(20);
  });

  it('uses only valid topic slugs, meeting kinds, role kinds, sides and country codes', () => {
    expect(validateLabelledSet(set)).toEqual([]);
  });

  it('scores every release and reports every field (figures only, no misses printed)', () => {
    const report = scoreExtraction({ set });
    console.log(formatTable(report));
    expect(report.releases).toBe(set.length);
    expect(Object.keys(report.fields).sort()).toEqual([...FIELDS].sort());
  });
});
