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
-- Hash joins only: a plan made while the tables look small (a fresh bulk load, before any ANALYZE)
-- otherwise nests a loop over all the statement's meetings inside another (seconds per statement).
CREATE FUNCTION refresh_meeting_partners(ids INTEGER[], lock_meetings BOOLEAN DEFAULT TRUE) RETURNS void LANGUAGE plpgsql
SET enable_nestloop = off AS E'
DECLARE
  fresh meeting_partner_fact[]\073
  src meeting_partner_source[]\073
  added INTEGER\073
BEGIN
  IF cardinality(ids) = 0 THEN RETURN\073 END IF\073
  -- Two transactions that change one meeting take turns here (a row lock on the meeting, in id
  -- order, which foreign-key checks do not wait for), so the second reads the fact the first
  -- wrote. Meetings this transaction wrote are left out: no other transaction sees them (new) or
  -- this one holds them already (updated).
  IF lock_meetings THEN
    PERFORM 1 FROM meeting WHERE id = ANY(ids) AND xmin <> pg_current_xact_id()::xid ORDER BY id FOR NO KEY UPDATE\073
  END IF\073
  fresh := ARRAY(
    SELECT ROW(m.id, m.date, c.codes, coalesce(t.topics, ''{}''))::meeting_partner_fact
    FROM meeting m
    JOIN press_release pr ON pr.id = m.press_release_id AND pr.status = ''PUBLISHED''
    JOIN (SELECT p.meeting_id, array_agg(DISTINCT p.country_code ORDER BY p.country_code) AS codes
          FROM participant p WHERE p.meeting_id = ANY(ids) AND p.country_code IS NOT NULL
          GROUP BY 1 HAVING count(DISTINCT p.country_code) > 1) c ON c.meeting_id = m.id
    LEFT JOIN (SELECT mt.meeting_id, array_agg(mt.topic_id ORDER BY mt.topic_id) AS topics
               FROM meeting_topic mt WHERE mt.meeting_id = ANY(ids) GROUP BY 1) t ON t.meeting_id = m.id
    WHERE m.id = ANY(ids))\073
  -- Old fact out, new fact in, for the meetings whose fact changed (one hash join of the two).
  -- When the countries stay, only what changed counts: the day if it moved, the topics that went
  -- and came. Otherwise the whole fact, with topic 0 (every meeting). A null day counts no day.
  src := ARRAY(
    SELECT y.delta FROM (
      SELECT f.meeting_id AS old_id, f.day AS od, f.country_codes AS oc, f.topic_ids AS ot,
             n.meeting_id AS new_id, n.day AS nd, n.country_codes AS nc, n.topic_ids AS nt,
             f.country_codes = n.country_codes AS same
      FROM (SELECT * FROM meeting_partner_fact WHERE meeting_id = ANY(ids)) f
      FULL JOIN unnest(fresh) n ON n.meeting_id = f.meeting_id
      WHERE (f.day, f.country_codes, f.topic_ids) IS DISTINCT FROM (n.day, n.country_codes, n.topic_ids)
    ) d
    CROSS JOIN LATERAL (
      SELECT ROW(-1, CASE WHEN d.od <> d.nd THEN d.od END, d.oc,
                 ARRAY(SELECT unnest(d.ot) EXCEPT SELECT unnest(d.nt)))::meeting_partner_source WHERE d.same
      UNION ALL SELECT ROW(1, CASE WHEN d.od <> d.nd THEN d.nd END, d.nc,
                 ARRAY(SELECT unnest(d.nt) EXCEPT SELECT unnest(d.ot)))::meeting_partner_source WHERE d.same
      UNION ALL SELECT ROW(-1, d.od, d.oc, array_prepend(0, d.ot))::meeting_partner_source WHERE d.old_id IS NOT NULL AND d.same IS NOT TRUE
      UNION ALL SELECT ROW(1, d.nd, d.nc, array_prepend(0, d.nt))::meeting_partner_source WHERE d.new_id IS NOT NULL AND d.same IS NOT TRUE
    ) y(delta))\073
  IF cardinality(src) = 0 THEN RETURN\073 END IF\073
  DELETE FROM meeting_partner_fact WHERE meeting_id = ANY(ids)\073
  INSERT INTO meeting_partner_fact SELECT * FROM unnest(fresh)\073

  INSERT INTO partner_day (country_code, partner_code, day, n)
  SELECT a, b, s.day, sum(s.sign)::int
  FROM unnest(src) s, unnest(s.country_codes) a, unnest(s.country_codes) b
  WHERE s.day IS NOT NULL AND a <> b GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * greatest(20000, (SELECT reltuples FROM pg_class WHERE oid = ''partner_day''::regclass)) < added
     AND pg_try_advisory_xact_lock(hashtext(''partner_counts_compact'')) THEN
    PERFORM partner_counts_compact()\073
  END IF\073

  INSERT INTO partner_topic (country_code, partner_code, topic_id, n)
  SELECT a, b, t, sum(s.sign)::int
  FROM unnest(src) s, unnest(s.country_codes) a, unnest(s.country_codes) b, unnest(s.topic_ids) t
  WHERE a <> b GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0\073
  GET DIAGNOSTICS added = ROW_COUNT\073
  IF added > 0 AND random() * greatest(20000, (SELECT reltuples FROM pg_class WHERE oid = ''partner_topic''::regclass)) < added
     AND pg_try_advisory_xact_lock(hashtext(''partner_topics_compact'')) THEN
    PERFORM partner_topics_compact()\073
  END IF\073
END
';

-- participant and meeting_topic name their meeting, meeting is one.
CREATE FUNCTION meeting_partners_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''meeting'' THEN
    IF TG_OP = ''INSERT'' THEN
      PERFORM refresh_meeting_partners(ARRAY(SELECT id FROM new_rows), FALSE)\073
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

-- A truncated participant, meeting_topic or meeting table (or press_release, which cascades): all
-- facts again.
CREATE FUNCTION meeting_partners_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM meeting_partner_fact\073
  DELETE FROM partner_day\073
  DELETE FROM partner_topic\073
  PERFORM refresh_meeting_partners(ARRAY(SELECT id FROM meeting))\073
  RETURN NULL\073
END
';

CREATE TRIGGER meeting_partners_truncated AFTER TRUNCATE ON "participant"
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_truncated();
CREATE TRIGGER meeting_partners_truncated AFTER TRUNCATE ON "meeting_topic"
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_truncated();
CREATE TRIGGER meeting_partners_truncated AFTER TRUNCATE ON "meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_partners_truncated();

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
SELECT refresh_meeting_partners(ARRAY(SELECT id FROM meeting), FALSE);
SELECT partner_counts_compact();
SELECT partner_topics_compact();
ANALYZE "meeting_partner_fact";
ANALYZE "partner_day";
ANALYZE "partner_topic";
