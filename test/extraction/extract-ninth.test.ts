/**
 * Unit cases for the ninth extraction round (held-out sets 23 to 27): each is a class of phrasing
 * found in a labelled set, written here in our own words. The eighth and earlier rounds are in
 * extract.test.ts.
 */
import { extractPressRelease } from '../../src/extraction';

const people = (text: string, year = 2025) =>
  extractPressRelease(text, { year }).meetings.map((m) => [m.kind, m.participants.map((p) => [p.name, p.roleKind, p.country, p.side])]);

describe('ninth round: a working visit abroad told as "is in <country> on a visit"', () => {
  it('gives the hosts the visited country, a parliament speaker an official of it, "Science and ICT" a portfolio', () => {
    expect(
      people(
        'Foreign Minister Urmas Reinsalu is in the Republic of Korea on a working visit. In the afternoon, Speaker of the National Assembly Kim Jin-pyo received Reinsalu. ' +
          'Later, Minister of Science and ICT Lee Jong-ho received the Estonian minister for a talk on digital government.',
        2022,
      ),
    ).toEqual([
      ['BILATERAL_MEETING', [['Kim Jin-pyo', 'OFFICIAL', 'KR', 'HOST'], ['Urmas Reinsalu', 'FOREIGN_MINISTER', 'EE', 'GUEST']]],
      ['BILATERAL_MEETING', [['Lee Jong-ho', 'MINISTER', 'KR', 'HOST'], ['Urmas Reinsalu', 'FOREIGN_MINISTER', 'EE', 'GUEST']]],
    ]);
  });
});

describe('ninth round: more ways of saying a video call', () => {
  it.each([
    'held today a video conversation with the Minister for Foreign Affairs of Iceland, Þórdís Kolbrún Reykfjörð Gylfadóttir',
    'had an online conversation with the Minister for Foreign Affairs of Iceland, Þórdís Kolbrún Reykfjörð Gylfadóttir',
    'spoke by video with the Minister for Foreign Affairs of Iceland, Þórdís Kolbrún Reykfjörð Gylfadóttir',
  ])('reads "%s" as a video conference with no sides', (phrase) => {
    expect(people(`Tirana, Albania, 3 March 2023\n\nMinister for Europe and Foreign Affairs, Olta Xhaçka, ${phrase}.`, 2023)).toEqual([
      [
        'VIDEO_CONFERENCE',
        [
          ['Olta Xhaçka', 'FOREIGN_MINISTER', 'AL', null],
          ['Þórdís Kolbrún Reykfjörð Gylfadóttir', 'FOREIGN_MINISTER', 'IS', null],
        ],
      ],
    ]);
  });
});
