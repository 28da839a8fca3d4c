// The read side's own `timestamptz` parser (src/db/sql.ts) against pg's (postgres-date), on text
// Postgres itself writes: several session time zones (whole hours, half and quarter hours, west
// and east of UTC), fractions of every length, and the shapes it hands to pg's parser (BC,
// infinity, years before 100, a zone with seconds).
import { Client, types } from 'pg';
import { timestamptz } from '../../src/db/sql';

const pgParse = types.getTypeParser(1184, 'text') as (s: string) => Date | number;
const sameInstant = (a: Date | number, b: Date | number) => Object.is(typeof a === 'number' ? a : a.getTime(), typeof b === 'number' ? b : b.getTime());

let client: Client;
beforeAll(async () => {
  const u = new URL(process.env.TEST_PG_SERVER_URL!);
  u.pathname = '/postgres';
  client = new Client({ connectionString: u.toString() });
  await client.connect();
});
afterAll(() => client?.end());

/** The text Postgres writes for these timestamps in a session of `zone`. */
async function asWritten(zone: string, values: string[]): Promise<string[]> {
  await client.query(`SET TIME ZONE '${zone}'`);
  const { rows } = await client.query({ text: 'SELECT v::timestamptz::text AS t FROM unnest($1::text[]) v', values: [values] });
  return rows.map((r: { t: string }) => r.t);
}

const INSTANTS = [
  '2025-05-23 10:00:00+00',
  '2025-05-23 10:00:00.1+00',
  '2025-05-23 10:00:00.12+00',
  '2025-05-23 10:00:00.123+00',
  '2025-05-23 10:00:00.1234+00',
  '2025-05-23 10:00:00.123456+00',
  '2025-12-31 23:59:59.999999+00',
  '2024-02-29 12:00:00+00',
  '1970-01-01 00:00:00+00',
  '1969-12-31 23:59:59.5+00',
  '1900-03-04 01:02:03.1+00',
  '0150-06-01 08:00:00+00',
];

it.each(['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
  'reads what Postgres writes in %s as pg does',
  async (zone) => {
    const written = await asWritten(zone, INSTANTS);
    for (const text of written) {
      const ours = timestamptz(text);
      expect(ours).toBeInstanceOf(Date);
      expect(sameInstant(ours, pgParse(text))).toBe(true);
    }
  },
);

it('hands BC dates, infinities, years before 100 and zones with seconds to pg', async () => {
  const written = [
    ...(await asWritten('UTC', ['0044-03-15 12:00:00+00 BC', 'infinity', '-infinity', '0050-01-01 00:00:00+00'])),
    // Local mean time before standard zones: Postgres writes the offset with seconds.
    ...(await asWritten('Europe/Amsterdam', ['1850-01-01 00:00:00+00'])),
  ];
  expect(written.some((t) => /[+-]\d\d:\d\d:\d\d$/.test(t))).toBe(true);
  for (const text of written) expect(sameInstant(timestamptz(text) as Date | number, pgParse(text))).toBe(true);
});
