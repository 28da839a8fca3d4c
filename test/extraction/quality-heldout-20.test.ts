/**
 * Extraction quality against the twentieth held-out set (test/fixtures/extraction-heldout-20): 24 agency wires seldom studied before (Xinhua, Anadolu, APA, KUNA, QNA, Bernama, Kyodo, BelTA, IRNA, Petra, MENA, EFE, ANSA, PAP, Ukrinform, BTA, Lusa and more; 18 issuing countries), year 2023,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, at the start of the eighth round (2026-12-02).
 *
 * Scored unread with the round's first build (9999447; participants 0.891, meeting kind 0.880), then read as tuning
 * data; the seventh, tenth and twenty-first sets are the ones kept unread (docs/extraction.md, "Eighteenth to
 * twenty-third held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-20.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-20'));

describeLabelledSet('the twentieth held-out set', set, 20);
describeQuality('extraction quality on the twentieth held-out set (figures only)', set, {}, undefined);
