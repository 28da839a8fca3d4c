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

describe('ninth round: datelines and initiatives of agency wires', () => {
  it.each([
    ['NANPING, Fujian, April 1 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with visiting Malaysian Foreign Minister Hishammuddin Hussein.', 'Nanping', 'CN', '2021-04-01'],
    ['PESHAWAR, Khyber Pakhtunkhwa, April 1 (APP): Foreign Minister Shah Mahmood Qureshi met the Ambassador of Japan.', 'Peshawar', 'PK', '2021-04-01'],
  ])('reads a province between the place and the date: %s', (line, place, country, date) => {
    expect(extractPressRelease(`A headline\n\n${line}`, { year: 2021 }).dateline).toMatchObject({ place, country, date });
  });

  it('keeps an agency report that names no ministry without an issuer', () => {
    expect(extractPressRelease('A headline\n\nNANPING, Fujian, April 1 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with visiting Malaysian Foreign Minister Hishammuddin Hussein.', { year: 2021 }).issuerCountry).toBeNull();
  });

  it('never reads a disease as an initiative', () => {
    const release = extractPressRelease('Baku, 3 May 2020. The ministers discussed joint efforts against the COVID-19 pandemic and SARS-CoV-2 variants.', { year: 2020 });
    expect(release.initiatives.map((i) => i.name)).toEqual([]);
  });
});

describe('ninth round: datelines under a long header, after the time of posting', () => {
  it('reads a dateline under a ministry header, a press release number and a title (six lines)', () => {
    const text = 'Ministry of Foreign Affairs\nGovernment of Pakistan\n\nPress Release\nNo. 231/2025\n\nPakistan welcomes the agreement\n\nIslamabad, 28 June 2025\n\nPakistan welcomes the signing of the agreement.';
    expect(extractPressRelease(text, { year: 2025 }).dateline).toMatchObject({ place: 'Islamabad', country: 'PK', date: '2025-06-28' });
  });

  it('reads "18:40 | Lima, Sep. 16." as the place and date after the time', () => {
    const text = 'Peru FA Minister meets Ukrainian deputy minister\n\n18:40 | Lima, Sep. 16.\n\nPeru\'s Foreign Affairs Minister Elmer Schialer on Tuesday received Ukraine\'s Deputy Foreign Minister Oleh Kravchenko.';
    expect(extractPressRelease(text, { year: 2025 }).dateline).toMatchObject({ place: 'Lima', country: 'PE', date: '2025-09-16' });
  });
});

describe('ninth round: "held today, in Brasília, the third meeting of ..." and a foreign ministry\'s secretary general', () => {
  it('reads the consultations with an adverb and a place between "held" and the meeting', () => {
    // (sides at consultations in the host's capital are left as they are: the labellers disagree)
    expect(
      people(
        '10 February 2026\n\nThe Secretary-General of Foreign Affairs, Ambassador Maria Laura da Rocha, and the Secretary of State of the Ministry of Foreign Affairs of the Republic of Poland, Władysław Teofil Bartoszewski, held today, in Brasília, the third meeting of the mechanism of political consultations between the two foreign ministries.',
        2026,
      ).map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p.slice(0, 3))]),
    ).toEqual([
      [
        'POLITICAL_CONSULTATIONS',
        [
          ['Maria Laura da Rocha', 'DEPUTY_FOREIGN_MINISTER', 'BR'],
          ['Władysław Teofil Bartoszewski', 'DEPUTY_FOREIGN_MINISTER', 'PL'],
        ],
      ],
    ]);
  });

  it.each([
    ['Foreign Ministry Secretary General Ahmed Al-Hammadi', 'DEPUTY_FOREIGN_MINISTER'],
    ['UN Secretary-General António Guterres', 'INTERNATIONAL_OFFICIAL'],
  ])('reads the post of "%s"', (title, kind) => {
    expect(people(`${title} met Ambassador of Poland Andrzej Rybczak.`)[0]?.[1]?.[0]?.[1]).toBe(kind);
  });
});

describe('ninth round: the principal at an event told with their remarks', () => {
  it('reads "He made the call when he led Ghana\'s delegation to the session", the chair and those who attended', () => {
    expect(
      people(
        'Accra, Dec. 3, GNA – Mr Kwaku Ampratwum-Sarpong, Deputy Minister for Foreign Affairs and Regional Integration, has urged member states of ECOWAS to pool resources against terrorism.\n\n' +
          "He made the call when he led Ghana's delegation to the 89th Ordinary Session of the ECOWAS Council of Ministers in Abuja, Nigeria.\n\n" +
          "The session, chaired by Guinea-Bissau's Minister of Foreign Affairs, Madam Suzi Carla Barbosa, and attended by the President of the ECOWAS Commission, Dr Omar Alieu Touray, reviewed the political transitions in the region.",
        2022,
      ),
    ).toEqual([
      [
        'MULTILATERAL_MEETING',
        [
          ['Kwaku Ampratwum-Sarpong', 'DEPUTY_FOREIGN_MINISTER', 'GH', null],
          ['Suzi Carla Barbosa', 'FOREIGN_MINISTER', 'GW', null],
          ['Omar Alieu Touray', 'INTERNATIONAL_OFFICIAL', null, null],
        ],
      ],
    ]);
  });
});

describe('ninth round: the principal by name at an event, the statement\'s spokesperson not at it', () => {
  it('reads "Tuggar made the call at the G20 Foreign Ministers\' Meeting ..., according to a statement ... by the ministry\'s spokesperson, Mr X"', () => {
    const meetings = people(
      'ABUJA (NAN) – The Minister of Foreign Affairs, Amb. Yusuf Tuggar, has called for the reform of global governance institutions.\n\n' +
        "Tuggar made the call at the G20 Foreign Ministers' Meeting in Rio de Janeiro, Brazil, where he represented Nigeria, according to a statement issued on Friday in Abuja by the ministry's spokesperson, Mr Kimiebi Ebienfa.\n\n" +
        "The meeting, chaired by Brazil's Minister of Foreign Affairs, Mauro Vieira, focused on the reform of global governance.\n\n" +
        'According to the statement, Tuggar held a bilateral meeting with Vieira on the sidelines of the meeting.',
      2024,
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p[0])])).toEqual([
      ['MULTILATERAL_MEETING', ['Yusuf Tuggar', 'Mauro Vieira']],
      ['BILATERAL_MEETING', ['Yusuf Tuggar', 'Mauro Vieira']],
    ]);
  });
});

describe('ninth round: "Also attending the talks were Foreign Affairs State Secretary X and ..."', () => {
  it('adds them to the visit, the state secretary as a deputy foreign minister', () => {
    const meetings = people(
      'Bucharest, 9 July /AGERPRES/ - Minister of Foreign Affairs Oana Toiu on Wednesday received her Egyptian counterpart Badr Abdelatty, who is on an official visit to Romania.\n\n' +
        'Also attending the talks were Foreign Affairs State Secretary Cristina Ionescu and the Ambassador of Egypt in Bucharest, Ahmed Samir Ezzat.',
    );
    expect(meetings[0]?.[1]).toEqual([
      ['Oana Toiu', 'FOREIGN_MINISTER', 'RO', 'HOST'],
      ['Badr Abdelatty', 'FOREIGN_MINISTER', 'EG', 'GUEST'],
      ['Cristina Ionescu', 'DEPUTY_FOREIGN_MINISTER', 'RO', 'HOST'],
      ['Ahmed Samir Ezzat', 'AMBASSADOR', 'EG', 'GUEST'],
    ]);
  });
});

describe('ninth round: a two-line ministry header, a listed ministry name with commas in a post', () => {
  const text =
    'Ministry of Foreign Affairs\nRepublic of Fiji\n\nFiji and Morocco senior officials meet virtually\n\nPublished On: 14/08/2023\n\n' +
    'The Permanent Secretary for Foreign Affairs, Dr. Lesikimacuata Korovavala, this morning held a virtual meeting with the Secretary General of the Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates of the Kingdom of Morocco, Mr. Mohamed Karim Benjelloun.';

  it('reads "Ministry of Foreign Affairs" over "Republic of Fiji" as Fiji\'s ministry', () => {
    expect(extractPressRelease(text, { year: 2023 }).issuerCountry).toBe('FJ');
  });

  it('reads the secretary general of the Moroccan ministry, its whole name and the country after it', () => {
    expect(people(text, 2023)).toEqual([
      [
        'VIDEO_CONFERENCE',
        [
          ['Lesikimacuata Korovavala', 'DEPUTY_FOREIGN_MINISTER', 'FJ', null],
          ['Mohamed Karim Benjelloun', 'DEPUTY_FOREIGN_MINISTER', 'MA', null],
        ],
      ],
    ]);
  });

  it('never takes a name after a comma for more of a ministry\'s portfolio', () => {
    expect(people('Foreign Minister Sitiveni Rabuka met the Secretary General of the Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates, Mohamed Karim Benjelloun.', 2023)[0]?.[1]).toHaveLength(2);
  });
});

describe('ninth round: an event and the bilateral meetings announced on its margins', () => {
  const lead =
    '18.11.2024\n\nMinister of Foreign Affairs of Ukraine Andrii Sybiha, who took part in the meeting of the EU Foreign Affairs Council in Brussels, chaired by High Representative Josep Borrell, held a number of bilateral meetings on its margins.';

  it('gives each counterpart the next sentences name a meeting of their own', () => {
    const meetings = people(
      lead +
        '\n\nSybiha thanked Minister of Foreign Affairs of the Netherlands Caspar Veldkamp for the decision to finance air defense systems.\n\n' +
        'In a conversation with Minister of Foreign Affairs, European Union and Cooperation of Spain José Manuel Albares, the parties discussed humanitarian demining.\n\n' +
        'The meeting with Minister for Foreign Affairs of Sweden Maria Malmer Stenergard focused on support for the energy system.',
      2024,
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p[0])])).toEqual([
      ['MULTILATERAL_MEETING', ['Andrii Sybiha', 'Josep Borrell']],
      ['BILATERAL_MEETING', ['Andrii Sybiha', 'Caspar Veldkamp']],
      ['BILATERAL_MEETING', ['Andrii Sybiha', 'José Manuel Albares']],
      ['BILATERAL_MEETING', ['Andrii Sybiha', 'Maria Malmer Stenergard']],
    ]);
  });

  it('reports only the event where no counterpart is named', () => {
    expect(people(lead + '\n\nThe ministers discussed support for Ukraine.', 2024).map(([kind]) => kind)).toEqual(['MULTILATERAL_MEETING']);
  });
});

describe('ninth round: a trip of two ministers told stop by stop', () => {
  it('puts "the Ministers" of the lead at each stop, and those met at a stop abroad in its country', () => {
    const meetings = people(
      '9 February 2024\n\nDeputy Prime Minister and Foreign Minister Winston Peters and Minister for Pacific Peoples Dr Shane Reti have returned from a three-country mission to Polynesia.\n\n' +
        "In Nuku'alofa on Wednesday, the Ministers held talks with Acting Prime Minister Samiu Vaipulu on the recovery from the volcanic eruption.\n\n" +
        "The mission concluded in Apia on Friday, where Mr Peters and Dr Reti met Prime Minister Fiamē Naomi Mata'afa.",
      2024,
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => `${p[0]} ${p[2]}`)])).toEqual([
      ['BILATERAL_MEETING', ['Samiu Vaipulu TO', 'Winston Peters NZ', 'Shane Reti NZ']],
      ['BILATERAL_MEETING', ['Winston Peters NZ', 'Shane Reti NZ', "Fiamē Naomi Mata'afa WS"]],
    ]);
  });
});

describe('ninth round: bilateral meetings announced on the sidelines after the event', () => {
  it('gives each counterpart named after "held bilateral meetings with his ... counterparts" a meeting', () => {
    const meetings = people(
      'ISTANBUL, June 21 (Bernama) -- Foreign Minister Datuk Seri Mohamad Hasan today led the Malaysian delegation to the 51st Session of the Council of Foreign Ministers of the OIC, chaired by Turkish Foreign Minister Hakan Fidan.\n\n' +
        'On the sidelines of the session, Mohamad held bilateral meetings with his Iranian and Pakistani counterparts, Wisma Putra said in a statement.\n\n' +
        'In his meeting with Iranian Foreign Minister Abbas Araghchi, Mohamad conveyed solidarity.\n\n' +
        "With Pakistan's Deputy Prime Minister and Foreign Minister Senator Mohammad Ishaq Dar, Mohamad discussed the expansion of trade in palm oil.",
      2025,
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p[0])])).toEqual([
      ['MULTILATERAL_MEETING', ['Mohamad Hasan', 'Hakan Fidan']],
      ['BILATERAL_MEETING', ['Mohamad Hasan', 'Abbas Araghchi']],
      ['BILATERAL_MEETING', ['Mohamad Hasan', 'Mohammad Ishaq Dar']],
    ]);
  });
});

describe('ninth round: a visit to two countries is told as its meetings', () => {
  it('reads "made a working visit to Japan and the Republic of Korea" as the meetings in each, not one visit', () => {
    const meetings = people(
      '15.4.2025\n\nMinister for Foreign Affairs Elina Valtonen made a working visit to Japan and the Republic of Korea on 12–15 April 2025.\n\n' +
        'In Tokyo on Monday 14 April, Valtonen held talks with Minister for Foreign Affairs IWAYA Takeshi.\n\n' +
        'On Tuesday 15 April, Valtonen continued to Seoul, where she met Minister of Foreign Affairs Cho Tae-yul.',
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => `${p[0]} ${p[2]}`)])).toEqual([
      ['BILATERAL_MEETING', ['Elina Valtonen FI', 'IWAYA Takeshi JP']],
      ['BILATERAL_MEETING', ['Elina Valtonen FI', 'Cho Tae-yul KR']],
    ]);
  });
});

describe('ninth round: a group\'s meeting held by video', () => {
  it.each([
    ['The sixth trilateral meeting of the foreign ministers of Türkiye, Azerbaijan and Turkmenistan was held today via videoconference with Mevlüt Çavuşoğlu, Jeyhun Bayramov and Rashid Meredov.', 'MULTILATERAL_MEETING'],
    ['German Foreign Minister Johann Wadephul and his French and British counterparts, Jean-Noël Barrot and David Lammy, held a video conference on Tuesday.', 'VIDEO_CONFERENCE'],
  ])('reads the kind of "%s"', (sentence, kind) => {
    expect(people(`3 September 2020\n\n${sentence}`, 2020).map(([k]) => k)).toEqual([kind]);
  });
});

describe('ninth round: posts that are a foreign minister in some countries only, beside that country\'s minister', () => {
  it('reads a Sri Lankan "Foreign Secretary" who assists the minister as a deputy foreign minister of Sri Lanka', () => {
    const meetings = people(
      'Colombo, 12 March 2025\n\nForeign Minister Vijitha Herath welcomed his Maldivian counterpart Abdulla Khaleel for the Joint Commission and was assisted by Foreign Secretary Aruni Wijewardane.',
    );
    expect((meetings[0]?.[1] as unknown[][]).map((p) => p.slice(0, 3))).toContainEqual(['Aruni Wijewardane', 'DEPUTY_FOREIGN_MINISTER', 'LK']);
  });

  it('reads Argentina\'s "Secretary of Foreign Affairs" as a deputy, and Bangladesh\'s "Chief Adviser" as its head of government', () => {
    const call = people(
      'Buenos Aires, 3 June 2022\n\nForeign Minister Santiago Cafiero held a video call with the Minister of Foreign Affairs of the Republic of Lithuania, Gabrielius Landsbergis. The Secretary of Foreign Affairs, Leopoldo Sahores, also took part in the conversation.',
      2022,
    );
    expect(call[0]?.[1]).toContainEqual(['Leopoldo Sahores', 'DEPUTY_FOREIGN_MINISTER', 'AR', null]);
    const audience = people('DHAKA, Oct 21, 2025 (BSS) - Chief Adviser Professor Muhammad Yunus today received visiting Romanian Secretary of State for Foreign Affairs Cristian Diaconescu.');
    expect(audience[0]?.[1]?.[0]).toEqual(['Muhammad Yunus', 'HEAD_OF_GOVERNMENT', 'BD', 'HOST']);
  });
});

describe('ninth round: someone thanked is not present', () => {
  it('reads "conveyed his thanks to His Highness the Amir X" as a mention only', () => {
    const meetings = people(
      'Doha, 02 December 2019\n\nHE Minister of State for Foreign Affairs Soltan bin Saad Al-Muraikhi received today HE Ambassador of the Republic of Ghana to the State of Qatar Kwabena Osei-Akoto, on the occasion of the end of his tenure.\n\n' +
        'For his part, the Ambassador conveyed his thanks to His Highness the Amir Sheikh Tamim bin Hamad Al-Thani and to the Government of the State of Qatar.',
      2019,
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p[0])])).toEqual([['FAREWELL_MEETING', ['Soltan bin Saad Al-Muraikhi', 'Kwabena Osei-Akoto']]]);
  });
});

describe('ninth round: a meeting scheduled for later, an organisation named before a title', () => {
  it('leaves out someone the visitor "is also scheduled to meet with"', () => {
    const meetings = people(
      'Yerevan, November 11, ARMENPRESS. Foreign Minister Ararat Mirzoyan received Cypriot Foreign Minister Nikos Christodoulides, who is in Armenia on an official visit.\n\n' +
        'During the visit, the Cypriot Foreign Minister is also scheduled to meet with Prime Minister Nikol Pashinyan.',
      2019,
    );
    expect(meetings.flatMap(([, list]) => (list as unknown[][]).map((p) => p[0]))).not.toContain('Nikol Pashinyan');
  });

  it('reads "the European Union Special Representative for Central Asia X" as an international official', () => {
    const meetings = people('Minister of Foreign Affairs of the Kyrgyz Republic Ruslan Kazakbaev received the European Union Special Representative for Central Asia Terhi Hakala.', 2021);
    expect(meetings[0]?.[1]).toContainEqual(['Terhi Hakala', 'INTERNATIONAL_OFFICIAL', null, 'GUEST']);
  });
});

describe('ninth round: a national agency\'s report datelined abroad', () => {
  // (where the text names that country: "(APS)" in Dakar is Senegal's agency, not Algeria's; extract.test.ts, sixth round)
  it('gives its unqualified official the agency\'s country, not the dateline\'s', () => {
    const meetings = people(
      'Antalya, March 2 (QNA) - HE Minister of State for Foreign Affairs Sultan bin Saad Al Muraikhi met with HE Deputy Minister of Foreign Affairs of the Republic of Azerbaijan Elnur Mammadov on the sidelines of the 3rd Antalya Diplomacy Forum.\n\nThe meeting reviewed cooperation between the State of Qatar and Azerbaijan.',
    );
    expect((meetings[0]?.[1] as unknown[][]).map((p) => p.slice(0, 3))).toEqual([
      ['Sultan bin Saad Al Muraikhi', 'DEPUTY_FOREIGN_MINISTER', 'QA'],
      ['Elnur Mammadov', 'DEPUTY_FOREIGN_MINISTER', 'AZ'],
    ]);
  });
});

describe('ninth round: a numbered heading over its section', () => {
  it('keeps "2. Meeting with the Minister of Foreign Affairs of Malaysia" apart from the section\'s first sentence', () => {
    const meetings = people(
      "July 11, 2025\n\nOn July 10, in Kuala Lumpur, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held the following meetings.\n\n" +
        "1. Japan-ASEAN Foreign Ministers' Meeting\nOn July 10, Minister IWAYA attended the Japan-ASEAN Foreign Ministers' Meeting, chaired by Dato' Seri Mohamad Hasan, Minister of Foreign Affairs of Malaysia. Dr. Kao Kim Hourn, Secretary-General of ASEAN, also took part.\n\n" +
        "2. Meeting with the Minister of Foreign Affairs of Malaysia\nOn the same day, commencing at 5:10 p.m. for approximately 25 minutes, Minister IWAYA held a meeting with Dato' Seri Mohamad Hasan.",
    );
    expect(meetings.map(([kind, list]) => [kind, (list as unknown[][]).map((p) => p[0])])).toEqual([
      ['MULTILATERAL_MEETING', ['IWAYA Takeshi', 'Mohamad Hasan', 'Kao Kim Hourn']],
      ['BILATERAL_MEETING', ['IWAYA Takeshi', 'Mohamad Hasan']],
    ]);
  });
});
