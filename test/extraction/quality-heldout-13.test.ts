/**
 * Extraction quality against the thirteenth held-out set (test/fixtures/extraction-heldout-13): 24 releases
 * in the shapes of real publication (15 agency wires: AZERTAC, Trend, Report.az, Kazinform, Yonhap, ARMENPRESS, TASS, RIA Novosti,
 * Xinhua, Anadolu, IRNA, KUNA, WAM, SPA, QNA; 9 ministry sites of the Caucasus, Central Asia and Korea),
 * written and labelled per test/fixtures/LABELLING.md by a writer who read neither the extractor nor the
 * other sets, midway through the sixth round (2026-12-01).
 *
 * Scored unread with the round's first build (participants 0.858, meeting kind 0.892; with the build of its arrival 0.904, 0.857), then read as tuning data; the tenth set is the one kept unread
 * (docs/extraction.md, "Tenth to fourteenth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-13.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-13'));

describeLabelledSet('the thirteenth held-out set', set, 20);
describeQuality('extraction quality on the thirteenth held-out set (figures only)', set, {}, undefined);
