// Loads the reference data (countries, topic taxonomy) into the database. Idempotent: a second
// run writes nothing; aliases added by admins are kept.
import type { Db } from '../db/client';
import { loadCountries, loadTopics } from '../reference';

export async function loadReferenceData(db: Db): Promise<{ countries: number; topics: number }> {
  const countries = loadCountries();
  const topics = loadTopics();
  const c = await db.$executeRaw`
    INSERT INTO country (code, name, official_name, aliases, demonyms)
    SELECT r.code, r.name, r.official_name,
      ARRAY(SELECT jsonb_array_elements_text(r.aliases::jsonb)),
      ARRAY(SELECT jsonb_array_elements_text(r.demonyms::jsonb))
    FROM unnest(${countries.map((x) => x.code)}::text[], ${countries.map((x) => x.name)}::text[],
      ${countries.map((x) => x.officialName)}::text[],
      ${countries.map((x) => JSON.stringify(x.aliases))}::text[], ${countries.map((x) => JSON.stringify(x.demonyms))}::text[])
      AS r(code, name, official_name, aliases, demonyms)
    ON CONFLICT (code) DO UPDATE SET
      name = EXCLUDED.name,
      official_name = EXCLUDED.official_name,
      aliases = country.aliases || ARRAY(SELECT unnest(EXCLUDED.aliases) EXCEPT SELECT unnest(country.aliases)),
      demonyms = country.demonyms || ARRAY(SELECT unnest(EXCLUDED.demonyms) EXCEPT SELECT unnest(country.demonyms))
    WHERE country.name IS DISTINCT FROM EXCLUDED.name
      OR country.official_name IS DISTINCT FROM EXCLUDED.official_name
      OR NOT country.aliases @> EXCLUDED.aliases
      OR NOT country.demonyms @> EXCLUDED.demonyms`;
  const t = await db.$executeRaw`
    INSERT INTO topic (slug, name, description, position)
    SELECT * FROM unnest(${topics.map((x) => x.slug)}::text[], ${topics.map((x) => x.name)}::text[],
      ${topics.map((x) => x.description)}::text[], ${topics.map((_, i) => i)}::int[])
    ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, position = EXCLUDED.position
    WHERE (topic.name, topic.description, topic.position) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.position)`;
  return { countries: c, topics: t };
}
