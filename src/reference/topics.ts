import { asStringList, readReferenceYaml } from './paths';

export interface TopicRef {
  slug: string;
  name: string;
  description: string;
  /** As written in data/reference/topics.yaml; see `compileCue` for the syntax. */
  cues: string[];
}

interface TopicsFile {
  topics?: Array<Partial<TopicRef>>;
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
    for (const cue of cues) compileCue(cue); // a bad cue fails at load, not in the middle of an extraction
    return {
      slug: entry.slug,
      name: entry.name ?? entry.slug,
      description: entry.description ?? '',
      cues,
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

/**
 * Turns a cue into a global regular expression.
 * - `/.../` is a regular expression as is (case-insensitive);
 * - capitals only (an acronym) match case-sensitively;
 * - otherwise case-insensitive, words separated by any spaces or hyphens, `word*` a prefix.
 */
export function compileCue(cue: string): RegExp {
  const regexCue = /^\/(.+)\/$/.exec(cue);
  if (regexCue) return new RegExp(regexCue[1], 'giu');
  const isAcronym = /^[A-Z0-9+&.-]+$/.test(cue) && /[A-Z]/.test(cue);
  const words = cue.trim().split(/[\s-]+/).map((word) => {
    if (word.endsWith('*')) return `${escapeRegExp(word.slice(0, -1))}[\\p{L}\\p{N}-]*`;
    return escapeRegExp(word);
  });
  const body = words.join('[\\s\\-–]+');
  // \b does not know Unicode letters; lookarounds on letters/digits do.
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, isAcronym ? 'gu' : 'giu');
}
