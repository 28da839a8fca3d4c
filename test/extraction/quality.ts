/**
 * Extraction quality harness: runs the extractor over the held-out, hand-labelled set in
 * test/fixtures/extraction (NN-slug.txt + NN-slug.expected.json) and computes micro-averaged
 * precision / recall / F1 per field over the whole set.
 *
 * Used by quality.test.ts; `QUALITY_VERBOSE=1 npx jest test/extraction/quality.test.ts` prints the misses.
 */
import * as fs from 'fs';
import * as path from 'path';
import { extractPressRelease } from '../../src/extraction';
import {
  MEETING_KINDS,
  PARTICIPANT_SIDES,
  ROLE_KINDS,
  type ExtractedRelease,
  type ExtractOptions,
  type MeetingKind,
  type ParticipantSide,
  type RoleKind,
} from '../../src/extraction/types';

export const FIXTURE_DIR = path.resolve(__dirname, '..', 'fixtures', 'extraction');

import { TOPIC_SLUGS } from '../support/taxonomy';

// ---------------------------------------------------------------------------------------------
// The labelled set
// ---------------------------------------------------------------------------------------------

export interface ExpectedParticipant {
  name: string;
  roleKind: RoleKind;
  country: string | null;
  side: ParticipantSide | null;
}

export interface ExpectedMeeting {
  kind: MeetingKind;
  participants: ExpectedParticipant[];
}

export interface ExpectedInitiative {
  name: string;
  acronym: string | null;
}

export interface ExpectedRelease {
  year: number;
  /** null when the text has neither a dateline nor a date line; `place` null for a date line. */
  dateline: { place: string | null; country: string | null; date: string | null } | null;
  issuerCountry: string | null;
  meetings: ExpectedMeeting[];
  topics: string[];
  initiatives: ExpectedInitiative[];
  countries: string[];
}

export interface LabelledRelease {
  /** Base name of the fixture ("01-baku-portugal-credentials"). */
  file: string;
  text: string;
  expected: ExpectedRelease;
}

export function loadLabelledSet(dir: string = FIXTURE_DIR): LabelledRelease[] {
  const txts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return txts.map((txt) => {
    const file = txt.slice(0, -'.txt'.length);
    const jsonPath = path.join(dir, `${file}.expected.json`);
    if (!fs.existsSync(jsonPath)) throw new Error(`${txt}: no ${file}.expected.json beside it`);
    return {
      file,
      text: fs.readFileSync(path.join(dir, txt), 'utf8'),
      expected: JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as ExpectedRelease,
    };
  });
}

/** Problems with the labels themselves (invalid slug, kind, role kind, code, date...). Empty when sound. */
export function validateLabelledSet(set: LabelledRelease[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>(TOPIC_SLUGS);
  const kinds = new Set<string>(MEETING_KINDS);
  const roles = new Set<string>(ROLE_KINDS);
  const sides = new Set<string>(PARTICIPANT_SIDES);
  const code = (c: unknown) => typeof c === 'string' && /^[A-Z]{2}$/.test(c);
  for (const { file, expected: e } of set) {
    const bad = (msg: string) => problems.push(`${file}: ${msg}`);
    if (!Number.isInteger(e.year)) bad(`year ${e.year}`);
    if (e.dateline === undefined) bad('dateline missing (write null for none)');
    else if (e.dateline !== null) {
      if (!e.dateline.place && !e.dateline.date) bad('dateline with neither place nor date');
      if (!e.dateline.place && e.dateline.country) bad('dateline with a country and no place');
      if (e.dateline.country !== null && !code(e.dateline.country)) bad(`dateline country ${e.dateline.country}`);
      if (e.dateline.date !== null && !new RegExp(`^${e.year}-\\d\\d-\\d\\d$`).test(e.dateline.date)) {
        bad(`dateline date ${e.dateline.date} not in ${e.year}`);
      }
    }
    if (e.issuerCountry !== null && !code(e.issuerCountry)) bad(`issuerCountry ${e.issuerCountry}`);
    if (!Array.isArray(e.meetings)) bad('meetings is not an array');
    for (const m of e.meetings ?? []) {
      if (!kinds.has(m.kind)) bad(`meeting kind ${m.kind}`);
      for (const p of m.participants) {
        if (!p.name) bad('participant without name');
        if (!roles.has(p.roleKind)) bad(`roleKind ${p.roleKind} (${p.name})`);
        if (p.country !== null && !code(p.country)) bad(`participant country ${p.country} (${p.name})`);
        if (p.side !== null && !sides.has(p.side)) bad(`side ${p.side} (${p.name})`);
      }
    }
    for (const t of e.topics) if (!slugs.has(t)) bad(`topic slug ${t}`);
    if (new Set(e.topics).size !== e.topics.length) bad('duplicate topic');
    for (const i of e.initiatives) if (!i.name) bad('initiative without name');
    for (const c of e.countries) if (!code(c)) bad(`country ${c}`);
    if (new Set(e.countries).size !== e.countries.length) bad('duplicate country');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Normalisation and matching
// ---------------------------------------------------------------------------------------------

/** Letters NFD does not decompose into base + combining mark. */
const FOLD: Record<string, string> = {
  đ: 'd', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ħ: 'h',
};

/** Lower case, no diacritics, punctuation to spaces, single spaces ("Péter Szijjártó" -> "peter szijjarto"). */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[đðłøæœßıþħ]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(s: string): string[] {
  const n = normalise(s);
  return n ? n.split(' ') : [];
}

/** Same person: equal after normalisation, or one name's tokens are a subset of the other's. */
export function namesMatch(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return false;
  if (ta.join(' ') === tb.join(' ')) return true;
  const [small, big] = ta.length <= tb.length ? [ta, new Set(tb)] : [tb, new Set(ta)];
  return small.every((t) => big.has(t));
}

/** Normalised initiative name, with a leading article dropped ("the Commonwealth" -> "commonwealth"). */
function initiativeName(s: string): string {
  return normalise(s).replace(/^the /, '');
}

function acronymOf(s: string | null | undefined): string | null {
  if (!s) return null;
  const a = s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  return a || null;
}

/** Whole-token containment: "european union" is in "european union mission in armenia", "un" is not in "union". */
function containsTokens(haystack: string, needle: string): boolean {
  if (!haystack || !needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

type Pass<E, G> = (e: E, g: G) => boolean;

/**
 * One-to-one matching of expected against got items, pass by pass (strict passes first, so a loose
 * pass cannot steal an item a strict one would pair). Returns matched pairs and the leftovers.
 */
function matchItems<E, G>(expected: E[], got: G[], passes: Pass<E, G>[]) {
  const eUsed = new Array<boolean>(expected.length).fill(false);
  const gUsed = new Array<boolean>(got.length).fill(false);
  const pairs: [E, G][] = [];
  for (const pass of passes) {
    expected.forEach((e, i) => {
      if (eUsed[i]) return;
      const j = got.findIndex((g, k) => !gUsed[k] && pass(e, g));
      if (j >= 0) {
        eUsed[i] = true;
        gUsed[j] = true;
        pairs.push([e, got[j]]);
      }
    });
  }
  return {
    pairs,
    missed: expected.filter((_, i) => !eUsed[i]),
    extra: got.filter((_, j) => !gUsed[j]),
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

export const FIELDS = [
  'dateline',
  'issuer',
  'meetingKind',
  'participants',
  'side',
  'topics',
  'initiatives',
  'countries',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Miss {
  file: string;
  /** Expected items the extractor did not produce (false negatives). */
  missing: string[];
  /** Items the extractor produced that are not expected (false positives). */
  extra: string[];
}

export interface FieldScore {
  field: Field;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  misses: Miss[];
}

export interface QualityReport {
  releases: number;
  fields: Record<Field, FieldScore>;
}

export type Extractor = (text: string, options?: ExtractOptions) => ExtractedRelease;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  misses: Miss[];
}

function add<E, G>(
  c: Counts,
  file: string,
  result: { pairs: unknown[]; missed: E[]; extra: G[] },
  showE: (e: E) => string,
  showG: (g: G) => string,
) {
  c.tp += result.pairs.length;
  c.fn += result.missed.length;
  c.fp += result.extra.length;
  if (result.missed.length || result.extra.length) {
    c.misses.push({ file, missing: result.missed.map(showE), extra: result.extra.map(showG) });
  }
}

function ratio(num: number, den: number, empty: number): number {
  return den === 0 ? empty : num / den;
}

function finish(field: Field, c: Counts): FieldScore {
  const nothingExpectedOrFound = c.tp + c.fp + c.fn === 0 ? 1 : 0;
  const precision = ratio(c.tp, c.tp + c.fp, nothingExpectedOrFound);
  const recall = ratio(c.tp, c.tp + c.fn, nothingExpectedOrFound);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { field, tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, f1, misses: c.misses };
}

const showParticipant = (p: { name: string; roleKind: string; country: string | null }) =>
  `${p.name} (${p.roleKind}, ${p.country ?? '-'})`;
const showInitiative = (i: { name: string; acronym: string | null }) =>
  i.acronym ? `${i.name} [${i.acronym}]` : i.name;

/** Scores one release into the running counts. */
function scoreRelease(file: string, e: ExpectedRelease, got: ExtractedRelease, counts: Record<Field, Counts>) {
  // dateline: one item per release.
  {
    // A release with no dateline expects none: one found there is a false positive.
    const exp = e.dateline ? [e.dateline] : [];
    const g = got.dateline ? [got.dateline] : [];
    const r = matchItems(exp, g, [
      (x, y) =>
        (x.place ?? '').trim().toLowerCase() === (y.place ?? '').trim().toLowerCase() &&
        (x.country ?? null) === (y.country ?? null) &&
        (x.date ?? null) === (y.date ?? null),
    ]);
    const show = (d: { place: string | null; country: string | null; date: string | null }) =>
      `${d.place ?? '-'} / ${d.country ?? '-'} / ${d.date ?? '-'}`;
    add(counts.dateline, file, r, show, show);
  }

  // issuer: one item per release with a non-null expected issuer; a non-null got issuer is an item too.
  {
    const exp = e.issuerCountry ? [e.issuerCountry] : [];
    const g = got.issuerCountry ? [got.issuerCountry.toUpperCase()] : [];
    add(counts.issuer, file, matchItems(exp, g, [(x, y) => x === y]), String, String);
  }

  // meetingKind: multiset of kinds.
  {
    const exp = e.meetings.map((m) => m.kind);
    const g = got.meetings.map((m) => m.kind);
    add(counts.meetingKind, file, matchItems<string, string>(exp, g, [(x, y) => x === y]), String, String);
  }

  const expParts = e.meetings.flatMap((m) => m.participants);
  const gotParts = got.meetings.flatMap((m) => m.participants);

  // participants: (name, roleKind, country); exact names first, then token-subset names.
  {
    const same = (x: ExpectedParticipant, y: (typeof gotParts)[number]) =>
      x.roleKind === y.roleKind && (x.country ?? null) === (y.country ?? null);
    const r = matchItems(expParts, gotParts, [
      (x, y) => same(x, y) && normalise(x.name) === normalise(y.name),
      (x, y) => same(x, y) && namesMatch(x.name, y.name),
    ]);
    add(counts.participants, file, r, showParticipant, showParticipant);
  }

  // side: (name, side) for participants whose expected side is not null. Got items are the
  // participants with a non-null side whose name matches one of those expected participants.
  {
    const exp = expParts.filter((p) => p.side !== null);
    const g = gotParts.filter((p) => p.side !== null && exp.some((x) => namesMatch(x.name, p.name)));
    const r = matchItems(exp, g, [
      (x, y) => x.side === y.side && normalise(x.name) === normalise(y.name),
      (x, y) => x.side === y.side && namesMatch(x.name, y.name),
    ]);
    const show = (p: { name: string; side: string | null }) => `${p.name}: ${p.side}`;
    add(counts.side, file, r, show, show);
  }

  // topics: set of slugs.
  {
    const exp = [...new Set(e.topics)];
    const g = [...new Set(got.topics.map((t) => t.slug))];
    add(counts.topics, file, matchItems<string, string>(exp, g, [(x, y) => x === y]), String, String);
  }

  // initiatives: equal acronyms (when both have one), equal names, or one name containing the other.
  {
    const exp = e.initiatives;
    const g = got.initiatives;
    type G = (typeof g)[number];
    const acr = (x: ExpectedInitiative, y: G) => {
      const a = acronymOf(x.acronym);
      const b = acronymOf(y.acronym);
      return a !== null && a === b;
    };
    // A name written as the bare acronym ("OSCE") against the other side's acronym.
    const nameIsAcronym = (x: ExpectedInitiative, y: G) => {
      const a = acronymOf(x.acronym);
      const b = acronymOf(y.acronym);
      return (a !== null && acronymOf(y.name) === a) || (b !== null && acronymOf(x.name) === b);
    };
    const eqName = (x: ExpectedInitiative, y: G) => initiativeName(x.name) === initiativeName(y.name);
    const contains = (x: ExpectedInitiative, y: G) => {
      const a = initiativeName(x.name);
      const b = initiativeName(y.name);
      return containsTokens(a, b) || containsTokens(b, a);
    };
    const r = matchItems(exp, g, [acr, eqName, nameIsAcronym, contains]);
    add(counts.initiatives, file, r, showInitiative, showInitiative);
  }

  // countries: set of codes.
  {
    const exp = [...new Set(e.countries)];
    const g = [...new Set(got.countries.map((c) => c.code.toUpperCase()))];
    add(counts.countries, file, matchItems<string, string>(exp, g, [(x, y) => x === y]), String, String);
  }
}

/** Runs the extractor over the labelled set and returns micro-averaged P/R/F1 per field. */
export function scoreExtraction(
  options: { dir?: string; extract?: Extractor; set?: LabelledRelease[] } = {},
): QualityReport {
  const set = options.set ?? loadLabelledSet(options.dir);
  const extract: Extractor = options.extract ?? extractPressRelease;
  const counts = {} as Record<Field, Counts>;
  for (const f of FIELDS) counts[f] = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const { file, text, expected } of set) {
    const got = extract(text, { year: expected.year });
    scoreRelease(file, expected, got, counts);
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, finish(f, counts[f])])) as Record<Field, FieldScore>;
  return { releases: set.length, fields };
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const pct = (x: number) => x.toFixed(3);

export function formatTable(report: QualityReport): string {
  const header = ['field', 'precision', 'recall', 'F1', 'tp/fp/fn'];
  const rows = FIELDS.map((f) => {
    const s = report.fields[f];
    return [f, pct(s.precision), pct(s.recall), pct(s.f1), `${s.tp}/${s.fp}/${s.fn}`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `Extraction quality over ${report.releases} labelled releases (micro-averaged)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

export function formatMisses(report: QualityReport): string {
  const out: string[] = [];
  for (const f of FIELDS) {
    const s = report.fields[f];
    if (!s.misses.length) continue;
    out.push(`\n== ${f}: ${s.misses.length} release(s) with misses`);
    for (const m of s.misses) {
      out.push(`  ${m.file}`);
      if (m.missing.length) out.push(`    expected, not got: ${m.missing.join('; ')}`);
      if (m.extra.length) out.push(`    got, not expected: ${m.extra.join('; ')}`);
    }
  }
  return out.join('\n');
}
