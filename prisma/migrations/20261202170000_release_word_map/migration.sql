-- Where each of a body's words is, so a search's highlights are cut from the body in Node around
-- the positions of its lexemes in `search_vector`, with no parse of the body at read time
-- (src/read/highlight.ts, and docs/performance.md, "Highlights from the word map"). Replaces the line
-- map of release_body_positions, which only narrowed what ts_headline parsed.
--
-- `body_words`: 4 bytes (big-endian) per position of the body's own vector, in order: the first
-- character (0-based) of the word at that position times 256, plus its length (at most 255). Made
-- from the same parse as `to_tsvector`: every token of a type the configuration maps takes the next
-- position (stop words too), a hyphenated compound or a URL first as a whole and then by its parts,
-- which cover its characters again. NULL when the tokens do not spell the body back (the map would
-- be wrong): the highlights of that release are then ts_headline's of the whole body.
--
-- `title_end`: the title's last position in `search_vector`, after which the body's positions
-- follow (a search's lexeme is in the title when one of its positions is at most this).
--
-- No semicolon but those ending statements, in comments too: the migration runner splits the script
-- at every one.

CREATE FUNCTION body_word_map(cfg regconfig, body text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  WITH t AS (
    SELECT p.n, p.token,
      -- compounds and URLs (asciihword, hword, numhword, url): their parts follow them
      p.tokid IN (5, 15, 16, 17) AS whole,
      p.tokid IN (SELECT m.maptokentype FROM pg_ts_config_map m WHERE m.mapcfg = cfg) AND length(p.token) < 2048 AS positioned
    FROM ts_parse((SELECT c.cfgparser FROM pg_ts_config c WHERE c.oid = cfg), body) WITH ORDINALITY p(tokid, token, n)
  ), o AS (
    SELECT n, token, whole, positioned,
      coalesce(sum(length(token)) FILTER (WHERE NOT whole) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS off
    FROM t
  )
  SELECT CASE WHEN body IS NULL OR body = '' OR max(off) >= 8388608 THEN NULL
    WHEN string_agg(token, '' ORDER BY n) FILTER (WHERE NOT whole) IS DISTINCT FROM body THEN NULL
    ELSE coalesce(string_agg(int4send(((off::integer) << 8) | least(length(token), 255)), ''::bytea ORDER BY n) FILTER (WHERE positioned), ''::bytea)
    END
  FROM o
$fn$;

ALTER TABLE "press_release" DROP COLUMN "body_positions";
DROP FUNCTION body_excerpt(text, bigint[], integer, integer, integer);
DROP FUNCTION body_position_map(regconfig, text, text);

CREATE FUNCTION vector_last_position(v tsvector) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(max(p), 0)::smallint FROM unnest(v) u, unnest(u.positions) p
$fn$;

ALTER TABLE "press_release"
  ADD COLUMN "body_words" bytea GENERATED ALWAYS AS (body_word_map(search_config("language"), "body")) STORED,
  ADD COLUMN "title_end" smallint GENERATED ALWAYS AS (vector_last_position(to_tsvector(search_config("language"), coalesce("title", '')))) STORED;
