/**
 * Extraction quality against the eighth held-out set (test/fixtures/extraction-heldout-8): 24
 * releases in the shapes of real publication (23 publishing countries, 14 agency wires of South and
 * Southeast Asia, the Levant, West Africa and Central and Eastern Europe, and 10 ministry sites of
 * Austria, Norway, Sweden, the Philippines, Malaysia, Argentina, Colombia, Ghana, Sri Lanka and
 * Rwanda), written and labelled per test/fixtures/LABELLING.md by a writer who read neither the
 * extractor nor the other sets, on 2026-12-01 (fifth round).
 *
 * Scored unread once with the round's first build (participants 0.682), then read as tuning data;
 * the seventh set is the one kept unread (docs/extraction.md, "Seventh, eighth and ninth held-out sets"). It
 * REPORTS and asserts no floors; `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-8.test.ts`
 * prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-8'));

describeLabelledSet('the eighth held-out set', set, 20);
describeQuality('extraction quality on the eighth held-out set (figures only)', set, {}, undefined);
