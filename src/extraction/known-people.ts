import { heldAt, loadOfficeHolders, nameKeys, type OfficeHolder } from '../reference/office-holders';
import { PLACE_AFTER_NAME, type Sentence, type Span } from './text';

/**
 * Stage 3b, known people: the names of senior office holders (data/reference/office-holders) where a
 * sentence writes them in full, with the posts they held on the release's date.
 *
 * The rules of titles.ts and mentions.ts find people by how a release writes them; a foreign minister
 * named only as "Bayramov and Lavrov discussed", or under a post the rules do not read, is still
 * known by name. Only names of two words or more are looked up (and one-word names, "Sugiono"), and
 * only posts held on the release's date (or in its year) count.
 */
export interface KnownMention extends Span {
  sentence: number;
  /** The name as the text writes it. */
  text: string;
  /** The posts its holder held then (one person, possibly two posts: a prime minister and foreign minister). */
  posts: OfficeHolder[];
}

const WORD = /[\p{L}][\p{L}\p{M}'’.\-‐–]*/gu;

/** Name particles written in lower case inside names. */
const PARTICLE = /^(?:bin|binti|bint|ibn|abu|al|el|ad|as|ash|at|ud|ul|ur|de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|y|e|ter|ten|zu)(?:[-‐–'’]\S*)?$/u;

/**
 * foldKey's folding without its cache: the windows tried here are thousands of strings used once, and
 * would push out of the shared cache the names and words the other stages fold again and again.
 */
function foldOnce(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every office holder's name a sentence writes, longest first where names overlap. */
export function knownMentions(sentences: Sentence[], date: string | null, year: number): KnownMention[] {
  const index = loadOfficeHolders();
  if (index.size === 0) return [];
  const found: KnownMention[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    // (a sentence with no capital letter after its first names nobody the reference knows)
    if (!/\p{Lu}/u.test(sentence.text)) return;
    const words = [...sentence.text.matchAll(WORD)].map((match) => ({
      start: match.index,
      // "Lavrov." at a sentence's end, "Dar," in a list: the trailing dot of a word is not the name's.
      end: match.index + match[0].replace(/[.\-‐–]+$/u, '').length,
      upper: match[0][0] !== match[0][0].toLowerCase(),
      first: match[0],
    }));
    // How many name-like words (capitalised, or a particle: "bin", "da", "von der", "el-Sisi") run from
    // each word: a name is looked up only inside such a run.
    const run = new Array<number>(words.length + 1).fill(0);
    for (let i = words.length - 1; i >= 0; i--) run[i] = words[i].upper || PARTICLE.test(words[i].first) ? run[i + 1] + 1 : 0;
    for (let i = 0; i < words.length; i++) {
      if (!words[i].upper) continue;
      // (the word "Al-Sabah" opens "al sabah" as well as "al-sabah")
      const head = foldOnce(words[i].first.replace(/[.\-‐–]+$/u, ''));
      if (!index.firstWords.has(head) && !index.firstWords.has(head.split(/[.\-‐–]/u)[0])) continue;
      for (let n = Math.min(index.maxWords, run[i]); n >= 1; n--) {
        // (a name ends with a name word, not a particle)
        if (!words[i + n - 1].upper) continue;
        const span = { start: words[i].start, end: words[i + n - 1].end };
        const text = sentence.text.slice(span.start, span.end);
        // Only spaces (and one comma-free run) between the words of a name.
        if (/[,;:()"“”]/u.test(text)) continue;
        // ("King Charles Street": a place named after someone)
        if (PLACE_AFTER_NAME.test(sentence.text.slice(span.end))) continue;
        const holders = nameKeys(text, foldOnce).flatMap((key) => index.byForm.get(key) ?? []);
        if (holders.length === 0) continue;
        const posts = heldAt([...new Set(holders)], date, year);
        found.push({ sentence: sentenceIndex, ...span, text, posts });
        i += n - 1;
        break;
      }
    }
  });
  return found;
}

/** The posts the holder of exactly this name held then ("Penny Wong", a release's signature line). */
export function knownPosts(name: string, date: string | null, year: number): OfficeHolder[] {
  const index = loadOfficeHolders();
  const holders = [...new Set(nameKeys(name).flatMap((key) => index.byForm.get(key) ?? []))];
  return heldAt(holders, date, year);
}
