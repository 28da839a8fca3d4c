/**
 * Extraction quality against the held-out, hand-labelled set (test/fixtures/extraction).
 * `QUALITY_VERBOSE=1 npx jest test/extraction/quality.test.ts` also prints every miss per field.
 */
import {
  FIELDS,
  formatMisses,
  formatTable,
  loadLabelledSet,
  scoreExtraction,
  validateLabelledSet,
  type Field,
  type QualityReport,
} from './quality';

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

describe('extraction quality', () => {
  let report: QualityReport;

  beforeAll(() => {
    report = scoreExtraction({ set });
    let out = formatTable(report);
    if (process.env.QUALITY_VERBOSE === '1') out += '\n' + formatMisses(report);
    console.log(out);
  });

  it('reports every field', () => {
    expect(Object.keys(report.fields).sort()).toEqual([...FIELDS].sort());
  });

  it.each(Object.entries(F1_FLOORS) as [Field, number][])('%s F1 is at least %s', (field, floor) => {
    const s = report.fields[field];
    if (s.f1 < floor) {
      // Name the field and its misses in the failure, not only in the (maybe hidden) log.
      throw new Error(
        `${field}: F1 ${s.f1.toFixed(3)} < ${floor} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)}, ` +
          `tp/fp/fn ${s.tp}/${s.fp}/${s.fn}); run with QUALITY_VERBOSE=1 for the misses`,
      );
    }
  });
});
