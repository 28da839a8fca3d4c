/**
 * Extraction quality against the fifth held-out set (test/fixtures/extraction-heldout-5): 24
 * releases in the shapes of real publication (22 publishing countries, 16 agency wires and 8 ministry
 * sites), written and labelled per test/fixtures/LABELLING.md by a writer who read neither the
 * extractor nor the other sets, on 2026-12-01 (fourth round).
 *
 * Kept unread: scored once, at the end of the fourth round, with the round's first and last builds
 * (docs/extraction.md, "Fifth and sixth held-out sets"); nobody studies its misses. It REPORTS and
 * asserts no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { FIELDS, formatTable, loadLabelledSet, scoreExtraction } from './quality';
import { describeLabelledSet } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-5'));

describeLabelledSet('the fifth held-out set (unread)', set, 20);

describe('extraction quality on the fifth held-out set (figures only)', () => {
  it('scores every release and reports every field (figures only, no misses printed)', () => {
    const report = scoreExtraction({ set });
    console.log(formatTable(report));
    expect(report.releases).toBe(set.length);
    expect(Object.keys(report.fields).sort()).toEqual([...FIELDS].sort());
  });
});
