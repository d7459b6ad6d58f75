-- foistats.define_request / request_spec / drop_request: a request is data.
-- Every bad definition is refused when it is defined, naming the question
-- and the key.
\i sql/include/records_prelude.sql

-- A new user's request, defined once: rapes per financial year 2019/20 to
-- 2023/24 by outcome, and sexual communication with a child in 2023 by
-- quarter and platform.
SELECT foistats.define_request('rape_outcomes', $${
  "title": "Rape offences and their outcomes",
  "period": {"from": "2019/20", "to": "2023/24"},
  "columns": "fy",
  "questions": [
    {"id": "1", "title": "Rapes by outcome type", "rows": "outcome_type", "zeros": {"periods": true},
     "population": "foistats.ho_class(coalesce(ho_code, offence)) BETWEEN '19C' AND '19K'"},
    {"id": "1a", "subset_of": "1", "measure": {"count": "outcome IN ('1', '1A')", "name": "charged"},
     "answer": "{1a.charged:Words} of the {1a.crimes} rapes were charged."}
  ]}$$);
SELECT foistats.define_request('scwc_platforms', $${
  "title": "Sexual communication with a child",
  "period": {"from": "2023-01-01", "to": "2023-12-31"},
  "columns": "quarter",
  "protect": {"threshold": 5},
  "questions": [
    {"id": "1", "title": "Sexual communication with a child by victim age",
     "population": "foistats.ho_code(coalesce(ho_code, offence)) = '071/17'",
     "rows": {"dimension": "victim_age", "bands": ["11 and under", "12-15", "16 and over"]},
     "zeros": {"rows": true, "periods": true}},
    {"id": "2", "subset_of": "1", "title": "by platform mentioned",
     "rows": {"terms": "platforms", "name": "platform"}, "protect": false}
  ]}$$);
SELECT name, shipped, jsonb_array_length(spec -> 'questions') AS questions FROM foistats.request WHERE NOT shipped ORDER BY name;
SELECT foistats.request_spec('rape_outcomes') -> 'period' AS period;
SELECT * FROM foistats.request_period('rape_outcomes');
-- Replacing keeps one row.
SELECT foistats.define_request('rape_outcomes', foistats.request_spec('rape_outcomes') || '{"title": "Rapes and outcomes"}');
SELECT name, spec ->> 'title' AS title FROM foistats.request WHERE name = 'rape_outcomes';

-- Period rules: the last five complete financial years, and "to date",
-- resolved against as_of (today in Europe/London when as_of is absent).
SELECT foistats.define_request('last5', '{"title": "t", "period": {"last": 5, "unit": "fy", "as_of": "2024-11-30"},
  "questions": [{"id": "1", "rows": "offence"}]}');
SELECT * FROM foistats.request_period('last5');
SELECT foistats.define_request('last5', '{"title": "t", "period": {"last": 2, "unit": "fy", "include_current": true, "as_of": "2024-11-30"},
  "questions": [{"id": "1", "rows": "offence"}]}');
SELECT * FROM foistats.request_period('last5');
SELECT foistats.define_request('last5', '{"title": "t", "period": {"from": "2010", "to": "today", "as_of": "2014-05-31"},
  "questions": [{"id": "1", "rows": "offence"}]}');
SELECT * FROM foistats.request_period('last5');
SELECT foistats.define_request('last5', '{"title": "t", "period": {"last": 3, "unit": "quarter", "as_of": "2024-11-30"},
  "questions": [{"id": "1", "rows": "offence"}]}');
SELECT * FROM foistats.request_period('last5');
SELECT foistats.partial_periods('2024-04-01', '2024-11-30', 'fy') AS fy_partial,
       foistats.partial_periods('2010-01-01', '2014-05-31', 'year') AS year_partial,
       foistats.period_labels('2023-11-15', '2024-02-10', 'quarter') AS quarters;

-- Bad definitions: each error names the request, the question and the key.
\set VERBOSITY default
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020-01-01", "to": "2020-12-31"}, "questions": [{"id": "1", "rows": "offence", "colums": "year"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "perod": {}, "questions": []}');
SELECT foistats.define_request('bad', '{"period": {"from": "2020-01-01", "to": "2020-12-31"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2021-01-01", "to": "2020-12-31"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020-02-30", "to": "2020-12-31"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2019/21", "to": "2020/21"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"last": 0, "unit": "fy"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"last": 3, "unit": "decade"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "victim_age < ", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "victim_age", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "no_such_column = 1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "true; DROP TABLE foistats.request", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "true); SELECT (true", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "population": "foistats.mentions_any(mo, ''no_such_dictionary'')", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": {"terms": "no_such_dictionary"}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "victim_shoe_size"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "victim_age"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": {"dimension": "victim_age", "bands": ["0-12", "10-15"]}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": {"dimension": "victim_age", "bands": ["toddlers"]}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": {"expr": "victim_age"}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "columns": "week"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence"}, {"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1b", "subset_of": "1", "rows": "offence"}, {"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "measure": {"count": "convicted", "name": "crimes"}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "protect": {"threshold": -1}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "answer": "{1.convictions} were convicted"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "answer": "{2.total} in all"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "answer": "{1.total:roman} in all"}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": {"dimension": "offence", "only": ["X"]}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "fields": {"location_type": "no_such_type"}, "questions": [{"id": "1", "rows": "offence"}]}');
SELECT foistats.define_request('Bad Name', '{}');
SELECT foistats.define_request('wmp_2014_child_sexual_offences', '{}');
SELECT foistats.request_spec('no_such_request');
SELECT foistats.drop_request('wmp_2014_child_sexual_offences');
\set VERBOSITY terse
-- Nothing bad was stored.
SELECT count(*) AS bad_requests FROM foistats.request WHERE name IN ('bad', 'Bad Name');

-- A request may use columns of the force's table that are not interface
-- fields ("fields"), e.g. where the crime happened.
SELECT foistats.define_request('hospital', '{"title": "Crimes at hospitals", "period": {"from": "2020/21", "to": "2022/23"},
  "columns": "fy", "fields": {"location_type": "text"},
  "questions": [{"id": "1", "population": "location_type = ''HOSPITAL''", "rows": "ons_group"}]}');

-- The catalog survives pg_dump: user requests are dumped, shipped templates are not.
SELECT c.relname AS config_table, u.cond AS dumped_rows
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS u(oid, cond)
  JOIN pg_class c ON c.oid = u.oid
 WHERE e.extname = 'foistats' AND c.relname IN ('request', 'answer', 'answer_table', 'ho_outcome')
 ORDER BY c.relname;

SELECT foistats.drop_request(n) FROM unnest(ARRAY['rape_outcomes', 'scwc_platforms', 'last5', 'hospital']) n;
SELECT name FROM foistats.request WHERE NOT shipped ORDER BY name;
