/**
 * Extraction quality against the seventh held-out set (test/fixtures/extraction-heldout-7): 24
 * releases in the shapes of real publication (24 publishing countries, 14 agency wires from the Gulf,
 * North Africa, East Africa, South and Southeast Asia, the Balkans and the Andes, and 10 ministry sites
 * of Europe, North America, the Pacific, Japan, Singapore and Israel), written and labelled per
 * test/fixtures/LABELLING.md by a writer who read neither the extractor nor the other sets, on
 * 2026-12-01 (fifth round).
 *
 * Kept unread: scored with the fifth round's first build, midway and with its last, figures only
 * (docs/extraction.md, "Seventh, eighth and ninth held-out sets"); nobody studies its misses. It REPORTS and
 * asserts no floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-7'));

describeLabelledSet('the seventh held-out set (unread)', set, 20);
describeQuality('extraction quality on the seventh held-out set (figures only)', set, {}, undefined, { misses: false });
