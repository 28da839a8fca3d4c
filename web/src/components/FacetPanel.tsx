// Facet filters with counts. Each facet ignores its own filter field (the API's rule), so the other
// options of a facet stay visible; checking one narrows the results and every other facet's counts.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { FacetCountsFragment } from '../generated/graphql';
import { formatMonth, shortPeriod } from '../format';
import { LIST_FACETS, toggle, yearsOf, type ListFacet, type SearchState } from '../search-state';

/** Options shown before "Show all". */
const SHOWN = 8;

type Facets = Record<ListFacet | 'months', FacetCountsFragment>;

function Count({ n }: { n: number }) {
  return (
    <span class="count">
      <span class="visually-hidden">(</span>
      {n}
      <span class="visually-hidden"> {n === 1 ? 'release' : 'releases'})</span>
    </span>
  );
}

interface Option {
  value: string;
  label: string;
  count: number;
}

function Options({ name, options, isChecked, onToggle }: { name: string; options: Option[]; isChecked: (v: string) => boolean; onToggle: (v: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? options : options.filter((o, i) => i < SHOWN || isChecked(o.value));
  return (
    <>
      <ul class="options">
        {shown.map((o) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" name={name} value={o.value} checked={isChecked(o.value)} onChange={() => onToggle(o.value)} />
              <span class="label">{o.label}</span>
              <Count n={o.count} />
            </label>
          </li>
        ))}
      </ul>
      {options.length > shown.length || all ? (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${options.length}`}
        </button>
      ) : null}
    </>
  );
}

function When({ months, state, go }: { months: Option[]; state: SearchState; go: (s: SearchState) => void }) {
  const year = state.when?.slice(0, 4) ?? null;
  const monthsOfYear = months.filter((m) => m.value.startsWith(`${year}-`));
  return (
    <fieldset class="facet">
      <legend>When</legend>
      <ul class="options">
        {yearsOf(months).map((y) => (
          <li key={y.value}>
            <label>
              <input type="checkbox" name="when" value={y.value} checked={year === y.value} onChange={() => go({ ...state, when: year === y.value ? null : y.value })} />
              <span class="label">{y.value}</span>
              <Count n={y.count} />
            </label>
            {year === y.value && monthsOfYear.length > 1 && (
              <ul class="options nested" aria-label={`Months of ${y.value}`}>
                {monthsOfYear.map((m) => (
                  <li key={m.value}>
                    <label>
                      <input
                        type="checkbox"
                        name="when"
                        value={m.value}
                        checked={state.when === m.value}
                        onChange={() => go({ ...state, when: state.when === m.value ? y.value : m.value })}
                      />
                      <span class="label" title={formatMonth(m.value)}>
                        {shortPeriod(m.value)}
                      </span>
                      <Count n={m.count} />
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function FacetPanel({ facets, state, go, busy }: { facets: Facets; state: SearchState; go: (s: SearchState) => void; busy: boolean }) {
  return (
    <div class="facets" aria-busy={busy}>
      {LIST_FACETS.map(({ facet, heading }) => {
        const options = facets[facet].options;
        // Time comes after the meeting kinds: what, where, how, when, then who.
        const when = facet === 'meetingKinds' && facets.months.options.length > 0 && <When months={facets.months.options} state={state} go={go} />;
        if (!options.length && !state.selected[facet].length) return when || null;
        return (
          <Fragment key={facet}>
            <fieldset class="facet">
              <legend>{heading}</legend>
              <Options name={facet} options={options} isChecked={(v) => state.selected[facet].includes(v)} onToggle={(v) => go(toggle(state, facet, v))} />
            </fieldset>
            {when}
          </Fragment>
        );
      })}
    </div>
  );
}
