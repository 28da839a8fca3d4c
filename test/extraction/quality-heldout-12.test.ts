/**
 * Extraction quality against the twelfth held-out set (test/fixtures/extraction-heldout-12): 24 releases
 * in the shapes of real publication (12 agency wires: NAN, SAnews, Ahram Online, KNA, Daily News, APS, Prensa Latina, VNA, PTI,
 * UNB, FBC News, Andina; 12 ministry sites: Viet Nam, Indonesia, Bangladesh, Nepal, the Maldives,
 * Thailand, Peru, Chile, Ecuador, Cuba, Uganda, Egypt), written and labelled per
 * test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other sets, at the start
 * of the sixth round (2026-12-01).
 *
 * Scored unread with the round's first build (participants 0.647, meeting kind 0.857) and with the office-holder
 * reference, then read as tuning data; the tenth set is the one kept unread (docs/extraction.md,
 * "Tenth to fourteenth held-out sets"). It REPORTS and asserts no floors;
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality-heldout-12.test.ts` prints every miss.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-12'));

describeLabelledSet('the twelfth held-out set', set, 20);
describeQuality('extraction quality on the twelfth held-out set (figures only)', set, {}, undefined);
