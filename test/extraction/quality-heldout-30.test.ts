/**
 * Extraction quality against the thirtieth held-out set (test/fixtures/extraction-heldout-30): 24
 * releases weighted like a reviewer's sample of published releases (15 agency wires, 9 ministry sites,
 * 23 issuing countries from every region, 5 releases naming no ministry, years 2019 to 2026), written
 * and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other
 * sets, at the start of the tenth round (2026-12-02).
 *
 * Kept unread: scored once, with the tenth round's last build, figures only (docs/extraction.md,
 * "Twenty-eighth to thirtieth held-out sets"); nobody studies its misses. It REPORTS and asserts no
 * floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-30'));

describeLabelledSet('the thirtieth held-out set (unread)', set, 20);
describeQuality('extraction quality on the thirtieth held-out set (figures only)', set, {}, undefined, { misses: false });
