-- Facet counts kept up to date, so the facets of the whole archive and of one topic are a read of a
-- few thousand small rows instead of a count over tens of thousands of releases (on 100,000
-- releases the seven facets of the whole archive took 1.1 s alone, those of one topic 0.6 s).
--
-- A row adds `n` releases of status `status` to option `key` of facet `facet` over a slice of the
-- archive: `topic_id` 0 is the whole archive, any other the releases about that topic (for every
-- facet but topics: a filter on one topic leaves the topics facet out). Key '' counts the releases
-- with no value (a facet's `missing`). Months are 'YYYY-MM' in UTC, ids and codes as text.
--
-- The table is a log of changes, not one row per option: each statement that inserts, updates or
-- deletes releases appends its net change per (slice, facet, status, key), so concurrent writers
-- never wait on one another's rows (one row per option would have every ingest lock the same rows
-- and deadlock two that take them in different statements). A reader sums the rows of its options.
-- Now and then (about once per as many appended rows as the folded log holds) a writer folds the
-- log into one row per option (release_facet_count_compact): it
-- deletes the rows it sees and inserts their sums in one statement, so the totals never change,
-- and an advisory lock lets one writer at a time do it.
--
-- release_cube_count counts releases per topic, country and month (a cell per topic and country
-- of the release, topic -1 and country '*' for any, topic 0 and country '' for none), so that the
-- topics, countries and months facets of a filter of at most one topic, one country and whole
-- months (a drill-down: a topic, then a country, then a year) are sums of a few hundred cells.
-- The cells of one topic or one country are exact: a release is in each of them once.
--
-- The link arrays (migration release_link_arrays) reach press_release through UPDATE statements of
-- their own triggers, so a change of a link counts here too. Function bodies are escape strings
-- with each semicolon written as the octal escape 073 (the migration runner splits at semicolons).

CREATE TABLE "release_facet_count" (
  "topic_id" INTEGER NOT NULL,
  "facet" TEXT NOT NULL,
  "status" "ReleaseStatus" NOT NULL,
  "key" TEXT NOT NULL,
  "n" INTEGER NOT NULL
);
CREATE INDEX "release_facet_count_slice_idx" ON "release_facet_count" ("topic_id", "facet", "status") INCLUDE ("key", "n");

CREATE TABLE "release_cube_count" (
  "topic_id" INTEGER NOT NULL,
  "country_code" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "status" "ReleaseStatus" NOT NULL,
  "n" INTEGER NOT NULL
);
CREATE INDEX "release_cube_count_country_idx" ON "release_cube_count" ("country_code", "month") INCLUDE ("topic_id", "status", "n");
CREATE INDEX "release_cube_count_topic_idx" ON "release_cube_count" ("topic_id", "month") INCLUDE ("country_code", "status", "n");

-- What a release contributes: its status, facet columns, and +1 or -1.
CREATE TYPE "release_facet_source" AS (
  "sign" INTEGER,
  "status" "ReleaseStatus",
  "issuer_country_code" CHAR(2),
  "published_at" TIMESTAMPTZ(3),
  "topic_ids" INTEGER[],
  "country_codes" CHAR(2)[],
  "initiative_ids" INTEGER[],
  "person_ids" INTEGER[],
  "meeting_kinds" "MeetingKind"[],
  -- The facets whose options may have changed (an update of some link arrays only), null for all.
  "emit" TEXT[]
);

-- Folds the log into one row per option. The DELETE reads committed rows (and this transaction's
-- own): rows other transactions add meanwhile stay as they are, so every release is counted once.
CREATE FUNCTION release_facet_count_compact() RETURNS void LANGUAGE sql AS '
  WITH gone AS (DELETE FROM release_facet_count RETURNING topic_id, facet, status, key, n)
  INSERT INTO release_facet_count (topic_id, facet, status, key, n)
  SELECT topic_id, facet, status, key, sum(n)::int FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
';
CREATE FUNCTION release_cube_count_compact() RETURNS void LANGUAGE sql AS '
  WITH gone AS (DELETE FROM release_cube_count RETURNING topic_id, country_code, month, status, n)
  INSERT INTO release_cube_count (topic_id, country_code, month, status, n)
  SELECT topic_id, country_code, month, status, sum(n)::int FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
';

-- Appends the net change of `src`, then folds a log about once per as many appended rows as it
-- holds folded (at least 20,000), so folding costs each appended row about one row of work.
CREATE FUNCTION release_facet_count_add(src release_facet_source[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  added INTEGER\073
BEGIN
  INSERT INTO release_facet_count (topic_id, facet, status, key, n)
  SELECT s.topic_id, f.facet, r.status, f.key, sum(r.sign)::int
  FROM unnest(src) r
  CROSS JOIN LATERAL (SELECT * FROM (
    SELECT ''topics'', k::text FROM unnest(r.topic_ids) k
    UNION ALL SELECT ''topics'', '''' WHERE cardinality(r.topic_ids) = 0
    UNION ALL SELECT ''countries'', k::text FROM unnest(r.country_codes) k
    UNION ALL SELECT ''countries'', '''' WHERE cardinality(r.country_codes) = 0
    UNION ALL SELECT ''initiatives'', k::text FROM unnest(r.initiative_ids) k
    UNION ALL SELECT ''initiatives'', '''' WHERE cardinality(r.initiative_ids) = 0
    UNION ALL SELECT ''people'', k::text FROM unnest(r.person_ids) k
    UNION ALL SELECT ''people'', '''' WHERE cardinality(r.person_ids) = 0
    UNION ALL SELECT ''meetingKinds'', k::text FROM unnest(r.meeting_kinds) k
    UNION ALL SELECT ''meetingKinds'', '''' WHERE cardinality(r.meeting_kinds) = 0
    UNION ALL SELECT ''issuers'', coalesce(r.issuer_country_code::text, '''')
    UNION ALL SELECT ''months'', to_char(r.published_at AT TIME ZONE ''UTC'', ''YYYY-MM'')
  ) u(facet, key) WHERE r.emit IS NULL OR u.facet = ANY(r.emit)) f(facet, key)
  CROSS JOIN LATERAL (SELECT 0 UNION ALL SELECT unnest(r.topic_ids)) s(topic_id)
  WHERE s.topic_id = 0 OR f.facet <> ''topics''
  GROUP BY 1, 2, 3, 4
  HAVING sum(r.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * greatest(20000, (SELECT reltuples FROM pg_class WHERE oid = ''release_facet_count''::regclass)) < added
     AND pg_try_advisory_xact_lock(hashtext(''release_facet_count_compact'')) THEN
    PERFORM release_facet_count_compact()\073
  END IF\073

  INSERT INTO release_cube_count (topic_id, country_code, month, status, n)
  SELECT t, c, to_char(r.published_at AT TIME ZONE ''UTC'', ''YYYY-MM''), r.status, sum(r.sign)::int
  FROM unnest(src) r
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.topic_ids) = 0 THEN ARRAY[-1, 0] ELSE array_prepend(-1, r.topic_ids) END) t
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.country_codes) = 0 THEN ARRAY[''*'', ''''] ELSE array_prepend(''*'', r.country_codes::text[]) END) c
  WHERE (r.emit IS NULL OR r.emit && ARRAY[''countries'', ''months'']) AND NOT (t = -1 AND c = ''*'')
  GROUP BY 1, 2, 3, 4
  HAVING sum(r.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * greatest(20000, (SELECT reltuples FROM pg_class WHERE oid = ''release_cube_count''::regclass)) < added
     AND pg_try_advisory_xact_lock(hashtext(''release_cube_count_compact'')) THEN
    PERFORM release_cube_count_compact()\073
  END IF\073
END
';

-- An UPDATE counts only the releases whose facet columns changed: the old values out, the new in,
-- and when neither status nor topics changed, only the facets whose columns did (a statement of the
-- link-array triggers changes one array of each release it touches).
CREATE FUNCTION release_facet_rows_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM release_facet_count_add(ARRAY(
      SELECT ROW(1, n.status, n.issuer_country_code, n.published_at, n.topic_ids, n.country_codes, n.initiative_ids,
                 n.person_ids, n.meeting_kinds, NULL)::release_facet_source FROM new_rows n))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM release_facet_count_add(ARRAY(
      SELECT ROW(-1, o.status, o.issuer_country_code, o.published_at, o.topic_ids, o.country_codes, o.initiative_ids,
                 o.person_ids, o.meeting_kinds, NULL)::release_facet_source FROM old_rows o))\073
  ELSE
    PERFORM release_facet_count_add(ARRAY(
      WITH pairs AS (
        SELECT o.status AS o_status, o.issuer_country_code AS o_issuer, o.published_at AS o_at, o.topic_ids AS o_topics,
               o.country_codes AS o_countries, o.initiative_ids AS o_initiatives, o.person_ids AS o_people, o.meeting_kinds AS o_kinds,
               n.status AS n_status, n.issuer_country_code AS n_issuer, n.published_at AS n_at, n.topic_ids AS n_topics,
               n.country_codes AS n_countries, n.initiative_ids AS n_initiatives, n.person_ids AS n_people, n.meeting_kinds AS n_kinds,
               CASE WHEN (o.status, o.topic_ids) IS DISTINCT FROM (n.status, n.topic_ids) THEN NULL
                 ELSE array_remove(ARRAY[
                   CASE WHEN o.country_codes IS DISTINCT FROM n.country_codes THEN ''countries'' END,
                   CASE WHEN o.initiative_ids IS DISTINCT FROM n.initiative_ids THEN ''initiatives'' END,
                   CASE WHEN o.person_ids IS DISTINCT FROM n.person_ids THEN ''people'' END,
                   CASE WHEN o.meeting_kinds IS DISTINCT FROM n.meeting_kinds THEN ''meetingKinds'' END,
                   CASE WHEN o.issuer_country_code IS DISTINCT FROM n.issuer_country_code THEN ''issuers'' END,
                   CASE WHEN o.published_at IS DISTINCT FROM n.published_at THEN ''months'' END], NULL) END AS emit
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (n.status, n.issuer_country_code, n.published_at, n.topic_ids, n.country_codes, n.initiative_ids, n.person_ids, n.meeting_kinds)
              IS DISTINCT FROM (o.status, o.issuer_country_code, o.published_at, o.topic_ids, o.country_codes, o.initiative_ids, o.person_ids, o.meeting_kinds)
      )
      SELECT ROW(-1, o_status, o_issuer, o_at, o_topics, o_countries, o_initiatives, o_people, o_kinds, emit)::release_facet_source FROM pairs
      UNION ALL
      SELECT ROW(1, n_status, n_issuer, n_at, n_topics, n_countries, n_initiatives, n_people, n_kinds, emit)::release_facet_source FROM pairs
      UNION ALL
      SELECT ROW(-1, o.status, o.issuer_country_code, o.published_at, o.topic_ids, o.country_codes, o.initiative_ids,
                 o.person_ids, o.meeting_kinds, NULL)::release_facet_source
      FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)
      UNION ALL
      SELECT ROW(1, n.status, n.issuer_country_code, n.published_at, n.topic_ids, n.country_codes, n.initiative_ids,
                 n.person_ids, n.meeting_kinds, NULL)::release_facet_source
      FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id)))\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_facet_rows_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM release_facet_count\073
  DELETE FROM release_cube_count\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_facet_rows_inserted AFTER INSERT ON "press_release"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_facet_rows_changed();
CREATE TRIGGER release_facet_rows_updated AFTER UPDATE ON "press_release"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_facet_rows_changed();
CREATE TRIGGER release_facet_rows_deleted AFTER DELETE ON "press_release"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_facet_rows_changed();
CREATE TRIGGER release_facet_rows_truncated AFTER TRUNCATE ON "press_release"
  FOR EACH STATEMENT EXECUTE FUNCTION release_facet_rows_truncated();

-- Readers that cache answers hear of changes here as of any table a read sees (archive_change_notify).
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_facet_count"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_cube_count"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- The releases already stored, folded.
SELECT release_facet_count_add(ARRAY(
  SELECT ROW(1, status, issuer_country_code, published_at, topic_ids, country_codes, initiative_ids,
             person_ids, meeting_kinds, NULL)::release_facet_source FROM press_release));
SELECT release_facet_count_compact();
SELECT release_cube_count_compact();
ANALYZE "release_facet_count";
ANALYZE "release_cube_count";
