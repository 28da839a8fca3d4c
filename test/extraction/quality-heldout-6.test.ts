/**
 * Extraction quality against the sixth held-out set (test/fixtures/extraction-heldout-6): 24
 * releases in the shapes of real publication (24 publishing countries, 15 agency wires and 9 ministry
 * sites and government readouts), written and labelled per test/fixtures/LABELLING.md by a writer who
 * read neither the extractor nor the other sets, on 2026-12-01 (fourth round).
 *
 * Kept unread: scored with the fourth round's first build and with its last, figures only
 * (docs/extraction.md, "Fifth and sixth held-out sets"); nobody studies its misses. It REPORTS and
 * asserts no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-6'));

describeLabelledSet('the sixth held-out set (unread)', set, 20);
describeQuality('extraction quality on the sixth held-out set (figures only)', set, {}, undefined, { misses: false });
