-- The number of entries of release_lexeme per (entry, country), kept, so a one-word or
-- two-word-phrase search with one country (the bench's phrase + country) gets its exact totalCount
-- from a few rows instead of an index-only scan of every entry of the lexeme testing its codes
-- (31,071 entries for "middle corridor" on 100,000 releases, 5 to 11 ms a request).
--
-- As the facet totals (migration facet_count_totals): release_lexeme_country_total holds one row per
-- (lexeme, country) under its primary key, `n` in no index, a third of each page left free, so a
-- fold's update is a HOT update in place. release_lexeme_country_count is the log every statement
-- on release_lexeme appends its net change to (writers never wait on one another's rows). A writer
-- folds the log about once per 20,000 appended rows (the chance is its rows over 20,000) under an
-- advisory lock tried, never waited for. count_logs_fold() (the end of a bulk load) folds it too.
-- Readers sum the totals and the log in one snapshot.
--
-- An entry counts once for each code of its release (the codes are distinct), so the count for one
-- country is exactly the entries whose codes contain it. Several countries cannot be summed (a
-- release about two of them would count twice): the read path counts those from the index as before.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

CREATE TABLE "release_lexeme_country_total" (
  "lexeme" TEXT NOT NULL,
  "country_code" CHAR(2) NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("lexeme", "country_code")
) WITH (fillfactor = 70, parallel_workers = 0);

CREATE TABLE "release_lexeme_country_count" (
  "lexeme" TEXT NOT NULL,
  "country_code" CHAR(2) NOT NULL,
  "n" INTEGER NOT NULL
) WITH (parallel_workers = 0);
CREATE INDEX "release_lexeme_country_count_idx" ON "release_lexeme_country_count" ("lexeme", "country_code") INCLUDE ("n");

-- A fold: the log's rows this statement sees are deleted and their sums added to the totals, and a
-- total that comes to zero is deleted.
CREATE FUNCTION release_lexeme_country_count_compact() RETURNS void LANGUAGE sql AS E'
  WITH gone AS (DELETE FROM release_lexeme_country_count RETURNING lexeme, country_code, n)
  INSERT INTO release_lexeme_country_total AS t (lexeme, country_code, n)
  SELECT lexeme, country_code, sum(n)::int FROM gone GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
  ON CONFLICT (lexeme, country_code) DO UPDATE SET n = t.n + EXCLUDED.n\073
  DELETE FROM release_lexeme_country_total WHERE n = 0
';

-- Appends a statement's net change per (lexeme, country), then folds now and then.
CREATE FUNCTION release_lexeme_country_counted() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  added INTEGER\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO release_lexeme_country_count (lexeme, country_code, n)
    SELECT r.lexeme, c, count(*)::int FROM new_rows r, unnest(r.country_codes) c GROUP BY 1, 2\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO release_lexeme_country_count (lexeme, country_code, n)
    SELECT r.lexeme, c, -count(*)::int FROM old_rows r, unnest(r.country_codes) c GROUP BY 1, 2\073
  ELSE
    INSERT INTO release_lexeme_country_count (lexeme, country_code, n)
    SELECT x.lexeme, x.c, sum(x.d)::int FROM (
      SELECT r.lexeme, c, 1 AS d FROM new_rows r, unnest(r.country_codes) c
      UNION ALL SELECT r.lexeme, c, -1 FROM old_rows r, unnest(r.country_codes) c) x
    GROUP BY 1, 2 HAVING sum(x.d) <> 0\073
  END IF\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * 20000 < added
     AND pg_try_advisory_xact_lock(hashtext(''release_lexeme_country_count_compact'')) THEN
    PERFORM release_lexeme_country_count_compact()\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_lexeme_country_count_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE release_lexeme_country_count, release_lexeme_country_total\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_lexeme_country_count_inserted AFTER INSERT ON "release_lexeme"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_country_counted();
CREATE TRIGGER release_lexeme_country_count_updated AFTER UPDATE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_country_counted();
CREATE TRIGGER release_lexeme_country_count_deleted AFTER DELETE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_country_counted();
CREATE TRIGGER release_lexeme_country_count_truncated AFTER TRUNCATE ON "release_lexeme"
  FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_country_count_truncated();

-- Reads see these tables, so their writes notify the change feed like every other table's.
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_lexeme_country_total"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_lexeme_country_count"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- Every log folded now, each under its lock: the end of a bulk load (migration facet_count_totals).
CREATE OR REPLACE FUNCTION count_logs_fold() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''release_facet_count_compact''))\073
  PERFORM release_facet_count_compact()\073
  PERFORM pg_advisory_xact_lock(hashtext(''release_cube_count_compact''))\073
  PERFORM release_cube_count_compact()\073
  PERFORM pg_advisory_xact_lock(hashtext(''release_lexeme_country_count_compact''))\073
  PERFORM release_lexeme_country_count_compact()\073
END
';

-- The entries already stored, in the primary key's order. release_lexeme is locked first, and
-- whatever a writer appended or folded since the triggers above were created is dropped in the same
-- transaction: the totals are then exactly the entries, and every later write appends to the log.
DO E'BEGIN
  LOCK TABLE release_lexeme IN SHARE MODE\073
  DELETE FROM release_lexeme_country_count\073
  DELETE FROM release_lexeme_country_total\073
  SET LOCAL work_mem = ''256MB''\073
  INSERT INTO release_lexeme_country_total (lexeme, country_code, n)
  SELECT l.lexeme, c, count(*)::int FROM release_lexeme l, unnest(l.country_codes) c GROUP BY 1, 2 ORDER BY 1, 2\073
END';
ANALYZE "release_lexeme_country_total";
ANALYZE "release_lexeme_country_count";
