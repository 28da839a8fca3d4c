/**
 * Extraction quality against the tenth held-out set (test/fixtures/extraction-heldout-10): 24 releases
 * in the shapes of the reviewers' set of real publication (16 agency wires: AZERTAC, Yonhap, ARMENPRESS,
 * TASS, Kazinform, Trend, APA, Ukrinform, BelTA, UzA, KUNA, QNA, IRNA, PTI, Xinhua; 8 ministry sites:
 * Azerbaijan, Kazakhstan, Uzbekistan, Korea, Russia, India, Pakistan, Türkiye), written and labelled per
 * test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other sets, at the start
 * of the sixth round (2026-12-01).
 *
 * Kept unread: scored with the round's first build and at its decisive steps, figures only
 * (docs/extraction.md, "Tenth to fourteenth held-out sets"); nobody studies its misses. It
 * REPORTS and asserts no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-10'));

describeLabelledSet('the tenth held-out set (unread)', set, 20);
describeQuality('extraction quality on the tenth held-out set (figures only)', set, {}, undefined, { misses: false });
