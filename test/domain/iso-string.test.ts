// toIsoString writes what Date.prototype.toISOString writes, for every instant, and toIsoDay its day
// (what graphql-scalars' Date writes: the text before the T).
import { toIsoDay, toIsoString } from '../../src/iso-string';

/** The instants among `ts` whose text differs from toISOString's (or that throw differently). */
function mismatches(ts: number[]): { t: number; iso: string; expected: string }[] {
  const out: { t: number; iso: string; expected: string }[] = [];
  const text = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      return `throws ${(e as Error).constructor.name}`;
    }
  };
  for (const t of ts) {
    const d = new Date(t);
    const expected = text(() => d.toISOString());
    const iso = text(() => toIsoString(d));
    if (iso !== expected) out.push({ t, iso, expected });
    const expectedDay = text(() => d.toISOString().split('T')[0]);
    const day = text(() => toIsoDay(d));
    if (day !== expectedDay) out.push({ t, iso: day, expected: expectedDay });
  }
  return out;
}

test('the same text as toISOString at the edges of days, months, years and eras', () => {
  const edges = [
    0, -1, 1, 86_399_999, 86_400_000, -86_400_000, -86_400_001,
    Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 2, 1), Date.UTC(1900, 1, 28, 12), Date.UTC(1900, 2, 1),
    Date.UTC(2100, 1, 28), Date.UTC(2100, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59, 999), Date.UTC(2025, 0, 1),
    Date.UTC(1600, 1, 29), Date.UTC(999, 11, 31, 23, 59, 59, 999), Date.UTC(1000, 0, 1),
    -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15, 8.64e15 + 1, NaN,
  ];
  expect(mismatches(edges)).toEqual([]);
  // An invalid Date throws as toISOString does.
  expect(() => toIsoString(new Date(NaN))).toThrow(RangeError);
  expect(() => toIsoDay(new Date(NaN))).toThrow(RangeError);
});

test('the same text as toISOString for 200,000 random instants over ±12,000 years', () => {
  let seed = 12345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ts = Array.from({ length: 200_000 }, (_, i) => Math.floor((random() * 2 - 1) * (i % 2 ? 4e11 : 4e14)));
  expect(mismatches(ts)).toEqual([]);
});
