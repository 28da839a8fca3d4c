/**
 * Known office holders (data/reference/office-holders, src/extraction/known-people.ts): the reference
 * is whole and well-formed, and the extractor recognises its people by name, in the post they held on
 * the release's date, without changing what the text itself says. Texts written for these tests.
 */
import { countries as countriesList } from 'countries-list';
import { extractPressRelease, type ExtractedRelease } from '../../src/extraction';
import { heldAt, loadOfficeHolders } from '../../src/reference/office-holders';

const people = (release: ExtractedRelease) =>
  release.meetings.flatMap((meeting) => meeting.participants.map(({ name, roleKind, country }) => ({ name, roleKind, country })));

describe('the office-holder reference', () => {
  const index = loadOfficeHolders();
  const holders = [...new Set([...index.byForm.values()].flat())];

  it('holds over a thousand posts, each with a role, dates in order and an ISO country or an organisation', () => {
    expect(index.size).toBeGreaterThan(1000);
    for (const holder of holders) {
      expect(holder.to === null || holder.from <= holder.to).toBe(true);
      if (holder.country === null) expect(holder.role).toBe('INTERNATIONAL_OFFICIAL');
      else expect(holder.country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('has a foreign minister in post in mid-2025 for almost every country', () => {
    const withMinister = new Set(
      heldAt(holders, '2025-06-01', 2025)
        .filter((holder) => holder.role === 'FOREIGN_MINISTER')
        .map((holder) => holder.country),
    );
    const sovereign = Object.keys(countriesList).filter((code) => withMinister.has(code));
    expect(sovereign.length).toBeGreaterThan(180);
  });
});

describe('people the reference knows', () => {
  it('are participants where the text names them without a post the rules read', () => {
    const release = extractPressRelease(
      'BAKU, 4 June 2025. The talks between Jeyhun Bayramov and Sergei Lavrov took place in Moscow on Monday.',
      { year: 2025 },
    );
    expect(release.meetings).toHaveLength(1);
    expect(people(release)).toEqual([
      { name: 'Jeyhun Bayramov', roleKind: 'FOREIGN_MINISTER', country: 'AZ' },
      { name: 'Sergei Lavrov', roleKind: 'FOREIGN_MINISTER', country: 'RU' },
    ]);
  });

  it('hold the post of the release date, not a later one', () => {
    const in2019 = extractPressRelease('YEREVAN, 10 February 2019. Ararat Mirzoyan met with a delegation of Polish parliamentarians.', { year: 2019 });
    expect(people(in2019).find((p) => p.name === 'Ararat Mirzoyan')?.roleKind).not.toBe('FOREIGN_MINISTER');
    const march = extractPressRelease('Kuala Lumpur, 3 March 2025. Secretary Ma. Theresa Lazaro met Mohamad Hasan on the sidelines of the ASEAN meeting.', { year: 2025 });
    expect(people(march).find((p) => p.name === 'Ma. Theresa Lazaro')?.roleKind).not.toBe('FOREIGN_MINISTER');
    const september = extractPressRelease('Kuala Lumpur, 3 September 2025. Secretary Ma. Theresa Lazaro met Mohamad Hasan on the sidelines of the ASEAN meeting.', { year: 2025 });
    expect(people(september)).toEqual([
      { name: 'Ma. Theresa Lazaro', roleKind: 'FOREIGN_MINISTER', country: 'PH' },
      { name: 'Mohamad Hasan', roleKind: 'FOREIGN_MINISTER', country: 'MY' },
    ]);
  });

  it('keep a post the text writes in full', () => {
    // A former head of government named in a later post keeps the text's post.
    const release = extractPressRelease(
      'DAMASCUS, 20 October 2025. Minister of Energy Mohammad al-Bashir received the Ambassador of Jordan, Mr. Sami Haddad.',
      { year: 2025 },
    );
    expect(people(release)).toContainEqual(expect.objectContaining({ name: 'Mohammad al-Bashir', roleKind: 'MINISTER' }));
  });

  it('are international officials of their organisation', () => {
    const release = extractPressRelease('NEW YORK, 22 September 2025. Jeyhun Bayramov met with António Guterres at the United Nations headquarters.', { year: 2025 });
    expect(people(release)).toContainEqual({ name: 'António Guterres', roleKind: 'INTERNATIONAL_OFFICIAL', country: null });
  });

  it("leave the issuer to the text: an unqualified lead known to the reference is the ministry's own", () => {
    const text =
      'Nairobi, 3 March 2025. Prime Cabinet Secretary Musalia Mudavadi received the Ambassador of Japan, Mr. Kenji Tanaka, at the Ministry. ' +
      'The two discussed direct flights between Nairobi and Tokyo and the situation in Haiti. Haiti and the Haitian mission were on the agenda; ' +
      "Haiti's security remains a concern of both.";
    const release = extractPressRelease(text, { year: 2025 });
    expect(release.issuerCountry).toBe('KE');
    expect(people(release)).toContainEqual({ name: 'Musalia Mudavadi', roleKind: 'FOREIGN_MINISTER', country: 'KE' });
  });
});
