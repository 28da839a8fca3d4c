// A search's highlights in a release body, made in Node from what the database already knows: the
// positions of the query's lexemes in the release's search vector, and where each position's word
// is in the body (the word map, migration release_word_map). No text is parsed or stemmed here, so
// the marks fall on exactly the words the database matched; Postgres only reads the positions.
// docs/performance.md, "Highlights from the word map" (issue 9, fourteenth round).

/** Positions a fragment spans (stop words included), at most, unless one phrase match is longer. */
export const FRAGMENT_POSITIONS = 30;
/** Fragments a body's highlights hold at most. */
export const MAX_FRAGMENTS = 3;
/** Words this long or shorter, unmarked, are not left at either end of a fragment. */
const SHORT_WORD = 3;
/** A vector keeps positions up to this one; a word there may be any word past it. */
const LAST_POSITION = 16383;

/** A tsquery as its text reads (websearch_to_tsquery's output). */
export type QueryNode =
  | { op: 'lexeme'; lexeme: string; prefix: boolean }
  | { op: 'not'; arg: QueryNode }
  | { op: 'and' | 'or'; args: QueryNode[] }
  | { op: 'phrase'; distance: number; left: QueryNode; right: QueryNode };

const TOKEN = /\s*(?:'((?:[^'\\]|''|\\.)*)'(?::([*A-Da-d]+))?|(<->|<\d+>|[!&|()]))/y;

/** Parses a tsquery's text (`'green' <-> 'energi' & !'coal'`); null for an empty query. */
export function parseTsQuery(text: string): QueryNode | null {
  const tokens: ({ lexeme: string; prefix: boolean } | string)[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new Error(`unreadable tsquery at ${at}: ${text}`);
    }
    if (m[3]) tokens.push(m[3]);
    else tokens.push({ lexeme: m[1].replace(/''|\\(.)/g, (_, c: string | undefined) => c ?? "'"), prefix: !!m[2]?.includes('*') });
  }
  if (!tokens.length) return null;
  let i = 0;
  // Precedence as Postgres reads it: ! binds tightest, then <N>, then &, then |.
  // Operands of `next` joined by `sep`: one alone, or a list of them.
  const list = (op: 'or' | 'and', sep: string, next: () => QueryNode): QueryNode => {
    const args = [next()];
    while (tokens[i] === sep) {
      i++;
      args.push(next());
    }
    return args.length === 1 ? args[0] : { op, args };
  };
  const or = (): QueryNode => list('or', '|', and);
  const and = (): QueryNode => list('and', '&', phrase);
  const phrase = (): QueryNode => {
    let left = unary();
    for (let t = tokens[i]; typeof t === 'string' && t.startsWith('<'); t = tokens[i]) {
      i++;
      left = { op: 'phrase', distance: t === '<->' ? 1 : Number(t.slice(1, -1)), left, right: unary() };
    }
    return left;
  };
  const unary = (): QueryNode => {
    const t = tokens[i++];
    if (t === '!') return { op: 'not', arg: unary() };
    if (t === '(') {
      const inner = or();
      if (tokens[i++] !== ')') throw new Error(`unbalanced tsquery: ${text}`);
      return inner;
    }
    if (t === undefined || typeof t === 'string') throw new Error(`unreadable tsquery: ${text}`);
    return { op: 'lexeme', lexeme: t.lexeme, prefix: t.prefix };
  };
  const node = or();
  if (i !== tokens.length) throw new Error(`unreadable tsquery: ${text}`);
  return node;
}

/** The lexemes a query names (negated ones included), or null when one is a prefix. */
export function queryNodeLexemes(node: QueryNode): string[] | null {
  const out = new Set<string>();
  const walk = (n: QueryNode): boolean => {
    switch (n.op) {
      case 'lexeme':
        out.add(n.lexeme);
        return !n.prefix;
      case 'not':
        return walk(n.arg);
      case 'phrase':
        return walk(n.left) && walk(n.right);
      default:
        return n.args.every(walk);
    }
  };
  return walk(node) ? [...out] : null;
}

/** A match of part of a query: the positions it spans, and those of its words (to be marked). */
interface Span {
  start: number;
  end: number;
  words: number[];
}

/**
 * The spans of the body that match the query's parts: every position of a lexeme, each phrase
 * where its parts stand at the distance it names; `&` and `|` keep the matches of either side
 * (the release matched as a whole, a word may be in its title), `!` none.
 */
function spans(node: QueryNode, positions: Readonly<Record<string, readonly number[]>>, from: number): Span[] {
  switch (node.op) {
    case 'lexeme': {
      const out: Span[] = [];
      for (const p of positions[node.lexeme] ?? []) if (p > from && p < LAST_POSITION) out.push({ start: p, end: p, words: [p] });
      return out;
    }
    case 'not':
      return [];
    case 'and':
    case 'or':
      return node.args.flatMap((a) => spans(a, positions, from));
    case 'phrase': {
      const right = spans(node.right, positions, from);
      if (!right.length) return [];
      const byStart = new Map<number, Span[]>();
      for (const r of right) {
        const at = byStart.get(r.start);
        if (at) at.push(r);
        else byStart.set(r.start, [r]);
      }
      const out: Span[] = [];
      for (const l of spans(node.left, positions, from)) {
        for (const r of byStart.get(l.end + node.distance) ?? []) out.push({ start: l.start, end: r.end, words: [...l.words, ...r.words] });
      }
      return out;
    }
  }
}

/** A release's word map: per body position, its word's place in the body. */
export interface WordMap {
  /** Positions before the body's in the search vector (the title's last: column title_end). */
  titleEnd: number;
  /** Body positions the map holds (1 to count). */
  count: number;
  /** The first character of position k's word (k from 1), in characters of the body. */
  start(k: number): number;
  /** Its length in characters (at most 255). */
  length(k: number): number;
}

/**
 * Reads a word map (column body_words): 4 bytes per body position, its word's first character
 * times 256 plus its length (capped at 255), big-endian. `titleEnd`: the release's title_end.
 */
export function readWordMap(buf: Uint8Array, titleEnd: number): WordMap {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const at = (k: number) => view.getUint32((k - 1) * 4);
  return { titleEnd, count: buf.byteLength >> 2, start: (k) => at(k) >>> 8, length: (k) => at(k) & 255 };
}

/** Character offsets to UTF-16 indexes of `text`: the same numbers unless it holds astral characters. */
function charIndex(text: string): (c: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (c) => c;
  const units: number[] = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (c) => units[Math.min(c, units.length - 1)];
}

/**
 * Each run of whitespace one space, written to match only what changes: a run of two or more, or
 * one that is not a plain space. `/\s+/g` gives the same text but matches every single space
 * between words: 70% of the word map's highlights' time, and most of a ts_headline page's
 * allocation in Node (docs/performance.md, thirteenth and fifteenth rounds).
 */
const WHITESPACE_RUNS = /\s{2,}|[^\S ]/g;
export const foldWhitespace = (text: string) => text.replace(WHITESPACE_RUNS, ' ');

/**
 * The highlights of a body: at most MAX_FRAGMENTS fragments in the body's order, each around the
 * first match not yet shown and the matches that follow it within FRAGMENT_POSITIONS positions,
 * widened evenly on both sides to that many positions (less at the body's ends), without an unmarked
 * short word at either end where it is cut; every matched word in a fragment marked
 * `<mark>…</mark>`. Empty when the body holds no match.
 */
export function bodyHighlights(body: string, map: WordMap, query: QueryNode, positions: Readonly<Record<string, readonly number[]>>): string[] {
  const found = spans(query, positions, map.titleEnd);
  if (!found.length) return [];
  const base = map.titleEnd;
  const marked = new Set<number>();
  for (const s of found) for (const w of s.words) marked.add(w - base);
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const index = charIndex(body);
  const out: string[] = [];
  let shownTo = 0;
  for (let i = 0; i < found.length && out.length < MAX_FRAGMENTS; ) {
    let from = found[i].start - base;
    let to = found[i].end - base;
    // (A match starts past the fragment before: the loop below passed the ones inside it.)
    if (to > map.count) {
      i++;
      continue;
    }
    for (i++; i < found.length && found[i].end - base - from < FRAGMENT_POSITIONS; i++) to = Math.max(to, found[i].end - base);
    // Widen evenly, then give what one side cannot take to the other.
    const spare = Math.max(0, FRAGMENT_POSITIONS - (to - from + 1));
    let left = spare >> 1;
    let right = spare - left;
    const lo = shownTo + 1;
    if (from - left < lo) {
      right += left - (from - lo);
      left = from - lo;
    }
    if (to + right > map.count) {
      left = Math.min(from - lo, left + to + right - map.count);
      right = map.count - to;
    }
    from -= left;
    to += right;
    const short = (k: number) => !marked.has(k) && map.length(k) <= SHORT_WORD;
    // A fragment cut from the body does not start or end on a short unmarked word; one that
    // reaches the body's start or end keeps it.
    if (from > 1) while (from < to && short(from)) from++;
    if (to < map.count) while (to > from && short(to)) to--;
    // The matches it shows are done with; a phrase it cuts in two is shown whole.
    for (; i < found.length && found[i].start - base <= to; i++) to = Math.min(map.count, Math.max(to, found[i].end - base));
    shownTo = to;
    out.push(fragment(body, map, index, from, to, marked));
  }
  return out;
}

/** The text of positions from to to, matched words marked, whitespace folded. */
function fragment(body: string, map: WordMap, index: (c: number) => number, from: number, to: number, marked: ReadonlySet<number>): string {
  // A part of a hyphenated compound (or of a URL) starts the fragment at its whole, which comes
  // before its parts: not in the middle of "energy-rich".
  for (let k = from - 1; k >= Math.max(1, from - 8); k--) {
    if (map.start(k) <= map.start(from) && map.start(k) + map.length(k) >= map.start(from) + map.length(from)) from = k;
  }
  const first = map.start(from);
  let last = first;
  for (let k = from; k <= to; k++) last = Math.max(last, map.start(k) + map.length(k));
  // The marked words in the body's order; a word inside one already marked (a part of a hyphenated
  // compound whose whole is marked) is not marked again.
  const marks: [number, number][] = [];
  for (let k = from; k <= to; k++) if (marked.has(k)) marks.push([map.start(k), map.start(k) + map.length(k)]);
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let text = '';
  let at = first;
  for (const [s, e] of marks) {
    if (s < at) continue;
    text += plain(body.slice(index(at), index(s))) + '<mark>' + body.slice(index(s), index(e)) + '</mark>';
    at = e;
  }
  // A fragment that reaches the body's last word keeps what follows it (its closing full stop).
  text += plain(body.slice(index(at), to === map.count ? body.length : index(last)));
  return foldWhitespace(text).trimEnd();
}

/** An HTML or XML tag (the parser's `tag` token: no position, never a match). */
const TAG = /<\/?[A-Za-z!?][^<>]*>/g;

/**
 * Text between marks without its tags, as ts_headline gave it: a body's `<mark>` cannot pass for a
 * highlight, nor a tag reach a page that shows the fragments (docs/reading-room.md).
 */
const plain = (s: string) => (s.includes('<') ? s.replace(TAG, '') : s);
