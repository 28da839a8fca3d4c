-- The narrow copy (release_narrow, migration release_narrow_search) written once per release and
-- transaction, at commit, instead of after every statement that changes the release.
--
-- A release is stored in several statements: its row, then its topics, countries, meetings,
-- participants and initiative mentions, each of which rewrites the release's link arrays (the
-- link-array triggers update press_release). The narrow row followed every one of them, and each
-- rewrite of a narrow row inserts all of its `match` index entries again (a word and every
-- side-by-side pair: hundreds per release), whether or not `match` changed: a 5,000-release
-- synthetic load went from 51.5 s to 114 s with the copy.
--
-- Now a statement on press_release only notes the releases whose narrow columns or text it changed
-- in release_narrow_pending (with whether the text changed), and a deferred constraint trigger on
-- that table brings their narrow rows up to date when the transaction commits (or at
-- SET CONSTRAINTS ... IMMEDIATE): one write per release, `match` recomputed only when the text
-- changed. The first firing of a transaction takes every pending row it can see (its own: a
-- transaction's rows are gone when it commits) and the others find theirs already taken. Inside a
-- writing transaction, before commit, release_narrow may lag its own writes: the readers of the copy
-- are the read queries, which run outside writing transactions.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

-- Empty whenever no writing transaction is open, so it need not survive a crash.
CREATE UNLOGGED TABLE "release_narrow_pending" (
  "id" INTEGER PRIMARY KEY,
  "text_changed" BOOLEAN NOT NULL
);

DROP TRIGGER release_narrow_inserted ON "press_release";
DROP TRIGGER release_narrow_updated ON "press_release";
DROP TRIGGER release_narrow_deleted ON "press_release";
DROP FUNCTION release_narrow_changed();

CREATE FUNCTION release_narrow_note() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO release_narrow_pending AS p (id, text_changed)
    SELECT w.id, true FROM new_rows w
    ON CONFLICT (id) DO UPDATE SET text_changed = true\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO release_narrow_pending AS p (id, text_changed)
    SELECT o.id, false FROM old_rows o
    ON CONFLICT (id) DO NOTHING\073
  ELSE
    -- An id that changed: the old one is gone (its narrow row is deleted at commit), the new one is new.
    INSERT INTO release_narrow_pending AS p (id, text_changed)
    SELECT coalesce(w.id, o.id), o.id IS NULL OR w.id IS NULL OR o.search_vector IS DISTINCT FROM w.search_vector
    FROM new_rows w FULL JOIN old_rows o ON o.id = w.id
    WHERE o.id IS NULL OR w.id IS NULL
       OR (o.status, o.published_at, o.language, o.issuer_country_code, o.topic_ids, o.country_codes, o.initiative_ids,
           o.person_ids, o.meeting_kinds)
          IS DISTINCT FROM (w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
           w.initiative_ids, w.person_ids, w.meeting_kinds)
       OR o.search_vector IS DISTINCT FROM w.search_vector
    ON CONFLICT (id) DO UPDATE SET text_changed = p.text_changed OR excluded.text_changed\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION release_narrow_sync() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ids INTEGER[]\073
  texts BOOLEAN[]\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM release_narrow_pending WHERE id = NEW.id) THEN
    RETURN NULL\073
  END IF\073
  WITH p AS (DELETE FROM release_narrow_pending RETURNING id, text_changed)
  SELECT array_agg(id), array_agg(text_changed) INTO ids, texts FROM p\073
  DELETE FROM release_narrow n USING unnest(ids) t(id)
  WHERE n.id = t.id AND NOT EXISTS (SELECT 1 FROM press_release pr WHERE pr.id = t.id)\073
  INSERT INTO release_narrow AS n (id, status, published_at, language, issuer_country_code, topic_ids, country_codes,
    initiative_ids, person_ids, meeting_kinds, match)
  SELECT w.id, w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
    w.initiative_ids, w.person_ids, w.meeting_kinds,
    CASE WHEN NOT t.text_changed AND m.match IS NOT NULL THEN m.match ELSE search_match_vector(w.search_vector) END
  FROM unnest(ids, texts) t(id, text_changed)
  JOIN press_release w ON w.id = t.id
  LEFT JOIN release_narrow m ON m.id = t.id
  WHERE m.id IS NULL OR t.text_changed
     OR (m.status, m.published_at, m.language, m.issuer_country_code, m.topic_ids, m.country_codes, m.initiative_ids,
         m.person_ids, m.meeting_kinds)
        IS DISTINCT FROM (w.status, w.published_at, w.language, w.issuer_country_code, w.topic_ids, w.country_codes,
         w.initiative_ids, w.person_ids, w.meeting_kinds)
  ON CONFLICT (id) DO UPDATE SET
    status = excluded.status, published_at = excluded.published_at, language = excluded.language,
    issuer_country_code = excluded.issuer_country_code, topic_ids = excluded.topic_ids,
    country_codes = excluded.country_codes, initiative_ids = excluded.initiative_ids,
    person_ids = excluded.person_ids, meeting_kinds = excluded.meeting_kinds, match = excluded.match\073
  RETURN NULL\073
END
';

CREATE OR REPLACE FUNCTION release_narrow_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE release_narrow\073
  DELETE FROM release_narrow_pending\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_narrow_noted AFTER INSERT ON "press_release"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_note();
CREATE TRIGGER release_narrow_noted_update AFTER UPDATE ON "press_release"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_note();
CREATE TRIGGER release_narrow_noted_delete AFTER DELETE ON "press_release"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION release_narrow_note();

CREATE CONSTRAINT TRIGGER release_narrow_synced AFTER INSERT ON "release_narrow_pending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION release_narrow_sync();
