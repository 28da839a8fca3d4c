/**
 * Extraction quality against the twenty-ninth held-out set (test/fixtures/extraction-heldout-29): 24
 * releases in the shapes of the wires and ministry sites of the Gulf, the Middle East, South and East
 * Asia (15 agency reports, 9 ministry sites, 14 issuing countries, 2021 to 2026), written and labelled
 * per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other sets, at the
 * start of the tenth round (2026-12-02).
 *
 * Scored unread with the round's third build (d6efc86; participants 0.819, meeting kind 0.790,
 * dateline 0.957, initiatives 0.903), then read as tuning data; the seventh, tenth, twenty-first,
 * twenty-sixth and thirtieth sets are the ones kept unread (docs/extraction.md, "Twenty-eighth to
 * thirtieth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-29.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-29'));

describeLabelledSet('the twenty-ninth held-out set', set, 20);
describeQuality('extraction quality on the twenty-ninth held-out set (figures only)', set, {}, undefined);
