/**
 * Extraction quality against the twenty-fourth held-out set (test/fixtures/extraction-heldout-24): 24
 * releases weighted like a reviewer's sample of published releases (15 agency wires, 9 ministry sites,
 * 21 issuing countries), years 2019 to 2021, written and labelled per test/fixtures/LABELLING.md by a
 * writer who read neither the extractor nor the other sets, at the start of the ninth round (2026-12-02).
 *
 * Scored unread with the round's third build (e73bcde; participants 0.942, meeting kind 0.857, dateline
 * 0.978, initiatives 0.870), then read as tuning data; the seventh, tenth, twenty-first and twenty-sixth
 * sets are the ones kept unread (docs/extraction.md, "Twenty-fourth to twenty-seventh held-out sets").
 * It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-24.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-24'));

describeLabelledSet('the twenty-fourth held-out set', set, 20);
describeQuality('extraction quality on the twenty-fourth held-out set (figures only)', set, {}, undefined);
