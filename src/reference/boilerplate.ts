import { asStringList, readReferenceYaml } from './paths';

export interface SourceRef {
  name: string;
  patterns: RegExp[];
}

export interface Boilerplate {
  closingLines: RegExp[];
  sources: SourceRef[];
}

interface BoilerplateFile {
  closingLines?: unknown;
  sources?: Array<{ name?: unknown; patterns?: unknown }>;
}

let cached: Boilerplate | null = null;

export function loadBoilerplate(): Boilerplate {
  if (cached) return cached;
  const file = readReferenceYaml<BoilerplateFile>('boilerplate.yaml') ?? {};
  cached = {
    closingLines: asStringList(file.closingLines, 'boilerplate.yaml closingLines').map((p) => new RegExp(p, 'iu')),
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
