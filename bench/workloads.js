// The comparison's workloads (bench/compare.js): for each, the GraphQL query our server answers,
// the equivalent PostGraphile 5 (amber preset) query, the raw-SQL floor's one statement, and a
// normaliser per server that turns an answer into one canonical shape, so the three answers can be
// checked equal before anything is timed.
'use strict';

const iso = (t) => new Date(t).toISOString();
const intOfGlobalId = (id) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);
const sorted = (xs) => [...xs].sort();
const uniqueSorted = (xs) => [...new Set(xs)].sort();
const nodes = (c) => c.nodes;

// The table (computed speed against PostGraphile): five workloads.
const NEWEST = 'orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC], condition: { status: PUBLISHED }';

const WORKLOADS = [
  {
    name: 'nested',
    what: '20 newest releases with meetings, participants (person, country), topics',
    ours: `{ pressReleases(first: 20) { edges { node { slug title publishedAt topics { name }
      meetings { kind date participants { role person { name } country { code } } } } } } }`,
    pgl: `{ allPressReleases(first: 20, ${NEWEST}) { nodes { slug title publishedAt
      releaseTopicsByPressReleaseId { nodes { topicByTopicId { name } } }
      meetingsByPressReleaseId(orderBy: ROW_ID_ASC) { nodes { kind date
        participantsByMeetingId(orderBy: ROW_ID_ASC) { nodes { role personByPersonId { name } countryByCountryCode { code } } } } } } } }`,
    sql: () => [
      `SELECT coalesce(json_agg(json_build_object(
         'slug', pr.slug, 'title', pr.title, 'publishedAt', pr.published_at,
         'topics', (SELECT coalesce(json_agg(t.name ORDER BY t.name), '[]') FROM release_topic rt JOIN topic t ON t.id = rt.topic_id WHERE rt.press_release_id = pr.id),
         'meetings', (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date,
             'participants', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'person', pe.name, 'country', p.country_code) ORDER BY p.position), '[]')
                              FROM participant p JOIN person pe ON pe.id = p.person_id WHERE p.meeting_id = m.id)) ORDER BY m.position), '[]')
           FROM meeting m WHERE m.press_release_id = pr.id)) ORDER BY pr.published_at DESC, pr.id DESC), '[]') AS data
       FROM (SELECT * FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 20) pr`,
      [],
    ],
    normalize: {
      ours: (d) =>
        d.pressReleases.edges.map(({ node: r }) => ({
          slug: r.slug, title: r.title, publishedAt: iso(r.publishedAt), topics: sorted(r.topics.map((t) => t.name)),
          meetings: r.meetings.map((m) => ({ kind: m.kind, date: m.date, participants: m.participants.map((p) => ({ role: p.role, person: p.person.name, country: p.country?.code ?? null })) })),
        })),
      pgl: (d) =>
        nodes(d.allPressReleases).map((r) => ({
          slug: r.slug, title: r.title, publishedAt: iso(r.publishedAt), topics: sorted(nodes(r.releaseTopicsByPressReleaseId).map((t) => t.topicByTopicId.name)),
          meetings: nodes(r.meetingsByPressReleaseId).map((m) => ({ kind: m.kind, date: m.date, participants: nodes(m.participantsByMeetingId).map((p) => ({ role: p.role, person: p.personByPersonId.name, country: p.countryByCountryCode?.code ?? null })) })),
        })),
      floor: (d) => d.map((r) => ({ ...r, publishedAt: iso(r.publishedAt) })),
    },
  },
  {
    name: 'flat',
    what: '50 newest releases, id, title, date',
    ours: `{ pressReleases(first: 50) { edges { node { id title publishedAt } } } }`,
    pgl: `{ allPressReleases(first: 50, ${NEWEST}) { nodes { rowId title publishedAt } } }`,
    sql: () => [
      `SELECT coalesce(json_agg(json_build_object('id', id, 'title', title, 'publishedAt', published_at) ORDER BY published_at DESC, id DESC), '[]') AS data
       FROM (SELECT id, title, published_at FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 50) pr`,
      [],
    ],
    normalize: {
      ours: (d) => d.pressReleases.edges.map(({ node: r }) => ({ id: intOfGlobalId(r.id), title: r.title, publishedAt: iso(r.publishedAt) })),
      pgl: (d) => nodes(d.allPressReleases).map((r) => ({ id: r.rowId, title: r.title, publishedAt: iso(r.publishedAt) })),
      floor: (d) => d.map((r) => ({ ...r, publishedAt: iso(r.publishedAt) })),
    },
  },
  {
    name: 'one release',
    what: 'one release by id with everything on it (20 ids in turn)',
    rotate: 'releaseIds',
    ours: `query ($id: ID!) { pressRelease(id: $id) { id slug title publishedAt language body
      dateline { place date country { code } } issuer { name country { code } }
      countries { code name } topics { slug name } initiatives { name kind }
      meetings { kind date place topics { slug } participants { role roleKind side person { name } country { code name } } } } }`,
    oursVariables: (id) => ({ id: Buffer.from(`PressRelease:${id}`).toString('base64') }),
    pgl: `query ($id: Int!) { pressReleaseByRowId(rowId: $id) { rowId slug title publishedAt language body
      datelinePlace datelineDate countryByDatelineCountryCode { code } issuerName countryByIssuerCountryCode { code }
      releaseCountriesByPressReleaseId { nodes { countryByCountryCode { code name } } }
      releaseTopicsByPressReleaseId { nodes { topicByTopicId { slug name } } }
      initiativeMentionsByPressReleaseId { nodes { initiativeByInitiativeId { name kind } } }
      meetingsByPressReleaseId(orderBy: ROW_ID_ASC) { nodes { kind date place
        meetingTopicsByMeetingId { nodes { topicByTopicId { slug } } }
        participantsByMeetingId(orderBy: ROW_ID_ASC) { nodes { role roleKind side personByPersonId { name } countryByCountryCode { code name } } } } } } }`,
    pglVariables: (id) => ({ id }),
    sql: (id) => [
      `SELECT json_build_object('id', pr.id, 'slug', pr.slug, 'title', pr.title, 'publishedAt', pr.published_at, 'language', pr.language, 'body', pr.body,
         'dateline', CASE WHEN pr.dateline_place IS NULL THEN NULL ELSE json_build_object('place', pr.dateline_place, 'date', pr.dateline_date, 'country', pr.dateline_country_code) END,
         'issuer', CASE WHEN pr.issuer_name IS NULL THEN NULL ELSE json_build_object('name', pr.issuer_name, 'country', pr.issuer_country_code) END,
         'countries', (SELECT coalesce(json_agg(c.code || ' ' || c.name ORDER BY c.code), '[]') FROM release_country rc JOIN country c ON c.code = rc.country_code WHERE rc.press_release_id = pr.id),
         'topics', (SELECT coalesce(json_agg(t.slug || ' ' || t.name ORDER BY t.slug), '[]') FROM release_topic rt JOIN topic t ON t.id = rt.topic_id WHERE rt.press_release_id = pr.id),
         'initiatives', (SELECT coalesce(json_agg(x ORDER BY x), '[]') FROM (SELECT DISTINCT i.name || ' ' || i.kind AS x FROM initiative_mention im JOIN initiative i ON i.id = im.initiative_id WHERE im.press_release_id = pr.id) d),
         'meetings', (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date, 'place', m.place,
             'topics', (SELECT coalesce(json_agg(t.slug ORDER BY t.slug), '[]') FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id),
             'participants', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'roleKind', p.role_kind, 'side', p.side, 'person', pe.name,
                 'country', CASE WHEN c.code IS NULL THEN NULL ELSE c.code || ' ' || c.name END) ORDER BY p.position), '[]')
               FROM participant p JOIN person pe ON pe.id = p.person_id LEFT JOIN country c ON c.code = p.country_code WHERE p.meeting_id = m.id)) ORDER BY m.position), '[]')
           FROM meeting m WHERE m.press_release_id = pr.id)) AS data
       FROM press_release pr WHERE pr.id = $1 AND pr.status = 'PUBLISHED'`,
      [id],
    ],
    normalize: {
      ours: ({ pressRelease: r }) => ({
        id: intOfGlobalId(r.id), slug: r.slug, title: r.title, publishedAt: iso(r.publishedAt), language: r.language, body: r.body,
        dateline: r.dateline && { place: r.dateline.place, date: r.dateline.date, country: r.dateline.country?.code ?? null },
        issuer: r.issuer && { name: r.issuer.name, country: r.issuer.country?.code ?? null },
        countries: sorted(r.countries.map((c) => `${c.code} ${c.name}`)),
        topics: sorted(r.topics.map((t) => `${t.slug} ${t.name}`)),
        initiatives: uniqueSorted(r.initiatives.map((i) => `${i.name} ${i.kind}`)),
        meetings: r.meetings.map((m) => ({
          kind: m.kind, date: m.date, place: m.place, topics: sorted(m.topics.map((t) => t.slug)),
          participants: m.participants.map((p) => ({ role: p.role, roleKind: p.roleKind, side: p.side, person: p.person.name, country: p.country ? `${p.country.code} ${p.country.name}` : null })),
        })),
      }),
      pgl: ({ pressReleaseByRowId: r }) => ({
        id: r.rowId, slug: r.slug, title: r.title, publishedAt: iso(r.publishedAt), language: r.language, body: r.body,
        dateline: r.datelinePlace === null ? null : { place: r.datelinePlace, date: r.datelineDate, country: r.countryByDatelineCountryCode?.code ?? null },
        issuer: r.issuerName === null ? null : { name: r.issuerName, country: r.countryByIssuerCountryCode?.code ?? null },
        countries: sorted(nodes(r.releaseCountriesByPressReleaseId).map(({ countryByCountryCode: c }) => `${c.code} ${c.name}`)),
        topics: sorted(nodes(r.releaseTopicsByPressReleaseId).map(({ topicByTopicId: t }) => `${t.slug} ${t.name}`)),
        initiatives: uniqueSorted(nodes(r.initiativeMentionsByPressReleaseId).map(({ initiativeByInitiativeId: i }) => `${i.name} ${i.kind}`)),
        meetings: nodes(r.meetingsByPressReleaseId).map((m) => ({
          kind: m.kind, date: m.date, place: m.place, topics: sorted(nodes(m.meetingTopicsByMeetingId).map((t) => t.topicByTopicId.slug)),
          participants: nodes(m.participantsByMeetingId).map((p) => ({ role: p.role, roleKind: p.roleKind, side: p.side, person: p.personByPersonId.name, country: p.countryByCountryCode ? `${p.countryByCountryCode.code} ${p.countryByCountryCode.name}` : null })),
        })),
      }),
      floor: (r) => ({ ...r, publishedAt: iso(r.publishedAt) }),
    },
  },
  {
    name: 'issuer',
    what: '20 newest releases of one issuer (the most frequent issuer country), with topics',
    rotate: 'issuer',
    ours: `query ($c: String!) { pressReleases(first: 20, filter: { issuers: [$c] }) { edges { node { id title publishedAt topics { name } } } } }`,
    oursVariables: (c) => ({ c }),
    pgl: `query ($c: String!) { allPressReleases(first: 20, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC], condition: { status: PUBLISHED, issuerCountryCode: $c }) {
      nodes { rowId title publishedAt releaseTopicsByPressReleaseId { nodes { topicByTopicId { name } } } } } }`,
    pglVariables: (c) => ({ c }),
    sql: (c) => [
      `SELECT coalesce(json_agg(json_build_object('id', pr.id, 'title', pr.title, 'publishedAt', pr.published_at,
         'topics', (SELECT coalesce(json_agg(t.name ORDER BY t.name), '[]') FROM release_topic rt JOIN topic t ON t.id = rt.topic_id WHERE rt.press_release_id = pr.id))
         ORDER BY pr.published_at DESC, pr.id DESC), '[]') AS data
       FROM (SELECT id, title, published_at FROM press_release WHERE status = 'PUBLISHED' AND issuer_country_code = $1 ORDER BY published_at DESC, id DESC LIMIT 20) pr`,
      [c],
    ],
    normalize: {
      ours: (d) => d.pressReleases.edges.map(({ node: r }) => ({ id: intOfGlobalId(r.id), title: r.title, publishedAt: iso(r.publishedAt), topics: sorted(r.topics.map((t) => t.name)) })),
      pgl: (d) => nodes(d.allPressReleases).map((r) => ({ id: r.rowId, title: r.title, publishedAt: iso(r.publishedAt), topics: sorted(nodes(r.releaseTopicsByPressReleaseId).map((t) => t.topicByTopicId.name)) })),
      floor: (d) => d.map((r) => ({ ...r, publishedAt: iso(r.publishedAt) })),
    },
  },
  {
    name: 'meetings',
    what: '20 latest meetings of one kind (BILATERAL_MEETING) with participants',
    ours: `{ meetings(first: 20, filter: { kinds: [BILATERAL_MEETING] }) { edges { node { id kind date participants { role person { name } country { code } } } } } }`,
    pgl: `{ allMeetings(first: 20, orderBy: [DATE_DESC, ROW_ID_DESC], condition: { kind: BILATERAL_MEETING }) {
      nodes { rowId kind date participantsByMeetingId(orderBy: ROW_ID_ASC) { nodes { role personByPersonId { name } countryByCountryCode { code } } } } } }`,
    sql: () => [
      `SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'date', m.date,
         'participants', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'person', pe.name, 'country', p.country_code) ORDER BY p.position), '[]')
            FROM participant p JOIN person pe ON pe.id = p.person_id WHERE p.meeting_id = m.id)) ORDER BY m.date DESC, m.id DESC), '[]') AS data
       FROM (SELECT m.id, m.kind, m.date FROM meeting m JOIN press_release pr ON pr.id = m.press_release_id
             WHERE m.kind = 'BILATERAL_MEETING' AND pr.status = 'PUBLISHED' ORDER BY m.date DESC, m.id DESC LIMIT 20) m`,
      [],
    ],
    normalize: {
      ours: (d) => d.meetings.edges.map(({ node: m }) => ({ id: intOfGlobalId(m.id), kind: m.kind, date: m.date, participants: m.participants.map((p) => ({ role: p.role, person: p.person.name, country: p.country?.code ?? null })) })),
      pgl: (d) => nodes(d.allMeetings).map((m) => ({ id: m.rowId, kind: m.kind, date: m.date, participants: nodes(m.participantsByMeetingId).map((p) => ({ role: p.role, person: p.personByPersonId.name, country: p.countryByCountryCode?.code ?? null })) })),
      floor: (d) => d,
    },
  },
];

module.exports = { WORKLOADS };
