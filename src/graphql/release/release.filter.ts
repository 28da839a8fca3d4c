// GraphQL filter input -> the domain filter, checking every value a client can get wrong.
import { badInput, AppError } from '../../errors';
import { loadTopics } from '../../reference';
import type { ReleaseFilter } from '../../domain/release-filter';
import { dbIdOf } from '../relay';
import type { Context } from '../context';
import type { PressReleaseFilter } from './release.inputs';
import { ReleaseStatus } from '../enums';

export const COUNTRY_CODE = /^[A-Z]{2}$/;

export function checkCountryCodes(codes: string[] | null | undefined, field: string): string[] | undefined {
  if (!codes) return undefined;
  return codes.map((c) => {
    const code = c.trim().toUpperCase();
    if (!COUNTRY_CODE.test(code)) throw badInput(field, `"${c}" is not an ISO 3166-1 alpha-2 code`);
    return code;
  });
}

export function checkTopicSlugs(slugs: string[] | null | undefined, field: string): string[] | undefined {
  if (!slugs) return undefined;
  const known = new Set(loadTopics().map((t) => t.slug));
  for (const s of slugs) if (!known.has(s)) throw badInput(field, `Unknown topic slug "${s}" (see the \`topics\` query)`);
  return slugs;
}

export function toReleaseFilter(input: PressReleaseFilter | null | undefined, ctx: Context, prefix = 'filter'): ReleaseFilter {
  const f = input ?? {};
  const statuses = f.status?.length ? f.status : [ReleaseStatus.PUBLISHED];
  if (statuses.includes(ReleaseStatus.DRAFT) && !ctx.viewer) {
    throw new AppError('UNAUTHENTICATED', 'Drafts are visible to editors only: send an API key', { field: `${prefix}.status` });
  }
  if (f.from && f.to && f.from > f.to) throw badInput(`${prefix}.from`, '`from` is after `to`');
  // A run of dashes (a Markdown rule) is one minus: websearch_to_tsquery makes each '-' a NOT, and
  // Postgres refuses a query of more than 32 operators in a row.
  const search = f.search?.replace(/-{2,}/g, '-').trim();
  return {
    search: search || null,
    countries: checkCountryCodes(f.countries, `${prefix}.countries`),
    topics: checkTopicSlugs(f.topics, `${prefix}.topics`),
    initiatives: f.initiatives?.map((id) => dbIdOf(id, 'Initiative', `${prefix}.initiatives`)),
    people: f.people?.map((id) => dbIdOf(id, 'Person', `${prefix}.people`)),
    meetingKinds: f.meetingKinds ?? undefined,
    issuers: checkCountryCodes(f.issuers, `${prefix}.issuers`),
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    statuses,
    languages: f.languages ?? undefined,
  };
}
