// The search page: a search box, facet filters with counts, the matching releases with highlights,
// "More results". Everything it shows comes from one Search query; the state is the URL's.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { request, useQuery, ApiError } from '../api';
import { MoreResultsDocument, SearchDocument, type ReleaseHitFragment, type ReleasePageFragment, type SearchQuery } from '../generated/graphql';
import { enumLabel, formatDay, formatMonth, plural } from '../format';
import { FacetPanel } from '../components/FacetPanel';
import { Highlighted } from '../components/Highlighted';
import { Empty, ErrorNote, Loading } from '../components/States';
import { rememberSearch } from '../navigation';
import { LIST_FACETS, emptySearch, hasFilters, parseSearch, searchUrl, toFilter, toOrder, toggle, type SearchState, type Sort } from '../search-state';

const PAGE = 10;

const stripMarks = (s: string) => s.replace(/<\/?mark>/g, '');

function Hit({ edge }: { edge: ReleaseHitFragment }) {
  const r = edge.node;
  // The API gives the title's highlight first when the title matched.
  const titleHighlight = edge.highlights.find((h) => stripMarks(h) === r.title);
  const snippets = edge.highlights.filter((h) => h !== titleHighlight);
  const kinds = [...new Set(r.meetings.map((m) => enumLabel(m.kind)))];
  return (
    <li class="hit">
      <h2>
        <a href={`/release/${encodeURIComponent(r.slug)}`}>{titleHighlight ? <Highlighted fragment={titleHighlight} /> : r.title}</a>
      </h2>
      <p class="meta">
        <time dateTime={r.publishedAt}>{formatDay(r.publishedAt)}</time>
        {r.dateline && (
          <>
            {' · '}
            {r.dateline.place}
            {r.dateline.country && `, ${r.dateline.country.name}`}
          </>
        )}
        {kinds.length > 0 && ` · ${kinds.join(', ')}`}
        {r.status === 'RETRACTED' && <span class="badge">Retracted</span>}
      </p>
      {snippets.map((h, i) => (
        <p class="snippet" key={i}>
          …<Highlighted fragment={h} />…
        </p>
      ))}
      {r.topics.length > 0 && (
        <ul class="tags" aria-label="Topics">
          {r.topics.slice(0, 4).map((t) => (
            <li key={t.slug}>{t.name}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The chips of the active filters, each with a button that removes it. */
function ActiveFilters({ state, facets, go }: { state: SearchState; facets?: SearchQuery['facets']; go: (s: SearchState) => void }) {
  if (!hasFilters(state)) return null;
  const labelOf = (facet: (typeof LIST_FACETS)[number]['facet'], value: string) =>
    facets?.[facet].options.find((o) => o.value === value)?.label ?? (facet === 'meetingKinds' ? enumLabel(value) : value);
  const country = state.selected.countries.length === 1 ? state.selected.countries[0] : null;
  return (
    <div class="active-filters">
      <h2 class="visually-hidden">Active filters</h2>
      <ul>
        {LIST_FACETS.flatMap(({ facet, one }) =>
          state.selected[facet].map((value) => {
            const label = labelOf(facet, value);
            return (
              <li key={`${facet}:${value}`}>
                <button type="button" class="chip" aria-label={`Remove filter ${one}: ${label}`} onClick={() => go(toggle(state, facet, value))}>
                  <span class="muted">{one}:</span> {label} <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          }),
        )}
        {state.when && (
          <li>
            <button type="button" class="chip" aria-label={`Remove filter When: ${state.when}`} onClick={() => go({ ...state, when: null })}>
              <span class="muted">When:</span> {state.when.length === 7 ? formatMonth(state.when) : state.when} <span aria-hidden="true">×</span>
            </button>
          </li>
        )}
        <li>
          <button type="button" class="link" onClick={() => go({ ...emptySearch(), q: state.q, sort: state.sort })}>
            Clear all filters
          </button>
        </li>
      </ul>
      {country && (
        <p>
          <a href={`/country/${encodeURIComponent(country)}`}>Country page of {labelOf('countries', country)}: partners and trend →</a>
        </p>
      )}
    </div>
  );
}

function NoResults({ state, go }: { state: SearchState; go: (s: SearchState) => void }) {
  if (!state.q && !hasFilters(state)) {
    return (
      <Empty title="The archive has no published releases yet.">
        <p>Editors add releases through the API; see the API guide's “Adding releases”.</p>
      </Empty>
    );
  }
  return (
    <Empty title={`No release matches ${state.q ? `“${state.q}”` : 'these filters'}${state.q && hasFilters(state) ? ' with these filters' : ''}.`}>
      <ul>
        {state.q && <li>Check the spelling, or use fewer or other words (a phrase in quotes must appear as written).</li>}
        {hasFilters(state) && (
          <li>
            Remove a filter above, or{' '}
            <button type="button" class="link" onClick={() => go({ ...emptySearch(), q: state.q })}>
              search without filters
            </button>
            .
          </li>
        )}
      </ul>
    </Empty>
  );
}

export function Search() {
  const { url, route } = useLocation();
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const state = parseSearch(query);
  const go = (next: SearchState) => route(searchUrl(next));
  const variables = { filter: toFilter(state), orderBy: toOrder(state), first: PAGE };
  const { data, error, loading, retry } = useQuery(SearchDocument, variables);
  const key = JSON.stringify(variables);

  const [text, setText] = useState(state.q);
  // Filters open beside the results on a wide screen, folded above them on a narrow one.
  const [wide] = useState(() => window.matchMedia('(min-width: 50rem)').matches);
  useEffect(() => setText(state.q), [state.q]);
  useEffect(() => {
    rememberSearch(searchUrl(state));
    document.title = `${state.q ? `“${state.q}” · ` : ''}Press releases · Reading room`;
  }, [key]);

  // Pages loaded with "More results", for the current search only.
  const [more, setMore] = useState<{ key: string; pages: ReleasePageFragment[]; loading: boolean; error?: ApiError }>({ key, pages: [], loading: false });
  const extra = more.key === key ? more : { key, pages: [], loading: false };
  const list = useRef<HTMLOListElement>(null);

  const first = data?.pressReleases;
  const last = extra.pages.at(-1) ?? first;
  const edges = first ? [first, ...extra.pages].flatMap((p) => p.edges) : [];

  async function loadMore() {
    if (!last?.pageInfo.endCursor) return;
    const shown = edges.length;
    setMore({ ...extra, loading: true, error: undefined });
    try {
      const page = await request(MoreResultsDocument, { ...variables, after: last.pageInfo.endCursor });
      // A page for a search the reader has since left is dropped by the key check above.
      setMore({ key, pages: [...extra.pages, page.pressReleases], loading: false });
      // Keyboard users continue where the new results begin.
      requestAnimationFrame(() => list.current?.querySelectorAll<HTMLAnchorElement>('.hit h2 a')[shown]?.focus());
    } catch (e) {
      setMore({ ...extra, loading: false, error: e instanceof ApiError ? e : new ApiError(String(e), 'ERROR') });
    }
  }

  const sort: Sort = state.sort ?? (state.q ? 'relevance' : 'newest');
  return (
    <div class="search-page">
      <form
        role="search"
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...state, q: text.trim() });
        }}
      >
        <label for="q">Search the releases</label>
        <div class="search-row">
          <input id="q" type="search" name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="q-hint" autocomplete="off" />
          <button type="submit">Search</button>
        </div>
        <p id="q-hint" class="muted">
          Words match any form (“meet” finds “meeting”). <code>"middle corridor"</code> for a phrase, <code>-armenia</code> to leave out,{' '}
          <code>cop29 or cica</code> for either.
        </p>
      </form>

      <ActiveFilters state={state} facets={data?.facets} go={go} />

      <div class="columns">
        <section class="results" aria-labelledby="results-heading" aria-busy={loading}>
          <div class="results-head">
            <h1 id="results-heading">{state.q ? <>Releases matching “{state.q}”</> : 'Press releases'}</h1>
            <p role="status" class="total">
              {first ? plural(first.totalCount, 'release') : ''}
              {loading && first ? ' (updating…)' : ''}
            </p>
            <label class="sort">
              Order{' '}
              <select value={sort} onChange={(e) => go({ ...state, sort: e.currentTarget.value as Sort })}>
                {state.q && <option value="relevance">Best match</option>}
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
              </select>
            </label>
          </div>
          {error && <ErrorNote error={error} what="The releases" retry={retry} />}
          {!data && !error && <Loading what="releases" />}
          {first && first.totalCount === 0 && !error && <NoResults state={state} go={go} />}
          {edges.length > 0 && (
            <ol class="hits" ref={list}>
              {edges.map((e) => (
                <Hit key={e.node.id} edge={e} />
              ))}
            </ol>
          )}
          {extra.error && <ErrorNote error={extra.error} what="More results" retry={loadMore} />}
          {last?.pageInfo.hasNextPage && !error && (
            <p class="more">
              <button type="button" onClick={loadMore} disabled={extra.loading}>
                {extra.loading ? 'Loading…' : 'More results'}
              </button>{' '}
              <span class="muted">
                {edges.length} of {first?.totalCount} shown
              </span>
            </p>
          )}
        </section>

        <aside class="filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading" class="visually-hidden">
            Filters
          </h2>
          <details open={wide}>
            <summary>Filters</summary>
            {data ? <FacetPanel facets={data.facets} state={state} go={go} busy={loading} /> : !error && <Loading what="filters" />}
          </details>
        </aside>
      </div>
    </div>
  );
}
