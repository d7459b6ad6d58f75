-- Shared prelude, not a test: random_cells(...), the cells of `tables` random
-- tables with many small counts (from the session's random(): setseed first
-- for the same tables every run), in the current schema.  Table t has
-- 2 .. rows + 1 rows ('row 1', ...) and 2 .. cols + 1 years (2010, ...); a
-- count is 0 with probability p_zero, 1-4 up to p_small, 5-20 up to p_mid,
-- and else 20 to big + 19.
CREATE FUNCTION random_cells(tables int, rows int, cols int, p_zero float8, p_small float8,
                             p_mid float8, big int)
RETURNS TABLE (t int, row_label text, year int, n bigint)
LANGUAGE sql VOLATILE AS $$
  SELECT t, 'row ' || r AS row_label, 2009 + c AS year,
         (CASE WHEN u < p_zero THEN 0
               WHEN u < p_small THEN 1 + floor(random() * 4)
               WHEN u < p_mid THEN 5 + floor(random() * 16)
               ELSE 20 + floor(random() * big) END)::bigint AS n
  FROM (SELECT t, 2 + floor(random() * rows)::int AS nr, 2 + floor(random() * cols)::int AS nc
        FROM generate_series(1, tables) t) s,
       generate_series(1, s.nr) r, generate_series(1, s.nc) c,
       LATERAL (SELECT random() + 0 * r * c AS u) w
$$;
