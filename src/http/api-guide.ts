// The API guide's example queries (docs/api.md, "Example queries"): each ```graphql block, the
// sentence that introduces it, and the ```json answer after it. The playground opens them as tabs
// and a test runs them, so the guide is the one copy.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';

export interface GuideExample {
  /** The sentence before the query, without its closing colon. */
  title: string;
  query: string;
  expected: unknown;
}

const apiGuidePath = () => path.join(projectRoot(), 'docs', 'api.md');

export function guideExamples(text = fs.readFileSync(apiGuidePath(), 'utf8')): GuideExample[] {
  const section = text.split('## Example queries')[1]?.split('\n## ')[0] ?? '';
  const re = /([^\n]*(?:\n[^\n`]+)*)\n+```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  const out: GuideExample[] = [];
  for (let m = re.exec(section); m; m = re.exec(section)) {
    out.push({ title: m[1].replace(/\s+/g, ' ').trim().replace(/:$/, ''), query: m[2], expected: JSON.parse(m[3]) });
  }
  return out;
}
