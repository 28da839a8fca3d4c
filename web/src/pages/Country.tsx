// A country: how many releases involve it and when (a trend chart), the countries it meets with.
import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { useQuery } from '../api';
import { CountryDocument, type TrendInterval } from '../generated/graphql';
import { formatDay, plural } from '../format';
import { Empty, ErrorNote, Loading } from '../components/States';
import { TrendChart } from '../components/TrendChart';

export function Country() {
  const { params } = useRoute();
  const { query } = useLocation();
  const code = (params.code ?? '').toUpperCase();
  const interval: TrendInterval = query.by === 'year' ? 'YEAR' : 'MONTH';
  const { data, error, loading, retry } = useQuery(CountryDocument, { code, interval, filter: { countries: [code] } });
  const country = !loading ? data?.country : undefined;
  useEffect(() => {
    if (country) document.title = `${country.name} · Reading room`;
    else if (!loading) document.title = 'Country not found · Reading room';
  }, [country, loading]);

  if (error) return <ErrorNote error={error} what="The country" retry={retry} />;
  if (loading) return <Loading what="the country" />;
  if (!country) {
    return (
      <>
        <h1>No country with the code “{code}”</h1>
        <Empty title="Country pages are addressed by ISO 3166-1 alpha-2 code, such as /country/AZ.">
          <p>
            <a href="/countries">All countries the releases involve</a>
          </p>
        </Empty>
      </>
    );
  }

  const releases = country.pressReleases;
  const trend = data!.trend;
  return (
    <article class="country">
      <header>
        <h1>{country.name}</h1>
        {country.officialName && country.officialName !== country.name && <p class="muted">{country.officialName}</p>}
        <p>
          {releases.totalCount > 0 ? (
            <a href={`/?country=${country.code}`}>{plural(releases.totalCount, 'release')} involve {country.name} →</a>
          ) : (
            `No published release involves ${country.name} yet.`
          )}
        </p>
      </header>

      <section aria-labelledby="trend-heading">
        <div class="section-head">
          <h2 id="trend-heading">Releases over time</h2>
          <nav aria-label="Period of the chart" class="toggle">
            <a href={`/country/${country.code}`} aria-current={interval === 'MONTH' ? 'true' : undefined}>
              By month
            </a>
            <a href={`/country/${country.code}?by=year`} aria-current={interval === 'YEAR' ? 'true' : undefined}>
              By year
            </a>
          </nav>
        </div>
        {trend.length ? (
          <TrendChart points={trend} title={`Releases involving ${country.name}, by ${interval === 'YEAR' ? 'year' : 'month'}`} />
        ) : (
          <p class="muted">No release to count.</p>
        )}
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">Partners</h2>
        {country.partners.length === 0 ? (
          <p class="muted">No meeting with another country is recorded yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="partners">
              <caption class="visually-hidden">Countries {country.name} meets with, most meetings first</caption>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col" class="num">
                    Meetings
                  </th>
                  <th scope="col">Last met</th>
                  <th scope="col">Most discussed</th>
                </tr>
              </thead>
              <tbody>
                {country.partners.map((p) => (
                  <tr key={p.country.code}>
                    <th scope="row">
                      <a href={`/country/${p.country.code}`}>{p.country.name}</a>
                    </th>
                    <td class="num">{p.meetingCount}</td>
                    <td>
                      <time dateTime={p.lastMeeting}>{formatDay(p.lastMeeting)}</time>
                    </td>
                    <td>{p.topTopics.map((t) => t.name).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {releases.edges.length > 0 && (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest releases</h2>
          <ul>
            {releases.edges.map(({ node }) => (
              <li key={node.slug}>
                <a href={`/release/${encodeURIComponent(node.slug)}`}>{node.title}</a> <span class="muted">{formatDay(node.publishedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
