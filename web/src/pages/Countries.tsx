// The countries the releases involve, each with its count: the way into the country pages.
import { useEffect } from 'preact/hooks';
import { useQuery } from '../api';
import { CountriesDocument } from '../generated/graphql';
import { Empty, ErrorNote, Loading } from '../components/States';

export function Countries() {
  const { data, error, loading, retry } = useQuery(CountriesDocument, {});
  useEffect(() => {
    document.title = 'Countries · Reading room';
  }, []);
  const countries = data ? [...data.facets.countries.options].sort((a, b) => a.label.localeCompare(b.label)) : [];
  return (
    <>
      <h1>Countries</h1>
      <p class="muted">Every country a published release involves, with how many releases. Each page shows its partners and a trend.</p>
      {error ? (
        <ErrorNote error={error} what="The countries" retry={retry} />
      ) : loading && !data ? (
        <Loading what="countries" />
      ) : countries.length === 0 ? (
        <Empty title="No published release involves a country yet." />
      ) : (
        <ul class="country-list">
          {countries.map((c) => (
            <li key={c.value}>
              <a href={`/country/${c.value}`}>{c.label}</a> <span class="count">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
