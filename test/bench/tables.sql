-- Parse, audit and reconcile a large published-style table: 100,000 offence
-- rows by 5 years with a Grand Total column and row, every 50th cell '<5' (each revealed by its row total: 2,000 findings).
\timing off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE TEMP TABLE big AS
SELECT E'\t2010\t2011\t2012\t2013\t2014\tGrand Total\n' ||
       string_agg(format(E'OFFENCE %s\t%s\t%s\t%s\t%s\t%s\t%s', i,
                         CASE WHEN i % 50 = 0 THEN '<5' ELSE (i % 7)::text END,
                         i % 11, i % 13, i % 17, i % 19,
                         CASE WHEN i % 50 = 0 THEN 0 ELSE i % 7 END + i % 11 + i % 13 + i % 17 + i % 19),
                  E'\n' ORDER BY i) || E'\n' AS t
  FROM generate_series(1, 100000) i;
SELECT length(t) AS bytes FROM big;
\timing on
SELECT count(*) AS rows_parsed FROM big, LATERAL unnest(foistats.row_labels(foistats.parse_table(t)));
SELECT count(*) AS findings FROM big, LATERAL foistats.audit(foistats.parse_table(t));
SELECT count(*) AS reconciled FROM big, LATERAL (SELECT foistats.parse_table(t) x) p, LATERAL foistats.reconcile(p.x, p.x);
SELECT count(*) AS lines FROM big, LATERAL regexp_split_to_table(t, E'\n');
