/**
 * Extraction quality against the third held-out set (test/fixtures/extraction-heldout-3): 24
 * releases in the shapes of real publication (17 issuing countries, 15 agency wires and 9 ministry
 * sites), written and labelled per test/fixtures/LABELLING.md by a writer who read neither the
 * extractor nor the other sets.
 *
 * Scored once on arrival (docs/extraction.md, "Third and fourth held-out sets"), then studied for
 * classes: it is tuning data now. It REPORTS and asserts no floors.
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-3.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-3'));

describeLabelledSet('the third held-out set', set, 20);

describeQuality('extraction quality on the third held-out set (reported, no floors)', set);
