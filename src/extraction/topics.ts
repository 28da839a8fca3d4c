import { cueSource, loadNeutralPhrases, loadTopics } from '../reference/topics';
import type { ExtractedTopic } from './types';
import type { InitiativeSpan } from './initiatives';
import type { Sentence, Span } from './text';

interface CueMatch {
  start: number;
  end: number;
  /** null for a neutral phrase: it only hides the cues inside it. */
  slug: string | null;
}

let compiled: { slug: string | null; regex: RegExp }[] | null = null;

/** One alternation per topic, longer cues first, so each topic's matches are its longest ones. */
function alternation(cues: string[]): RegExp {
  const sorted = [...cues].sort((a, b) => b.length - a.length);
  const plain = sorted.filter((cue) => !/^\/.+\/$/.test(cue)).map((cue) => cueSource(cue, false));
  const written = sorted.filter((cue) => /^\/.+\/$/.test(cue)).map((cue) => cueSource(cue));
  // The word boundaries once around the whole alternation: per cue they multiply the compile time.
  const sources = [...(plain.length ? [`(?<![\\p{L}\\p{N}])(?:${plain.join('|')})(?![\\p{L}\\p{N}])`] : []), ...written];
  return new RegExp(sources.join('|'), 'gu');
}

function cues() {
  if (!compiled) {
    compiled = loadTopics().map((topic) => ({ slug: topic.slug as string | null, regex: alternation(topic.cues) }));
    compiled.push({ slug: null, regex: alternation(loadNeutralPhrases()) });
  }
  return compiled;
}

/**
 * Topics by their cues. Overlapping cues resolve to the longest ("food security" is agriculture, not
 * security); cues inside the name of a known initiative do not count, its own topics do.
 */
export function extractTopics(
  sentences: Sentence[],
  initiativeSpans: InitiativeSpan[],
  implied: string[] = [],
  /** Text that names something rather than talks about it: people's titles, ministries, cities. */
  names: Array<Span & { sentence: number }> = [],
): ExtractedTopic[] {
  const counts = new Map<string, number>();
  for (const slug of implied) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  sentences.forEach((sentence, sentenceIndex) => {
    // "cooperation within the Korea-Central Asia Cooperation Forum": a platform, whatever its name says.
    const platforms = initiativeSpans.filter(
      (span) => span.sentence === sentenceIndex && /\bwithin\s+(?:the\s+framework\s+of\s+)?(?:the\s+)?$/i.test(sentence.text.slice(0, span.start)),
    );
    const known = [
      ...initiativeSpans.filter((span) => span.sentence === sentenceIndex && span.known && !platforms.includes(span)),
      ...platforms,
      ...names.filter((span) => span.sentence === sentenceIndex),
    ];
    const matches: CueMatch[] = [];
    for (const { slug, regex } of cues()) {
      // exec on the one compiled object: matchAll clones the regex, and a clone starts cold.
      regex.lastIndex = 0;
      for (let match = regex.exec(sentence.text); match; match = regex.exec(sentence.text)) {
        if (match[0].length === 0) regex.lastIndex += 1;
        const start = match.index;
        const end = start + match[0].length;
        if (known.some((span) => span.start <= start && span.end >= end)) continue;
        matches.push({ start, end, slug });
      }
    }
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const accepted: CueMatch[] = [];
    for (const match of matches) {
      const clash = accepted.some((other) => other.start < match.end && match.start < other.end && !(other.start === match.start && other.end === match.end));
      const duplicate = accepted.some((other) => other.start === match.start && other.end === match.end && other.slug === match.slug);
      // Equal spans count for every topic that lists them; a neutral phrase on the same span wins.
      const neutralSameSpan = accepted.some((other) => other.slug === null && other.start === match.start && other.end === match.end);
      if (!clash && !duplicate && !neutralSameSpan) accepted.push(match);
    }
    const topicRefs = new Map(loadTopics().map((topic) => [topic.slug, topic]));
    const inContext = (slug: string, fromInitiative: boolean) => {
      const topic = topicRefs.get(slug);
      if (!topic) return false;
      const needs = [topic.requires, ...(fromInitiative ? [topic.fromInitiatives] : [])];
      return needs.every((patterns) => patterns.length === 0 || patterns.some((pattern) => pattern.test(sentence.text)));
    };
    for (const match of accepted) if (match.slug && inContext(match.slug, false)) counts.set(match.slug, (counts.get(match.slug) ?? 0) + 1);
    const inTitle = (span: Span) => names.some((name) => name.sentence === sentenceIndex && name.start <= span.start && name.end >= span.end);
    for (const span of initiativeSpans) {
      if (span.sentence !== sentenceIndex || inTitle(span)) continue;
      const slugs = platforms.includes(span) ? ['multilateral-cooperation'] : span.known?.topics ?? [];
      for (const slug of slugs) if (inContext(slug, true)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    }
  });
  const order = loadTopics().map((topic) => topic.slug);
  return [...counts.entries()]
    .map(([slug, mentions]) => ({ slug, mentions }))
    .sort((a, b) => b.mentions - a.mentions || order.indexOf(a.slug) - order.indexOf(b.slug));
}
