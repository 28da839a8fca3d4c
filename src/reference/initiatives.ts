import { INITIATIVE_KINDS, type InitiativeKind } from '../extraction/types';
import { asStringList, readReferenceYaml } from './paths';

export interface InitiativeRef {
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
  aliases: string[];
  /** Taxonomy slugs a mention counts for. */
  topics: string[];
  /** "<ACRONYM><n>" names one numbered session ("COP29"). */
  numbered: boolean;
}

export interface InitiativePatterns {
  /** Per kind: the capitalised words that end an unknown name ("University", "Forum"). */
  heads: Array<{ word: string; kind: InitiativeKind }>;
  stopwords: string[];
  notInitiatives: string[];
}

interface InitiativesFile {
  initiatives?: Array<Record<string, unknown>>;
  patternHeads?: Record<string, unknown>;
  patternStopwords?: unknown;
  notInitiatives?: unknown;
}

const INITIATIVES_FILE = 'initiatives.yaml';
let cachedFile: InitiativesFile | null = null;
let cachedInitiatives: InitiativeRef[] | null = null;
let cachedPatterns: InitiativePatterns | null = null;

function isInitiativeKind(value: unknown): value is InitiativeKind {
  return typeof value === 'string' && (INITIATIVE_KINDS as readonly string[]).includes(value);
}

function file(): InitiativesFile {
  cachedFile ??= readReferenceYaml<InitiativesFile>(INITIATIVES_FILE) ?? {};
  return cachedFile;
}

/** The known initiatives of data/reference/initiatives.yaml. */
export function loadInitiatives(): InitiativeRef[] {
  if (cachedInitiatives) return cachedInitiatives;
  cachedInitiatives = (file().initiatives ?? []).map((entry, index) => {
    const where = `${INITIATIVES_FILE} initiatives[${index}]`;
    if (typeof entry.name !== 'string' || !entry.name) throw new Error(`${where}: name missing`);
    if (!isInitiativeKind(entry.kind)) throw new Error(`${where}: bad kind ${String(entry.kind)}`);
    return {
      name: entry.name,
      acronym: typeof entry.acronym === 'string' ? entry.acronym : null,
      kind: entry.kind,
      aliases: asStringList(entry.aliases, `${where}.aliases`),
      topics: asStringList(entry.topics, `${where}.topics`),
      numbered: entry.numbered === true,
    };
  });
  return cachedInitiatives;
}

export function loadInitiativePatterns(): InitiativePatterns {
  if (cachedPatterns) return cachedPatterns;
  const heads: InitiativePatterns['heads'] = [];
  for (const [kind, words] of Object.entries(file().patternHeads ?? {})) {
    if (!isInitiativeKind(kind)) throw new Error(`${INITIATIVES_FILE}: bad pattern kind ${kind}`);
    for (const word of asStringList(words, `${INITIATIVES_FILE} patternHeads.${kind}`)) heads.push({ word, kind });
  }
  cachedPatterns = {
    heads,
    stopwords: asStringList(file().patternStopwords, `${INITIATIVES_FILE} patternStopwords`),
    notInitiatives: asStringList(file().notInitiatives, `${INITIATIVES_FILE} notInitiatives`),
  };
  return cachedPatterns;
}
