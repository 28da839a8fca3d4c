/**
 * Extraction quality against the twenty-third held-out set (test/fixtures/extraction-heldout-23): 24 releases mostly from foreign ministries writing about their own people (18 ministry sites, 6 agency reports; 22 issuing countries, many of Europe), years 2022 and 2023,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, late in the eighth round (2026-12-02).
 *
 * Scored unread with the build of 84c59ae (participants 0.792, meeting kind 0.742), then read as tuning data; the
 * seventh, tenth and twenty-first sets are the ones kept unread (docs/extraction.md, "Eighteenth to
 * twenty-third held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-23.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-23'));

describeLabelledSet('the twenty-third held-out set', set, 20);
describeQuality('extraction quality on the twenty-third held-out set (figures only)', set, {}, undefined);
