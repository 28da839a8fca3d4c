/**
 * The dateline shapes of published releases (see docs/extraction.md and test/fixtures/LABELLING.md):
 * each shape is read from sentences written for this test, on the first line or below headline lines.
 */
import { extractPressRelease } from '../../src/extraction';

const read = (text: string) => extractPressRelease(text, { year: 2025 }).dateline;
const BODY = 'The Minister of Foreign Affairs met the Ambassador of Japan to discuss trade.';

describe('dateline shapes', () => {
  it.each([
    ['city-country-date', `BAKU, Azerbaijan, May 23. ${BODY}`, { place: 'Baku', country: 'AZ', date: '2025-05-23' }],
    ['city-country-date with a long country name', `SEOUL, Republic of Korea, April 25. ${BODY}`, { place: 'Seoul', country: 'KR', date: '2025-04-25' }],
    ['day-month with the sentence period', `VILNIUS, Lithuania, 27 May. ${BODY}`, { place: 'Vilnius', country: 'LT', date: '2025-05-27' }],
    ['city-date', `SEOUL, November 21. ${BODY}`, { place: 'Seoul', country: 'KR', date: '2025-11-21' }],
    ['city-date-agency', `Baku, July 1, AZERTAC\n${BODY}`, { place: 'Baku', country: 'AZ', date: '2025-07-01' }],
    ['city-date-agency in capitals', `YEREVAN, MARCH 24, ARMENPRESS. ${BODY}`, { place: 'Yerevan', country: 'AM', date: '2025-03-24' }],
    ['agency-parenthesised', `SEOUL, Dec. 23 (Yonhap) -- ${BODY}`, { place: 'Seoul', country: 'KR', date: '2025-12-23' }],
    ['agency-slashed', `MOSCOW, July 5. /TASS/. ${BODY}`, { place: 'Moscow', country: 'RU', date: '2025-07-05' }],
    ['city-agency without date', `ASTANA. KAZINFORM – ${BODY}`, { place: 'Astana', country: 'KZ', date: null }],
    ['date with its year', `TOKYO, 3 March 2024 – ${BODY}`, { place: 'Tokyo', country: 'JP', date: '2024-03-03' }],
    ['bracketed source and date', `[MFA Press Service, 12 May 2025]\n${BODY}`, { place: null, country: null, date: '2025-05-12' }],
    ['an agency before a bracketed place and date', `BSS (DHAKA, 3 June 2025) – ${BODY}`, { place: 'Dhaka', country: 'BD', date: '2025-06-03' }],
    ['an agency before the place', `KPL Vientiane, April 9, 2025 -- ${BODY}`, { place: 'Vientiane', country: 'LA', date: '2025-04-09' }],
    ['a place and an agency with a hyphen', `Amman, Petra- ${BODY}`, { place: 'Amman', country: 'JO', date: null }],
    ['a place joined to an agency', `Kabul-Bakhtar\n${BODY}`, { place: 'Kabul', country: 'AF', date: null }],
    ['a numeric date and an agency with its full name', `ASHGABAT, 14.02.2025 /TDH «Turkmenistan Today»/. ${BODY}`, { place: 'Ashgabat', country: 'TM', date: '2025-02-14' }],
    ['an agency and a numeric date in brackets', `Osh (Kabar, 04.09.2025) – ${BODY}`, { place: 'Osh', country: 'KG', date: '2025-09-04' }],
    ['a slashed agency without a date', `Minsk /BelTA/. ${BODY}`, { place: 'Minsk', country: 'BY', date: null }],
    ['a capital spelled as releases spell it', `ULAANBAATAR, June 2. ${BODY}`, { place: 'Ulaanbaatar', country: 'MN', date: '2025-06-02' }],
    ['a place and a numeric date alone on their line', `Brussels, 18.09.2025\n\n${BODY}`, { place: 'Brussels', country: 'BE', date: '2025-09-18' }],
    ['a date line over a language switch, which is no place', `Japan-Chile Foreign Ministers' Meeting\n\nOctober 30, 2025\n\nJapanese\n\n${BODY}`, { place: null, country: null, date: '2025-10-30' }],
    ['a city of the world-cities table', `DUBROVNIK, July 11 (HINA) - ${BODY}`, { place: 'Dubrovnik', country: 'HR', date: '2025-07-11' }],
    ['a city two countries have, the far larger one\'s', `Cartagena, 4 March (EFE) - ${BODY}`, { place: 'Cartagena', country: 'CO', date: '2025-03-04' }],
    ['a place with its country in square brackets', `New Delhi [India], November 18 (ANI): ${BODY}`, { place: 'New Delhi', country: 'IN', date: '2025-11-18' }],
    ['a label before a date line\'s bar', `News item | 03-05-2025 | 14:00\n\n${BODY}`, { place: null, country: null, date: '2025-05-03' }],
  ])('%s', (_shape, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('finds the dateline below one or two headline lines', () => {
    const text = `Foreign ministers discuss trade\nTalks held in the capital\nMOSCOW, July 5. /TASS/. ${BODY}`;
    expect(read(text)).toEqual({ place: 'Moscow', country: 'RU', date: '2025-07-05' });
  });

  it.each([
    ['22 March 2024', '2024-03-22'],
    ['2020-09-29', '2020-09-29'],
    ['12.05.2024', '2024-05-12'],
    ['Friday, 22 March 2024 14:30', '2024-03-22'],
    ['March 22, 2024', '2024-03-22'],
    ['09:45, 22 March 2024', '2024-03-22'],
    ['2024-03-22 at 09h45', '2024-03-22'],
    ['2024-03-22 09:45:10', '2024-03-22'],
  ])('reads a date-only line under a title: %s', (line, date) => {
    const dateline = read(`Minister receives the new ambassador\n${line}\n${BODY}`);
    expect(dateline).toEqual({ place: null, country: null, date });
  });

  it('reads a header copied field by field: "Published" over its date', () => {
    const text = `News story\n\nMinister meets visiting counterpart\n\nThe Minister held talks with the visiting Foreign Minister of Chile on trade and climate.\n\nFrom:\n\nMinistry of Foreign Affairs\n\nPublished\n\n4 November 2025\n\n${BODY}`;
    const result = extractPressRelease(text, { year: 2025 });
    expect(result.dateline).toEqual({ place: null, country: null, date: '2025-11-04' });
  });

  it('never takes an agency or a ministry name for a place', () => {
    expect(read(`Yonhap, May 3. ${BODY}`)).toBeNull();
    expect(read(`MFA, 3 May 2025. ${BODY}`)).toBeNull();
  });

  it('finds no dateline where the text has none', () => {
    expect(read(BODY)).toBeNull();
    // a headline joining two places with a spaced hyphen is no dateline
    expect(read(`Japan - Singapore Foreign Ministers' Meeting\n\n${BODY}`)).toBeNull();
    expect(read(`Baku - Tbilisi railway talks\n\n${BODY}`)).toBeNull();
    expect(read(`On Monday, May 5, the minister met the ambassador.\n${BODY}`)).toBeNull();
  });

  it('keeps headline and date lines out of the analysed text but counts their countries', () => {
    const result = extractPressRelease(`Japan and Korea hold talks\n22 March 2024\n${BODY}`, { year: 2024 });
    expect(result.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['JP', 'KR']));
    expect(result.paragraphs[0]).toBe('Japan and Korea hold talks');
  });
});
