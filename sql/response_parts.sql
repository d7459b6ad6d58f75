-- The parts of the response document: numbers in words, the text subset of
-- definitions, placeholders, a protected response (no withheld figure
-- printed, drawn or said), the audit's verdict (an error, or a visible
-- warning the caller asks for), a request of one's own, CSV export, and bad
-- calls.
\set with_sample
\i sql/include/records_prelude.sql
SELECT foistats.bind_records('parts', 'foistats_sample.crimes');

-- Numbers in words, British style ('and' before the last two digits).
SELECT n, foistats.number_words(n)
  FROM unnest(ARRAY[0, 1, 6, 12, 19, 20, 21, 45, 99, 100, 101, 105, 110, 999, 1000, 1001, 1010, 1100,
                    2500, 10000, 100005, 1000000, 1000001, 2500000, -7,
                    9223372036854775807, -9223372036854775808]::bigint[]) n;

-- Texts of a definition: paragraphs, "- " lists, links (one whose text is
-- its URL, backslash escapes aside, shows the URL), **bold**, `code`,
-- backslash escapes; HTML escaped, text wrapped at 76 columns, Markdown as
-- written.
\set sample_text 'See [the standard](https://example.org/a_b?x=1&y=2) and [https://example.org/c\\_d](https://example.org/c_d): **bold**, `a < b`, 5 \\* 3 & <tags>.\n\n- first\n- second item, long enough to be wrapped at seventy-six columns when printed as text\n\nline one  \nline two'
SELECT f, foistats.response_blocks(:'sample_text', f) FROM unnest(ARRAY['html', 'text', 'markdown']) f;
SELECT foistats.markdown_escape('a_b * [c] | <d> #e \ `f`') AS markdown, foistats.html_escape('<a href="x">Tom''s & co</a>') AS html;

-- Placeholders: a figure, in words, capitalised; a withheld figure (null)
-- prints the marker.
SELECT foistats.response_fill('{q.n} / {q.n:words} / {q.n:Words} / {q.w} / {q.w:Words}.', '{"q": {"n": 21, "w": null}}', '*');
SELECT foistats.response_fill('{q.x}', '{"q": {"n": 21}}', '*');

-- A protected response: the seed with disclosure control (threshold 5,
-- totals may be withheld; question 3, the multi-label platform table, left
-- unprotected here: test/response.sh protects all four).
SELECT foistats.define_request('seed_protected',
         jsonb_set(foistats.request_spec('wmp_2014_child_sexual_offences') || '{"protect": {"threshold": 5, "allow_totals": true}}',
                   '{questions,5,protect}', 'false'));
CREATE TEMP TABLE pdoc AS
SELECT f AS format, foistats.response('seed_protected', f, 'parts.records') AS text
  FROM unnest(ARRAY['markdown', 'text', 'html']) f;
-- Question 1b as the document prints it: withheld cells and totals show '*'
-- (a blank total would read as 0), and the protection rule is the table's
-- footnote, with a note that 1b was protected together with question 1 and
-- 1c (its linked tables), so that differences of their cells give nothing
-- away: more figures are withheld than when 1b is protected alone.
\pset format unaligned
\pset tuples_only on
SELECT substr(text, strpos(text, '**1b.'), strpos(text, '**1c.') - strpos(text, '**1b.')) FROM pdoc WHERE format = 'markdown';
-- 1d: its figure (6) is withheld with its five cells (each 1 or 2): the
-- sentence says '*', and the rule is footnoted.
SELECT substr(text, strpos(text, '**1d.'), strpos(text, '**2.') - strpos(text, '**1d.')) FROM pdoc WHERE format = 'markdown';
\pset tuples_only off
\pset format aligned
-- Every figure withheld from a table (request_xtab: NULL) is printed as the
-- marker or blank in the Markdown and in the HTML, and nowhere as a number;
-- every other figure is printed as it is.
CREATE TEMP TABLE truth AS
SELECT t.question, w.row_label, c.label AS col_label, c.n, c.label = 'Grand Total' OR w.is_total AS is_total
  FROM foistats.request_tables('seed_protected', 'parts.records') t,
       LATERAL foistats.table_rows(t.xtab, sort => 'label') w,
       LATERAL unnest(foistats.col_labels(t.xtab) || 'Grand Total'::text, w.cells || w.total) c(label, n)
 WHERE t.question IN ('1', '1b', '1c');
CREATE TEMP TABLE pprinted AS
SELECT d.format, (ARRAY['1', '1b', '1c', '3'])[t.table_no] AS question, c.row_label, c.col_label, c.kind, c.value, c.text
  FROM pdoc d, foistats.parse_tables(d.text) t,
       LATERAL foistats.table_cells(array_to_string((string_to_array(d.text, E'\n'))[t.first_line:t.last_line], E'\n'),
                                    d.format) c
 WHERE d.format IN ('markdown', 'html') AND t.table_no <= 3;
SELECT p.format, t.question, count(*) FILTER (WHERE t.n IS NULL) AS withheld,
       count(*) FILTER (WHERE t.n IS NULL AND (p.text = '*' OR (t.is_total AND p.text = ''))) AS printed_as_withheld,
       count(*) FILTER (WHERE t.n IS NOT NULL) AS published,
       count(*) FILTER (WHERE t.n IS NOT NULL AND p.value = t.n) AS printed_as_published,
       count(*) FILTER (WHERE p.row_label IS NULL) AS missing
  FROM truth t
  LEFT JOIN pprinted p ON p.question = t.question AND p.row_label = t.row_label AND p.col_label = t.col_label
 GROUP BY 1, 2 ORDER BY 1, 2;
-- The charts draw the top rows by published total (protected with its
-- subsets 1b and 1c, question 1 has withheld figures in its top rows too; 30
-- points in all, 5 years by 5 rows and the total): a withheld figure is not drawn and its
-- text says 'withheld'; every point drawn (a <circle> or <rect> with its
-- figure as <title>) is a published figure, and the text says each.
SELECT q, (SELECT count(*) FROM regexp_matches(d, 'withheld', 'g')) AS said_withheld,
       (SELECT count(*) FROM regexp_matches(fig, '<(circle|rect) [^>]*><title>', 'g')) AS points_drawn,
       (SELECT count(*) FROM regexp_matches(d, ' [0-9]+(,|;|\.( |$))', 'g')) AS figures_said
  FROM pdoc, unnest(ARRAY['1', '1b', '1c']) q,
       LATERAL (SELECT (regexp_match(text, format('<desc id="chart-%s-desc">([^<]*)</desc>', q)))[1] AS d,
                       (regexp_match(text, format('<figure class="chart" id="chart-%s">(.*?)</figure>', q)))[1] AS fig) c
 WHERE format = 'html' ORDER BY q;
SELECT foistats.drop_request('seed_protected');

-- The audit's verdict.  A subset published rounded (round5) while its
-- superset is published exactly: a subset cell rounded up to 5 then shows
-- more crimes than its superset's cell (1 to 4), which audit_request finds.
-- The response refuses to print it.
SELECT foistats.define_request('inconsistent', $${
  "title": "Grooming in the MO, and convictions",
  "period": {"from": "2012-01-01", "to": "2013-12-31"}, "columns": "quarter",
  "questions": [
    {"id": "1", "text": "How many crimes mentioned grooming?", "population": "foistats.mentions_any(mo, 'grooming')",
     "rows": "offence_family"},
    {"id": "2", "text": "How many of them resulted in a conviction?", "subset_of": "1", "population": "convicted",
     "rows": "offence_family", "protect": {"method": "round5"}}]}$$);
SELECT question, "check", row_label, col_label, published, computed
  FROM foistats.audit_request('inconsistent', 'parts.records') ORDER BY 1, 2, 3, 4;
SELECT foistats.response('inconsistent', 'markdown', 'parts.records');
-- ... unless the caller asks for a visible warning: at the top and at the table.
SELECT l FROM regexp_split_to_table(foistats.response('inconsistent', 'markdown', 'parts.records', audit_warnings => true), E'\n') l
 WHERE l ~* 'warning';
SELECT count(*) AS warnings_in_html
  FROM regexp_matches(foistats.response('inconsistent', 'html', 'parts.records', audit_warnings => true),
                      '<p class="warning" role="note"><strong>Warning: ', 'g');
SELECT foistats.drop_request('inconsistent');

-- A request of one's own: an intro and a closing with placeholders, a count
-- question shown as its table (no answer in words), a bar chart for one
-- period, a question without a chart.
SELECT foistats.define_request('grooming_fy', $${
  "title": "Grooming in the MO of crimes against children",
  "period": {"from": "2013/14", "to": "2013/14"}, "columns": "fy",
  "intro": "This answer counts {g.crimes} crimes recorded in 2013/14.",
  "questions": [
    {"id": "g", "text": "How many crimes against children mentioned grooming, by age of the victim?",
     "population": "victim_age < 18 AND foistats.mentions_any(mo, 'grooming')",
     "population_text": "crimes against a victim under 18 whose MO text mentions grooming",
     "rows": {"dimension": "victim_age", "bands": ["0-12", "13-15", "16-17"]}, "zeros": {"rows": true},
     "chart": {"type": "bar", "rows": 2}},
    {"id": "c", "text": "How many of them led to a conviction?", "subset_of": "g",
     "measure": {"count": "convicted", "name": "convictions"}, "chart": false}],
  "closing": ["That is {g.total:words} crimes in all, {c.convictions:words} of them convicted."]}$$);
\pset format unaligned
\pset tuples_only on
SELECT foistats.response('grooming_fy', 'markdown', 'parts.records');
\pset tuples_only off
\pset format aligned
SELECT (SELECT count(*) FROM regexp_matches(h, '<figure class="chart"', 'g')) AS charts,
       (SELECT count(*) FROM regexp_matches(h, '<rect x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="[0-9.]+" fill="#[0-9a-f]+"><title>', 'g')) AS bars,
       (regexp_match(h, '<desc id="chart-g-desc">([^<]*)</desc>'))[1] AS descr
  FROM foistats.response('grooming_fy', 'html', 'parts.records') h;

-- The crimes counted, in words, beside a protected table: rounded to base 5
-- as a rounded table's figures are, or, beside figures perturbed by the cell
-- key, the table's own perturbed Grand Total (an exact count beside them
-- would give their noise away), whatever the secret.
SELECT foistats.define_request('grooming_' || m, foistats.request_spec('grooming_fy') || jsonb_build_object('protect', jsonb_build_object('method', m)))
  FROM unnest(ARRAY['round5', 'cellkey']) m;
CREATE FUNCTION pg_temp.in_words(m text, secret text) RETURNS TABLE (crimes bigint, table_grand_total bigint, intro text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('foistats.cellkey_secret', secret, true);
  RETURN QUERY
  SELECT (SELECT count(*) FROM parts.records r WHERE r.is_crime AND r.victim_age < 18 AND foistats.mentions_any(r.mo, 'grooming')
             AND r.recorded_on BETWEEN '2013-04-01' AND '2014-03-31'),
         foistats.grand_total(foistats.request_xtab('grooming_' || m, 'g', 'parts.records')),
         (regexp_match(foistats.response('grooming_' || m, 'markdown', 'parts.records'), 'This answer counts [^.]*'))[1];
END $$;
SELECT m AS method, s AS secret, w.*
  FROM (VALUES ('round5', ''), ('cellkey', 'one'), ('cellkey', 'two'), ('cellkey', 'three'), ('cellkey', 'four'), ('cellkey', 'five'), ('cellkey', 'six'), ('cellkey', 'seven'), ('cellkey', 'eight')) v(m, s),
       LATERAL pg_temp.in_words(m, s) w;
SELECT foistats.drop_request('grooming_' || m) FROM unnest(ARRAY['round5', 'cellkey']) m;
-- Crimes a table leaves out (rows without a value, "unknown": null) are
-- counted in a footnote; a protected table's small count there is not
-- printed either ("fewer than" the threshold).
SELECT foistats.define_request('grooming_by_age', $${
  "title": "Grooming in the MO, by age of the victim",
  "period": {"from": "2012/13", "to": "2013/14"}, "columns": "fy",
  "questions": [
    {"id": "a", "population": "foistats.mentions_any(mo, 'grooming')",
     "rows": {"dimension": "victim_age", "bands": ["0-12", "13-15", "16-17", "18+"], "unknown": null}}]}$$);
CREATE FUNCTION pg_temp.left_out_note(p jsonb) RETURNS TABLE (left_out bigint, footnote text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM foistats.define_request('grooming_by_age', foistats.request_spec('grooming_by_age') || jsonb_build_object('protect', p));
  RETURN QUERY
  SELECT (SELECT count(*) FROM parts.records r WHERE r.is_crime AND r.victim_age IS NULL AND foistats.mentions_any(r.mo, 'grooming')
             AND r.recorded_on BETWEEN '2012-04-01' AND '2014-03-31'),
         (SELECT f FROM jsonb_array_elements_text(foistats.to_jsonb(foistats.request_xtab('grooming_by_age', 'a', 'parts.records')) -> 'footnotes') f
           WHERE f ~ 'not counted');
END $$;
SELECT p AS protect, n.* FROM (VALUES (1, 'false'), (2, '{"threshold": 5}'), (3, '{"threshold": 11, "allow_totals": true}')) v(o, p),
       LATERAL pg_temp.left_out_note(p::jsonb) n ORDER BY o;
SELECT foistats.drop_request('grooming_by_age');

-- Spreadsheets: every table as CSV, its footnotes (the table's and the
-- response's) as its last records; no bold markup.
SELECT question, filename, length(csv) > 0 AS has_csv, csv ~ '<b>|\*\*' AS has_markup
  FROM foistats.response_csv('wmp_2014_child_sexual_offences', 'parts.records');
\pset format unaligned
\pset tuples_only on
SELECT replace(csv, E'\r\n', E'\n') FROM foistats.response_csv('grooming_fy', 'parts.records') WHERE question = 'g';
\pset tuples_only off
\pset format aligned
SELECT foistats.drop_request('grooming_fy');

-- Another period: the same request re-run for 2012-2013.
SELECT l FROM regexp_split_to_table(foistats.response('wmp_2014_child_sexual_offences', 'text', 'parts.records',
                                                      '2012-01-01', '2013-12-31'), E'\n') l
 WHERE l ~ '^(Period|Grand Total  )';

-- Bad calls.
SELECT foistats.response('wmp_2014_child_sexual_offences', 'pdf', 'parts.records');
SELECT foistats.response('wmp_2014_child_sexual_offences', NULL);
SELECT foistats.response('wmp_2014_child_sexual_offences', 'html', 'parts.records', '2012-01-01');
SELECT foistats.response('wmp_2014_child_sexual_offences', 'html', 'parts.records', '2013-01-01', '2012-01-01');
SELECT foistats.response('no_such_request');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "chart": {"type": "pie"}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "chart": {"rows": 13}}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "rows": "offence", "population_text": 5}]}');
SELECT foistats.define_request('bad', '{"title": "t", "period": {"from": "2020", "to": "2020"}, "questions": [{"id": "1", "answer": "x", "chart": false}]}');

SET client_min_messages = warning;
DROP SCHEMA parts CASCADE;
DROP EXTENSION foistats_sample;
