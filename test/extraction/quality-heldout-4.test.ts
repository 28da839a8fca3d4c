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
import { FIELDS, formatTable, loadLabelledSet, scoreExtraction } from './quality';
import { describeLabelledSet } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-4'));

describeLabelledSet('the fourth held-out set (unread)', set, 20);

describe('extraction quality on the fourth held-out set (figures only)', () => {
  it('scores every release and reports every field (figures only, no misses printed)', () => {
    const report = scoreExtraction({ set });
    console.log(formatTable(report));
    expect(report.releases).toBe(set.length);
    expect(Object.keys(report.fields).sort()).toEqual([...FIELDS].sort());
  });
});
