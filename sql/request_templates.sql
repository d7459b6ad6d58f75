-- The shipped request templates: real requests, each answered from its
-- definition over sample records (test/fixtures/template_records.sql, made by
-- test/data/make_template_records.py from the published tables), compared
-- cell for cell with the published table as cut from its stored source
-- (test/fixtures/requests/*/, see each .cite), whose own arithmetic is audited.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE EXTENSION IF NOT EXISTS foistats_sample;
\i test/fixtures/template_records.sql
RESET client_min_messages;
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never

SELECT name, spec ->> 'title' AS title, jsonb_array_length(spec -> 'questions') AS questions,
       (SELECT p.period_from || ' – ' || p.period_to FROM foistats.request_period(name) p) AS period
  FROM foistats.request WHERE shipped ORDER BY name;

-- Every template's sample records, bound as a force would bind its table.
SELECT foistats.bind_records('tr_' || t, format('template_records.%I', t)::regclass)
  FROM unnest(ARRAY['northants', 'wmp', 'cleveland', 'psni']) t;

-- One comparison of a template's answer with its published table: whether
-- the table foistats prints holds the published one line for line, every
-- figure's reconcile status, and the published table's own audit findings.
CREATE FUNCTION pg_temp.compare(request text, records regclass, published text,
    OUT printed_as_published boolean, OUT statuses text, OUT published_findings bigint)
LANGUAGE sql AS $$
  SELECT strpos(foistats.request_render(request, '1', 'tsv', records), published) > 0,
         (SELECT string_agg(format('%s %s', status, n), ', ' ORDER BY status)
            FROM (SELECT status, count(*) AS n
                    FROM foistats.reconcile(foistats.parse_table(published), foistats.request_xtab(request, '1', records))
                   GROUP BY status) s),
         (SELECT count(*) FROM foistats.audit(foistats.parse_table(published)))
$$;

-- 1. Northamptonshire 10905-25: sexual communication with a child, 2024/25.
\set published `cat test/fixtures/requests/northants_2025_scwc_age_sex/northants_2025_scwc_age_sex.tsv`
SELECT foistats.request_render('northants_2025_scwc_age_sex', '1', 'text', 'tr_northants.records');
SELECT foistats.request_render('northants_2025_scwc_age_sex', '2', 'text', 'tr_northants.records');
-- Cell by cell: every disclosed cell matches; each '*' cell holds 1-4 in
-- the sample ('suppressed': within the marker's range).  The published
-- 'Sum:' row adds only the disclosed cells, so it differs from the true
-- column totals exactly where a cell was withheld.
SELECT status, count(*) FROM foistats.reconcile(foistats.parse_table(:'published', total_labels => '{Sum:}'),
                                                foistats.request_xtab('northants_2025_scwc_age_sex', '2', 'tr_northants.records'))
 GROUP BY status ORDER BY status;
SELECT * FROM foistats.reconcile(foistats.parse_table(:'published', total_labels => '{Sum:}'),
                                 foistats.request_xtab('northants_2025_scwc_age_sex', '2', 'tr_northants.records'))
 WHERE status <> 'match' ORDER BY row_label NULLS LAST, col_label NULLS LAST;
-- The published table audited: read as totals, its 'Sum:' row would make
-- every withheld cell 0 -- which Question 1's total (52) contradicts.
SELECT * FROM foistats.audit(foistats.parse_table(:'published', total_labels => '{Sum:}'));

-- 2. West Midlands 1887A/23: cautions (outcome 2 and 3) by year, 2023 to 12 December.
\set published `cat test/fixtures/requests/wmp_2023_cautions_outcome/wmp_2023_cautions_outcome.tsv`
SELECT foistats.request_render('wmp_2023_cautions_by_outcome', '1', 'text', 'tr_wmp.records');
SELECT * FROM pg_temp.compare('wmp_2023_cautions_by_outcome', 'tr_wmp.records', :'published');

-- 3. Cleveland 242-24: breaches of restraining orders by year, 2018-2023.
\set published `cat test/fixtures/requests/cleveland_2024_restraining_orders/cleveland_2024_restraining_orders.tsv`
SELECT foistats.request_render('cleveland_2024_restraining_orders', '1', 'text', 'tr_cleveland.records');
SELECT * FROM pg_temp.compare('cleveland_2024_restraining_orders', 'tr_cleveland.records', :'published');

-- 4. PSNI (Belfast Telegraph): sexual communication with a child by financial year.
\set published `cat test/fixtures/requests/belfasttelegraph_2023_psni_scwc_by_fy/belfasttelegraph_2023_psni_scwc_by_fy.tsv`
SELECT foistats.request_render('psni_2023_scwc_by_fy', '1', 'text', 'tr_psni.records');
SELECT * FROM pg_temp.compare('psni_2023_scwc_by_fy', 'tr_psni.records', :'published');

-- 5. The seed (West Midlands 2014): its subsets stay within question 1, and
-- every table adds up as foistats prints it.
SELECT foistats.bind_records('tr_seed', 'foistats_sample.crimes');
SELECT question, "check", count(*) FROM foistats.audit_request('wmp_2014_child_sexual_offences', 'tr_seed.records')
 GROUP BY 1, 2 ORDER BY 1, 2;

-- A template is copied and re-run for the user's own period in two calls.
SELECT foistats.define_request('my_scwc', foistats.request_spec('northants_2025_scwc_age_sex')
                                          || '{"period": {"from": "2024-04-01", "to": "2024-09-30"}}');
SELECT foistats.render(foistats.request_xtab('my_scwc', '2', 'tr_northants.records'), 'text');
SELECT foistats.drop_request('my_scwc');

SET client_min_messages = warning;
DROP SCHEMA tr_northants, tr_wmp, tr_cleveland, tr_psni, tr_seed CASCADE;
DROP SCHEMA template_records CASCADE;
DROP EXTENSION foistats_sample;
