-- A country's partners (Country.partners) from counts kept up to date: the meetings of published
-- releases that two countries attended, per day (for the count and the last meeting) and per topic
-- of the meeting (for the top topics, and topic 0 for all meetings). On 100,000 releases the partners of Azerbaijan, joined from
-- participants and meetings at each request, took 0.4 s alone and 2.3 s at 10 connections.
--
-- meeting_partner_fact holds what each meeting of a published release with participants of two or
-- more countries contributes: its day, its participants' countries and its topics. After every
-- statement that changes participants, meeting topics, meetings or a release's status, the
-- meetings it touched get their fact recomputed, and the difference (old fact out, new fact in) is
-- appended to partner_day and partner_topic: logs like release_facet_count (migration
-- release_facet_counts), summed by readers, folded now and then by a writer, so concurrent writers
-- never wait on one another's rows. A pair counts both ways: (AZ, TR) and (TR, AZ).
-- Function bodies are escape strings with each semicolon written as the octal escape 073 (the
-- migration runner splits at semicolons).

CREATE TABLE "meeting_partner_fact" (
  "meeting_id" INTEGER NOT NULL PRIMARY KEY,
  "day" DATE NOT NULL,
  "country_codes" CHAR(2)[] NOT NULL,
  "topic_ids" INTEGER[] NOT NULL
);

CREATE TABLE "partner_day" (
  "country_code" CHAR(2) NOT NULL,
  "partner_code" CHAR(2) NOT NULL,
  "day" DATE NOT NULL,
  "n" INTEGER NOT NULL
);
-- A pair's last meeting: its latest day whose count is not zero, read backwards from the index.
CREATE INDEX "partner_day_pair_idx" ON "partner_day" ("country_code", "partner_code", "day" DESC) INCLUDE ("n");

CREATE TABLE "partner_topic" (
  "country_code" CHAR(2) NOT NULL,
  "partner_code" CHAR(2) NOT NULL,
  "topic_id" INTEGER NOT NULL,
  "n" INTEGER NOT NULL
);
-- Topic 0 counts every meeting of the pair, whatever its topics.
CREATE INDEX "partner_topic_pair_idx" ON "partner_topic" ("country_code", "partner_code", "topic_id") INCLUDE ("n");

CREATE TYPE "meeting_partner_source" AS (
  "sign" INTEGER,
  "day" DATE,
  "country_codes" CHAR(2)[],
  "topic_ids" INTEGER[]
);

CREATE FUNCTION partner_counts_compact() RETURNS void LANGUAGE sql AS '
  WITH gone AS (DELETE FROM partner_day RETURNING country_code, partner_code, day, n)
  INSERT INTO partner_day (country_code, partner_code, day, n)
  SELECT country_code, partner_code, day, sum(n)::int FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
';
CREATE FUNCTION partner_topics_compact() RETURNS void LANGUAGE sql AS '
  WITH gone AS (DELETE FROM partner_topic RETURNING country_code, partner_code, topic_id, n)
  INSERT INTO partner_topic (country_code, partner_code, topic_id, n)
  SELECT country_code, partner_code, topic_id, sum(n)::int FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
';

-- Recomputes the facts of meetings `ids` and appends the difference to the logs.
CREATE FUNCTION refresh_meeting_partners(ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  fresh meeting_partner_fact[]\073
  src meeting_partner_source[]\073
  added INTEGER\073
BEGIN
  IF cardinality(ids) = 0 THEN RETURN\073 END IF\073
  fresh := ARRAY(
    SELECT ROW(m.id, m.date, c.codes, ARRAY(SELECT mt.topic_id FROM meeting_topic mt WHERE mt.meeting_id = m.id ORDER BY 1))::meeting_partner_fact
    FROM meeting m
    JOIN press_release pr ON pr.id = m.press_release_id AND pr.status = ''PUBLISHED''
    CROSS JOIN LATERAL (SELECT ARRAY(SELECT DISTINCT p.country_code FROM participant p
                                     WHERE p.meeting_id = m.id AND p.country_code IS NOT NULL ORDER BY 1) AS codes) c
    WHERE m.id = ANY(ids) AND cardinality(c.codes) > 1)\073
  src := ARRAY(
    SELECT ROW(-1, f.day, f.country_codes, f.topic_ids)::meeting_partner_source FROM meeting_partner_fact f
    WHERE f.meeting_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM unnest(fresh) n WHERE n.meeting_id = f.meeting_id
      AND (n.day, n.country_codes, n.topic_ids) IS NOT DISTINCT FROM (f.day, f.country_codes, f.topic_ids))
    UNION ALL
    SELECT ROW(1, n.day, n.country_codes, n.topic_ids)::meeting_partner_source FROM unnest(fresh) n
    WHERE NOT EXISTS (SELECT 1 FROM meeting_partner_fact f WHERE f.meeting_id = n.meeting_id
      AND (n.day, n.country_codes, n.topic_ids) IS NOT DISTINCT FROM (f.day, f.country_codes, f.topic_ids)))\073
  IF cardinality(src) = 0 THEN RETURN\073 END IF\073
  DELETE FROM meeting_partner_fact WHERE meeting_id = ANY(ids)\073
  INSERT INTO meeting_partner_fact SELECT * FROM unnest(fresh)\073

  INSERT INTO partner_day (country_code, partner_code, day, n)
  SELECT a, b, s.day, sum(s.sign)::int
  FROM unnest(src) s, unnest(s.country_codes) a, unnest(s.country_codes) b
  WHERE a <> b GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * 20000 < added AND pg_try_advisory_xact_lock(hashtext(''partner_counts_compact'')) THEN
    PERFORM partner_counts_compact()\073
  END IF\073

  INSERT INTO partner_topic (country_code, partner_code, topic_id, n)
  SELECT a, b, t, sum(s.sign)::int
  FROM unnest(src) s, unnest(s.country_codes) a, unnest(s.country_codes) b, unnest(array_prepend(0, s.topic_ids)) t
  WHERE a <> b GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * 20000 < added AND pg_try_advisory_xact_lock(hashtext(''partner_topics_compact'')) THEN
    PERFORM partner_topics_compact()\073
  END IF\073
END
';

-- participant and meeting_topic name their meeting, meeting is one.
CREATE FUNCTION meeting_partners_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''meeting'' THEN
    IF TG_OP = ''INSERT'' THEN
      PERFORM refresh_meeting_partners(ARRAY(SELECT id FROM new_rows))\073
    ELSIF TG_OP = ''DELETE'' THEN
      PERFORM refresh_meeting_partners(ARRAY(SELECT id FROM old_rows))\073
    ELSE
      PERFORM refresh_meeting_partners(ARRAY(SELECT id FROM new_rows UNION SELECT id FROM old_rows))\073
    END IF\073
  ELSIF TG_OP = ''INSERT'' THEN
    PERFORM refresh_meeting_partners(ARRAY(SELECT DISTINCT meeting_id FROM new_rows))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM refresh_meeting_partners(ARRAY(SELECT DISTINCT meeting_id FROM old_rows))\073
  ELSE
    PERFORM refresh_meeting_partners(ARRAY(SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows))\073
  END IF\073
  RETURN NULL\073
END
';

-- A release whose status changed: its meetings count, or stop counting.
CREATE FUNCTION release_partners_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_meeting_partners(ARRAY(
    SELECT m.id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN meeting m ON m.press_release_id = n.id
    WHERE n.status IS DISTINCT FROM o.status))\073
  RETURN NULL\073
END
';

CREATE TRIGGER meeting_partners_inserted AFTER INSERT ON "participant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_updated AFTER UPDATE ON "participant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_deleted AFTER DELETE ON "participant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();

CREATE TRIGGER meeting_partners_inserted AFTER INSERT ON "meeting_topic"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_updated AFTER UPDATE ON "meeting_topic"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_deleted AFTER DELETE ON "meeting_topic"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();

CREATE TRIGGER meeting_partners_inserted AFTER INSERT ON "meeting"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_updated AFTER UPDATE ON "meeting"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();
CREATE TRIGGER meeting_partners_deleted AFTER DELETE ON "meeting"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_changed();

CREATE TRIGGER release_partners_updated AFTER UPDATE ON "press_release"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION release_partners_changed();

-- Readers that cache answers hear of changes here as of any table a read sees (archive_change_notify).
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_partner_fact"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner_day"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();
CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner_topic"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

-- The meetings already stored, folded.
SELECT refresh_meeting_partners(ARRAY(SELECT id FROM meeting));
SELECT partner_counts_compact();
SELECT partner_topics_compact();
ANALYZE "meeting_partner_fact";
ANALYZE "partner_day";
ANALYZE "partner_topic";
