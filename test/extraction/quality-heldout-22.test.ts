/**
 * Extraction quality against the twenty-second held-out set (test/fixtures/extraction-heldout-22): 24 releases weighted like a reviewer's sample from publishers seldom used before (14 agency wires, 10 ministry and government sites, 24 issuing countries), years 2024 and 2025,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, late in the eighth round (2026-12-02).
 *
 * Scored unread with the build of 84c59ae (participants 0.865, meeting kind 0.909), then read as tuning data; the
 * seventh, tenth and twenty-first sets are the ones kept unread (docs/extraction.md, "Eighteenth to
 * twenty-third held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-22.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-22'));

describeLabelledSet('the twenty-second held-out set', set, 20);
describeQuality('extraction quality on the twenty-second held-out set (figures only)', set, {}, undefined);
