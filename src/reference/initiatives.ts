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
  /** The capitalised words that end an unknown name ("University", "Forum"), with the kind they give. */
  heads: Array<{ word: string; kind: InitiativeKind }>;
  /** Lower-case words that end a name after capitalised ones ("Great Return programme"). */
  lowercaseHeads: Array<{ word: string; kind: InitiativeKind }>;
  /** Lower-case bodies that count only when named in full ("intergovernmental commission on ..."). */
  genericBodies: Array<{ name: string; kind: InitiativeKind }>;
  /** Heads that make a name only with an "of/for ..." complement ("Day"). */
  headsNeedingComplement: string[];
  /** Heads whose name may go on with "in <place>" ("Inha University in Tashkent"). */
  headsTakingPlace: string[];
  /** Heads that make no initiative with just "of <country>" after them ("Permanent Mission of Azerbaijan"). */
  headsNotOfCountry: string[];
  stopwords: string[];
  notInitiatives: string[];
  notAcronyms: string[];
  /** Time zones ("GMT", "WIB"): never acronyms of an initiative. */
  timeZones: string[];
}

interface InitiativesFile {
  initiatives?: Array<Record<string, unknown>>;
  patternHeads?: Record<string, unknown>;
  lowercaseHeads?: Record<string, unknown>;
  genericBodies?: Array<{ name?: unknown; kind?: unknown }>;
  patternStopwords?: unknown;
  notInitiatives?: unknown;
  notAcronyms?: unknown;
  timeZones?: unknown;
  headsNeedingComplement?: unknown;
  headsTakingPlace?: unknown;
  headsNotOfCountry?: unknown;
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
  const headsOf = (section: 'patternHeads' | 'lowercaseHeads'): InitiativePatterns['heads'] => {
    const heads: InitiativePatterns['heads'] = [];
    for (const [kind, words] of Object.entries(file()[section] ?? {})) {
      if (!isInitiativeKind(kind)) throw new Error(`${INITIATIVES_FILE}: bad kind ${kind} in ${section}`);
      for (const word of asStringList(words, `${INITIATIVES_FILE} ${section}.${kind}`)) heads.push({ word, kind });
    }
    return heads;
  };
  const genericBodies = (file().genericBodies ?? []).map((entry, index) => {
    if (typeof entry.name !== 'string' || !isInitiativeKind(entry.kind)) {
      throw new Error(`${INITIATIVES_FILE} genericBodies[${index}]: name and kind required`);
    }
    return { name: entry.name, kind: entry.kind };
  });
  cachedPatterns = {
    heads: headsOf('patternHeads'),
    lowercaseHeads: headsOf('lowercaseHeads'),
    genericBodies,
    notAcronyms: asStringList(file().notAcronyms, `${INITIATIVES_FILE} notAcronyms`),
    timeZones: asStringList(file().timeZones, `${INITIATIVES_FILE} timeZones`),
    headsNeedingComplement: asStringList(file().headsNeedingComplement, `${INITIATIVES_FILE} headsNeedingComplement`),
    headsTakingPlace: asStringList(file().headsTakingPlace, `${INITIATIVES_FILE} headsTakingPlace`),
    headsNotOfCountry: asStringList(file().headsNotOfCountry, `${INITIATIVES_FILE} headsNotOfCountry`),
    stopwords: asStringList(file().patternStopwords, `${INITIATIVES_FILE} patternStopwords`),
    notInitiatives: asStringList(file().notInitiatives, `${INITIATIVES_FILE} notInitiatives`),
  };
  return cachedPatterns;
}
