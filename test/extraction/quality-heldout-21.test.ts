/**
 * Extraction quality against the twenty-first held-out set (test/fixtures/extraction-heldout-21): 24
 * releases weighted like a reviewer's sample of published releases (15 agency wires, 9 ministry sites,
 * 23 issuing countries, years 2022 to 2025), written and labelled per test/fixtures/LABELLING.md by a
 * writer who read neither the extractor nor the other sets, midway through the eighth round (2026-12-02).
 *
 * Kept unread: scored once, with the eighth round's last build, figures only (docs/extraction.md,
 * "Eighteenth to twenty-third held-out sets"); nobody studies its misses. It REPORTS and asserts no
 * floors; QUALITY_VERBOSE is deliberately not offered here.
 */
import * as path from 'path';
import { loadLabelledSet } from './quality';
import { describeLabelledSet, describeQuality } from './describe-quality';

const set = loadLabelledSet(path.resolve(__dirname, '..', 'fixtures', 'extraction-heldout-21'));

describeLabelledSet('the twenty-first held-out set (unread)', set, 20);
describeQuality('extraction quality on the twenty-first held-out set (figures only)', set, {}, undefined, { misses: false });
