/**
 * Extraction quality against the ninth held-out set (test/fixtures/extraction-heldout-9): 24
 * releases in the shapes of real publication (20 issuing countries, 15 agency wires of East, South and
 * Central Asia, the Middle East and Brazil, and 9 ministry sites and government readouts), with every
 * dateline shape at least twice, written and labelled per test/fixtures/LABELLING.md by a writer who
 * read neither the extractor nor the other sets, midway through the fifth round (2026-12-01).
 *
 * Scored unread with the round's first build (participants 0.738) and with the build of the moment it
 * arrived (0.771), then read as tuning data; the seventh set is the one kept unread
 * (docs/extraction.md, "Seventh, eighth and ninth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-9.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-9'));

describeLabelledSet('the ninth held-out set', set, 20);
describeQuality('extraction quality on the ninth held-out set (figures only)', set, {}, undefined);
