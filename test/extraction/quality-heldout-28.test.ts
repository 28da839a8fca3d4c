/**
 * Extraction quality against the twenty-eighth held-out set (test/fixtures/extraction-heldout-28): 24
 * releases in the shapes of the wires and ministry sites of Russia, Ukraine, Belarus, the Caucasus,
 * Central Asia and Mongolia (16 agency reports, 8 ministry sites, 12 issuing countries, 2022 to 2026),
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor
 * the other sets, at the start of the tenth round (2026-12-02).
 *
 * Scored unread with the round's third build (d6efc86; participants 0.906, meeting kind 0.811,
 * dateline 0.930, initiatives 0.947), then read as tuning data; the seventh, tenth, twenty-first,
 * twenty-sixth and thirtieth sets are the ones kept unread (docs/extraction.md, "Twenty-eighth to
 * thirtieth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-28.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-28'));

describeLabelledSet('the twenty-eighth held-out set', set, 20);
describeQuality('extraction quality on the twenty-eighth held-out set (figures only)', set, {}, undefined);
