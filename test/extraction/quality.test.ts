/**
 * Extraction quality against the held-out, hand-labelled set (test/fixtures/extraction).
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality.test.ts` also prints every miss per field.
 */
import { loadLabelledSet, validateLabelledSet, type Field } from './quality';
import { describeQuality } from './describe-quality';

/** F1 floors; fields without one (side) are reported only. */
const F1_FLOORS: Partial<Record<Field, number>> = {
  dateline: 0.95,
  issuer: 0.9,
  meetingKind: 0.9,
  participants: 0.95,
  topics: 0.85,
  initiatives: 0.85,
  countries: 0.95,
};

const set = loadLabelledSet();

describe('the labelled set', () => {
  it('has at least 25 releases, each with its expected labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(25);
  });

  it('has at least 3 releases that report no meeting', () => {
    expect(set.filter((r) => r.expected.meetings.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('uses only valid topic slugs, meeting kinds, role kinds, sides and country codes', () => {
    expect(validateLabelledSet(set)).toEqual([]);
  });
});

describeQuality('extraction quality', set, F1_FLOORS);
