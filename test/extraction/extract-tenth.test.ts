/**
 * Unit cases for the tenth extraction round (held-out sets 27 to 29): each is a class of phrasing
 * found in a labelled set, written here in our own words. The ninth round is in extract-ninth.test.ts,
 * the earlier ones in extract.test.ts.
 */
import { extractPressRelease } from '../../src/extraction';

const people = (text: string, year = 2025) =>
  extractPressRelease(text, { year }).meetings.map((m) => [m.kind, m.participants.map((p) => [p.name, p.roleKind, p.country, p.side])]);

describe('tenth round: a Spanish-speaking ministry\'s English datelines', () => {
  it.each([
    ['Quito (Ecuador), March 4, 2025. The Minister met the Ambassador of Chile.', { place: 'Quito', country: 'EC', date: '2025-03-04' }],
    ['Quito (Ecuador), 4 de marzo de 2025. The Minister met the Ambassador of Chile.', { place: 'Quito', country: 'EC', date: '2025-03-04' }],
    ['Quito, (mar. 4/25). The Minister met the Ambassador of Chile.', { place: 'Quito', country: 'EC', date: '2025-03-04' }],
    ['Asunción (Paraguay), (ago. 12/25). The Minister met the Ambassador of Chile.', { place: 'Asunción', country: 'PY', date: '2025-08-12' }],
  ])('reads %s', (line, dateline) => {
    expect(extractPressRelease(`Ministers meet\n\n${line}`, { year: 2025 }).dateline).toEqual(dateline);
  });
});

describe('tenth round: a ministry\'s building as the venue is not the release\'s source', () => {
  it('leaves the issuer to the release when the visiting side writes "at Torre Tagle Palace"', () => {
    const release = extractPressRelease(
      'Consultations in Lima\n\nLima (Perú), May 6, 2025. The Vice Minister of Foreign Affairs, Ana Lucía Prieto Gómez, and her Peruvian counterpart, ' +
        'Vice Minister of Foreign Affairs of Peru Ignacio Higueras Hare, met at Torre Tagle Palace to review the agenda between Colombia and Peru. ' +
        'Colombia and Peru agreed to meet again in Bogotá.',
      { year: 2025 },
    );
    expect(release.issuerCountry).toBe('CO');
  });
});

describe('tenth round: telephone conversations with several ministers are one call each', () => {
  it('splits "held telephone conversations with A and B" and does not count a later retelling again', () => {
    expect(
      people(
        '12.03.2025\n\nMinister of Foreign Affairs of Ukraine Andrii Sybiha held telephone conversations with Minister of Foreign Affairs of Lithuania Kęstutis Budrys ' +
          'and Minister for Foreign Affairs of Japan Takeshi Iwaya. Later, Sybiha spoke with Iwaya about demining.',
      ),
    ).toEqual([
      ['PHONE_CALL', [['Andrii Sybiha', 'FOREIGN_MINISTER', 'UA', null], ['Kęstutis Budrys', 'FOREIGN_MINISTER', 'LT', null]]],
      ['PHONE_CALL', [['Andrii Sybiha', 'FOREIGN_MINISTER', 'UA', null], ['Takeshi Iwaya', 'FOREIGN_MINISTER', 'JP', null]]],
    ]);
  });
});
