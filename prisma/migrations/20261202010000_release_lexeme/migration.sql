-- The published releases of each entry of `match` (a lexeme or a side-by-side pair of lexemes,
-- migration release_narrow_search), newest first: a btree over (lexeme, date, id).
--
-- A relevance search ranks the newest 1,000 matches and counts them all (an exact totalCount). For a
-- word or a two-word phrase over the published archive (what the public asks), that took a bitmap of
-- every match from match's GIN index, a visit of every heap page holding one (3,326 pages of
-- release_narrow for `energy`, in half of 100,000 releases), every match's date spooled for the count
-- and sorted for the window: 40 of the statement's 55 ms. Here the newest 1,000 are the first
-- 1,000 entries of the lexeme in this index (0.2 ms), and the count is an index-only scan of its
-- entries, without a heap page (about 5 to 10 ms for 50,000).
--
-- The count of a lexeme's entries is kept too (release_lexeme_count), so a search's exact totalCount
-- is a sum of a few rows instead of a scan of 50,000 index entries (10 to 17 ms for a word in half or
-- more of 100,000 releases). As with the facet counts (migration release_facet_counts) it is a log:
-- each statement on release_lexeme appends its net change per lexeme, so concurrent writers never
-- wait on one another's rows, and now and then a writer folds the log into one row per lexeme (in
-- one statement, under an advisory lock, so the totals never change).
--
-- One row per entry of a published release's `match`, kept by statement-level triggers on
-- release_narrow (which is itself written once per release, at commit): an insert adds the rows of
-- the new published releases, a delete removes the old rows' entries, an update replaces a
-- release's rows when its status, date or `match` changed (an id change included), a truncate
-- empties the table. A release that is not published has no rows: the read path uses this table
-- only for a filter of the PUBLISHED status alone.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

CREATE TABLE "release_lexeme" (
  "lexeme" TEXT NOT NULL,
  "published_at" TIMESTAMPTZ(3) NOT NULL,
  "id" INTEGER NOT NULL
) WITH (parallel_workers = 0);
-- No parallel scans (as release_narrow): on a server answering ten requests at once on two cores,
-- workers for a count only add work.

CREATE FUNCTION release_lexeme_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO release_lexeme (lexeme, published_at, id)
    SELECT x.l, w.published_at, w.id FROM new_rows w, unnest(tsvector_to_array(w.match)) x(l)
    WHERE w.status = ''PUBLISHED''\073
  ELSIF TG_OP = ''DELETE'' THEN
    DELETE FROM release_lexeme l USING (
      SELECT x.l, o.published_at, o.id FROM old_rows o, unnest(tsvector_to_array(o.match)) x(l)
      WHERE o.status = ''PUBLISHED'') d
    WHERE l.lexeme = d.l AND l.published_at = d.published_at AND l.id = d.id\073
  ELSE
    -- The rows of releases whose status, date or entries changed (or whose id did) go, and come
    -- back as the new row says.
    DELETE FROM release_lexeme l USING (
      SELECT x.l, o.published_at, o.id FROM old_rows o, unnest(tsvector_to_array(o.match)) x(l)
      WHERE o.status = ''PUBLISHED'' AND NOT EXISTS (
        SELECT 1 FROM new_rows w WHERE w.id = o.id AND w.status = o.status AND w.published_at = o.published_at AND w.match = o.match)) d
    WHERE l.lexeme = d.l AND l.published_at = d.published_at AND l.id = d.id\073
    INSERT INTO release_lexeme (lexeme, published_at, id)
    SELECT x.l, w.published_at, w.id FROM new_rows w, unnest(tsvector_to_array(w.match)) x(l)
    WHERE w.status = ''PUBLISHED'' AND NOT EXISTS (
      SELECT 1 FROM old_rows o WHERE o.id = w.id AND o.status = w.status AND o.published_at = w.published_at AND o.match = w.match)\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_lexeme_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE release_lexeme\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_lexeme_inserted AFTER INSERT ON "release_narrow"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_changed();
CREATE TRIGGER release_lexeme_updated AFTER UPDATE ON "release_narrow"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_changed();
CREATE TRIGGER release_lexeme_deleted AFTER DELETE ON "release_narrow"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_changed();
CREATE TRIGGER release_lexeme_truncated AFTER TRUNCATE ON "release_narrow"
  FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_truncated();

-- Reads see this table, so its writes notify the change feed like every other table's (they come
-- from release_narrow's, which notify already: the notifications of one transaction fold).
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_lexeme"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- The releases already stored (about 200 rows each on the synthetic archive).
INSERT INTO release_lexeme (lexeme, published_at, id)
SELECT x.l, n.published_at, n.id FROM release_narrow n, unnest(tsvector_to_array(n.match)) x(l)
WHERE n.status = 'PUBLISHED';

CREATE INDEX "release_lexeme_lexeme_published_at_id_idx" ON "release_lexeme" ("lexeme", "published_at" DESC, "id" DESC);

CREATE TABLE "release_lexeme_count" (
  "lexeme" TEXT NOT NULL,
  "n" INTEGER NOT NULL
) WITH (parallel_workers = 0);

INSERT INTO release_lexeme_count (lexeme, n) SELECT lexeme, count(*)::int FROM release_lexeme GROUP BY lexeme;

CREATE INDEX "release_lexeme_count_lexeme_idx" ON "release_lexeme_count" ("lexeme") INCLUDE ("n");

CREATE FUNCTION release_lexeme_count_compact() RETURNS void LANGUAGE sql AS '
  WITH gone AS (DELETE FROM release_lexeme_count RETURNING lexeme, n)
  INSERT INTO release_lexeme_count (lexeme, n)
  SELECT lexeme, sum(n)::int FROM gone GROUP BY lexeme HAVING sum(n) <> 0
';

-- Appends a statement's net change per lexeme, then folds the log about once per as many
-- appended rows as it holds folded (at least 20,000), so folding costs each appended row about
-- one row of work.
CREATE FUNCTION release_lexeme_counted() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  added INTEGER\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO release_lexeme_count (lexeme, n) SELECT lexeme, count(*)::int FROM new_rows GROUP BY lexeme\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO release_lexeme_count (lexeme, n) SELECT lexeme, -count(*)::int FROM old_rows GROUP BY lexeme\073
  ELSE
    INSERT INTO release_lexeme_count (lexeme, n)
    SELECT lexeme, sum(d)::int FROM (SELECT lexeme, 1 AS d FROM new_rows UNION ALL SELECT lexeme, -1 FROM old_rows) x
    GROUP BY lexeme HAVING sum(d) <> 0\073
  END IF\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * greatest(20000, (SELECT reltuples FROM pg_class WHERE oid = ''release_lexeme_count''::regclass)) < added
     AND pg_try_advisory_xact_lock(hashtext(''release_lexeme_count_compact'')) THEN
    PERFORM release_lexeme_count_compact()\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_lexeme_count_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE release_lexeme_count\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_lexeme_count_inserted AFTER INSERT ON "release_lexeme"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_updated AFTER UPDATE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_deleted AFTER DELETE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_truncated AFTER TRUNCATE ON "release_lexeme"
  FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_count_truncated();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_lexeme_count"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- The visibility map, for index-only scans (autovacuum may be off), and statistics.
VACUUM (ANALYZE) "release_lexeme";
VACUUM (ANALYZE) "release_lexeme_count";
