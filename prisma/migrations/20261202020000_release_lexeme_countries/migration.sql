-- Each entry of release_lexeme (migrations release_lexeme, release_lexeme_rank) carries the
-- release's country codes (release_narrow's `country_codes`), and the index includes them, so a
-- one-word or two-word-phrase search with a country filter (the bench's phrase + country) is
-- answered as the word alone is: its newest 1,000 matches about those countries are the first
-- entries of the lexeme in the index whose codes overlap the filter's, with their stored ranks, and
-- its exact count is an index-only scan of the lexeme's entries testing the codes.
--
-- Before, such a search took a BitmapAnd of match's GIN index and the country codes' GIN index on
-- release_narrow, a visit of every heap page holding a match (3,033 pages for "middle corridor" and
-- AZ on 100,000 releases), every match's date spooled for the count and sorted for the window, and
-- ts_rank_cd over 1,000 search vectors read from press_release.
--
-- Kept by the same trigger: an update of a published narrow row rewrites its entries (migration
-- release_lexeme_rank), and a release's narrow row is updated when its country codes change (the
-- link-array triggers update press_release, whose narrow row follows at commit: migration
-- release_narrow_deferred). A release of no country has an empty array, as on release_narrow.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

ALTER TABLE "release_lexeme" RENAME TO "release_lexeme_uncountried";

CREATE TABLE "release_lexeme" (
  "lexeme" TEXT NOT NULL,
  "published_at" TIMESTAMPTZ(3) NOT NULL,
  "id" INTEGER NOT NULL,
  "rank" REAL,
  "country_codes" CHAR(2)[] NOT NULL
) WITH (parallel_workers = 0);

-- The ranks are copied, not computed again: the entries and the vectors are the same. The rows
-- are written in the index's order, so the entries of a lexeme sit together in the heap: an
-- index-only scan checks each entry's heap page in the visibility map, and entries in date order
-- scattered over the heap (as the releases were loaded) made it switch visibility-map pages at
-- almost every entry (27,635 buffer accesses to count the 31,071 entries of "middle corridor", in
-- index order a few hundred). Rows written later go to the end, as before.
SET work_mem = '256MB';
INSERT INTO release_lexeme (lexeme, published_at, id, rank, country_codes)
SELECT l.lexeme, l.published_at, l.id, l.rank, n.country_codes
FROM release_lexeme_uncountried l JOIN release_narrow n ON n.id = l.id
ORDER BY l.lexeme, l.published_at DESC, l.id DESC;
RESET work_mem;

-- Its triggers (the counts, the change feed) go with it: the entries, so the counts, are the same.
DROP TABLE "release_lexeme_uncountried";

CREATE INDEX "release_lexeme_lexeme_published_at_id_idx" ON "release_lexeme" ("lexeme", "published_at" DESC, "id" DESC)
  INCLUDE ("rank", "country_codes");

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
    INSERT INTO release_lexeme (lexeme, published_at, id, rank, country_codes)
    SELECT x.l, w.published_at, w.id, ts_rank_cd(sv.v, release_lexeme_query(x.l)), w.country_codes
    FROM new_rows w JOIN press_release p ON p.id = w.id
    CROSS JOIN LATERAL (SELECT p.search_vector || ''''::tsvector AS v OFFSET 0) sv
    CROSS JOIN LATERAL unnest(tsvector_to_array(w.match)) x(l)
    WHERE w.status = ''PUBLISHED''\073
  END IF\073
  RETURN NULL\073
END
';

VACUUM (ANALYZE) "release_lexeme";
