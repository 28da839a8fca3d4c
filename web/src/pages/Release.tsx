// A release: dateline, meetings with their participants, topics, initiatives, countries, the text.
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useQuery } from '../api';
import { ReleaseDocument, type CountryRefFragment, type ReleaseQuery } from '../generated/graphql';
import { enumLabel, formatDay, sideLabel } from '../format';
import { Empty, ErrorNote, Loading } from '../components/States';
import { searchBackLink } from '../navigation';

type Release = NonNullable<ReleaseQuery['pressRelease']>;

function CountryLink({ country }: { country: CountryRefFragment | null | undefined }) {
  if (!country) return <span class="muted">Not said</span>;
  return <a href={`/country/${country.code}`}>{country.name}</a>;
}

function Meeting({ meeting, index }: { meeting: Release['meetings'][number]; index: number }) {
  const id = `meeting-${index + 1}`;
  return (
    <section class="meeting" aria-labelledby={id}>
      <h3 id={id}>
        {enumLabel(meeting.kind)}
        <span class="muted">
          {' · '}
          <time dateTime={meeting.date}>{formatDay(meeting.date)}</time>
          {meeting.place && ` · ${meeting.place}`}
        </span>
      </h3>
      <div class="table-wrap">
        <table class="participants">
          <caption class="visually-hidden">Participants of the {enumLabel(meeting.kind).toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Country</th>
              <th scope="col">Side</th>
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={`/?person=${encodeURIComponent(p.person.id)}`} title={`Releases with ${p.person.name}`}>
                    {p.person.name}
                  </a>
                </th>
                <td>
                  {p.role}
                  <span class="muted role-kind"> ({enumLabel(p.roleKind)})</span>
                </td>
                <td>
                  <CountryLink country={p.country} />
                </td>
                <td>{sideLabel(p.side)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReleaseView({ r }: { r: Release }) {
  return (
    <article class="release">
      <header>
        <h1>{r.title}</h1>
        {r.dateline && (
          <p class="dateline">
            <span class="place">{r.dateline.place}</span>
            {r.dateline.country && (
              <>
                , <CountryLink country={r.dateline.country} />
              </>
            )}
            {r.dateline.date && (
              <>
                , <time dateTime={r.dateline.date}>{formatDay(r.dateline.date)}</time>
              </>
            )}
          </p>
        )}
        <p class="meta">
          Published <time dateTime={r.publishedAt}>{formatDay(r.publishedAt)}</time>
          {r.issuer && <> by the {r.issuer.name}</>}
          {r.source.name && (
            <>
              {' · source: '}
              {r.source.url ? (
                <a href={r.source.url} rel="noopener noreferrer external">
                  {r.source.name}
                </a>
              ) : (
                r.source.name
              )}
            </>
          )}
        </p>
        {r.status === 'RETRACTED' && (
          <p class="notice" role="note">
            <strong>Retracted.</strong> {r.retractionReason}
          </p>
        )}
      </header>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        {r.meetings.length === 0 ? (
          <p class="muted">The release reports no meeting (a statement or comment).</p>
        ) : (
          r.meetings.map((m, i) => <Meeting key={m.id} meeting={m} index={i} />)
        )}
      </section>

      <div class="release-lists">
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading">Topics</h2>
          {r.topics.length ? (
            <ul class="tags">
              {r.topics.map((t) => (
                <li key={t.slug}>
                  <a href={`/?topic=${encodeURIComponent(t.slug)}`}>{t.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None recognised.</p>
          )}
        </section>
        <section aria-labelledby="initiatives-heading">
          <h2 id="initiatives-heading">Initiatives</h2>
          {r.initiatives.length ? (
            <ul>
              {r.initiatives.map((i) => (
                <li key={i.id}>
                  <a href={`/?initiative=${encodeURIComponent(i.id)}`}>{i.name}</a>
                  {i.acronym && ` (${i.acronym})`} <span class="muted">{enumLabel(i.kind).toLowerCase()}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None named.</p>
          )}
        </section>
        <section aria-labelledby="countries-heading">
          <h2 id="countries-heading">Countries</h2>
          <ul class="tags">
            {r.countries.map((c) => (
              <li key={c.code}>
                <CountryLink country={c} />
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="text-heading" class="body">
        <h2 id="text-heading">Text</h2>
        {r.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>

      {r.related.length > 0 && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Related releases</h2>
          <ul>
            {r.related.map((x) => (
              <li key={x.slug}>
                <a href={`/release/${encodeURIComponent(x.slug)}`}>{x.title}</a> <span class="muted">{formatDay(x.publishedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

export function Release() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  const { data, error, loading, retry } = useQuery(ReleaseDocument, { slug });
  const release = !loading ? data?.pressRelease : undefined;
  useEffect(() => {
    if (release) document.title = `${release.title} · Reading room`;
    else if (!loading) document.title = 'Release not found · Reading room';
  }, [release, loading]);

  return (
    <div class="release-page">
      <p class="back">
        <a href={searchBackLink()}>← Back to the search</a>
      </p>
      {error ? (
        <ErrorNote error={error} what="The release" retry={retry} />
      ) : loading ? (
        <Loading what="the release" />
      ) : release ? (
        <ReleaseView r={release} />
      ) : (
        <>
          <h1>No release at this address</h1>
          <Empty title={`No published release has the slug “${slug}”.`}>
            <p>It may have been deleted, or the link is mistyped: search for it by its words instead.</p>
          </Empty>
        </>
      )}
    </div>
  );
}
