/**
 * Extraction quality against the fifth held-out set (test/fixtures/extraction-heldout-5): 24
 * releases in the shapes of real publication (22 publishing countries, 16 agency wires and 8 ministry
 * sites), written and labelled per test/fixtures/LABELLING.md by a writer who read neither the
 * extractor nor the other sets, on 2026-12-01 (fourth round).
 *
 * Scored unread with the round's first build (participants 0.728) and again before it was studied
 * (0.763), then read as tuning data in the second half of the round; the sixth set is the one kept
 * unread (docs/extraction.md, "Fifth and sixth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-5.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-5'));

describeLabelledSet('the fifth held-out set', set, 20);
describeQuality('extraction quality on the fifth held-out set (figures only)', set, {}, undefined);
