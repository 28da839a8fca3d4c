-- Full-text search over releases (hand-written: Prisma cannot declare generated tsvector columns).
-- The language of a release selects its text-search configuration, English by default.
CREATE FUNCTION search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(lang, 'en'), '-', 1))
    WHEN 'fr' THEN 'french'::regconfig
    WHEN 'de' THEN 'german'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig
    WHEN 'it' THEN 'italian'::regconfig
    WHEN 'pt' THEN 'portuguese'::regconfig
    WHEN 'ru' THEN 'russian'::regconfig
    WHEN 'tr' THEN 'turkish'::regconfig
    WHEN 'nl' THEN 'dutch'::regconfig
    ELSE 'english'::regconfig
  END
$$;

-- Title weighs above body (A over B) in ranking.
ALTER TABLE "press_release" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(search_config("language"), coalesce("title", '')), 'A') ||
  setweight(to_tsvector(search_config("language"), coalesce("body", '')), 'B')
) STORED;

CREATE INDEX "press_release_search_vector_idx" ON "press_release" USING GIN ("search_vector");
