// The DateTime and Date scalars write the same text graphql-scalars' did once the answer was serialised
// (src/graphql/scalars.ts), and refuses what it refused.
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Date as DateScalar, DateTime } from '../../src/graphql/scalars';

/** What an answer held for `value` before: graphql-scalars' result as JSON.stringify writes it. */
const before = (value: unknown) => JSON.parse(JSON.stringify({ v: DateTimeResolver.serialize(value) })).v;

it('serialises dates, date-time strings and timestamps to the text graphql-scalars gave', () => {
  for (const value of [new Date('2026-12-01T17:22:16Z'), new Date(0), new Date('1999-01-02T03:04:05.678Z'), '2026-12-01T17:22:16+02:00', '2026-12-01T17:22:16.5Z', 1796207976682]) {
    const now = DateTime.serialize(value);
    expect(typeof now).toBe('string');
    expect(now).toBe(before(value));
  }
});

it('refuses what graphql-scalars refused, with its message', () => {
  for (const value of [new Date('not a date'), 'yesterday', true, {}]) {
    expect(() => DateTimeResolver.serialize(value)).toThrow();
    expect(() => DateTime.serialize(value)).toThrow((() => {
      try {
        DateTimeResolver.serialize(value);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })());
  }
});

it('keeps the name, description and input parsing of graphql-scalars', () => {
  expect(DateTime.name).toBe(DateTimeResolver.name);
  expect(DateTime.description).toBe(DateTimeResolver.description);
  expect(DateTime.parseValue('2026-12-01T17:22:16Z')).toEqual(DateTimeResolver.parseValue('2026-12-01T17:22:16Z'));
});

describe('Date', () => {
  it('serialises dates and date strings to the text graphql-scalars gave, and refuses what it refused', () => {
    for (const value of [new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T23:59:59.999Z'), new Date(0), new Date(-1), '2026-12-01']) {
      expect(DateScalar.serialize(value)).toBe(DateResolver.serialize(value));
    }
    for (const value of [new Date('not a date'), 'yesterday', '2026-13-01', true, {}]) {
      let message = '';
      try {
        DateResolver.serialize(value);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(() => DateScalar.serialize(value)).toThrow(message);
    }
    expect(DateScalar.name).toBe(DateResolver.name);
    expect(DateScalar.description).toBe(DateResolver.description);
  });
});
