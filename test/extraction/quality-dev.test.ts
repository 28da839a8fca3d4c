/**
 * Extraction quality against the development set (test/fixtures/extraction-dev): 64 releases written
 * for this project in the shapes of real publication (agency wires and ministry sites of many
 * countries: datelines of every shape, phone and video phrasings, multi-meeting texts, delegations,
 * honorifics, statements), labelled per test/fixtures/LABELLING.md.
 *
 * This set enforces floors (issue 8). `QUALITY_VERBOSE=1 npx jest test/extraction/quality-dev.test.ts`
 * also prints every miss per field.
 */
import * as path from 'path';
import { loadLabelledSet, validateLabelledSet, type Field } from './quality';
import { describeQuality } from './describe-quality';

export const DEV_FIXTURE_DIR = path.resolve(__dirname, '..', 'fixtures', 'extraction-dev');

/** F1 floors of issue 8; fields without one (issuer, side) are reported only. */
const ISSUE_FLOORS: Partial<Record<Field, number>> = {
  dateline: 0.95,
  meetingKind: 0.92,
  participants: 0.95,
  topics: 0.9,
  initiatives: 0.9,
  countries: 0.97,
};

/**
 * What the test enforces: every floor of issue 8, and for the fields the issue sets none (issuer,
 * side) a floor just under the figure reached (docs/extraction.md), so that no change can lose what
 * was won.
 */
const ENFORCED_FLOORS: Partial<Record<Field, number>> = {
  ...ISSUE_FLOORS,
  issuer: 0.95,
  side: 0.9,
};

const set = loadLabelledSet(DEV_FIXTURE_DIR);

describe('the development set', () => {
  it('has at least 60 releases, each with its expected labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(60);
  });

  it('has releases that report no meeting', () => {
    expect(set.filter((r) => r.expected.meetings.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('uses only valid topic slugs, meeting kinds, role kinds, sides and country codes', () => {
    expect(validateLabelledSet(set)).toEqual([]);
  });
});

describeQuality('extraction quality on the development set', set, ENFORCED_FLOORS, (report) => {
  it('prints how far each field is from issue 8 floors', () => {
    const gaps = Object.entries(ISSUE_FLOORS).map(([field, floor]) => {
      const f1 = report().fields[field as Field].f1;
      return `${field} ${f1.toFixed(3)} / ${floor}${f1 >= floor! ? '' : ' (not yet)'}`;
    });
    console.log(`issue 8 floors: ${gaps.join(', ')}`);
    expect(gaps).toHaveLength(6);
  });
});
