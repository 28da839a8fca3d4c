-- The kept facet counts (migration release_facet_counts) stay compact by design: a fold moves the
-- log's rows into one row per option of a table of its own, updated in place, and the log keeps
-- only what was appended since.
--
-- Before, a fold deleted every row of the log and inserted the sums back into it, about once per as
-- many appended rows as the log held (pg_class.reltuples, which counts the unfolded rows too). After
-- a bulk load of 100,000 releases the log held 365,541 rows for 60,655 options (the whole archive's
-- people facet summed 21,374 rows into 3,554), and each fold had rewritten every option, so the
-- slice index grew to 69 MB for 60,655 rows (no vacuum between folds): folded by hand, the planner
-- then read the whole table for each facet rather than that index.
--
-- Now:
-- * release_facet_total and release_cube_total hold the folded counts, one row per option (per
--   cell), keyed by their primary key, `n` is in no index and the tables leave a third of each page
--   free, so a fold's update of an option is a HOT update on the same page: neither the tables nor
--   their indexes grow with folds, vacuumed or not.
-- * release_facet_count and release_cube_count are the logs, as before: writers append, never wait.
--   A fold deletes the rows it sees and adds their sums to the totals in one statement, so no total
--   a reader sums (the totals plus the log, one snapshot) ever changes, and the same advisory lock lets
--   one writer at a time do it.
-- * A writer folds a log about once per 20,000 appended rows (not once per as many rows as the log
--   holds): the log stays at about 10,000 rows whatever the archive's size, and each fold's work is
--   about the rows it folds.
-- * count_logs_fold() folds both logs now (waiting for the lock): a bulk load calls it at its end.
--
-- Readers (src/read/facets.ts, src/read/analytics.ts) sum a slice of the totals and of the log.

CREATE TABLE "release_facet_total" (
  "topic_id" INTEGER NOT NULL,
  "facet" TEXT NOT NULL,
  "status" "ReleaseStatus" NOT NULL,
  "key" TEXT NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("topic_id", "facet", "status", "key")
) WITH (fillfactor = 70);

CREATE TABLE "release_cube_total" (
  "topic_id" INTEGER NOT NULL,
  "country_code" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "status" "ReleaseStatus" NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("topic_id", "month", "country_code", "status")
) WITH (fillfactor = 70);
CREATE INDEX "release_cube_total_country_idx" ON "release_cube_total" ("country_code", "month", "topic_id", "status");

-- A fold: the log's rows this statement sees (committed ones, and this transaction's own: rows other
-- transactions add meanwhile stay in the log) are deleted and their sums added to the totals. An
-- option whose total comes to zero is deleted by the next fold that sees it.
CREATE OR REPLACE FUNCTION release_facet_count_compact() RETURNS void LANGUAGE sql AS E'
  WITH gone AS (DELETE FROM release_facet_count RETURNING topic_id, facet, status, key, n)
  INSERT INTO release_facet_total AS t (topic_id, facet, status, key, n)
  SELECT topic_id, facet, status, key, sum(n)::int FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (topic_id, facet, status, key) DO UPDATE SET n = t.n + EXCLUDED.n\073
  DELETE FROM release_facet_total WHERE n = 0
';
CREATE OR REPLACE FUNCTION release_cube_count_compact() RETURNS void LANGUAGE sql AS E'
  WITH gone AS (DELETE FROM release_cube_count RETURNING topic_id, country_code, month, status, n)
  INSERT INTO release_cube_total AS t (topic_id, country_code, month, status, n)
  SELECT topic_id, country_code, month, status, sum(n)::int FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 2, 4
  ON CONFLICT (topic_id, month, country_code, status) DO UPDATE SET n = t.n + EXCLUDED.n\073
  DELETE FROM release_cube_total WHERE n = 0
';

-- Both logs folded now, each under its lock (waiting for a writer folding it): the end of a bulk load.
CREATE FUNCTION count_logs_fold() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''release_facet_count_compact''))\073
  PERFORM release_facet_count_compact()\073
  PERFORM pg_advisory_xact_lock(hashtext(''release_cube_count_compact''))\073
  PERFORM release_cube_count_compact()\073
END
';

-- As before (migration release_facet_counts), but a log is folded about once per 20,000 appended rows.
CREATE OR REPLACE FUNCTION release_facet_count_add(src release_facet_source[]) RETURNS void LANGUAGE plpgsql AS E'
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
  IF added > 0 AND random() * 20000 < added
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
  IF added > 0 AND random() * 20000 < added
     AND pg_try_advisory_xact_lock(hashtext(''release_cube_count_compact'')) THEN
    PERFORM release_cube_count_compact()\073
  END IF\073
END
';

CREATE OR REPLACE FUNCTION release_facet_rows_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM release_facet_count\073
  DELETE FROM release_cube_count\073
  DELETE FROM release_facet_total\073
  DELETE FROM release_cube_total\073
  RETURN NULL\073
END
';

-- Readers that cache answers hear of changes here as of any table a read sees (archive_change_notify).
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_facet_total"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_cube_total"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- Everything counted so far moves to the totals (in the primary key's order: a slice is a run of
-- pages), and the emptied logs are truncated, which leaves their indexes empty too (the facet log's
-- was 69 MB on 100,000 releases). The logs are locked first, so no writer appends in between.
DO E'BEGIN
  LOCK TABLE release_facet_count, release_cube_count IN ACCESS EXCLUSIVE MODE\073
  PERFORM count_logs_fold()\073
  TRUNCATE release_facet_count, release_cube_count\073
END';
ANALYZE "release_facet_count";
ANALYZE "release_cube_count";
ANALYZE "release_facet_total";
ANALYZE "release_cube_total";
