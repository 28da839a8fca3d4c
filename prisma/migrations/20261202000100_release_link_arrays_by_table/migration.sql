-- A statement on one link table recomputes only the link arrays that table feeds (migration
-- release_link_arrays recomputed all five after every statement on any of them).
--
-- A release is stored in several statements, topics first and participants last: with all five
-- recomputed, the topics' statement emptied the person ids a writer had already put on the row
-- (no participants yet), and every later statement changed the row again. Now release_topic
-- recomputes topic_ids, release_country country_codes, initiative_mention initiative_ids,
-- participant person_ids, and meeting meeting_kinds (and person_ids when a meeting is deleted or
-- moved: its participants go with it, while a new meeting has none yet). A writer that stores a
-- release with the arrays its links will give (the synthetic loader) has its row written once: each
-- recompute finds the same array and writes nothing. The arrays still equal the links after every
-- statement that touches them.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

CREATE FUNCTION refresh_release_links(ids INTEGER[], arrays TEXT[]) RETURNS void LANGUAGE sql AS '
  UPDATE press_release pr SET
    topic_ids = l.topic_ids, country_codes = l.country_codes, initiative_ids = l.initiative_ids,
    person_ids = l.person_ids, meeting_kinds = l.meeting_kinds
  FROM (
    SELECT r.id,
      CASE WHEN ''topics'' = ANY(arrays)
        THEN ARRAY(SELECT rt.topic_id FROM release_topic rt WHERE rt.press_release_id = r.id ORDER BY 1) ELSE r.topic_ids END AS topic_ids,
      CASE WHEN ''countries'' = ANY(arrays)
        THEN ARRAY(SELECT rc.country_code FROM release_country rc WHERE rc.press_release_id = r.id ORDER BY 1) ELSE r.country_codes END AS country_codes,
      CASE WHEN ''initiatives'' = ANY(arrays)
        THEN ARRAY(SELECT DISTINCT im.initiative_id FROM initiative_mention im WHERE im.press_release_id = r.id ORDER BY 1) ELSE r.initiative_ids END AS initiative_ids,
      CASE WHEN ''people'' = ANY(arrays)
        THEN ARRAY(SELECT DISTINCT p.person_id FROM meeting m JOIN participant p ON p.meeting_id = m.id
                   WHERE m.press_release_id = r.id ORDER BY 1) ELSE r.person_ids END AS person_ids,
      CASE WHEN ''kinds'' = ANY(arrays)
        THEN ARRAY(SELECT DISTINCT m.kind FROM meeting m WHERE m.press_release_id = r.id ORDER BY 1) ELSE r.meeting_kinds END AS meeting_kinds
    FROM press_release r
    WHERE r.id = ANY(ids)
  ) l
  WHERE pr.id = l.id
    AND (pr.topic_ids, pr.country_codes, pr.initiative_ids, pr.person_ids, pr.meeting_kinds)
        IS DISTINCT FROM (l.topic_ids, l.country_codes, l.initiative_ids, l.person_ids, l.meeting_kinds)
';

-- release_topic, release_country, initiative_mention and meeting name their release.
CREATE OR REPLACE FUNCTION release_links_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  arrays TEXT[] := CASE TG_TABLE_NAME
    WHEN ''release_topic'' THEN ARRAY[''topics'']
    WHEN ''release_country'' THEN ARRAY[''countries'']
    WHEN ''initiative_mention'' THEN ARRAY[''initiatives'']
    WHEN ''meeting'' THEN CASE WHEN TG_OP = ''INSERT'' THEN ARRAY[''kinds''] ELSE ARRAY[''kinds'', ''people''] END
    ELSE ARRAY[''topics'', ''countries'', ''initiatives'', ''people'', ''kinds''] END\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM refresh_release_links(ARRAY(SELECT press_release_id FROM new_rows), arrays)\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM refresh_release_links(ARRAY(SELECT press_release_id FROM old_rows), arrays)\073
  ELSE
    PERFORM refresh_release_links(ARRAY(SELECT press_release_id FROM new_rows UNION SELECT press_release_id FROM old_rows), arrays)\073
  END IF\073
  RETURN NULL\073
END
';

-- participant names its meeting. When a meeting is deleted its participants go with it (cascade)
-- and the meeting row is gone by then: the trigger on meeting recomputes that release.
CREATE OR REPLACE FUNCTION release_participants_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM refresh_release_links(ARRAY(SELECT m.press_release_id FROM new_rows n JOIN meeting m ON m.id = n.meeting_id), ARRAY[''people''])\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM refresh_release_links(ARRAY(SELECT m.press_release_id FROM old_rows o JOIN meeting m ON m.id = o.meeting_id), ARRAY[''people''])\073
  ELSE
    PERFORM refresh_release_links(ARRAY(
      SELECT m.press_release_id FROM new_rows n JOIN meeting m ON m.id = n.meeting_id
      UNION SELECT m.press_release_id FROM old_rows o JOIN meeting m ON m.id = o.meeting_id), ARRAY[''people''])\073
  END IF\073
  RETURN NULL\073
END
';
