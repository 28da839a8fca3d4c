/**
 * The scoring half shared by every labelled-set test: score the set once, print the table (and every
 * miss with QUALITY_VERBOSE=1), check that every release and field was scored, and fail any field
 * below its F1 floor, naming the field and its counts in the failure itself.
 */
import { FIELDS, formatMisses, formatTable, scoreExtraction, validateLabelledSet, type Field, type LabelledRelease, type QualityReport } from './quality';

export function describeQuality(
  title: string,
  set: LabelledRelease[],
  floors: Partial<Record<Field, number>> = {},
  more?: (report: () => QualityReport) => void,
  /** `false` for a set kept unread: its misses are never printed, whatever QUALITY_VERBOSE says. */
  options: { misses?: boolean } = {},
): void {
  describe(title, () => {
    let report: QualityReport;

    beforeAll(() => {
      report = scoreExtraction({ set });
      let out = formatTable(report);
      if (process.env.QUALITY_VERBOSE === '1' && options.misses !== false) out += '\n' + formatMisses(report);
      console.log(out);
    });

    it('scores every release of the set', () => {
      expect(report.releases).toBe(set.length);
    });

    it('reports every field', () => {
      expect(Object.keys(report.fields).sort()).toEqual([...FIELDS].sort());
    });

    more?.(() => report);

    const entries = Object.entries(floors) as [Field, number][];
    if (entries.length) {
      it.each(entries)('%s F1 is at least %s', (field, floor) => {
        const s = report.fields[field];
        if (s.f1 < floor) {
          throw new Error(
            `${field}: F1 ${s.f1.toFixed(3)} < ${floor} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)}, ` +
              `tp/fp/fn ${s.tp}/${s.fp}/${s.fn}); run with QUALITY_VERBOSE=1 for the misses`,
          );
        }
      });
    }
  });
}

/** The shape every labelled set must have: at least `minimum` labelled releases, valid labels only. */
export function describeLabelledSet(title: string, set: LabelledRelease[], minimum: number): void {
  describe(title, () => {
    it(`has at least ${minimum} releases, each with its expected labels`, () => {
      expect(set.length).toBeGreaterThanOrEqual(minimum);
    });

    it('uses only valid topic slugs, meeting kinds, role kinds, sides and country codes', () => {
      expect(validateLabelledSet(set)).toEqual([]);
    });
  });
}
