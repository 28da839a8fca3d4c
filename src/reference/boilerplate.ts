import { asStringList, readReferenceYaml } from './paths';

export interface SourceRef {
  name: string;
  patterns: RegExp[];
}

export interface Boilerplate {
  closingLines: RegExp[];
  /** Call-to-action words: a short last line with one is boilerplate whoever the publisher is. */
  closingCues: RegExp[];
  /** Capitalised words of closing lines that never name the publisher ("Telegram", "Follow"). */
  notPublisher: string[];
  sources: SourceRef[];
}

interface BoilerplateFile {
  closingLines?: unknown;
  closingCues?: unknown;
  notPublisher?: unknown;
  sources?: Array<{ name?: unknown; patterns?: unknown }>;
}

let cached: Boilerplate | null = null;

export function loadBoilerplate(): Boilerplate {
  if (cached) return cached;
  const file = readReferenceYaml<BoilerplateFile>('boilerplate.yaml') ?? {};
  cached = {
    closingLines: asStringList(file.closingLines, 'boilerplate.yaml closingLines').map((p) => new RegExp(p, 'iu')),
    closingCues: asStringList(file.closingCues, 'boilerplate.yaml closingCues').map((p) => new RegExp(p, 'iu')),
    notPublisher: asStringList(file.notPublisher, 'boilerplate.yaml notPublisher'),
    sources: (file.sources ?? []).map((source, index) => {
      if (typeof source.name !== 'string') throw new Error(`boilerplate.yaml sources[${index}]: name missing`);
      return {
        name: source.name,
        patterns: asStringList(source.patterns, `boilerplate.yaml sources[${index}].patterns`).map((p) => new RegExp(p, 'u')),
      };
    }),
  };
  return cached;
}
