// An instant as `Date.prototype.toISOString` writes it ("2025-05-23T10:00:00.000Z"), computed in
// JavaScript: V8's own toISOString goes through its runtime, 0.6 µs a value (a list of 50 releases
// spent 31 µs of CPU in it), this 0.13 µs (docs/performance.md, thirteenth round).

const DAY_MS = 86_400_000;
const [ZERO, DASH, T, COLON, DOT, Z] = ['0', '-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0));
/** Years 0 to 9999 have four digits; toISOString writes others as ±YYYYYY (left to it). */
const FIRST = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const PAST = 253_402_300_800_000; // +010000-01-01T00:00:00.000Z

/** Year, month and day of a day count (days since 1970-01-01), as year * 10,000 + month * 100 + day. */
function civilDay(days: number): number {
  // In 400-year eras starting on March 1st (the leap day last in a year).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 10_000 + month * 100 + day;
}

/** `d.toISOString()`, the same text (and the same RangeError for an invalid Date). */
export function toIsoString(d: Date): string {
  const t = d.getTime();
  if (!(t >= FIRST && t < PAST)) return d.toISOString();
  const days = Math.floor(t / DAY_MS);
  let ms = t - days * DAY_MS;
  const hours = Math.floor(ms / 3_600_000);
  ms -= hours * 3_600_000;
  const minutes = Math.floor(ms / 60_000);
  ms -= minutes * 60_000;
  const seconds = Math.floor(ms / 1000);
  ms -= seconds * 1000;
  // One flat string from its 24 character codes: concatenated parts made a chain of 8 intermediate
  // strings per value (5 times toISOString's allocation, for the collector to clear).
  const ymd = civilDay(days);
  const year = Math.floor(ymd / 10_000);
  const month = Math.floor(ymd / 100) % 100;
  const day = ymd % 100;
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000), ZERO + (Math.floor(year / 100) % 10), ZERO + (Math.floor(year / 10) % 10), ZERO + (year % 10), DASH,
    ZERO + Math.floor(month / 10), ZERO + (month % 10), DASH, ZERO + Math.floor(day / 10), ZERO + (day % 10), T,
    ZERO + Math.floor(hours / 10), ZERO + (hours % 10), COLON, ZERO + Math.floor(minutes / 10), ZERO + (minutes % 10), COLON,
    ZERO + Math.floor(seconds / 10), ZERO + (seconds % 10), DOT, ZERO + Math.floor(ms / 100), ZERO + (Math.floor(ms / 10) % 10), ZERO + (ms % 10), Z,
  );
}

/** `d.toISOString().split('T')[0]` (the day in UTC, as graphql-scalars' Date writes it), the same text. */
export function toIsoDay(d: Date): string {
  const t = d.getTime();
  // Within years 0 to 9999 the day is toIsoString's first ten characters.
  return t >= FIRST && t < PAST ? toIsoString(d).slice(0, 10) : d.toISOString().split('T')[0];
}
