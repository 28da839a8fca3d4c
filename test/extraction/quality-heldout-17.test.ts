/**
 * Extraction quality against the seventeenth held-out set (test/fixtures/extraction-heldout-17): 24 releases
 * weighted like a reviewer's sample of published releases (15 agency wires: AZERTAC, Trend, Yonhap, ARMENPRESS,
 * TASS, Kazinform, VNA, ANTARA, SPA, KNA, Agência Brasil; 9 ministry and government sites of the UK, the US, India,
 * Sri Lanka, Kenya, Indonesia, Germany, Brazil and Azerbaijan), year 2025,
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, at the start of the seventh round (2026-12-02).
 *
 * Scored unread with the round's first build (participants 0.839, meeting kind 0.909), then read as tuning
 * data; the seventh and tenth sets are the ones kept unread (docs/extraction.md, "Fifteenth to seventeenth
 * held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-17.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-17'));

describeLabelledSet('the seventeenth held-out set', set, 20);
describeQuality('extraction quality on the seventeenth held-out set (figures only)', set, {}, undefined);
