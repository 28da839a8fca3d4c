/**
 * Extraction time (issue 8): a realistic 5,000-character release under 20 ms, and no input up to the
 * ingest size limit (src/domain/validate.ts MAX_TEXT_LENGTH) over 100 ms, including texts built to
 * make patterns backtrack. CPU time of this process (process.cpuUsage), the least of several runs:
 * on a loaded machine a run's CPU time still grows with the other work (shared caches, the garbage
 * collector's threads; a median of 5 read 122 ms for a text that takes 34 ms alone, while the whole
 * suite ran beside it), and the least is the closest to the extraction's own cost. The bounds are the
 * issue's, far above the measured figures in docs/extraction.md; catastrophic backtracking, what this
 * guards against, costs seconds, not percents.
 */
import * as fs from 'fs';
import * as path from 'path';
import { extractPressRelease } from '../../src/extraction';
import { MAX_TEXT_LENGTH } from '../../src/domain/validate';

const RUNS = 7;

function leastCpuMs(text: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.cpuUsage();
    extractPressRelease(text, { year: 2025 });
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return Math.min(...times);
}

const fill = (unit: string, length = MAX_TEXT_LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** About 5,000 characters of release text: the labelled releases of the dev set, one after another. */
function realistic(): string {
  const dir = path.resolve(__dirname, '..', 'fixtures', 'extraction-dev');
  let text = '';
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    text += fs.readFileSync(path.join(dir, file), 'utf8') + '\n\n';
    if (text.length >= 5000) break;
  }
  return text.slice(0, 5000);
}

describe('extraction time', () => {
  beforeAll(() => {
    // Vocabularies load and compile once per process: not part of one extraction's time.
    extractPressRelease('BAKU, Azerbaijan, May 23. The Minister of Foreign Affairs received the Ambassador of Japan.', { year: 2025 });
  });

  // About 13 ms under ts-jest and 8 ms compiled on the 2-core machine, once warm (docs/extraction.md,
  // "Speed"): a running service reads warm, so the first few runs (the JIT compiling) are not counted.
  it('reads a realistic 5,000-character release in under 20 ms of CPU', () => {
    const text = realistic();
    expect(text.length).toBe(5000);
    for (let run = 0; run < 5; run++) extractPressRelease(text, { year: 2025 });
    expect(leastCpuMs(text)).toBeLessThan(20);
  });

  it.each([
    ['Al-Al-Al-... (backtracking bait for the dateline)', fill('Al-')],
    ['a long hyphen run', fill('-')],
    ['long capitalised runs', fill('Minister Ab Cd Ef Gh ')],
    ['capitals and hyphens', fill('AL-AL ')],
    ['no punctuation', fill('the minister met the ambassador and discussed cooperation ')],
    ['one huge line of release text', fill('BAKU, Azerbaijan, May 23. The Minister of Foreign Affairs of Azerbaijan Jeyhun Bayramov received the Ambassador of Japan, Kato Taro. ')],
    ['many short lines', fill('Al Al\n')],
    ['names after names', fill('Jeyhun Bayramov, ')],
    ['dates everywhere', fill('SEOUL, Dec. 23 (Yonhap) -- 22 March 2024\n')],
  ])('stays under 100 ms of CPU at the size limit: %s', (_name, text) => {
    expect(text.length).toBe(MAX_TEXT_LENGTH);
    const ms = leastCpuMs(text);
    if (process.env.SPEED_VERBOSE === '1') console.log(`${_name}: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(100);
  });
});
