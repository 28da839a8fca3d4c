import { asStringList, readReferenceYaml } from './paths';

export interface TopicRef {
  slug: string;
  name: string;
  description: string;
  /** As written in data/reference/topics.yaml; see `compileCue` for the syntax. */
  cues: string[];
  /** Sentence contexts, one of which must be present for the topic to count (none: always). */
  requires: RegExp[];
  /** Sentence contexts for the topics known initiatives bring (none: always). */
  fromInitiatives: RegExp[];
}

interface TopicsFile {
  topics?: Array<{ slug?: string; name?: string; description?: string; cues?: unknown; requires?: unknown; fromInitiatives?: unknown }>;
  neutral?: string[];
}

const TOPICS_FILE = 'topics.yaml';
const SLUG_SHAPE = /^[a-z]+(?:-[a-z]+)*$/;

let cachedTopics: TopicRef[] | null = null;
let cachedNeutral: string[] | null = null;

function readTopicsFile(): TopicsFile {
  return readReferenceYaml<TopicsFile>(TOPICS_FILE) ?? {};
}

/** The taxonomy in the order of docs/domain.md. Slugs are the API contract. */
export function loadTopics(): TopicRef[] {
  if (cachedTopics) return cachedTopics;
  const file = readTopicsFile();
  const seen = new Set<string>();
  cachedTopics = (file.topics ?? []).map((entry, index) => {
    const where = `${TOPICS_FILE} topics[${index}]`;
    if (!entry.slug || !SLUG_SHAPE.test(entry.slug)) throw new Error(`${where}: bad slug ${String(entry.slug)}`);
    if (seen.has(entry.slug)) throw new Error(`${where}: duplicate slug ${entry.slug}`);
    seen.add(entry.slug);
    const cues = asStringList(entry.cues, `${where}.cues`);
    for (const cue of cues) cueSource(cue);
    return {
      slug: entry.slug,
      name: entry.name ?? entry.slug,
      description: entry.description ?? '',
      cues,
      requires: asStringList(entry.requires, `${where}.requires`).map((source) => new RegExp(source, 'iu')),
      fromInitiatives: asStringList(entry.fromInitiatives, `${where}.fromInitiatives`).map((source) => new RegExp(source, 'iu')),
    };
  });
  cachedNeutral = asStringList(file.neutral, `${TOPICS_FILE} neutral`);
  return cachedTopics;
}

/** Phrases that contain a cue but count for no topic ("video conference"). */
export function loadNeutralPhrases(): string[] {
  if (!cachedNeutral) loadTopics();
  return cachedNeutral ?? [];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "high" → "[Hh]igh": case-insensitive where it matters (sentence starts) without the `i` flag. */
function firstLetterEitherCase(word: string): string {
  const first = word.charAt(0);
  const rest = escapeRegExp(word.slice(1));
  if (first.toLowerCase() === first.toUpperCase()) return escapeRegExp(first) + rest;
  return `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`;
}

/**
 * The regex source of a cue, without flags.
 * - `/.../` is a regular expression as is (case-sensitive as written);
 * - capitals only (an acronym) match exactly;
 * - otherwise each word matches with its first letter in either case, words separated by any spaces
 *   or hyphens, `word*` a prefix.
 * The `i` flag is avoided on purpose: compiling hundreds of case-folding Unicode regexes costs
 * seconds on the first release a process reads.
 */
export function cueSource(cue: string, withBoundaries = true): string {
  const regexCue = /^\/(.+)\/$/.exec(cue);
  if (regexCue) return `(?:${regexCue[1]})`;
  const isAcronym = /^[A-Z0-9+&.-]+$/.test(cue) && /[A-Z]/.test(cue);
  const words = cue.trim().split(/[\s-]+/).map((word) => {
    const prefix = word.endsWith('*');
    const bare = prefix ? word.slice(0, -1) : word;
    const body = isAcronym ? escapeRegExp(bare) : firstLetterEitherCase(bare);
    return prefix ? `${body}[\\p{L}\\p{N}-]*` : body;
  });
  const body = words.join('[\\s\\-–]+');
  // \b does not know Unicode letters; lookarounds on letters/digits do.
  return withBoundaries ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
}

/** One cue as a global regular expression (see `cueSource`). */
export function compileCue(cue: string): RegExp {
  return new RegExp(cueSource(cue), 'gu');
}
