-- A lexeme of a tsvector is at most 2,046 bytes. Two long side-by-side words (a pasted text of
-- random letters: two words of 1,500 characters) made a pair over that limit, and building `match`
-- failed, so the release could not be stored. Pairs over the limit are left out of `match`: no
-- search can ask for them (a query's lexemes have the same limit), so nothing a search finds changes.
CREATE OR REPLACE FUNCTION search_match_vector_any(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT array_to_tsvector(tsvector_to_array(v) || ARRAY(
    SELECT DISTINCT x.l || '' '' || n FROM (
      SELECT u.lexeme AS l, array_agg(u.lexeme) OVER (ORDER BY p::int RANGE BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS ns
      FROM unnest(v) u, unnest(u.positions) p) x, unnest(x.ns) n
    WHERE octet_length(x.l) + octet_length(n) < 2046))
';

CREATE OR REPLACE FUNCTION search_match_vector(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS E'
  SELECT CASE WHEN bool_or(x.np = x.p) THEN search_match_vector_any(v)
    ELSE array_to_tsvector(tsvector_to_array(v) || coalesce(array_agg(DISTINCT x.l || '' '' || x.nl)
      FILTER (WHERE x.np = x.p + 1 AND octet_length(x.l) + octet_length(x.nl) < 2046), ''{}'')) END
  FROM (SELECT u.lexeme AS l, p, lead(u.lexeme) OVER w AS nl, lead(p) OVER w AS np
        FROM unnest(v) u, unnest(u.positions) p WINDOW w AS (ORDER BY p)) x
';
