import { ROLE_KINDS, type RoleKind } from '../extraction/types';
import { asStringList, readReferenceYaml } from './paths';

export interface RolePhrase {
  /** As written in data/reference/roles.yaml, `{portfolio}` included. */
  phrase: string;
  kind: RoleKind;
}

export interface RoleVocabulary {
  phrases: RolePhrase[];
  /** Words before a role that stay part of it ("Acting"). */
  modifiers: string[];
  /** Courtesy titles that are not part of a name ("H.E.", "Mr."). */
  honorifics: string[];
  /** Letters after a name that are not part of it ("MP", "KC", "OBE"). */
  postNominals: string[];
  /** Country names that are also given names ("Israel Katz"). */
  countryGivenNames: string[];
  /** Country names and demonyms that are also surnames ("Levente Magyar", "Michael French"). */
  countrySurnames: string[];
  /** Words of a region of the world ("Sub-Saharan", "Africa"): a run of them after a post is its portfolio. */
  regionWords: string[];
  /** Lower-case words that may sit inside a name ("bin", "van"). */
  nameParticles: string[];
  /** Words that make a role a deputy post ("First Vice", "Deputy"). */
  deputyPrefixes: string[];
  /** Words a ministry portfolio is made of ("Investment", "Industry"). */
  portfolioWords: string[];
  /** Role words that are also given names ("Amir"): they may sit inside a name. */
  nameWords: string[];
  /** Ranks and courtesy titles between a post and a name ("Ambassador", "Senator", "Datuk Seri"). */
  courtesyTitles: string[];
  /** "his Turkish counterpart Hakan Fidan": a post given by reference to another person's. */
  counterpartWords: string[];
  /** Capitalised words that are never part of a person's name (regions). */
  notNameWords: string[];
  /** Portfolio words of a foreign ministry: a deputy post with one is a deputy foreign minister. */
  foreignPortfolioWords: string[];
  /** Head words of a state body ("Service", "Ministry"): an official of one is not an international official. */
  nationalBodyWords: string[];
  /** Words that make an organisation international ("International", "United", "Nations"). */
  internationalWords: string[];
}

interface RolesFile {
  kinds?: Record<string, unknown>;
  modifiers?: unknown;
  honorifics?: unknown;
  postNominals?: unknown;
  countryGivenNames?: unknown;
  countrySurnames?: unknown;
  regionWords?: unknown;
  nameParticles?: unknown;
  deputyPrefixes?: unknown;
  portfolioWords?: unknown;
  nameWords?: unknown;
  counterpartWords?: unknown;
  courtesyTitles?: unknown;
  notNameWords?: unknown;
  foreignPortfolioWords?: unknown;
  nationalBodyWords?: unknown;
  internationalWords?: unknown;
}

const ROLES_FILE = 'roles.yaml';
let cached: RoleVocabulary | null = null;

function isRoleKind(value: string): value is RoleKind {
  return (ROLE_KINDS as readonly string[]).includes(value);
}

export function loadRoles(): RoleVocabulary {
  if (cached) return cached;
  const file = readReferenceYaml<RolesFile>(ROLES_FILE) ?? {};
  const phrases: RolePhrase[] = [];
  const seen = new Map<string, RoleKind>();
  for (const [kind, list] of Object.entries(file.kinds ?? {})) {
    if (!isRoleKind(kind)) throw new Error(`${ROLES_FILE}: unknown role kind ${kind}`);
    for (const phrase of asStringList(list, `${ROLES_FILE} kinds.${kind}`)) {
      const key = phrase.toLowerCase();
      const earlier = seen.get(key);
      if (earlier && earlier !== kind) throw new Error(`${ROLES_FILE}: "${phrase}" is both ${earlier} and ${kind}`);
      seen.set(key, kind);
      phrases.push({ phrase, kind });
    }
  }
  cached = {
    phrases,
    modifiers: asStringList(file.modifiers, `${ROLES_FILE} modifiers`),
    honorifics: asStringList(file.honorifics, `${ROLES_FILE} honorifics`),
    postNominals: asStringList(file.postNominals ?? [], `${ROLES_FILE} postNominals`),
    countryGivenNames: asStringList(file.countryGivenNames ?? [], `${ROLES_FILE} countryGivenNames`),
    countrySurnames: asStringList(file.countrySurnames ?? [], `${ROLES_FILE} countrySurnames`),
    regionWords: asStringList(file.regionWords ?? [], `${ROLES_FILE} regionWords`),
    nameParticles: asStringList(file.nameParticles, `${ROLES_FILE} nameParticles`),
    deputyPrefixes: asStringList(file.deputyPrefixes, `${ROLES_FILE} deputyPrefixes`),
    portfolioWords: asStringList(file.portfolioWords, `${ROLES_FILE} portfolioWords`),
    nameWords: asStringList(file.nameWords, `${ROLES_FILE} nameWords`),
    counterpartWords: asStringList(file.counterpartWords, `${ROLES_FILE} counterpartWords`),
    courtesyTitles: asStringList(file.courtesyTitles, `${ROLES_FILE} courtesyTitles`),
    notNameWords: asStringList(file.notNameWords, `${ROLES_FILE} notNameWords`),
    foreignPortfolioWords: asStringList(file.foreignPortfolioWords, `${ROLES_FILE} foreignPortfolioWords`),
    nationalBodyWords: asStringList(file.nationalBodyWords, `${ROLES_FILE} nationalBodyWords`),
    internationalWords: asStringList(file.internationalWords, `${ROLES_FILE} internationalWords`),
  };
  return cached;
}
