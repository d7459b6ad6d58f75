-- The cross-tab arithmetic roll-ups are made of: a difference of two
-- cross-tabs (foistats.xtab_minus and the operator -, the counts of records
-- deleted from a month taken off it) and relabelled columns
-- (foistats.relabel_columns).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
SET search_path = foistats, public;
\set SHOW_CONTEXT never

CREATE TEMP TABLE rec (ref int, offence text, recorded date, platforms text[]);
INSERT INTO rec VALUES
  (1, 'EXPOSURE', '2013-02-01', '{Facebook}'), (2, 'EXPOSURE', '2013-05-09', '{Facebook,Snapchat}'),
  (3, 'VOYEURISM', '2013-07-01', '{Snapchat}'), (4, 'EXPOSURE', '2014-01-03', '{}'),
  (5, 'RAPE', '2014-03-03', '{Kik}'), (6, 'VOYEURISM', '2014-06-06', '{Facebook,Kik}');

-- A cross-tab less that of some of its records is the cross-tab of the
-- others, for every subset: rows and columns left with nothing are gone, as
-- if never counted (here all 64 subsets, single- and multi-label).
SELECT count(*) AS subsets,
       count(*) FILTER (WHERE ((SELECT xtab(offence, recorded) FROM rec)
                               - coalesce((SELECT xtab(offence, recorded) FROM rec WHERE ref = ANY (s.refs)), '{}'))::text
                              = coalesce((SELECT xtab(offence, recorded) FROM rec WHERE ref <> ALL (s.refs)), '{}')::text
                        ) AS single_label_equal,
       count(*) FILTER (WHERE (xtab_minus((SELECT xtab(platforms, recorded) FROM rec),
                                          coalesce((SELECT xtab(platforms, recorded) FROM rec WHERE ref = ANY (s.refs)), '{}')))::text
                              = coalesce((SELECT xtab(platforms, recorded) FROM rec WHERE ref <> ALL (s.refs)), '{}')::text
                        ) AS multi_label_equal
  FROM (SELECT ARRAY(SELECT i FROM generate_series(1, 6) i WHERE m & (1 << (i - 1)) <> 0) AS refs
          FROM generate_series(0, 63) m) s;

-- For example: two of the three 2013 records taken off.
SELECT (SELECT xtab(offence, recorded) FROM rec) AS all_records,
       (SELECT xtab(offence, recorded) FROM rec WHERE ref IN (1, 3)) AS two_of_them,
       (SELECT xtab(offence, recorded) FROM rec) - (SELECT xtab(offence, recorded) FROM rec WHERE ref IN (1, 3)) AS the_others;
-- Units (distinct crimes) of a multi-label cross-tab are subtracted too.
SELECT xtab_minus((SELECT xtab(platforms, recorded) FROM rec), (SELECT xtab(platforms, recorded) FROM rec WHERE ref = 2));
-- Everything taken off: the empty cross-tab.
SELECT (SELECT xtab(offence, recorded) FROM rec) - (SELECT xtab(offence, recorded) FROM rec) AS nothing_left;
-- Title, row header and footnotes stay those of the first.
SELECT annotate('{cols: "2013"; rows: "A" 3, "B" 1}', title => 'T', footnotes => '{note}') - '{cols: "2013"; rows: "B" 1}';

-- Taking off more than is there is an error, naming the cell; clip => true
-- stops at zero instead.
SELECT xtab_minus('{cols: "2013"; rows: "A" 1}', '{cols: "2013"; rows: "A" 2}');
SELECT xtab_minus('{cols: "2013"; rows: "A" 1}', '{cols: "2014"; rows: "A" 1}');
SELECT xtab_minus('{cols: "2013"; rows: "A" 1}', '{cols: "2013"; rows: "B" 1}');
SELECT xtab_minus('{cols: "2013"; rows: "A" 1; units: 1}', '{cols: "2013"; rows: "A" 0; units: 2}');
SELECT xtab_minus('{cols: "2013", "2014"; rows: "A" 1 5, "B" 2 0}', '{cols: "2013", "2015"; rows: "A" 3 1, "C" 1 1}', true);
-- Protected and parsed cross-tabs are refused: their withheld counts would
-- show in the difference.
SELECT '{cols: "2013"; rows: "A" 3s, "B" 10}'::xtab - '{cols: "2013"; rows: "B" 1}';
SELECT '{cols: "2013"; rows: "A" 3; grandtotal: 3}'::xtab - '{}';
-- NULL in, NULL out.
SELECT xtab_minus(NULL, '{}') IS NULL AS a_null, ('{}'::xtab - NULL) IS NULL AS b_null;

-- relabel_columns: columns renamed; columns that end up with the same label
-- are added together (cells and units); a label not among the columns is
-- ignored; kinds are inferred from the new labels.
SELECT relabel_columns((SELECT xtab(offence, recorded) FROM rec), '{2013,2014}', '{all,all}');
SELECT relabel_columns((SELECT xtab(platforms, recorded) FROM rec), '{2013,2014,2099}', '{2013 to 2014,2013 to 2014,x}');
SELECT col_labels(relabel_columns('{cols: "a", "b"; rows: "A" 1 2}', '{a}', '{2015}'));
SELECT relabel_columns('{cols: "2013"; rows: "A" 1}', '{2013}', '{}');
SELECT relabel_columns('{cols: "2013"; rows: "A" 1}', '{2013,2013}', '{a,b}');
-- A published value keeps its row totals and grand total; a merged column
-- has a published total only where every part had one.
SELECT relabel_columns('{cols: "2013", "2014", "2015"; rows: "A" 3s 4 5; coltotals: 30 40 -; rowtotals: 12; grandtotal: 12}',
                       '{2013,2014,2015}', '{x,x,y}');
