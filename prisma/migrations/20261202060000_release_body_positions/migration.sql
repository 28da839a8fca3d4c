-- Where the body's words are, so a search's highlights parse only the part of a body that can hold
-- them (docs/performance.md, "Highlights over the lines that can hold them").
--
-- ts_headline(cfg, body, query, 'MaxFragments=3, MaxWords=30, ...') parses and stems the whole body
-- (most of a keyword search's time in Postgres), but its answer depends only on the words the query
-- names (its covers start and end on them) and on at most 14 words before the first of them and 29
-- after the last (a fragment is stretched to MaxWords). `body_positions` says, for each line of the
-- body (split at newlines), at which character it starts and how many text-search positions come
-- before it, in the coordinates of `search_vector` (the title's positions first). A search reads the
-- positions of its query's lexemes in the body from `search_vector` and gives ts_headline the lines
-- from 30 positions before the first to 50 after the last (a position is at most one word of a
-- hyphenated pair, so 30 positions hold at least 20 words, 50 at least 33): the same fragments.
--
-- Layout: one bigint per line, the positions before it times 2^32 plus the character (0-based) it
-- starts at, ascending, so width_bucket finds a position's line in the one array, then the body's
-- length plus 1,000,000 times 2^32 (past every position). NULL for an empty body, for a body with
-- a line past position 16,000 (a vector's positions stop at 16,383) and for the bodies
-- body_position_map cannot split: the highlights then read the whole body. A query's lexeme past
-- position 16,383, or with 256 positions (the most a vector keeps), reads the whole body too.
--
-- Function bodies are escape strings with each semicolon written as the octal escape 073: the
-- migration runner splits the script at every semicolon, even quoted ones.

-- One parse of the body, with a number written at the start of each line: the k-th number's position
-- less k is the count of the body's own positions before line k. A line break ends every token but a
-- tag (`<a` and `href>` on two lines), so a body with a `<` gets no map, nor one of 256 lines or more
-- (a lexeme keeps at most 256 positions), nor one that holds the number itself (the counts differ).
CREATE FUNCTION body_position_map(cfg regconfig, title text, body text) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE WHEN body IS NULL OR body = '''' OR strpos(body, ''<'') > 0 THEN NULL ELSE (
    SELECT CASE WHEN count(l.n) = count(*) AND count(m.p) = count(*) AND count(*) < 256 AND max(m.p) < 16000 THEN
      array_agg((((m.p - m.k + coalesce((SELECT max(p) FROM unnest(to_tsvector(cfg, coalesce(title, ''''))) u, unnest(u.positions) p), 0))::bigint << 32)
        + l.off) ORDER BY l.n) || ((1000000::bigint << 32) + length(body)) END
    FROM (SELECT n, (sum(length(line) + 1) OVER (ORDER BY n) - length(line) - 1)::integer AS off
          FROM unnest(string_to_array(body, chr(10))) WITH ORDINALITY x(line, n)) l
    FULL JOIN (SELECT row_number() OVER (ORDER BY p) AS k, p
          FROM unnest(to_tsvector(cfg, ''9876543210123 '' || replace(body, chr(10), chr(10) || ''9876543210123 ''))) u, unnest(u.positions) p
          WHERE u.lexeme = ''9876543210123'') m ON m.k = l.n) END
';

-- The lines of `body` that hold its positions lo to hi (positions of search_vector), with 30
-- positions before and 50 after: what ts_headline needs to give the highlights it gives for the
-- whole body, when lo and hi are the first and last positions in the body of the query's lexemes.
-- `most`: the most positions one of those lexemes has in search_vector (256 means some were not
-- kept). The whole body when the map or the positions cannot say, an empty text when the body has
-- none of the lexemes (its headline then has no match, and no fragment is shown).
CREATE FUNCTION body_excerpt(body text, map bigint[], lo integer, hi integer, most integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE
    WHEN map IS NULL OR most >= 256 OR hi >= 16383 THEN body
    WHEN lo IS NULL THEN ''''
    ELSE substr(body,
      1 + (map[greatest(width_bucket(((lo - 30)::bigint << 32) - 1, map), 1)] & 4294967295)::integer,
      ((map[width_bucket(((hi + 50)::bigint << 32) - 1, map) + 1] & 4294967295)
        - (map[greatest(width_bucket(((lo - 30)::bigint << 32) - 1, map), 1)] & 4294967295))::integer)
  END
';

-- Stored plain (at most 256 bigints): a compressed value is decompressed again at each of the
-- excerpt's reads of it (three lookups and two subscripts a row).
ALTER TABLE "press_release" ADD COLUMN "body_positions" bigint[]
  GENERATED ALWAYS AS (body_position_map(search_config("language"), "title", "body")) STORED,
  ALTER COLUMN "body_positions" SET STORAGE PLAIN;
