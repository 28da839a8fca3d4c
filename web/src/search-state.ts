// The search page's state lives in the URL's query string, so a search can be shared and reloaded:
// `/?q=corridor&topic=energy&topic=investment&when=2025&sort=oldest`. This module turns the query
// string into the API's filter and back; it knows nothing of the page.
import type { MeetingKind, PressReleaseFilter, PressReleaseOrder } from './generated/graphql';

/** The list facets: the `facets` field (also the filter's field), the URL parameter, headings. */
export const LIST_FACETS = [
  { facet: 'topics', param: 'topic', heading: 'Topics', one: 'Topic' },
  { facet: 'countries', param: 'country', heading: 'Countries', one: 'Country' },
  { facet: 'meetingKinds', param: 'kind', heading: 'Meeting kinds', one: 'Meeting kind' },
  { facet: 'issuers', param: 'issuer', heading: 'Issued by', one: 'Issued by' },
  { facet: 'people', param: 'person', heading: 'People', one: 'Person' },
  { facet: 'initiatives', param: 'initiative', heading: 'Initiatives', one: 'Initiative' },
] as const;

export type ListFacet = (typeof LIST_FACETS)[number]['facet'];

export type Sort = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  /** Selected values per list facet (the values combine with OR, the facets with AND). */
  selected: Record<ListFacet, string[]>;
  /** "2025" or "2025-05": one year or one month. */
  when: string | null;
  /** Null: best match when searching, newest first otherwise. */
  sort: Sort | null;
}

const WHEN = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const SORTS: Sort[] = ['relevance', 'newest', 'oldest'];

export function parseSearch(query: string): SearchState {
  const params = new URLSearchParams(query);
  const selected = {} as Record<ListFacet, string[]>;
  for (const { facet, param } of LIST_FACETS) {
    selected[facet] = [...new Set(params.getAll(param).map((v) => v.trim()).filter(Boolean))];
  }
  const when = params.get('when');
  const sort = params.get('sort') as Sort | null;
  return {
    q: (params.get('q') ?? '').trim(),
    selected,
    when: when && WHEN.test(when) ? when : null,
    sort: sort && SORTS.includes(sort) ? sort : null,
  };
}

/** The path and query string of a state, parameters in a fixed order so equal states share a URL. */
export function searchUrl(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { facet, param } of LIST_FACETS) for (const v of state.selected[facet]) params.append(param, v);
  if (state.when) params.set('when', state.when);
  if (state.sort) params.set('sort', state.sort);
  const qs = params.toString();
  return qs ? `/?${qs}` : '/';
}

export const emptySearch = (): SearchState => parseSearch('');

/** A state with one list facet's value switched on or off. */
export function toggle(state: SearchState, facet: ListFacet, value: string): SearchState {
  const current = state.selected[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, selected: { ...state.selected, [facet]: next } };
}

export function hasFilters(state: SearchState): boolean {
  return Boolean(state.when) || LIST_FACETS.some(({ facet }) => state.selected[facet].length > 0);
}

/** First and last day of a year ("2025") or month ("2025-05"). */
export function periodRange(when: string): { from: string; to: string } {
  const [year, month] = when.split('-').map(Number);
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${lastDay}` };
}

export function toFilter(state: SearchState): PressReleaseFilter {
  const filter: PressReleaseFilter = {};
  if (state.q) filter.search = state.q;
  const s = state.selected;
  if (s.topics.length) filter.topics = s.topics;
  if (s.countries.length) filter.countries = s.countries;
  // An unknown kind is left to the API, whose error names it.
  if (s.meetingKinds.length) filter.meetingKinds = s.meetingKinds as MeetingKind[];
  if (s.issuers.length) filter.issuers = s.issuers;
  if (s.people.length) filter.people = s.people;
  if (s.initiatives.length) filter.initiatives = s.initiatives;
  if (state.when) Object.assign(filter, periodRange(state.when));
  return filter;
}

export function toOrder(state: SearchState): PressReleaseOrder {
  const sort = state.sort ?? (state.q ? 'relevance' : 'newest');
  // Relevance needs a search: without one the API refuses it.
  if (sort === 'relevance' && state.q) return 'RELEVANCE';
  return sort === 'oldest' ? 'PUBLISHED_AT_ASC' : 'PUBLISHED_AT_DESC';
}

/** Months ("YYYY-MM") summed into years, latest first. */
export function yearsOf(months: { value: string; count: number }[]): { value: string; count: number }[] {
  const years = new Map<string, number>();
  for (const m of months) {
    const y = m.value.slice(0, 4);
    years.set(y, (years.get(y) ?? 0) + m.count);
  }
  return [...years].map(([value, count]) => ({ value, count })).sort((a, b) => b.value.localeCompare(a.value));
}
