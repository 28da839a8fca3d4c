-- Each entry of release_lexeme (migration release_lexeme) with the release's rank for a search of
-- that entry alone, so a one-word or two-word-phrase page ranks its window from the index.
--
-- A relevance page ranks its newest 1,000 matches by ts_rank_cd(search vector, query): 1,000
-- vectors read through the primary key (a third of them from TOAST), about 10 of the 16 ms that
-- such a search costs Postgres once its window and count come from release_lexeme. For a search
-- whose parsed query is exactly the entry (the word, as the lexeme alone, or the two-word phrase,
-- as the first lexeme followed by the second) the rank is the same number for every search, so it
-- is stored with the entry, computed by the same function over the same vector: `rank` is
-- ts_rank_cd(search_vector, release_lexeme_query(lexeme)), null for an entry with a quote or a
-- backslash (the read path never uses those). The index includes it: the window and its ranks are
-- one index-only scan, and only the page rows are read from press_release.
--
-- The rank depends on the whole text (a word moved from the title, weight A, to the body, B,
-- changes it without changing `match`), so an update of a published narrow row now always
-- rewrites its entries: the narrow copy is written once per release and transaction, at commit,
-- and only when its columns or text changed (migration release_narrow_deferred).
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

-- The query an entry stands for: a pair (two words with one space) as a phrase of its two lexemes,
-- else the lexeme alone. Null when the entry holds a quote or a backslash.
CREATE FUNCTION release_lexeme_query(e text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT CASE
    WHEN strpos(e, chr(39)) > 0 OR strpos(e, chr(92)) > 0 THEN NULL
    WHEN e ~ ''^[^ ]+ [^ ]+$'' THEN tsquery_phrase((chr(39) || split_part(e, '' '', 1) || chr(39))::tsquery,
                                                  (chr(39) || split_part(e, '' '', 2) || chr(39))::tsquery)
    ELSE (chr(39) || e || chr(39))::tsquery END
';

ALTER TABLE "release_lexeme" RENAME TO "release_lexeme_unranked";

CREATE TABLE "release_lexeme" (
  "lexeme" TEXT NOT NULL,
  "published_at" TIMESTAMPTZ(3) NOT NULL,
  "id" INTEGER NOT NULL,
  "rank" REAL
) WITH (parallel_workers = 0);

-- The vector is read once per release (the lateral copy), not once per entry.
INSERT INTO release_lexeme (lexeme, published_at, id, rank)
SELECT x.l, n.published_at, n.id, ts_rank_cd(sv.v, release_lexeme_query(x.l))
FROM release_narrow n JOIN press_release p ON p.id = n.id
CROSS JOIN LATERAL (SELECT p.search_vector || ''::tsvector AS v OFFSET 0) sv
CROSS JOIN LATERAL unnest(tsvector_to_array(n.match)) x(l)
WHERE n.status = 'PUBLISHED';

-- Its triggers (the counts, the change feed) go with it: the entries, so the counts, are the same.
DROP TABLE "release_lexeme_unranked";

CREATE INDEX "release_lexeme_lexeme_published_at_id_idx" ON "release_lexeme" ("lexeme", "published_at" DESC, "id" DESC) INCLUDE ("rank");

CREATE TRIGGER release_lexeme_count_inserted AFTER INSERT ON "release_lexeme"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_updated AFTER UPDATE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_deleted AFTER DELETE ON "release_lexeme"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_counted();
CREATE TRIGGER release_lexeme_count_truncated AFTER TRUNCATE ON "release_lexeme"
  FOR EACH STATEMENT EXECUTE FUNCTION release_lexeme_count_truncated();
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_lexeme"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE OR REPLACE FUNCTION release_lexeme_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' OR TG_OP = ''UPDATE'' THEN
    DELETE FROM release_lexeme l USING (
      SELECT x.l, o.published_at, o.id FROM old_rows o, unnest(tsvector_to_array(o.match)) x(l)
      WHERE o.status = ''PUBLISHED'') d
    WHERE l.lexeme = d.l AND l.published_at = d.published_at AND l.id = d.id\073
  END IF\073
  IF TG_OP = ''INSERT'' OR TG_OP = ''UPDATE'' THEN
    INSERT INTO release_lexeme (lexeme, published_at, id, rank)
    SELECT x.l, w.published_at, w.id, ts_rank_cd(sv.v, release_lexeme_query(x.l))
    FROM new_rows w JOIN press_release p ON p.id = w.id
    CROSS JOIN LATERAL (SELECT p.search_vector || ''''::tsvector AS v OFFSET 0) sv
    CROSS JOIN LATERAL unnest(tsvector_to_array(w.match)) x(l)
    WHERE w.status = ''PUBLISHED''\073
  END IF\073
  RETURN NULL\073
END
';

VACUUM (ANALYZE) "release_lexeme";
