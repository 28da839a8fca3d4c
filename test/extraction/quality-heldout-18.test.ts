/**
 * Extraction quality against the eighteenth held-out set (test/fixtures/extraction-heldout-18): 24 releases weighted like a reviewer's sample of published releases (15 agency wires, 9 ministry and government sites, 23 issuing countries), year 2024,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, at the start of the eighth round (2026-12-02).
 *
 * Scored unread with the round's first build (9999447; participants 0.886, meeting kind 0.915), then read as tuning
 * data; the seventh, tenth and twenty-first sets are the ones kept unread (docs/extraction.md, "Eighteenth to
 * twenty-third held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-18.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-18'));

describeLabelledSet('the eighteenth held-out set', set, 20);
describeQuality('extraction quality on the eighteenth held-out set (figures only)', set, {}, undefined);
