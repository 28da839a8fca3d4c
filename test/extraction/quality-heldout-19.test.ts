/**
 * Extraction quality against the nineteenth held-out set (test/fixtures/extraction-heldout-19): 24 releases mostly from ministry and government sites (20 sites, 4 agency reports; 24 countries across Europe, Africa, Latin America, the Gulf, Asia and Oceania), year 2026,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, at the start of the eighth round (2026-12-02).
 *
 * Scored unread with the round's first build (9999447; participants 0.828, meeting kind 0.783), then read as tuning
 * data; the seventh, tenth and twenty-first sets are the ones kept unread (docs/extraction.md, "Eighteenth to
 * twenty-third held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-19.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-19'));

describeLabelledSet('the nineteenth held-out set', set, 20);
describeQuality('extraction quality on the nineteenth held-out set (figures only)', set, {}, undefined);
