-- A narrow copy of what filters, facets and search counts read of a release, kept by triggers, and
-- an index that answers a search without reading word positions.
--
-- release_narrow holds one row per release: status, date, language, issuer, the link arrays and
-- `match`, the release's lexemes plus every pair of lexemes that stand side by side ('middl
-- corridor'), without positions. On 100,000 releases press_release spans 7,700 heap pages (a row
-- with its toast pointers, texts and arrays), this table about 1,300, so a count or a facet over
-- tens of thousands of matching releases visits a sixth of the pages. A statement-level trigger on
-- press_release (insert, update, delete, truncate) keeps it equal to press_release: rows inserted,
-- deleted, and rewritten when one of its columns changed (`match` recomputed only when the search
-- vector changed). The link-array triggers update press_release, so they reach it too.
--
-- A phrase ("middle corridor", the tsquery 'middl' <-> 'corridor') needs word positions: the GIN
-- index of the search vector only finds candidates with both words, and each is rechecked against
-- its vector read from TOAST (phrase + country: 4 s at 10 connections on 100,000 releases). In
-- `match` a two-word phrase is one lexeme: the index answers it exactly. search_match_query turns a
-- search into a query over `match` (two-word phrases as pairs, longer ones and other distances as
-- the pairs and words they need), and search_match_exact says whether that query alone is the answer
-- or only narrows it (the caller then also tests the search vector). Both are immutable, so with
-- constant arguments the planner evaluates them once and folds `exact OR recheck` away.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

-- Exact pairs for any vector: every lexeme at position p with every lexeme at p + 1.
CREATE FUNCTION search_match_vector_any(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT array_to_tsvector(tsvector_to_array(v) || ARRAY(
    SELECT DISTINCT x.l || '' '' || n FROM (
      SELECT u.lexeme AS l, array_agg(u.lexeme) OVER (ORDER BY p::int RANGE BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS ns
      FROM unnest(v) u, unnest(u.positions) p) x, unnest(x.ns) n))
';

-- The lexemes of a search vector and its side-by-side pairs, without positions. The built-in
-- configurations give each position one lexeme: the next lexeme in position order is the only
-- neighbour (twice as fast as the general form above, which a vector with two lexemes at one
-- position gets). Pairs are read from the stored positions, so they are the pairs a phrase
-- query matches, a title's last word and the body's first included.
CREATE FUNCTION search_match_vector(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS E'
  SELECT CASE WHEN bool_or(x.np = x.p) THEN search_match_vector_any(v)
    ELSE array_to_tsvector(tsvector_to_array(v) || coalesce(array_agg(DISTINCT x.l || '' '' || x.nl) FILTER (WHERE x.np = x.p + 1), ''{}'')) END
  FROM (SELECT u.lexeme AS l, p, lead(u.lexeme) OVER w AS nl, lead(p) OVER w AS np
        FROM unnest(v) u, unnest(u.positions) p WINDOW w AS (ORDER BY p)) x
';

-- A tsquery (as Postgres prints it) read with operator precedence (! over <-> over & over |) into
-- the query over `match` that every matching release satisfies (rq, NULL when none can be written,
-- e.g. a lone negation of a phrase) and whether rq matches exactly the releases the query does.
-- A phrase of two plain lexemes at distance 1 is its pair, exactly. A longer phrase or another
-- distance needs the pairs and words of its parts (not exact). Under a phrase an operand with a
-- negation constrains nothing (positions decide), and a negation of an inexact part neither.
-- Prefix and weight marks (which websearch_to_tsquery never writes) give NULL.
CREATE FUNCTION search_match_plan(q tsquery, OUT rq text, OUT exact boolean)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS E'
DECLARE
  toks text[]\073
  t text\073
  i int\073
  s_rq text[] := ''{}''\073
  s_ex boolean[] := ''{}''\073
  s_lx text[] := ''{}''\073
  s_nt boolean[] := ''{}''\073
  ops text[] := ARRAY[''('']\073
  n int\073
  op text\073
  prio int\073
BEGIN
  rq := NULL\073
  exact := false\073
  toks := ARRAY(SELECT m[1] FROM regexp_matches(q::text, $re$(''(?:[^''\\\\]|''''|\\\\.)*''(?::[*A-D]+)?|<->|<[0-9]+>|[&|!()])$re$, ''g'') m)\073
  IF cardinality(toks) = 0 THEN
    RETURN\073
  END IF\073
  toks := toks || '')''::text\073
  i := 1\073
  WHILE i <= cardinality(toks) LOOP
    t := toks[i]\073
    IF left(t, 1) = '''''''' THEN
      IF right(t, 1) <> '''''''' THEN
        RETURN\073
      END IF\073
      s_rq := s_rq || t\073
      s_ex := s_ex || true\073
      s_lx := s_lx || t\073
      s_nt := s_nt || false\073
    ELSIF t = ''('' OR t = ''!'' THEN
      ops := ops || t\073
    ELSE
      prio := CASE WHEN t = '')'' THEN 0 WHEN t = ''|'' THEN 1 WHEN t = ''&'' THEN 2 ELSE 3 END\073
      LOOP
        n := cardinality(ops)\073
        op := ops[n]\073
        EXIT WHEN op = ''(''\073
        EXIT WHEN op <> ''!'' AND (CASE WHEN op = ''|'' THEN 1 WHEN op = ''&'' THEN 2 ELSE 3 END) < prio\073
        ops := ops[1:n-1]\073
        n := cardinality(s_rq)\073
        IF op = ''!'' THEN
          s_rq[n] := CASE WHEN s_ex[n] THEN ''!('' || s_rq[n] || '')'' END\073
          s_ex[n] := s_ex[n]\073
          s_lx[n] := NULL\073
          s_nt[n] := true\073
        ELSE
          IF op = ''&'' THEN
            s_rq[n-1] := CASE WHEN s_rq[n-1] IS NULL THEN s_rq[n] WHEN s_rq[n] IS NULL THEN s_rq[n-1]
                              ELSE ''('' || s_rq[n-1] || '' & '' || s_rq[n] || '')'' END\073
            s_ex[n-1] := s_ex[n-1] AND s_ex[n]\073
          ELSIF op = ''|'' THEN
            s_rq[n-1] := CASE WHEN s_rq[n-1] IS NULL OR s_rq[n] IS NULL THEN NULL
                              ELSE ''('' || s_rq[n-1] || '' | '' || s_rq[n] || '')'' END\073
            s_ex[n-1] := s_ex[n-1] AND s_ex[n]\073
          ELSIF op = ''<->'' AND s_lx[n-1] IS NOT NULL AND s_lx[n] IS NOT NULL THEN
            s_rq[n-1] := left(s_lx[n-1], -1) || '' '' || right(s_lx[n], -1)\073
            s_ex[n-1] := true\073
          ELSE
            s_rq[n-1] := CASE
              WHEN s_nt[n-1] OR s_rq[n-1] IS NULL THEN CASE WHEN s_nt[n] THEN NULL ELSE s_rq[n] END
              WHEN s_nt[n] OR s_rq[n] IS NULL THEN s_rq[n-1]
              ELSE ''('' || s_rq[n-1] || '' & '' || s_rq[n] || '')'' END\073
            s_ex[n-1] := false\073
          END IF\073
          s_lx[n-1] := NULL\073
          s_nt[n-1] := s_nt[n-1] OR s_nt[n]\073
          s_rq := s_rq[1:n-1]\073
          s_ex := s_ex[1:n-1]\073
          s_lx := s_lx[1:n-1]\073
          s_nt := s_nt[1:n-1]\073
        END IF\073
      END LOOP\073
      IF t = '')'' THEN
        ops := ops[1:cardinality(ops)-1]\073
        s_lx[cardinality(s_lx)] := NULL\073
      ELSE
        ops := ops || t\073
      END IF\073
    END IF\073
    i := i + 1\073
  END LOOP\073
  rq := s_rq[1]\073
  exact := coalesce(s_ex[1], false) AND rq IS NOT NULL\073
END
';

CREATE FUNCTION search_match_query(cfg regconfig, search text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT (search_match_plan(websearch_to_tsquery(cfg, search))).rq::tsquery
';

CREATE FUNCTION search_match_exact(cfg regconfig, search text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT coalesce((search_match_plan(websearch_to_tsquery(cfg, search))).exact, false)
';

-- `match` as the index sees it. The identity, but a function the planner prices at 10,000
-- operators a call: reading `match` row by row means reading it from TOAST, which the planner does
-- not price at all, and it then scanned the table or walked the date index testing every row's
-- `match` (12,500 reads from TOAST for a phrase and a country) where the index's bitmap answers.
-- At this price it tests rows only when few are read (a common word's newest 1,000 by date).
CREATE FUNCTION search_match(v tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS E'
BEGIN
  RETURN v\073
END
';

CREATE TABLE "release_narrow" (
  "id" INTEGER PRIMARY KEY,
  "status" "ReleaseStatus" NOT NULL,
  "published_at" TIMESTAMPTZ(3) NOT NULL,
  "language" TEXT NOT NULL,
  "issuer_country_code" CHAR(2),
  "topic_ids" INTEGER[] NOT NULL,
  "country_codes" CHAR(2)[] NOT NULL,
  "initiative_ids" INTEGER[] NOT NULL,
  "person_ids" INTEGER[] NOT NULL,
  "meeting_kinds" "MeetingKind"[] NOT NULL,
  "match" tsvector NOT NULL
) WITH (toast_tuple_target = 128, parallel_workers = 0);
-- No parallel scans: the search's costed `match` made whole-table counts look worth two workers,
-- which on a server answering ten requests at once only adds work.
-- `match` out of line (only its index is read), the arrays in the row (facets count them).
ALTER TABLE "release_narrow"
  ALTER COLUMN "match" SET STORAGE EXTERNAL,
  ALTER COLUMN "topic_ids" SET STORAGE MAIN,
  ALTER COLUMN "country_codes" SET STORAGE MAIN,
  ALTER COLUMN "initiative_ids" SET STORAGE MAIN,
  ALTER COLUMN "person_ids" SET STORAGE MAIN,
  ALTER COLUMN "meeting_kinds" SET STORAGE MAIN;

CREATE FUNCTION release_narrow_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    DELETE FROM release_narrow n USING old_rows o WHERE n.id = o.id\073
  ELSIF TG_OP = ''INSERT'' THEN
    INSERT INTO release_narrow (id, status, published_at, language, issuer_country_code, topic_ids, country_codes,
      initiative_ids, person_ids, meeting_kinds, match)
    SELECT w.id, w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
      w.initiative_ids, w.person_ids, w.meeting_kinds, search_match_vector(w.search_vector)
    FROM new_rows w\073
  ELSE
    -- A release whose id changed leaves its old row.
    DELETE FROM release_narrow n USING old_rows o
    WHERE n.id = o.id AND NOT EXISTS (SELECT 1 FROM new_rows w WHERE w.id = o.id)\073
    -- The new row of each release whose narrow columns changed\073 `match` only when its text did.
    INSERT INTO release_narrow AS n (id, status, published_at, language, issuer_country_code, topic_ids, country_codes,
      initiative_ids, person_ids, meeting_kinds, match)
    SELECT w.id, w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
      w.initiative_ids, w.person_ids, w.meeting_kinds,
      CASE WHEN o.id IS NOT NULL AND o.search_vector IS NOT DISTINCT FROM w.search_vector AND m.match IS NOT NULL
           THEN m.match ELSE search_match_vector(w.search_vector) END
    FROM new_rows w
    LEFT JOIN old_rows o ON o.id = w.id
    LEFT JOIN release_narrow m ON m.id = w.id
    WHERE o.id IS NULL OR m.id IS NULL
       OR (o.status, o.published_at, o.language, o.issuer_country_code, o.topic_ids, o.country_codes, o.initiative_ids,
           o.person_ids, o.meeting_kinds)
          IS DISTINCT FROM (w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
           w.initiative_ids, w.person_ids, w.meeting_kinds)
       OR o.search_vector IS DISTINCT FROM w.search_vector
    ON CONFLICT (id) DO UPDATE SET
      status = excluded.status, published_at = excluded.published_at, language = excluded.language,
      issuer_country_code = excluded.issuer_country_code, topic_ids = excluded.topic_ids,
      country_codes = excluded.country_codes, initiative_ids = excluded.initiative_ids,
      person_ids = excluded.person_ids, meeting_kinds = excluded.meeting_kinds, match = excluded.match\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_narrow_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE release_narrow\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_narrow_inserted AFTER INSERT ON "press_release"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_changed();
CREATE TRIGGER release_narrow_updated AFTER UPDATE ON "press_release"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_changed();
CREATE TRIGGER release_narrow_deleted AFTER DELETE ON "press_release"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_changed();
CREATE TRIGGER release_narrow_truncated AFTER TRUNCATE ON "press_release"
  FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_truncated();

-- Reads see this table, so its writes notify the change feed like every other table's (they come
-- from press_release's writes, which notify already: the notifications of one transaction fold).
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_narrow"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- The releases already stored (about 1 ms each: the pairs are read from every vector).
INSERT INTO release_narrow (id, status, published_at, language, issuer_country_code, topic_ids, country_codes,
  initiative_ids, person_ids, meeting_kinds, match)
SELECT id, status, published_at, language, issuer_country_code, topic_ids, country_codes, initiative_ids, person_ids,
  meeting_kinds, search_match_vector(search_vector)
FROM press_release;

CREATE INDEX "release_narrow_match_idx" ON "release_narrow" USING GIN (search_match("match"));
CREATE INDEX "release_narrow_topic_ids_idx" ON "release_narrow" USING GIN ("topic_ids");
CREATE INDEX "release_narrow_country_codes_idx" ON "release_narrow" USING GIN ("country_codes");
CREATE INDEX "release_narrow_initiative_ids_idx" ON "release_narrow" USING GIN ("initiative_ids");
CREATE INDEX "release_narrow_person_ids_idx" ON "release_narrow" USING GIN ("person_ids");
CREATE INDEX "release_narrow_meeting_kinds_idx" ON "release_narrow" USING GIN ("meeting_kinds");
CREATE INDEX "release_narrow_status_published_at_id_idx" ON "release_narrow" ("status", "published_at" DESC, "id" DESC);
CREATE INDEX "release_narrow_issuer_country_code_idx" ON "release_narrow" ("issuer_country_code");

VACUUM (ANALYZE) "release_narrow";
