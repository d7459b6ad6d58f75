-- Markers (issue 14, defect 1): a published table whose every cell is withheld
-- ('<5'), with 10,000 and 80,000 markers (n rows by 10 years).  Each size is
-- parsed and read (grand_total), cast through text and through the stored form
-- (expand), and merged with itself; best of 5 runs.  With markers indexed by
-- cell the time per marker is flat: the 80k/10k ratio is about 8 (the linear
-- list this replaced gave about 40 at 80k/10k and 4x per doubling).
\timing off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE TEMP TABLE src AS
SELECT n, E'\t2010\t2011\t2012\t2013\t2014\t2015\t2016\t2017\t2018\t2019\n' ||
       string_agg(format(E'OFFENCE %s\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t<5', i), E'\n' ORDER BY i) || E'\n' AS t
  FROM (VALUES (1000), (8000)) v(n), generate_series(1, n) i GROUP BY n;
CREATE TEMP TABLE parsed AS SELECT n, foistats.parse_table(t) x FROM src;
CREATE TEMP TABLE texts AS SELECT n, x::text s FROM parsed;
CREATE FUNCTION pg_temp.ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8 := 'infinity';
BEGIN
  FOR i IN 1..5 LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  RETURN best;
END $$;
CREATE TEMP TABLE res AS
SELECT op, n * 10 AS markers, pg_temp.ms(format(q, n)) AS ms
  FROM (VALUES
    ('parse_table + grand_total', 'SELECT foistats.grand_total(foistats.parse_table(t)) FROM src WHERE n = %s'),
    ('text input (xtab_in)',      'SELECT foistats.grand_total(s::foistats.xtab) FROM texts WHERE n = %s'),
    ('text output (xtab_out)',    'SELECT length(x::text) FROM parsed WHERE n = %s'),
    ('expand stored (grand_total)', 'SELECT foistats.grand_total(x) FROM parsed WHERE n = %s'),
    ('merge (xtab_merge)',        'SELECT foistats.grand_total(foistats.xtab_merge(x)) FROM (SELECT x FROM parsed WHERE n = %1$s UNION ALL SELECT x FROM parsed WHERE n = %1$s) u'),
    ('render',                    'SELECT length(foistats.render(x)) FROM parsed WHERE n = %s')
  ) q(op, q), (VALUES (1000), (8000)) v(n);
SELECT a.op, a.ms AS ms_10k, b.ms AS ms_80k, round((b.ms / nullif(a.ms, 0))::numeric, 1) AS ratio_80k_10k
  FROM res a JOIN res b ON a.op = b.op AND a.markers = 10000 AND b.markers = 80000 ORDER BY a.op;
