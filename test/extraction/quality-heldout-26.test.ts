/**
 * Extraction quality against the twenty-sixth held-out set (test/fixtures/extraction-heldout-26): 24
 * releases weighted like a reviewer's sample of published releases (15 agency wires, 9 ministry sites,
 * 17 issuing countries and 6 releases naming no ministry, years 2020 to 2026), written and labelled per
 * test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other sets, at the start
 * of the ninth round (2026-12-02).
 *
 * Kept unread: scored once, with the ninth round's last build, figures only (docs/extraction.md,
 * "Twenty-fourth to twenty-seventh held-out sets"); nobody studies its misses. It REPORTS and asserts
 * no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-26'));

describeLabelledSet('the twenty-sixth held-out set (unread)', set, 20);
describeQuality('extraction quality on the twenty-sixth held-out set (figures only)', set, {}, undefined, { misses: false });
