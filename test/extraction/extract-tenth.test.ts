/**
 * Unit cases for the tenth extraction round (held-out sets 27 to 29): each is a class of phrasing
 * found in a labelled set, written here in our own words. The ninth round is in extract-ninth.test.ts,
 * the earlier ones in extract.test.ts.
 */
import { extractPressRelease } from '../../src/extraction';

const people = (text: string, year = 2025) =>
  extractPressRelease(text, { year }).meetings.map((m) => [m.kind, m.participants.map((p) => [p.name, p.roleKind, p.country, p.side])]);
const withoutSides = (text: string, year = 2025) =>
  extractPressRelease(text, { year }).meetings.map((m) => [m.kind, m.participants.map((p) => [p.name, p.roleKind, p.country])]);

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

describe('tenth round: a visit whose talks are told as separate meetings', () => {
  it('is those meetings, each with its own counterpart and subjects, and a parliament by its own name ends a title', () => {
    expect(
      people(
        'Ulaanbaatar /MONTSAME/. Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev is paying an official visit to Mongolia at the invitation of Minister of Foreign Affairs B.Battsetseg. ' +
          'On May 14, President of Mongolia U.Khurelsukh received Minister J.Kulubaev. The President noted the growth of trade. ' +
          'On the same day, Ministers B.Battsetseg and J.Kulubaev held official talks. The ministers discussed air links. ' +
          'Minister J.Kulubaev also met with Chairman of the State Great Khural D.Amarbayasgalan, who noted the importance of parliamentary ties.',
        2024,
      ),
    ).toEqual([
      ['BILATERAL_MEETING', [['U.Khurelsukh', 'HEAD_OF_STATE', 'MN', 'HOST'], ['Jeenbek Kulubaev', 'FOREIGN_MINISTER', 'KG', 'GUEST']]],
      ['BILATERAL_MEETING', [['B.Battsetseg', 'FOREIGN_MINISTER', 'MN', 'HOST'], ['Jeenbek Kulubaev', 'FOREIGN_MINISTER', 'KG', 'GUEST']]],
      ['BILATERAL_MEETING', [['Jeenbek Kulubaev', 'FOREIGN_MINISTER', 'KG', 'GUEST'], ['D.Amarbayasgalan', 'OFFICIAL', 'MN', 'HOST']]],
    ]);
  });

  it('stays one visit when its meetings are told without their own subjects', () => {
    const kinds = people(
      'Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev is paying an official visit to Mongolia. President of Mongolia U.Khurelsukh received Minister J.Kulubaev. ' +
        'Later, Minister of Foreign Affairs B.Battsetseg and J.Kulubaev held talks. Mongolia reaffirmed its support.',
      2024,
    ).map(([kind]) => kind);
    expect(kinds).toEqual(['OFFICIAL_VISIT']);
  });
});

describe('tenth round: a written message handed over at a meeting', () => {
  it('is no meeting of its receiver alone; the deputy who received the envoy hosts them', () => {
    expect(
      people(
        'Riyadh, August 14, 2023, SPA -- Minister of Foreign Affairs Prince Faisal bin Farhan bin Abdullah has received a written message from Sirojiddin Muhriddin, Minister of Foreign Affairs of the Republic of Tajikistan. ' +
          'The message was received by Deputy Minister of Foreign Affairs Waleed bin Abdulkarim Elkhereiji when he received at the ministry today the Ambassador of Tajikistan to the Kingdom, Davlatsho Rahmonzoda.',
        2023,
      ),
    ).toEqual([
      ['BILATERAL_MEETING', [['Waleed bin Abdulkarim Elkhereiji', 'DEPUTY_FOREIGN_MINISTER', 'SA', 'HOST'], ['Davlatsho Rahmonzoda', 'AMBASSADOR', 'TJ', 'GUEST']]],
    ]);
  });
});

describe('tenth round: posts', () => {
  it('reads India\'s regional secretaries and ministers of state for external affairs as deputies, and a courtesy rank after a ministry\'s country', () => {
    expect(
      withoutSides(
        'New Delhi [India], November 20 (ANI): India and Malaysia held Foreign Office Consultations, co-chaired by Secretary (East) in the Ministry of External Affairs Jaideep Mazumder ' +
          'and Secretary-General of the Ministry of Foreign Affairs of Malaysia Datuk Seri Amran Mohamed Zin.',
        2024,
      ),
    ).toEqual([
      [
        'POLITICAL_CONSULTATIONS',
        [
          ['Jaideep Mazumder', 'DEPUTY_FOREIGN_MINISTER', 'IN'],
          ['Amran Mohamed Zin', 'DEPUTY_FOREIGN_MINISTER', 'MY'],
        ],
      ],
    ]);
    expect(people('New Delhi, 4 May 2025. Minister of State for External Affairs Pabitra Margherita received the Ambassador of Chile, Juan Pérez Soto.')[0][1]).toEqual([
      ['Pabitra Margherita', 'DEPUTY_FOREIGN_MINISTER', 'IN', 'HOST'],
      ['Juan Pérez Soto', 'AMBASSADOR', 'CL', 'GUEST'],
    ]);
  });

  it('reads "Foreign Secretary of Pakistan" as the ministry\'s senior civil servant, as the bare title', () => {
    const [[, participants]] = people('Ankara, 24 June 2025. Deputy Minister of Foreign Affairs Ayşe Berris Ekinci received Foreign Secretary of Pakistan Ambassador Amna Baloch.');
    expect(participants).toContainEqual(['Amna Baloch', 'DEPUTY_FOREIGN_MINISTER', 'PK', 'GUEST']);
  });
});

describe('tenth round: a numbered release\'s title line', () => {
  it('gives the date of "No: 12, 3 May 2025, Press Release Regarding ..."', () => {
    expect(extractPressRelease('No: 12, 3 May 2025, Press Release Regarding the Visit of the Foreign Minister of Chile to Türkiye\n\nForeign Minister Hakan Fidan met his Chilean counterpart.', { year: 2025 }).dateline).toEqual({
      place: null,
      country: null,
      date: '2025-05-03',
    });
  });
});

describe('tenth round: a visit told in numbered paragraphs, its visitor by the post\'s short form', () => {
  it('is its meetings when each paragraph names a counterpart and its subjects follow', () => {
    expect(
      withoutSides(
        'January 13, 2025\n\nMinister of State for External Affairs Kirti Vardhan Singh paid an official visit to Doha, Qatar on 12-13 January 2025.\n\n' +
          '2. On 12 January, MoS called on Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani, Minister of Foreign Affairs of the State of Qatar. MoS conveyed greetings. The two sides discussed trade.\n\n' +
          '3. MoS held a meeting with Dr. Mohammed bin Abdulaziz bin Saleh Al-Khulaifi, Minister of State at the Ministry of Foreign Affairs of Qatar. They reviewed consular matters.',
      ).map(([kind, participants]) => [kind, (participants as unknown[][]).map((p) => p[0])]),
    ).toEqual([
      ['BILATERAL_MEETING', ['Kirti Vardhan Singh', 'Mohammed bin Abdulrahman bin Jassim Al Thani']],
      ['BILATERAL_MEETING', ['Kirti Vardhan Singh', 'Mohammed bin Abdulaziz bin Saleh Al-Khulaifi']],
    ]);
  });
});

describe('tenth round: agency date lines', () => {
  it.each([
    ['Headline\n\nBaku. Leyla Huseynli – APA. Minister Jeyhun Bayramov received the Ambassador of Chile, Juan Pérez Soto.', { place: 'Baku', country: 'AZ', date: null }],
    ['Headline\n\n15:20 / 2023-12-11\n\nDeputy Minister Ulugbek Rakhmatov met the Ambassador of Chile, Juan Pérez Soto.', { place: null, country: null, date: '2023-12-11' }],
  ])('reads %j', (text, dateline) => {
    expect(extractPressRelease(text, { year: 2023 }).dateline).toEqual(dateline);
  });
});

describe('tenth round: dialogues and video teleconferences', () => {
  it('reads a vice-ministerial strategic dialogue as consultations, and "Executive Vice" as a deputy prefix', () => {
    expect(
      withoutSides('Date 2024-06-18\n\nFirst Vice Foreign Minister Kim Hong-kyun held the 10th Republic of Korea-China Vice-Ministerial Strategic Dialogue with Executive Vice Foreign Minister Ma Zhaoxu of China in Seoul.', 2024),
    ).toEqual([
      [
        'POLITICAL_CONSULTATIONS',
        [
          ['Kim Hong-kyun', 'DEPUTY_FOREIGN_MINISTER', 'KR'],
          ['Ma Zhaoxu', 'DEPUTY_FOREIGN_MINISTER', 'CN'],
        ],
      ],
    ]);
  });

  it('reads a foreign ministers\' video teleconference meeting as a video conference', () => {
    expect(
      people(
        'June 8, 2021\n\nOn June 8, Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs of Japan, held a Foreign Ministers\' video teleconference meeting with H.E. Sayyid Badr bin Hamad bin Hamood Albusaidi, Minister of Foreign Affairs of the Sultanate of Oman.',
        2021,
      ).map(([kind]) => kind),
    ).toEqual(['VIDEO_CONFERENCE']);
  });

  it('reads "During talks with X, the ministers ..." as a meeting of the principal with X', () => {
    const meetings = withoutSides(
      'MINSK, 16 July (BelTA) – Belarusian Minister of Foreign Affairs Maksim Ryzhenkov held talks with Deputy Prime Minister and Minister of Foreign Affairs of Pakistan Mohammad Ishaq Dar. ' +
        'During talks with Foreign Minister of Iran Abbas Araghchi, the ministers exchanged views on the Middle East.',
    );
    expect(meetings.map(([, participants]) => (participants as unknown[][]).map((p) => p[0]))).toEqual([
      ['Maksim Ryzhenkov', 'Mohammad Ishaq Dar'],
      ['Maksim Ryzhenkov', 'Abbas Araghchi'],
    ]);
  });
});

describe('tenth round: a name presented "as" a post', () => {
  it('reads "a copy of the credentials of HE X as Ambassador Extraordinary and Plenipotentiary of ..."', () => {
    expect(
      people('Doha, May 17\n\nHE Minister of State for Foreign Affairs Sultan bin Saad Al Muraikhi received today a copy of the credentials of HE Tran Duc Thinh as Ambassador Extraordinary and Plenipotentiary of the Socialist Republic of Viet Nam to the State of Qatar.', 2023),
    ).toEqual([
      [
        'CREDENTIALS_PRESENTATION',
        [
          ['Sultan bin Saad Al Muraikhi', 'DEPUTY_FOREIGN_MINISTER', 'QA', 'HOST'],
          ['Tran Duc Thinh', 'AMBASSADOR', 'VN', 'GUEST'],
        ],
      ],
    ]);
  });
});

describe('tenth round: two states hold consultations, each side headed by someone', () => {
  it('reads the event lead with the sides\' heads, "Foreign Ministry Undersecretary" a deputy\'s post', () => {
    expect(
      withoutSides(
        'Muscat, Sept 10 (ONA) — The Sultanate of Oman and the Republic of the Philippines held today the second round of political consultations between the two foreign ministries. ' +
          'The Omani side was headed by Sheikh Khalifa Alharthy, Foreign Ministry Undersecretary for Political Affairs, while the Philippine side was led by Ma. Theresa Lazaro, Undersecretary for Bilateral Relations and ASEAN Affairs at the Department of Foreign Affairs.',
        2024,
      ),
    ).toEqual([
      [
        'POLITICAL_CONSULTATIONS',
        [
          ['Khalifa Alharthy', 'DEPUTY_FOREIGN_MINISTER', 'OM'],
          ['Ma. Theresa Lazaro', 'DEPUTY_FOREIGN_MINISTER', 'PH'],
        ],
      ],
    ]);
  });
});

describe('tenth round: an earlier participant named by their post', () => {
  it('reads "The visiting Secretary-General also called on X" as a meeting of that secretary-general with X', () => {
    const meetings = withoutSides(
      'New Delhi [India], November 20 (ANI): Secretary (East) Jaideep Mazumder held consultations with Secretary-General of the Ministry of Foreign Affairs of Malaysia Amran Mohamed Zin. ' +
        'The visiting Secretary-General also called on Minister of State for External Affairs Pabitra Margherita.',
      2024,
    );
    expect(meetings[1]).toEqual(['BILATERAL_MEETING', [['Amran Mohamed Zin', 'DEPUTY_FOREIGN_MINISTER', 'MY'], ['Pabitra Margherita', 'DEPUTY_FOREIGN_MINISTER', 'IN']]]);
  });
});

describe('tenth round: "In a meeting with X, ... were discussed"', () => {
  it('is a meeting of the release\'s principal with X', () => {
    const meetings = withoutSides(
      '5 December 2025\n\nMinister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov met with OSCE Secretary General Feridun Sinirlioğlu in Vienna. ' +
        'In a meeting with Head of the Federal Department of Foreign Affairs of the Swiss Confederation Ignazio Cassis, the priorities of the chairpersonship were discussed.',
    );
    expect(meetings[1]).toEqual(['BILATERAL_MEETING', [['Jeyhun Bayramov', 'FOREIGN_MINISTER', 'AZ'], ['Ignazio Cassis', 'FOREIGN_MINISTER', 'CH']]]);
  });
});

describe('tenth round: a visit whose visitor has several meetings told apart', () => {
  it('is those meetings, each of its own kind, no visit around them', () => {
    expect(
      people(
        'Colombo, 19 February 2025\n\nMinister of Foreign Affairs of the Republic of Maldives Dr. Abdulla Khaleel is in Sri Lanka on an official visit from 18 to 21 February 2025.\n\n' +
          'On 19 February, Minister Khaleel and Minister of Foreign Affairs, Foreign Employment and Tourism Vijitha Herath held official talks at the Ministry of Foreign Affairs. The two Ministers discussed fisheries.\n\n' +
          'Later the same day, Minister Khaleel paid a courtesy call on Prime Minister Dr. Harini Amarasuriya, who spoke of education.',
      ).map(([kind]) => kind),
    ).toEqual(['BILATERAL_MEETING', 'BILATERAL_MEETING']);
  });
});

describe('tenth round: an organisation\'s delegation and an ambassador whose mission is ending', () => {
  it('reads the head of "a delegation of the Asian Development Bank (ADB)" as its official, one side with its members', () => {
    expect(
      people('On April 14, 2023, Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev received a delegation of the Asian Development Bank (ADB) led by Vice-President for Operations Haruki Tamura.', 2023),
    ).toEqual([
      [
        'BILATERAL_MEETING',
        [
          ['Jeenbek Kulubaev', 'FOREIGN_MINISTER', 'KG', 'HOST'],
          ['Haruki Tamura', 'INTERNATIONAL_OFFICIAL', null, 'GUEST'],
        ],
      ],
    ]);
  });

  it('reads "whose diplomatic mission in Armenia is coming to an end" as a farewell', () => {
    expect(
      people('YEREVAN, JUNE 5, ARMENPRESS. Minister of Foreign Affairs of Armenia Ararat Mirzoyan received Ambassador of the Republic of Lithuania Darius Vaitkus, whose diplomatic mission in Armenia is coming to an end.', 2024).map(([kind]) => kind),
    ).toEqual(['FAREWELL_MEETING']);
  });
});

describe('tenth round: a visit\'s paragraphs with the visitor as "EAM"', () => {
  it('reads "On 05 March, EAM co-chaired ... with X" and "EAM called on Y" as the visitor\'s meetings', () => {
    expect(
      withoutSides(
        'March 06, 2024\n\nExternal Affairs Minister Dr. S. Jaishankar paid a visit to the Republic of Korea from 05-06 March 2024.\n\n' +
          '2. On 05 March, EAM co-chaired the 10th India-Republic of Korea Joint Commission Meeting with H.E. Mr. Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea. The two Ministers reviewed trade.\n\n' +
          '3. On 06 March, EAM called on H.E. Mr. Han Duck-soo, Prime Minister of the Republic of Korea, and conveyed greetings. Their discussions focused on ties.',
        2024,
      ),
    ).toEqual([
      ['BILATERAL_MEETING', [['S. Jaishankar', 'FOREIGN_MINISTER', 'IN'], ['Cho Tae-yul', 'FOREIGN_MINISTER', 'KR']]],
      ['BILATERAL_MEETING', [['S. Jaishankar', 'FOREIGN_MINISTER', 'IN'], ['Han Duck-soo', 'HEAD_OF_GOVERNMENT', 'KR']]],
    ]);
  });
});

describe('tenth round: "his Slovenian counterpart" when two Slovenians are named', () => {
  it('is the one who holds the post of the person whose counterpart they are', () => {
    expect(
      withoutSides(
        'ALGIERS, 12 March /APS/ - The President of the Republic, Mr. Abdelmadjid Tebboune, received on Tuesday in Algiers the Minister of Foreign and European Affairs of the Republic of Slovenia, Mrs. Tanja Fajon, ' +
          'who conveyed to him a message from the President of Slovenia, Mrs. Nataša Pirc Musar. Earlier in the day, Minister of Foreign Affairs Ahmed Attaf received his Slovenian counterpart at the ministry headquarters.',
      )[1],
    ).toEqual(['BILATERAL_MEETING', [['Ahmed Attaf', 'FOREIGN_MINISTER', 'DZ'], ['Tanja Fajon', 'FOREIGN_MINISTER', 'SI']]]);
  });
});

describe('tenth round: the host\'s own meeting after a visit', () => {
  it('is not the visit\'s when it names someone new and not the visitor', () => {
    expect(
      withoutSides(
        'Ulaanbaatar /MONTSAME/. Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev paid an official visit to Mongolia on April 22-23, during which he held official talks with Minister of Foreign Affairs B.Battsetseg. ' +
          'On the same day, Minister B.Battsetseg received Ambassador of the Republic of Korea to Mongolia Lee Sang-hoon at the latter\'s request.',
        2024,
      ),
    ).toEqual([
      ['OFFICIAL_VISIT', [['Jeenbek Kulubaev', 'FOREIGN_MINISTER', 'KG'], ['B.Battsetseg', 'FOREIGN_MINISTER', 'MN']]],
      ['BILATERAL_MEETING', [['B.Battsetseg', 'FOREIGN_MINISTER', 'MN'], ['Lee Sang-hoon', 'AMBASSADOR', 'KR']]],
    ]);
  });
});

describe('tenth round: "who is visiting <city>"', () => {
  it('is a meeting of its own kind; "who is visiting the country" still tells an official visit', () => {
    expect(
      people('Bishkek, Kyrgyzstan, April 14, 2021\n\nMinister of Foreign Affairs of the Kyrgyz Republic Ruslan Kazakbaev received the European Union Special Representative for Central Asia Terhi Hakala, who is visiting Bishkek.', 2021).map(([kind]) => kind),
    ).toEqual(['BILATERAL_MEETING']);
    expect(
      people('Doha, May 3 (QNA) - Minister of State for Foreign Affairs Mohammed bin Abdulaziz Al Khulaifi met with Minister of Foreign Affairs of Somalia Ahmed Moallim Fiqi, who is currently visiting the country.', 2024).map(([kind]) => kind),
    ).toEqual(['OFFICIAL_VISIT']);
  });
});
