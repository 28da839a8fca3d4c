// Synthetic archives for load tests: N releases varied from the sample corpus, written in bulk. With
// the benchmarks' tooling (bench/), here because `npm run db:synthetic` and the tests run it built.
//
// The corpus is read once through the extractor; each release becomes a template whose countries,
// capitals, people, dateline day and initiative names are marked in the text. A synthetic release
// picks a template, maps its countries onto others (weighted, ~60 countries), its people onto a fixed
// pool of a few thousand (one role kind and country each, so people recur), draws a date in the
// last ten years (oldest first over a run), a subset of the topics and initiatives (plus generated
// initiatives), and renders title, body, roles and sentences with the new names. Rows are written
// like storeRelease writes them, but a batch of releases per statement (INSERT ... SELECT FROM
// unnest) instead of one by one; people and initiatives through the same upserts
// (src/domain/upserts.ts).
import crypto from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { poolConfigFromUrl } from '../db/client';
import { extractPressRelease } from '../extraction';
import type { ExtractedRelease, InitiativeKind, MeetingKind, ParticipantSide, RoleKind } from '../extraction/types';
import { loadCountries, type CountryRef } from '../reference';
import { readCorpus, type CorpusFile } from '../domain/corpus';
import { initiativeKey, upsertInitiatives, upsertPeople, type RunSql } from '../domain/upserts';
import { bodyHash, nameKey, slugify } from '../domain/text';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** Index drawn with probability proportional to its weight (cumulative weights given). */
  weighted(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of the generated world (not reference data: it only needs to look plausible)

/** The countries synthetic releases involve; the corpus's own first, so they weigh most. */
export const SYNTHETIC_COUNTRIES = [
  'AZ', 'UZ', 'KZ', 'TR', 'GE', 'KR', 'KG', 'TM', 'TJ', 'JP', 'SA', 'CN', 'RU', 'US', 'DE', 'FR', 'GB',
  'IT', 'ES', 'PL', 'UA', 'MD', 'RO', 'BG', 'HU', 'CZ', 'AT', 'CH', 'NL', 'BE', 'SE', 'NO', 'FI', 'GR',
  'IL', 'EG', 'IR', 'IQ', 'PK', 'IN', 'ID', 'MY', 'VN', 'TH', 'AE', 'QA', 'KW', 'OM', 'JO', 'MN', 'CA',
  'BR', 'MX', 'AR', 'ZA', 'NG', 'MA', 'SG', 'AU', 'LT', 'LV', 'EE', 'SK', 'RS', 'HR', 'BY',
] as const;

const FIRST_NAMES = [
  'Aibek', 'Akmal', 'Alisher', 'Anvar', 'Arman', 'Aslan', 'Azamat', 'Bakhtiyar', 'Bekzod', 'Dauren', 'Elchin',
  'Emil', 'Farid', 'Farrukh', 'Gulnara', 'Ilham', 'Kamila', 'Leyla', 'Madina', 'Nargiz', 'Nodira', 'Rashad',
  'Ruslan', 'Samir', 'Sardor', 'Timur', 'Zarina', 'Aigerim', 'Dilnoza', 'Yerlan', 'Nurlan', 'Askar', 'Otabek',
  'Anna', 'Maria', 'Elena', 'Sofia', 'Clara', 'Ingrid', 'Helena', 'Marta', 'Katarzyna', 'Ioana', 'Petra',
  'Lucia', 'Isabel', 'Chloe', 'Charlotte', 'Emma', 'Julia', 'Laura', 'Nina', 'Olga', 'Tatiana', 'Irina',
  'Andreas', 'Thomas', 'Martin', 'Peter', 'Michael', 'Jan', 'Pavel', 'Tomas', 'Mikhail', 'Sergei', 'Dmitri',
  'Viktor', 'Lukas', 'Matteo', 'Marco', 'Luca', 'Pierre', 'Jean', 'Antoine', 'Carlos', 'Javier', 'Miguel',
  'Diego', 'Joao', 'Rafael', 'James', 'William', 'Richard', 'David', 'Daniel', 'Samuel', 'Henrik', 'Lars',
  'Mikko', 'Nikos', 'Giorgos', 'Levan', 'Davit', 'Nino', 'Tamar', 'Armen', 'Aram', 'Ahmed', 'Omar', 'Khalid',
  'Youssef', 'Hassan', 'Karim', 'Layla', 'Fatima', 'Amina', 'Reza', 'Ali', 'Mehmet', 'Mustafa', 'Emre', 'Zeynep',
  'Ayse', 'Arjun', 'Rahul', 'Priya', 'Anil', 'Budi', 'Siti', 'Nguyen', 'Somchai', 'Hiroshi', 'Takeshi', 'Yuki',
  'Kenji', 'Haruka', 'Min-jun', 'Seo-yeon', 'Ji-hoon', 'Wei', 'Li', 'Chen', 'Bold', 'Oyun', 'Chinedu', 'Ngozi',
  'Thabo', 'Kwame', 'Amara', 'Liam', 'Noah', 'Ethan', 'Olivia', 'Sipho',
];

const SURNAMES = [
  'Aliyev', 'Mammadov', 'Huseynov', 'Hasanov', 'Rahimov', 'Karimov', 'Yusupov', 'Nazarov', 'Tursunov', 'Sultanov',
  'Abdullayev', 'Ismailov', 'Nurmagambetov', 'Zhaksybekov', 'Omarov', 'Seitkaliev', 'Bekov', 'Dzhumabaev',
  'Atayev', 'Orazov', 'Rakhimov', 'Saidov', 'Khodjaev', 'Ergashev', 'Kasymov', 'Tokayev', 'Akhmetov', 'Bayramli',
  'Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Richter', 'Wagner', 'Keller',
  'Dubois', 'Moreau', 'Laurent', 'Lefevre', 'Fontaine', 'Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci',
  'Garcia', 'Martinez', 'Lopez', 'Fernandez', 'Moreno', 'Silva', 'Santos', 'Oliveira', 'Costa', 'Pereira',
  'Kowalski', 'Nowak', 'Wisniewski', 'Novak', 'Horvat', 'Kovacs', 'Nagy', 'Popescu', 'Ionescu', 'Petrov',
  'Ivanov', 'Smirnov', 'Volkov', 'Kuznetsov', 'Sokolov', 'Shevchenko', 'Bondarenko', 'Kovalenko', 'Lukas',
  'Jansen', 'De Vries', 'Peeters', 'Andersson', 'Johansson', 'Nilsson', 'Hansen', 'Larsen', 'Virtanen',
  'Korhonen', 'Papadopoulos', 'Georgiou', 'Beridze', 'Kapanadze', 'Lomidze', 'Grigoryan', 'Sargsyan', 'Cohen',
  'Levi', 'Mansour', 'Haddad', 'Khalil', 'Nasser', 'Al-Farsi', 'Al-Mansoori', 'Al-Thani', 'Al-Sabah',
  'Hosseini', 'Rahmani', 'Khan', 'Qureshi', 'Sharma', 'Patel', 'Singh', 'Gupta', 'Santoso', 'Wijaya',
  'Rahman', 'Ibrahim', 'Tran', 'Pham', 'Srisuk', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Yamamoto',
  'Park', 'Lee', 'Choi', 'Jung', 'Kang', 'Wang', 'Zhang', 'Liu', 'Batbayar', 'Ganbold', 'Okafor', 'Adeyemi',
  'Mokoena', 'Dlamini', 'Mensah', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Campbell', 'Martin',
  'Tremblay', 'Gagnon', 'Yilmaz', 'Kaya', 'Demir', 'Celik', 'Sahin', 'Ozturk', 'Arslan',
];

/** People per country by role kind: about 60 per country, a few thousand in all. */
const PEOPLE_PER_COUNTRY: [RoleKind, number][] = [
  ['HEAD_OF_STATE', 2],
  ['HEAD_OF_GOVERNMENT', 2],
  ['FOREIGN_MINISTER', 3],
  ['DEPUTY_FOREIGN_MINISTER', 8],
  ['MINISTER', 10],
  ['AMBASSADOR', 24],
  ['DIPLOMAT', 6],
  ['OFFICIAL', 4],
  ['OTHER', 1],
];
const INTERNATIONAL_OFFICIALS = 60;

const INITIATIVE_REGIONS = [
  'Caspian', 'Eurasian', 'Central Asian', 'Black Sea', 'Silk Road', 'Trans-Caspian', 'Asia-Pacific',
  'Mediterranean', 'Baltic', 'Danube', 'Arctic', 'Gulf', 'South Caucasus', 'Aral Sea', 'Indian Ocean', 'Nordic',
];
const INITIATIVE_SUBJECTS = [
  'Digital Connectivity', 'Water Security', 'Green Energy', 'Transport', 'Investment', 'Youth Exchange',
  'Food Security', 'Climate Resilience', 'Cultural Heritage', 'Logistics', 'Public Health', 'Higher Education',
  'Trade Facilitation', 'Mine Action', 'Science and Innovation', 'Tourism', 'Critical Minerals', 'Renewable Hydrogen',
];
const INITIATIVE_TYPES: [string, InitiativeKind][] = [
  ['Platform', 'PLATFORM'],
  ['Programme', 'PROGRAMME'],
  ['Forum', 'CONFERENCE'],
  ['Summit', 'CONFERENCE'],
  ['Council', 'ORGANISATION'],
  ['Dialogue', 'PROCESS'],
  ['Partnership', 'PROCESS'],
  ['Centre', 'INSTITUTION'],
  ['Fund', 'INSTITUTION'],
];
const GENERATED_INITIATIVES = 240;

const INITIATIVE_SENTENCES = [
  'The sides also discussed cooperation within the {name}.',
  'Particular attention was paid to joint projects under the {name}.',
  'The parties agreed to coordinate their positions ahead of the next meeting of the {name}.',
  'Both sides welcomed the progress achieved within the {name}.',
  'The importance of the {name} for regional cooperation was underlined.',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------
// Templates: corpus texts with their names marked

/** A piece of text: literal, or a slot the release fills. */
type Piece =
  | string
  | { c: number; form: 'name' | 'official' | 'demonym'; article: string | null }
  | { cap: number; upper: boolean }
  | { p: number; part: 'full' | 'first' | 'last' }
  | { date: 'md' | 'dm' };

type Text = Piece[];

interface TemplatePerson {
  /** Index into the template's countries, or null (an international official). */
  country: number | null;
  roleKind: RoleKind;
}

interface TemplateMeeting {
  kind: MeetingKind;
  /** Days after the dateline day. */
  dayOffset: number;
  place: Text | null;
  participants: { person: number; role: Text; side: ParticipantSide | null }[];
}

export interface Template {
  file: string;
  title: Text;
  /** Countries in slot order: dateline, issuer, participants, then the others named. */
  countries: string[];
  /** Mentions per slot (0 where the text names it only through a participant or dateline). */
  mentions: number[];
  datelineCountry: number | null;
  datelinePlace: Text | null;
  issuerName: Text | null;
  issuerCountry: number | null;
  people: TemplatePerson[];
  paragraphs: Text[];
  meetings: TemplateMeeting[];
  topics: { slug: string; mentions: number }[];
  initiatives: { name: string; acronym: string | null; kind: InitiativeKind; sentence: Text }[];
}

interface Form {
  text: string;
  piece: Exclude<Piece, string>;
  /** Protected spans (initiative names) are kept literally. */
  literal?: boolean;
}

const ARTICLE_NEEDED = /Republic|Kingdom|Federation|Emirates|States|Netherlands|Philippines|Sultanate|Principality|Duchy|Commonwealth/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function countryForms(ref: CountryRef, slot: number): Form[] {
  const forms: Form[] = [];
  const official = ref.officialName && ref.officialName !== ref.name ? ref.officialName : null;
  forms.push({ text: ref.name, piece: { c: slot, form: 'name', article: null } });
  if (official) forms.push({ text: official, piece: { c: slot, form: 'official', article: null } });
  for (const alias of ref.aliases) {
    // Short all-capital aliases ("US", "ROK") would match acronyms of other things.
    if (alias === official || alias.length < 4 || /^the /i.test(alias)) continue;
    forms.push({ text: alias, piece: { c: slot, form: ARTICLE_NEEDED.test(alias) ? 'official' : 'name', article: null } });
  }
  for (const d of ref.demonyms) if (d.length >= 4 && !/'/.test(d)) forms.push({ text: d, piece: { c: slot, form: 'demonym', article: null } });
  if (ref.capital) {
    forms.push({ text: ref.capital, piece: { cap: slot, upper: false } });
    forms.push({ text: ref.capital.toUpperCase(), piece: { cap: slot, upper: true } });
  }
  return forms;
}

/** Splits text into literal pieces and slots; longest forms win where they overlap. */
function compileText(text: string, matcher: RegExp | null, byText: Map<string, Form>): Text {
  if (!matcher) return [text];
  const out: Text = [];
  let last = 0;
  matcher.lastIndex = 0;
  for (let m = matcher.exec(text); m; m = matcher.exec(text)) {
    const article = m[1];
    const form = byText.get(m[2])!;
    let start = m.index;
    let piece: Piece;
    if (!form.literal && 'c' in form.piece) piece = { ...form.piece, article: article ? article.trim() : null };
    else {
      // The article stays literal before anything but a country.
      start += article.length;
      piece = form.literal ? m[2] : form.piece;
    }
    if (start > last) out.push(text.slice(last, start));
    out.push(piece);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function buildMatcher(forms: Form[]): { matcher: RegExp | null; byText: Map<string, Form> } {
  const byText = new Map<string, Form>();
  for (const f of forms) if (!byText.has(f.text)) byText.set(f.text, f);
  const texts = [...byText.keys()].sort((a, b) => b.length - a.length);
  if (!texts.length) return { matcher: null, byText };
  const alternation = texts.map(escapeRe).join('|');
  return { matcher: new RegExp(`(?<![\\p{L}\\p{N}])((?:[Tt]he )?)(${alternation})(?![\\p{L}\\p{N}])`, 'gu'), byText };
}

function dateForms(iso: string | null): Form[] {
  if (!iso) return [];
  const [, mm, dd] = iso.split('-').map(Number);
  const month = MONTHS[mm - 1];
  return [
    { text: `${month} ${dd}`, piece: { date: 'md' } },
    { text: `${dd} ${month}`, piece: { date: 'dm' } },
  ];
}

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86400000);

/** One template per corpus release, from the extractor's reading of it. */
export function buildTemplate(file: string, x: ExtractedRelease, countries: Map<string, CountryRef>): Template {
  const slots: string[] = [];
  const slotOf = (code: string | null): number | null => {
    if (!code || !countries.has(code)) return null;
    let i = slots.indexOf(code);
    if (i < 0) i = slots.push(code) - 1;
    return i;
  };
  const datelineCountry = slotOf(x.dateline?.country ?? null);
  const issuerCountry = slotOf(x.issuerCountry);
  const people: TemplatePerson[] = [];
  const personIndex = new Map<string, number>();
  for (const m of x.meetings) {
    for (const p of m.participants) {
      if (personIndex.has(p.name)) continue;
      personIndex.set(p.name, people.push({ country: slotOf(p.country), roleKind: p.roleKind }) - 1);
    }
  }
  for (const c of x.countries) slotOf(c.code);
  const mentions = slots.map((code) => x.countries.find((c) => c.code === code)?.mentions ?? 0);

  const forms: Form[] = [];
  // Initiative names stay as written (their mention sentences must match the body).
  for (const i of x.initiatives) {
    forms.push({ text: i.name, piece: { date: 'md' }, literal: true });
    if (i.acronym) forms.push({ text: i.acronym, piece: { date: 'md' }, literal: true });
  }
  for (const [name, index] of personIndex) {
    forms.push({ text: name, piece: { p: index, part: 'full' } });
    const words = name.split(/\s+/);
    if (words.length > 1) {
      if (words[words.length - 1].length >= 3) forms.push({ text: words[words.length - 1], piece: { p: index, part: 'last' } });
      if (words[0].length >= 3) forms.push({ text: words[0], piece: { p: index, part: 'first' } });
    }
  }
  // A dateline city that is no capital ("Batumi") becomes the capital of the dateline's new country.
  const place = x.dateline?.place;
  if (place && datelineCountry != null && countries.get(slots[datelineCountry])!.capital !== place) {
    forms.push({ text: place, piece: { cap: datelineCountry, upper: false } });
    forms.push({ text: place.toUpperCase(), piece: { cap: datelineCountry, upper: true } });
  }
  slots.forEach((code, i) => forms.push(...countryForms(countries.get(code)!, i)));
  forms.push(...dateForms(x.dateline?.date ?? null));
  const { matcher, byText } = buildMatcher(forms);
  const compile = (s: string) => compileText(s, matcher, byText);

  const baseDay = x.dateline?.date ?? null;
  return {
    file,
    title: compile(x.title),
    countries: slots,
    mentions,
    datelineCountry,
    datelinePlace: x.dateline?.place ? compile(x.dateline.place) : null,
    issuerName: x.issuerName ? compile(x.issuerName) : null,
    issuerCountry,
    people,
    paragraphs: x.paragraphs.map(compile),
    meetings: x.meetings.map((m) => ({
      kind: m.kind,
      dayOffset: m.date && baseDay ? dayDiff(m.date, baseDay) : 0,
      place: m.place ? compile(m.place) : null,
      participants: m.participants.map((p) => ({ person: personIndex.get(p.name)!, role: compile(p.role), side: p.side })),
    })),
    topics: x.topics.map((t) => ({ slug: t.slug, mentions: t.mentions })),
    initiatives: x.initiatives.map((i) => ({ name: i.name, acronym: i.acronym, kind: i.kind, sentence: compile(i.sentence) })),
  };
}

export function buildTemplates(files: CorpusFile[] = readCorpus()): Template[] {
  const countries = new Map(loadCountries().map((c) => [c.code, c]));
  return files.map((f) => {
    const x = extractPressRelease(f.input.text, { year: f.input.year ?? f.input.publishedAt?.getUTCFullYear() });
    return buildTemplate(f.file, x, countries);
  });
}

// ---------------------------------------------------------------------------------------------
// Pools: people and initiatives (fixed, whatever the seed, so repeated runs share them)

export interface PoolPerson {
  name: string;
  key: string;
  roleKind: RoleKind;
  country: string | null;
}

export interface PoolInitiative {
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
  key: string;
}

const POOL_SEED = 20261128;

export function buildPeoplePool(countryCodes: readonly string[]): PoolPerson[] {
  const rng = new Rng(POOL_SEED);
  const used = new Set<string>();
  const person = (roleKind: RoleKind, country: string | null): PoolPerson => {
    for (;;) {
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
      const key = nameKey(name);
      if (used.has(key)) continue;
      used.add(key);
      return { name, key, roleKind, country };
    }
  };
  const out: PoolPerson[] = [];
  for (const code of countryCodes) for (const [kind, n] of PEOPLE_PER_COUNTRY) for (let i = 0; i < n; i++) out.push(person(kind, code));
  for (let i = 0; i < INTERNATIONAL_OFFICIALS; i++) out.push(person('INTERNATIONAL_OFFICIAL', null));
  return out;
}

const acronymOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and' && w !== 'of')
    .map((w) => w[0].toUpperCase())
    .join('');

/** Generated initiatives; none shares a key with another or with `taken` (the corpus's). */
export function buildInitiativePool(taken: Set<string>): PoolInitiative[] {
  const rng = new Rng(POOL_SEED + 1);
  const keys = new Set(taken);
  const out: PoolInitiative[] = [];
  for (let tries = 0; out.length < GENERATED_INITIATIVES && tries < 100000; tries++) {
    const [type, kind] = rng.pick(INITIATIVE_TYPES);
    const name = `${rng.pick(INITIATIVE_REGIONS)} ${rng.pick(INITIATIVE_SUBJECTS)} ${type}`;
    let acronym: string | null = rng.chance(0.5) ? acronymOf(name) : null;
    if (acronym && keys.has(nameKey(acronym))) acronym = null;
    const key = initiativeKey({ name, acronym });
    if (keys.has(key) || keys.has(nameKey(name))) continue;
    keys.add(key);
    keys.add(nameKey(name));
    out.push({ name, acronym, kind, key });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generation

export interface GeneratedParticipant {
  personId: number;
  role: string;
  roleKind: RoleKind;
  countryCode: string | null;
  side: ParticipantSide | null;
}

export interface GeneratedRelease {
  slug: string;
  title: string;
  publishedAt: Date;
  datelinePlace: string | null;
  datelineCountryCode: string | null;
  /** YYYY-MM-DD */
  datelineDate: string;
  issuerName: string | null;
  issuerCountryCode: string | null;
  body: string;
  contentHash: string;
  topics: { topicId: number; mentions: number }[];
  /** Every country the release involves, dateline, issuer and participants included. */
  countries: { code: string; mentions: number }[];
  meetings: { kind: MeetingKind; date: string; place: string | null; participants: GeneratedParticipant[] }[];
  initiatives: { initiativeId: number; sentence: string }[];
}

export interface GeneratorInput {
  templates: Template[];
  /** Countries to draw from (must exist in the country table), most frequent first. */
  countries: CountryRef[];
  /** People with their database ids. */
  people: (PoolPerson & { id: number })[];
  /** Ids of the templates' initiatives by initiativeKey. */
  corpusInitiativeIds: Map<string, number>;
  generatedInitiatives: (PoolInitiative & { id: number })[];
  topics: { id: number; slug: string }[];
  seed: number;
  runId: string;
  now: Date;
  /**
   * How many releases the run generates: with it, the i-th release's date falls in the i-th of as
   * many equal slices of the ten years (still drawn within it), so releases come oldest first, as an
   * archive grows. Without it, every date is drawn over the whole ten years.
   */
  total?: number;
}

const TEN_YEARS_MS = 10 * 365.25 * 86400000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000));

export interface Generator {
  /** The release at this index of the run (call with 0, 1, 2, ... in order). */
  next(): GeneratedRelease;
}

export function createGenerator(input: GeneratorInput): Generator {
  const rng = new Rng(input.seed);
  const { templates, countries } = input;
  // Zipf-like weights: a few countries meet often, most now and then.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < countries.length; i++) cumulative.push((sum += 1 / Math.pow(i + 1, 0.7)));
  const peopleBy = new Map<string, (PoolPerson & { id: number })[]>();
  const byCountry = new Map<string, (PoolPerson & { id: number })[]>();
  for (const p of input.people) {
    const k = `${p.country ?? '-'}:${p.roleKind}`;
    (peopleBy.get(k) ?? peopleBy.set(k, []).get(k)!).push(p);
    (byCountry.get(p.country ?? '-') ?? byCountry.set(p.country ?? '-', []).get(p.country ?? '-')!).push(p);
  }
  const topicId = new Map(input.topics.map((t) => [t.slug, t.id]));
  // Paragraphs other templates can lend: no people in them, countries by slot only.
  const namesPeople = (p: Text) => p.some((x) => typeof x !== 'string' && 'p' in x);
  const lendable = templates.flatMap((t) => t.paragraphs.slice(1).filter((p) => !namesPeople(p)));
  const maxSlot = (p: Text) => p.reduce((m, x) => (typeof x !== 'string' && 'c' in x ? Math.max(m, x.c) : typeof x !== 'string' && 'cap' in x ? Math.max(m, x.cap) : m), -1);
  let index = 0;

  return {
    next(): GeneratedRelease {
      const i = index++;
      const t = templates[rng.int(templates.length)];
      // Countries: each template slot onto a distinct country.
      const chosen: CountryRef[] = [];
      while (chosen.length < t.countries.length) {
        const c = countries[rng.weighted(cumulative)];
        if (!chosen.includes(c)) chosen.push(c);
      }
      // People: by the template person's country and role kind, no one twice in a release.
      const used = new Set<number>();
      const people = t.people.map((tp) => {
        const code = tp.country == null ? '-' : chosen[tp.country].code;
        const candidates = peopleBy.get(`${code}:${tp.roleKind}`) ?? byCountry.get(code) ?? byCountry.get('-')!;
        let p = rng.pick(candidates);
        for (let k = 0; k < 8 && used.has(p.id); k++) p = rng.pick(candidates);
        if (used.has(p.id)) p = candidates.find((x) => !used.has(x.id)) ?? p;
        used.add(p.id);
        return p;
      });
      const draw = rng.float();
      const age = input.total ? 1 - (i + draw) / input.total : draw;
      const publishedAt = new Date(Math.floor((input.now.getTime() - age * TEN_YEARS_MS) / 1000) * 1000);
      const day = isoDay(publishedAt);
      const [, mm, dd] = day.split('-').map(Number);

      const render = (text: Text): string => {
        let s = '';
        for (const x of text) {
          if (typeof x === 'string') s += x;
          else if ('c' in x) {
            const c = chosen[x.c];
            const value =
              x.form === 'official' ? (c.officialName ?? c.name) : x.form === 'demonym' ? (c.demonyms[0] ?? c.name) : c.name;
            if (x.article && ARTICLE_NEEDED.test(value)) s += `${x.article} `;
            else if (x.article && x.form !== 'official' && x.form !== 'name') s += `${x.article} `;
            s += value;
          } else if ('cap' in x) {
            const cap = chosen[x.cap].capital ?? chosen[x.cap].name;
            s += x.upper ? cap.toUpperCase() : cap;
          } else if ('p' in x) {
            const words = people[x.p].name.split(' ');
            // A name's word standing alone is a surname, whichever end the original had it at ("Minister Choi").
            s += x.part === 'full' ? people[x.p].name : words.slice(1).join(' ');
          } else s += x.date === 'md' ? `${MONTHS[mm - 1]} ${dd}` : `${dd} ${MONTHS[mm - 1]}`;
        }
        return s;
      };

      // Body: the lead and every paragraph naming a participant; others mostly; now and then one
      // lent by another template.
      const paragraphs = [render(t.paragraphs[0])];
      for (const p of t.paragraphs.slice(1)) {
        if (rng.chance(0.88) || namesPeople(p)) paragraphs.push(render(p));
        if (rng.chance(0.12)) {
          const lent = rng.pick(lendable);
          if (maxSlot(lent) < chosen.length) paragraphs.push(render(lent));
        }
      }

      // Initiatives: most of the template's, and up to two generated ones with a sentence of their own.
      const initiatives: { initiativeId: number; sentence: string }[] = [];
      const seenInitiatives = new Set<number>();
      for (const ti of t.initiatives) {
        if (!rng.chance(0.75)) continue;
        const id = input.corpusInitiativeIds.get(initiativeKey(ti))!;
        const sentence = render(ti.sentence);
        // Only initiatives whose sentence the body kept (a paragraph may have been left out).
        if (seenInitiatives.has(id) || !paragraphs.some((p) => p.includes(sentence))) continue;
        seenInitiatives.add(id);
        initiatives.push({ initiativeId: id, sentence });
      }
      const extra = rng.chance(0.45) ? (rng.chance(0.35) ? 2 : 1) : 0;
      const extraSentences: string[] = [];
      for (let k = 0; k < extra && input.generatedInitiatives.length; k++) {
        const gi = rng.pick(input.generatedInitiatives);
        if (seenInitiatives.has(gi.id)) continue;
        seenInitiatives.add(gi.id);
        const label = gi.acronym ? `${gi.name} (${gi.acronym})` : gi.name;
        const sentence = rng.pick(INITIATIVE_SENTENCES).replace('{name}', label);
        extraSentences.push(sentence);
        initiatives.push({ initiativeId: gi.id, sentence });
      }
      if (extraSentences.length) paragraphs.splice(Math.max(1, paragraphs.length - 1), 0, extraSentences.join(' '));

      // Topics: a non-empty subset of the template's, sometimes one more.
      const topics = t.topics.filter((_x, k) => k === 0 || rng.chance(0.7)).map((x) => ({ topicId: topicId.get(x.slug)!, mentions: x.mentions }));
      if (!topics.length || rng.chance(0.15)) {
        const extraTopic = rng.pick(input.topics);
        if (!topics.some((x) => x.topicId === extraTopic.id)) topics.push({ topicId: extraTopic.id, mentions: 1 });
      }

      const meetings = t.meetings.map((m) => {
        const seen = new Set<number>();
        const participants: GeneratedParticipant[] = [];
        for (const tp of m.participants) {
          const p = people[tp.person];
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          participants.push({ personId: p.id, role: render(tp.role), roleKind: p.roleKind, countryCode: p.country, side: tp.side });
        }
        return { kind: m.kind, date: addDays(day, m.dayOffset), place: m.place ? render(m.place) : null, participants };
      });

      const slotCode = (s: number | null) => (s == null ? null : chosen[s].code);
      const countryMentions = new Map<string, number>();
      t.mentions.forEach((n, s) => n > 0 && countryMentions.set(chosen[s].code, n));
      for (const code of [slotCode(t.datelineCountry), slotCode(t.issuerCountry), ...meetings.flatMap((m) => m.participants.map((p) => p.countryCode))]) {
        if (code && !countryMentions.has(code)) countryMentions.set(code, 1);
      }

      const title = render(t.title);
      const body = paragraphs.join('\n\n');
      return {
        slug: `syn-${input.runId}-${i + 1}-${slugify(title, 8)}`,
        title,
        publishedAt,
        datelinePlace: t.datelinePlace ? render(t.datelinePlace) : null,
        datelineCountryCode: slotCode(t.datelineCountry),
        datelineDate: day,
        issuerName: t.issuerName ? render(t.issuerName) : null,
        issuerCountryCode: slotCode(t.issuerCountry),
        body,
        // The body's hash as storeRelease computes it, salted with the run and index: unique even
        // where two generated bodies happen to coincide.
        contentHash: bodyHash([...paragraphs, `synthetic ${input.runId} ${i + 1}`]),
        topics,
        countries: [...countryMentions].map(([code, mentions]) => ({ code, mentions })),
        meetings,
        initiatives,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk writes

export interface SyntheticOptions {
  releases: number;
  seed?: number;
  /** Releases per transaction (default 2000). */
  batchSize?: number;
  /** Batches written at once (default 2). */
  concurrency?: number;
  /** Distinguishes this run's slugs; default: from the clock. */
  runId?: string;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticCounts {
  runId: string;
  seed: number;
  releases: number;
  meetings: number;
  participants: number;
  people: number;
  initiatives: number;
  personRoles: number;
  initiativeMentions: number;
  seconds: number;
}

async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    // Losing the last batches on a crash is fine for a synthetic load; waiting on WAL flushes is not.
    await c.query('SET LOCAL synchronous_commit = off');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** Statements on a pg client, as upserts.ts runs them. */
const runOn =
  (c: PoolClient): RunSql =>
  async (text, values) =>
    (await c.query(text, values)).rows;

async function nextIds(c: PoolClient, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await c.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`,
    [table, n],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

interface BatchCounts {
  meetings: number;
  participants: number;
  mentions: number;
}

/** A Postgres array literal of numbers or plain words (ids, country codes, enum labels). */
function pgArray(values: (number | string)[]): string {
  return `{${values.join(',')}}`;
}

/** Writes one batch of releases and everything they report, in one transaction. */
async function writeBatch(pool: Pool, batch: GeneratedRelease[]): Promise<BatchCounts> {
  return inTransaction(pool, async (c) => {
    const releaseIds = await nextIds(c, 'press_release', batch.length);
    const meetingCount = batch.reduce((n, r) => n + r.meetings.length, 0);
    const meetingIds = await nextIds(c, 'meeting', meetingCount);

    await c.query(
      `INSERT INTO press_release (id, slug, title, published_at, dateline_place, dateline_country_code, dateline_date,
         issuer_name, issuer_country_code, source_name, source_url, language, body, status, content_hash, updated_at,
         topic_ids, country_codes, initiative_ids, person_ids, meeting_kinds)
       SELECT u.id, u.slug, u.title, u.published_at, u.place, u.dcc, u.dd, u.iname, u.icc, 'Synthetic', NULL, 'en', u.body,
         'PUBLISHED', u.hash, now(),
         ARRAY(SELECT DISTINCT x FROM unnest(u.topics::int[]) x ORDER BY 1),
         ARRAY(SELECT DISTINCT x FROM unnest(u.countries::bpchar[]) x ORDER BY 1),
         ARRAY(SELECT DISTINCT x FROM unnest(u.initiatives::int[]) x ORDER BY 1),
         ARRAY(SELECT DISTINCT x FROM unnest(u.people::int[]) x ORDER BY 1),
         ARRAY(SELECT DISTINCT x FROM unnest(u.kinds::"MeetingKind"[]) x ORDER BY 1)
       FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::date[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS u(id, slug, title, published_at, place, dcc, dd, iname, icc, body, hash, topics, countries, initiatives, people, kinds)`,
      [
        releaseIds,
        batch.map((r) => r.slug),
        batch.map((r) => r.title),
        batch.map((r) => r.publishedAt.toISOString()),
        batch.map((r) => r.datelinePlace),
        batch.map((r) => r.datelineCountryCode),
        batch.map((r) => r.datelineDate),
        batch.map((r) => r.issuerName),
        batch.map((r) => r.issuerCountryCode),
        batch.map((r) => r.body),
        batch.map((r) => r.contentHash),
        // The link arrays the link-array triggers would compute from the links written below (same
        // elements, sorted and distinct the same way in SQL), so that their recompute after each link
        // statement finds nothing to change and each release row (and its narrow copy and facet
        // counts) is written once. The triggers stay the source of truth: an array that differed
        // would be rewritten by them.
        batch.map((r) => pgArray(r.topics.map((t) => t.topicId))),
        batch.map((r) => pgArray(r.countries.map((x) => x.code))),
        batch.map((r) => pgArray(r.initiatives.map((i) => i.initiativeId))),
        batch.map((r) => pgArray(r.meetings.flatMap((meeting) => meeting.participants.map((p) => p.personId)))),
        batch.map((r) => pgArray(r.meetings.map((meeting) => meeting.kind))),
      ],
    );

    const m = { id: [] as number[], rel: [] as number[], pos: [] as number[], kind: [] as string[], date: [] as string[], place: [] as (string | null)[] };
    const pa = { mid: [] as number[], pid: [] as number[], pos: [] as number[], role: [] as string[], kind: [] as string[], cc: [] as (string | null)[], side: [] as (string | null)[] };
    const mt = { mid: [] as number[], tid: [] as number[] };
    const mi = { mid: [] as number[], iid: [] as number[] };
    const rt = { rid: [] as number[], tid: [] as number[], n: [] as number[] };
    const rc = { rid: [] as number[], cc: [] as string[], n: [] as number[] };
    const im = { iid: [] as number[], rid: [] as number[], mid: [] as (number | null)[], sentence: [] as string[] };
    let nextMeeting = 0;
    batch.forEach((r, k) => {
      const rid = releaseIds[k];
      for (const t of r.topics) rt.rid.push(rid), rt.tid.push(t.topicId), rt.n.push(t.mentions);
      for (const x of r.countries) rc.rid.push(rid), rc.cc.push(x.code), rc.n.push(x.mentions);
      const ids: number[] = [];
      r.meetings.forEach((meeting, position) => {
        const mid = meetingIds[nextMeeting++];
        ids.push(mid);
        m.id.push(mid), m.rel.push(rid), m.pos.push(position), m.kind.push(meeting.kind), m.date.push(meeting.date), m.place.push(meeting.place);
        meeting.participants.forEach((p, i) => {
          pa.mid.push(mid), pa.pid.push(p.personId), pa.pos.push(i), pa.role.push(p.role), pa.kind.push(p.roleKind);
          pa.cc.push(p.countryCode), pa.side.push(p.side);
        });
        // As storeRelease by default: a meeting is about the release's topics and initiatives.
        for (const t of r.topics) mt.mid.push(mid), mt.tid.push(t.topicId);
        for (const i of r.initiatives) mi.mid.push(mid), mi.iid.push(i.initiativeId);
      });
      for (const i of r.initiatives) {
        im.iid.push(i.initiativeId), im.rid.push(rid), im.mid.push(ids.length === 1 ? ids[0] : null), im.sentence.push(i.sentence);
      }
    });

    await c.query(
      `INSERT INTO release_topic (press_release_id, topic_id, mentions) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])`,
      [rt.rid, rt.tid, rt.n],
    );
    await c.query(
      `INSERT INTO release_country (press_release_id, country_code, mentions) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`,
      [rc.rid, rc.cc, rc.n],
    );
    if (m.id.length) {
      await c.query(
        `INSERT INTO meeting (id, press_release_id, position, kind, date, place)
         SELECT u.id, u.rel, u.pos, u.kind::"MeetingKind", u.date, u.place
         FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::date[], $6::text[]) AS u(id, rel, pos, kind, date, place)`,
        [m.id, m.rel, m.pos, m.kind, m.date, m.place],
      );
    }
    if (pa.mid.length) {
      await c.query(
        `INSERT INTO participant (meeting_id, person_id, position, role, role_kind, country_code, side)
         SELECT u.mid, u.pid, u.pos, u.role, u.kind::"RoleKind", u.cc, u.side::"ParticipantSide"
         FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(mid, pid, pos, role, kind, cc, side)`,
        [pa.mid, pa.pid, pa.pos, pa.role, pa.kind, pa.cc, pa.side],
      );
    }
    if (mt.mid.length) {
      await c.query(`INSERT INTO meeting_topic (meeting_id, topic_id) SELECT * FROM unnest($1::int[], $2::int[])`, [mt.mid, mt.tid]);
    }
    if (mi.mid.length) {
      await c.query(`INSERT INTO meeting_initiative (meeting_id, initiative_id) SELECT * FROM unnest($1::int[], $2::int[])`, [mi.mid, mi.iid]);
    }
    if (im.iid.length) {
      await c.query(
        `INSERT INTO initiative_mention (initiative_id, press_release_id, meeting_id, sentence)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])`,
        [im.iid, im.rid, im.mid, im.sentence],
      );
    }
    return { meetings: m.id.length, participants: pa.mid.length, mentions: im.iid.length };
  });
}

interface RoleSpan {
  personId: number;
  title: string;
  roleKind: RoleKind;
  countryCode: string | null;
  first: string;
  last: string;
}

/** person_role rows as storeRelease keeps them: one per (person, title), first and last day seen. */
async function upsertRoles(pool: Pool, spans: Map<string, RoleSpan>): Promise<void> {
  // One global order (person, title), like storeRelease, so concurrent writers cannot deadlock.
  const all = [...spans.values()].sort((a, b) => a.personId - b.personId || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  for (let i = 0; i < all.length; i += 20000) {
    const chunk = all.slice(i, i + 20000);
    await inTransaction(pool, (c) =>
      c.query(
        `INSERT INTO person_role (person_id, title, role_kind, country_code, first_seen, last_seen)
         SELECT u.pid, u.title, u.kind::"RoleKind", u.cc, u.f, u.l
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[]) AS u(pid, title, kind, cc, f, l)
         ON CONFLICT (person_id, title) DO UPDATE SET
           first_seen = LEAST(person_role.first_seen, EXCLUDED.first_seen),
           last_seen = GREATEST(person_role.last_seen, EXCLUDED.last_seen)`,
        [
          chunk.map((s) => s.personId),
          chunk.map((s) => s.title),
          chunk.map((s) => s.roleKind),
          chunk.map((s) => s.countryCode),
          chunk.map((s) => s.first),
          chunk.map((s) => s.last),
        ],
      ),
    );
  }
}

export const SYNTHETIC_TABLES = [
  'person', 'initiative', 'press_release', 'meeting', 'participant', 'person_role', 'meeting_topic',
  'meeting_initiative', 'release_topic', 'release_country', 'initiative_mention',
  // What the triggers keep from them: the narrow copy that counts and searches read (migration
  // release_narrow_search) and its entries by lexeme (release_lexeme, read by index-only scans,
  // which need the visibility map), the lexeme, facet and partner counts (logs of appended rows).
  'release_narrow', 'release_lexeme', 'release_lexeme_count', 'release_lexeme_country_count', 'release_lexeme_country_total',
  'release_facet_count', 'release_cube_count', 'release_facet_total', 'release_cube_total', 'meeting_partner_fact', 'partner_day',
  'partner_topic',
];

/** Everything the generator needs from the database: countries, topics, people and initiative ids. */
export async function prepareGenerator(
  pool: Pool,
  templates: Template[],
  seed: number,
  runId: string,
  now: Date,
): Promise<GeneratorInput> {
  const { rows: known } = await pool.query<{ code: string }>('SELECT code FROM country');
  const knownCodes = new Set(known.map((r) => r.code.trim()));
  const refs = new Map(loadCountries().map((c) => [c.code, c]));
  const countries = SYNTHETIC_COUNTRIES.filter((c) => knownCodes.has(c) && refs.has(c)).map((c) => refs.get(c)!);
  if (countries.length < 10) throw new Error('the country table is (nearly) empty: load the reference data first');
  const { rows: topics } = await pool.query<{ id: number; slug: string }>('SELECT id, slug FROM topic ORDER BY position');
  if (!topics.length) throw new Error('the topic table is empty: load the reference data first');

  const people = buildPeoplePool(countries.map((c) => c.code));
  const personIds = await inTransaction(pool, (c) => upsertPeople(runOn(c), people));
  const corpusInitiatives = templates.flatMap((t) => t.initiatives);
  const pool2 = buildInitiativePool(new Set(corpusInitiatives.map(initiativeKey)));
  const initiativeIds = await inTransaction(pool, (c) => upsertInitiatives(runOn(c), [...corpusInitiatives, ...pool2]));
  return {
    templates,
    countries,
    people: people.map((p) => ({ ...p, id: personIds.get(p.key)! })),
    corpusInitiativeIds: new Map(corpusInitiatives.map((i) => [initiativeKey(i), initiativeIds.get(initiativeKey(i))!])),
    generatedInitiatives: pool2.map((i) => ({ ...i, id: initiativeIds.get(i.key)! })),
    topics,
    seed,
    runId,
    now,
  };
}

/** Generates `releases` synthetic releases into the database at `databaseUrl` (migrated, reference data loaded). */
export async function loadSynthetic(databaseUrl: string, options: SyntheticOptions): Promise<SyntheticCounts> {
  const started = Date.now();
  const total = options.releases;
  if (!Number.isInteger(total) || total < 1) throw new Error('releases must be a positive integer');
  const seed = options.seed ?? crypto.randomInt(0, 2 ** 31);
  const runId = options.runId ?? Date.now().toString(36);
  const batchSize = options.batchSize ?? 2000;
  const concurrency = options.concurrency ?? 2;
  const pool = new Pool({ ...poolConfigFromUrl(databaseUrl, concurrency + 1), connectionTimeoutMillis: 30000 });
  try {
    // Oldest first, as an archive grows: rows stored in random date order made every index-only
    // scan of a search's newest matches (release_lexeme) switch visibility-map pages at almost each
    // entry (bench/README.md, thirteenth round).
    const input = { ...(await prepareGenerator(pool, buildTemplates(), seed, runId, options.now ?? new Date())), total };
    const generator = createGenerator(input);
    const spans = new Map<string, RoleSpan>();
    const counts = { meetings: 0, participants: 0, mentions: 0 };
    let done = 0;
    let analyzeAt = Math.min(total, 2 * batchSize);
    let failure: unknown = null;
    const inflight = new Set<Promise<void>>();
    for (let start = 0; start < total && !failure; start += batchSize) {
      const batch: GeneratedRelease[] = [];
      for (let k = start; k < Math.min(total, start + batchSize); k++) {
        const r = generator.next();
        batch.push(r);
        for (const meeting of r.meetings) {
          for (const p of meeting.participants) {
            const key = `${p.personId}\u0000${p.role}`;
            const span = spans.get(key);
            if (!span) spans.set(key, { personId: p.personId, title: p.role, roleKind: p.roleKind, countryCode: p.countryCode, first: meeting.date, last: meeting.date });
            else {
              if (meeting.date < span.first) span.first = meeting.date;
              if (meeting.date > span.last) span.last = meeting.date;
            }
          }
        }
      }
      const write: Promise<void> = writeBatch(pool, batch).then(
        (n) => {
          counts.meetings += n.meetings;
          counts.participants += n.participants;
          counts.mentions += n.mentions;
          done += batch.length;
          options.onProgress?.(done, total);
        },
        (e) => {
          failure ??= e;
        },
      );
      inflight.add(write);
      void write.finally(() => inflight.delete(write));
      if (inflight.size >= concurrency) await Promise.race(inflight);
      // Statistics as the tables grow (each time the releases written double), for the plans of
      // the triggers' statements: with autovacuum off or behind, the link tables looked empty to
      // the planner and one batch's recompute of link arrays took 45 s at 66,000 releases (0.1 s
      // after an ANALYZE).
      if (done >= analyzeAt && !failure) {
        analyzeAt = done * 2;
        for (const table of SYNTHETIC_TABLES) await pool.query(`ANALYZE ${table}`);
      }
    }
    await Promise.all(inflight);
    if (failure) throw failure;
    await upsertRoles(pool, spans);
    // The facet and cube logs folded into their totals (migration facet_count_totals): readers sum
    // the totals and what was appended since, so a load's appended rows leave no long log behind.
    await pool.query('SELECT count_logs_fold()');
    // Statistics for the planner, and the visibility map for index-only scans: a bulk load leaves
    // both empty, and autovacuum may be off or minutes away.
    for (const table of SYNTHETIC_TABLES) await pool.query(`VACUUM (ANALYZE) ${table}`);
    return {
      runId,
      seed,
      releases: done,
      meetings: counts.meetings,
      participants: counts.participants,
      people: input.people.length,
      initiatives: input.corpusInitiativeIds.size + input.generatedInitiatives.length,
      personRoles: spans.size,
      initiativeMentions: counts.mentions,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}
