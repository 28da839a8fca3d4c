/**
 * Extraction quality against the sixth held-out set (test/fixtures/extraction-heldout-6): 24
 * releases in the shapes of real publication (24 publishing countries, 15 agency wires and 9 ministry
 * sites and government readouts), written and labelled per test/fixtures/LABELLING.md by a writer who
 * read neither the extractor nor the other sets, on 2026-12-01 (fourth round).
 *
 * Kept unread through the fourth round (scored three times, figures only: participants 0.701 at its
 * start, 0.726 at its end), then read as tuning data in the fifth; the seventh set is the one kept
 * unread now (docs/extraction.md, "Seventh, eighth and ninth held-out sets"). It REPORTS and asserts no
 * floors; `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-6.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-6'));

describeLabelledSet('the sixth held-out set', set, 20);
describeQuality('extraction quality on the sixth held-out set (figures only)', set, {}, undefined);
