-- foistats.xtab: the cross-tab type, its text and binary formats.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- The text format: sections cols, rows, units, coltotals, rowtotals,
-- grandtotal, title, rowheader, footnote; labels double-quoted.
SELECT '{cols: "2013", "2014"; rows: "EXPOSURE" 16 1, "VOYEURISM" 6 3}'::foistats.xtab;
-- An empty cross-tab.
SELECT '{}'::foistats.xtab, ' { } '::foistats.xtab;

-- Columns always come out in natural order: years, financial years,
-- quarters, months chronologically, then integers numerically, then text by
-- label.  A column's kind is written only when it is not the one its label
-- implies (here text "2012": a text column that only looks like a year).
SELECT '{cols: "Facebook", "10", "2013-02", "2013 Q4", "2013/14", "9", "2014", "2012/13",
              "2013 Q1", "2013-01", "2013", text "2012", "Apple";
         rows: "A" 1 2 3 4 5 6 7 8 9 10 11 12 13}'::foistats.xtab;
SELECT foistats.col_labels('{cols: "Facebook", "10", "2013-02", "2013 Q4", "2013/14", "9", "2014",
                                    "2012/13", "2013 Q1", "2013-01", "2013", "Apple"}');
-- Rows keep the order they were given in.
SELECT foistats.row_labels('{cols: "2013"; rows: "b" 1, "a" 2, "C" 3}');

-- Everything a value can carry, and the round trip text -> xtab -> text.
CREATE TEMP TABLE xt_full (x foistats.xtab);
INSERT INTO xt_full VALUES ('{cols: "2013", "2014";
  rows: "RAPE" 3s"<5" 0b, "EXPOSURE, \"flashing\"" 16 1sc, "back\\slash" 0 2r;
  units: 17 3; coltotals: 19 -; rowtotals: 3 - 2; grandtotal: 21;
  title: "Sexual offences"; rowheader: "Offence";
  footnote: "* fewer than 5"; footnote: "second note"}');
SELECT x FROM xt_full;
SELECT x::text::foistats.xtab::text = x::text AS text_round_trip FROM xt_full;

-- Binary send/recv: COPY BINARY out and back in.
CREATE TEMP TABLE xt_copy (x foistats.xtab);
COPY xt_full TO '/tmp/foistats_xtab_regress.bin' (FORMAT binary);
COPY xt_copy FROM '/tmp/foistats_xtab_regress.bin' (FORMAT binary);
SELECT c.x::text = f.x::text AS binary_round_trip FROM xt_copy c, xt_full f;

-- A corrupted binary value is rejected: change the format version byte
-- (the first byte of the field, after the 19-byte file header, the 2-byte
-- field count and the 4-byte field length).
SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid = 4242000;
SELECT lo_from_bytea(4242000,
         set_byte(pg_read_binary_file('/tmp/foistats_xtab_regress.bin'), 25, 9));
SELECT lo_export(4242000, '/tmp/foistats_xtab_regress_bad.bin');
COPY xt_copy FROM '/tmp/foistats_xtab_regress_bad.bin' (FORMAT binary);
-- A column count larger than the data (bytes 27-30), and an unknown
-- column kind (byte 31).
SELECT lo_unlink(4242000);
SELECT lo_from_bytea(4242000,
         overlay(pg_read_binary_file('/tmp/foistats_xtab_regress.bin')
                 placing '\x7fffffff'::bytea from 28 for 4));
SELECT lo_export(4242000, '/tmp/foistats_xtab_regress_bad.bin');
COPY xt_copy FROM '/tmp/foistats_xtab_regress_bad.bin' (FORMAT binary);
SELECT lo_unlink(4242000);
SELECT lo_from_bytea(4242000,
         set_byte(pg_read_binary_file('/tmp/foistats_xtab_regress.bin'), 31, 99));
SELECT lo_export(4242000, '/tmp/foistats_xtab_regress_bad.bin');
COPY xt_copy FROM '/tmp/foistats_xtab_regress_bad.bin' (FORMAT binary);
SELECT count(*) AS nothing_loaded FROM xt_copy WHERE x::text <> (SELECT x::text FROM xt_full);
SELECT lo_unlink(4242000);

-- Malformed text input: each error names what is wrong and where.
SELECT 'cols: "2013"'::foistats.xtab;
SELECT '{cols: "2013"'::foistats.xtab;
SELECT '{cols: "2013"} trailing'::foistats.xtab;
SELECT '{colz: "2013"}'::foistats.xtab;
SELECT '{rows: "A"; cols: "2013"}'::foistats.xtab;
SELECT '{cols: "2013"; cols: "2014"}'::foistats.xtab;
SELECT '{cols: "2013", "2013"}'::foistats.xtab;
SELECT '{cols: 2013}'::foistats.xtab;
SELECT '{cols: "2013}'::foistats.xtab;
SELECT '{cols: week "2013"}'::foistats.xtab;
SELECT '{cols: fy "2013/15"}'::foistats.xtab;
SELECT '{cols: month "2013-13"}'::foistats.xtab;
SELECT '{cols: quarter "2013 Q5"}'::foistats.xtab;
SELECT '{cols: "2013", "2014"; rows: "A" 1}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" 1 2}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" 1, "A" 2}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" -1}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" 99999999999999999999}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" 1x}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" 1; units: 1 2}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "A" "1"}'::foistats.xtab;
SELECT '{title: "a \n b"}'::foistats.xtab;
-- The errors carry SQLSTATE 22P02 (invalid_text_representation).
DO $$
BEGIN
  PERFORM '{cols: "2013"; rows: "A" 1 2}'::foistats.xtab;
EXCEPTION WHEN invalid_text_representation THEN
  RAISE NOTICE 'caught invalid_text_representation: %', SQLERRM;
END $$;

-- Reading: long form, wide form, labels and totals.  Suppressed cells read
-- as NULL.  The value has suppressed cells and published totals, so every
-- reader shows its published totals only (NULL where withheld: the
-- EXPOSURE row, column 2014) and shows a column's units (distinct crimes)
-- only with its published total (2013: 17; 2014 and the overall units not).
SELECT * FROM foistats.rows((SELECT x FROM xt_full));
SELECT * FROM foistats.wide((SELECT x FROM xt_full));
SELECT foistats.col_totals(x), foistats.col_units(x), foistats.grand_total(x),
       foistats.total_units(x), foistats.is_multi_label(x)
  FROM xt_full;
SELECT jsonb_pretty(foistats.to_jsonb(x)) FROM xt_full;
SELECT '{cols: "2013"; rows: "A" 2}'::foistats.xtab::jsonb AS cast_to_jsonb;

-- Values survive a table round trip with TOAST (many rows).
CREATE TEMP TABLE xt_big AS
  SELECT ('{cols: "2013", "2014"; rows: ' ||
          string_agg(format('"row %s" %s %s', i, i, 2 * i), ', ') || '}')::foistats.xtab AS x
    FROM generate_series(1, 20000) i;
SELECT foistats.grand_total(x), array_length(foistats.row_labels(x), 1) AS nrows,
       pg_column_size(x) < octet_length(x::text) AS stored_compactly
  FROM xt_big;

-- Every object of the cross-tab engine has a comment.
SELECT p.oid::regprocedure AS missing_comment
  FROM pg_proc p
 WHERE p.pronamespace = 'foistats'::regnamespace
   AND p.proname IN ('xtab', 'xtab_in', 'xtab_out', 'xtab_recv', 'xtab_send', 'xtab_agg_trans',
                     'xtab_agg_final', 'xtab_agg_combine', 'xtab_agg_serialize',
                     'xtab_agg_deserialize', 'xtab_merge', 'xtab_merge_trans', 'xtab_plus',
                     'rows', 'wide', 'col_labels', 'row_labels', 'col_totals', 'col_units',
                     'grand_total', 'total_units', 'is_multi_label', 'to_jsonb', 'period',
                     'render', 'create_wide_view')
   AND obj_description(p.oid, 'pg_proc') IS NULL;
-- (the state is the xtab type itself, so partial states travel as xtab
-- values: no serialize functions; a real state type is what Citus needs to
-- push the aggregate down to the shards)
SELECT count(*) AS xtab_aggregates, bool_and(a.aggcombinefn <> 0
                                              AND a.aggtranstype = 'foistats.xtab'::regtype
                                              AND p.proparallel = 's') AS all_parallel_safe
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'foistats'::regnamespace AND p.proname IN ('xtab', 'xtab_merge');
