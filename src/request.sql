-- ---------------------------------------------------------------------------
-- Requests as data.
--
-- A Freedom of Information request is a JSON definition kept in
-- foistats.request: its title, its period and its questions.  Each question
-- says which records it counts (the population, an SQL boolean expression
-- over the bound records view), what its rows are (a named dimension or an
-- expression), what its columns are (year, financial year, quarter, month or
-- none), what it counts (crimes, or crimes for which an expression holds), how
-- it is ordered, protected and footnoted.  The functions below interpret a
-- definition with the same functions a user calls by hand (xtab, protect,
-- render, ...): request_xtab() answers one question, request_tables() all of
-- them, create_request_views() makes plain views for BI tools, save_answer()
-- keeps what was published, and check_answer() recomputes it next year.
--
-- The keys of a definition are listed in foistats.request_key; README.md
-- ("Requests as data") shows a whole definition and its output.
--
-- SQL in a definition (populations, measures, row expressions) is the user's
-- own: it is checked to be a single expression (foistats.check_expression),
-- and it is always run with search_path = pg_catalog, foistats, pg_temp, so a
-- stored request means the same whoever runs it: functions of other schemas
-- must be schema-qualified.  Functions here are SECURITY INVOKER: running a
-- request runs its expressions with the caller's privileges, as a view would
-- not (a view runs as its owner) -- define requests only as users you trust.
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.request (
    name       text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,47}$'),
    spec       jsonb NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
    shipped    boolean NOT NULL DEFAULT false,
    defined_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    defined_by name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE @extschema@.request IS
  'stored FOI request definitions (foistats.define_request); shipped rows are templates of real requests and are re-created by CREATE EXTENSION, the others are dumped by pg_dump';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.request', 'WHERE NOT shipped');

CREATE TABLE @extschema@.answer (
    request     text NOT NULL,
    label       text NOT NULL CHECK (label <> ''),
    period_from date NOT NULL,
    period_to   date NOT NULL,
    spec        jsonb NOT NULL,
    records     text NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    saved_by    name NOT NULL DEFAULT CURRENT_USER,
    PRIMARY KEY (request, label)
);
COMMENT ON TABLE @extschema@.answer IS
  'saved answers (foistats.save_answer): the period, the definition used, the records view and when; their tables are in foistats.answer_table';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.answer', '');

CREATE TABLE @extschema@.answer_table (
    request   text NOT NULL,
    label     text NOT NULL,
    question  text NOT NULL,
    title     text,
    published @extschema@.xtab NOT NULL,
    computed  @extschema@.xtab NOT NULL,
    PRIMARY KEY (request, label, question)
);
COMMENT ON TABLE @extschema@.answer_table IS
  'the tables of a saved answer: published = as published (after protection; withheld cells keep their true counts inside, publish through render), computed = the exact counts before protection (check_answer compares them)';
COMMENT ON COLUMN @extschema@.answer_table.computed IS
  'exact counts before protection: as sensitive as the records themselves';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.answer_table', '');

-- The keys a definition may hold, where, and what they mean.  Validation
-- rejects any other key, naming it; README's reference is made from this.
CREATE TABLE @extschema@.request_key (
    context     text NOT NULL,    -- request | period | question | rows | measure | zeros | protect | render
    key         text NOT NULL,
    description text NOT NULL,
    PRIMARY KEY (context, key)
);
COMMENT ON TABLE @extschema@.request_key IS 'the keys of a request definition, by where they appear (see foistats.define_request)';
INSERT INTO @extschema@.request_key VALUES
 ('request',  'title',       'the request''s title (required)'),
 ('request',  'description', 'what the request asks, in a sentence'),
 ('request',  'source',      'where the request comes from (e.g. a force''s disclosure log reference)'),
 ('request',  'records',     'default records view (e.g. ''foi.records'') when a function is not given one'),
 ('request',  'period',      'the request period (required): {"from", "to"} or {"last", "unit"}'),
 ('request',  'columns',     'default columns of the questions: year | fy | quarter | month | none (default year)'),
 ('request',  'protect',     'default disclosure control of the questions: {"threshold", "method", ...} or false'),
 ('request',  'fields',      'extra columns the populations use, passed through from the force''s table: {"name": "type"}'),
 ('request',  'intro',       'text before the first question (response document)'),
 ('request',  'closing',     'paragraphs after the last question, e.g. exemptions cited (array of text)'),
 ('request',  'questions',   'the questions, in order (required, non-empty array)'),
 ('period',   'from',        'first day: a date ''2010-01-01'' or a period label ''2010'', ''2019/20'', ''2023 Q1'', ''2023-01'''),
 ('period',   'to',          'last day: a date, a period label (its last day) or ''today'' (Europe/London)'),
 ('period',   'last',        'the last N complete periods of unit before today (or as_of)'),
 ('period',   'unit',        'with last: year | fy | quarter | month'),
 ('period',   'include_current', 'with last: count the current, partial period as the last of the N (to = today)'),
 ('period',   'as_of',       'the date that ''today'' means (for reproducible answers)'),
 ('question', 'id',          'the question''s number as asked: ''1'', ''1b'' (letters, digits, _; required, unique)'),
 ('question', 'text',        'the question as asked'),
 ('question', 'title',       'the title of its table'),
 ('question', 'population',  'SQL boolean expression over the records view''s columns: which crimes it counts (default: every crime in the period)'),
 ('question', 'population_text', 'the population in words, for the response''s footnote (e.g. ''sexual offences by an offender aged 18 or over against a victim under 18''); without it the footnote quotes the SQL'),
 ('question', 'subset_of',   'id of an earlier question whose population this one narrows (ANDed; audited as a subset)'),
 ('question', 'same_crimes_as', 'id of an earlier question that counts the same crimes (same population, measure, columns and protect) by single-label rows that read another field, e.g. age band x year beside offence x year (not offence family beside offence, nor two sets of age bands: one would group the other''s rows): the two are protected together (protect_linked same_totals), since they share their column totals'),
 ('question', 'rows',        'the rows: a dimension name or {"dimension"|"terms"|"expr", ...}; absent for a single count'),
 ('question', 'columns',     'year | fy | quarter | month | none (default: the request''s columns), or a single-label dimension written as rows are, e.g. {"dimension": "victim_age", "bands": [...]}'),
 ('question', 'measure',     'crimes (default) or {"count": "SQL boolean", "name": "..."}: crimes for which it holds'),
 ('question', 'sort',        'row order: total (default: Grand Total descending, ties by label) | label | {"order": [labels first]}'),
 ('question', 'zeros',       '{"periods": true} every period of the request shows (zero if empty); {"rows": true} every listed row shows'),
 ('question', 'protect',     'disclosure control of this question (overrides the request''s); false for none'),
 ('question', 'footnotes',   'footnotes of its table (array of text), after the generated ones'),
 ('question', 'answer',      'the answer in words, with placeholders {id.figure} (figures: total, crimes, the measure''s name)'),
 ('question', 'row_header',  'text over the row labels (the table''s corner cell)'),
 ('question', 'render',      'how the table prints: {"bold": [...], "zero": "-", "total_label": "Total"} (see foistats.render)'),
 ('question', 'chart',       'the response document''s chart of a table by period: {"type": "line" | "bar", "rows": N (top rows drawn, default 5)}, or false for none'),
 ('rows',     'dimension',   'offence | ho_code | ho_class | ons_group | offence_family | victim_age | offender_age | victim_sex | outcome_type | outcome_group | markers | year | fy | quarter | month (the period a crime was recorded in, as rows)'),
 ('rows',     'terms',       'a term dictionary (foistats.term): one row per term the MO mentions (multi-label)'),
 ('rows',     'expr',        'SQL expression over the records view returning text (one row label) or text[] (several)'),
 ('rows',     'bands',       'age bands for victim_age / offender_age, as labels: ''0-5'', ''11 and under'', ''16 and over'', ''18+'', ''under 13'''),
 ('rows',     'only',        'multi-label rows: count only these labels (terms: canonical term names)'),
 ('rows',     'labels',      'relabel: {"label as computed": "label as printed"}'),
 ('rows',     'case',        'upper | lower | title: letter case of the labels as printed'),
 ('rows',     'unknown',     'label for records with no value (default ''Not recorded''); null leaves them out (footnoted)'),
 ('rows',     'other',       'label for ages outside every band (default ''Other ages'')'),
 ('rows',     'name',        'the row column''s name in views (default: the dimension''s name)'),
 ('measure',  'count',       'SQL boolean expression: count the crimes for which it is true'),
 ('measure',  'name',        'the figure''s name (default ''count''), used in views and placeholders'),
 ('zeros',    'periods',     'every period of the request is a column, zero if no crime fell in it'),
 ('zeros',    'rows',        'every listed row (age bands, sexes, ''only'' labels) shows, zero if empty'),
 ('protect',  'threshold',   'counts 1..threshold-1 are withheld (default 5)'),
 ('protect',  'protection',  'how far a withheld count must stay uncertain (default threshold)'),
 ('protect',  'method',      'suppress (default) | round5 | cellkey (perturbs every figure by its crimes'' record keys; secret: setting foistats.cellkey_secret)'),
 ('protect',  'zeros',       'withhold zeros too'),
 ('protect',  'allow_totals', 'totals may be withheld'),
 ('protect',  'marker',      'the symbol printed for a withheld cell (default ''*'')'),
 ('render',   'bold',        'any of total_row, total_column, row_labels'),
 ('render',   'zero',        'text printed for a zero cell (default empty)'),
 ('render',   'total_label', 'label of the totals (default ''Grand Total'')'),
 ('chart',    'type',        'line (default when the table has two or more periods) | bar'),
 ('chart',    'rows',        'how many of the table''s top rows are drawn besides the total (0 to 12, default 5)');

CREATE FUNCTION @extschema@.check_expression(expr text, what text DEFAULT 'expression') RETURNS void
  AS 'MODULE_PATHNAME', 'foistats_check_expression' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_expression(text, text) IS
  'raises an error unless expr is exactly one SQL value expression (no second statement, no clause after it): the check applied to SQL in request definitions and record bindings';

-- ---------------------------------------------------------------------------
-- Periods
-- ---------------------------------------------------------------------------

-- First day of the period a label names ('2013', '2013/14', '2013 Q2', '2013-05').
CREATE FUNCTION @extschema@.period_start(label text, granularity text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE granularity
    WHEN 'year'    THEN make_date(label::int, 1, 1)
    WHEN 'fy'      THEN make_date(left(label, 4)::int, 4, 1)
    WHEN 'quarter' THEN make_date(left(label, 4)::int, (right(label, 1)::int - 1) * 3 + 1, 1)
    WHEN 'month'   THEN make_date(left(label, 4)::int, substr(label, 6, 2)::int, 1)
  END
$fn$;
COMMENT ON FUNCTION @extschema@.period_start(text, text) IS
  'first day of the period a label of foistats.period() names, e.g. (''2013/14'', ''fy'') -> 2013-04-01';

CREATE FUNCTION @extschema@.period_end(label text, granularity text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT (@extschema@.period_start(label, granularity)
          + CASE granularity WHEN 'quarter' THEN interval '3 months' WHEN 'month' THEN interval '1 month'
                             ELSE interval '1 year' END - interval '1 day')::date
$fn$;
COMMENT ON FUNCTION @extschema@.period_end(text, text) IS
  'last day of the period a label of foistats.period() names, e.g. (''2013/14'', ''fy'') -> 2014-03-31';

CREATE FUNCTION @extschema@.period_labels(period_from date, period_to date, granularity text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT coalesce(array_agg(l ORDER BY d), '{}')
    FROM (SELECT @extschema@.period(d, granularity) AS l, min(d) AS d
            FROM (SELECT g::date AS d
                    FROM generate_series(period_from::timestamp, period_to::timestamp, interval '1 month') g
                  UNION ALL SELECT period_to) days
           GROUP BY 1) p
$fn$;
COMMENT ON FUNCTION @extschema@.period_labels(date, date, text) IS
  'labels of every period (year | fy | quarter | month) that the days period_from .. period_to touch, in time order';

-- '1 April – 30 November 2024', '1 January 2010 – 31 May 2014'
CREATE FUNCTION @extschema@.date_span_text(first date, last date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
    WHEN first = last THEN to_char(first, 'FMDD FMMonth YYYY')
    WHEN extract(year FROM first) = extract(year FROM last)
      THEN to_char(first, 'FMDD FMMonth') || ' – ' || to_char(last, 'FMDD FMMonth YYYY')
    ELSE to_char(first, 'FMDD FMMonth YYYY') || ' – ' || to_char(last, 'FMDD FMMonth YYYY') END
$fn$;
COMMENT ON FUNCTION @extschema@.date_span_text(date, date) IS
  'a span of days in words, e.g. ''1 April – 30 November 2024'' (English month names whatever lc_time says)';

-- The periods a request period covers only in part, as footnote text:
-- '2024/25: 1 April – 30 November 2024 only'.  Only the first and the last
-- period can be partial, so only they are looked at (looking at every
-- period of a ten-year request took milliseconds, more than answering it
-- from a roll-up).
CREATE FUNCTION @extschema@.partial_periods(period_from date, period_to date, granularity text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT coalesce(array_agg(format('%s: %s only', l,
                                   @extschema@.date_span_text(greatest(s, period_from), least(e, period_to)))
                            ORDER BY s), '{}')
    FROM (SELECT l, @extschema@.period_start(l, granularity) s, @extschema@.period_end(l, granularity) e
            FROM (SELECT DISTINCT unnest(ARRAY[@extschema@.period(period_from, granularity),
                                               @extschema@.period(period_to, granularity)]) AS l
                   WHERE period_from <= period_to) x) p
   WHERE s < period_from OR e > period_to
$fn$;
COMMENT ON FUNCTION @extschema@.partial_periods(date, date, text) IS
  'footnote text for each period that the request period covers only in part, e.g. ''2024/25: 1 April – 30 November 2024 only''';

CREATE FUNCTION @extschema@.london_today() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$ SELECT (now() AT TIME ZONE 'Europe/London')::date $fn$;
COMMENT ON FUNCTION @extschema@.london_today() IS
  'today''s date in Europe/London, whatever the session''s TimeZone';

-- ---------------------------------------------------------------------------
-- Validation
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.request_error(request text, question text, key text, message text,
                                          detail text DEFAULT NULL, hint text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    msg text := format('request "%s"%s%s: %s', request,
                       CASE WHEN question IS NOT NULL THEN format(', question "%s"', question) ELSE '' END,
                       CASE WHEN key IS NOT NULL THEN format(', key "%s"', key) ELSE '' END,
                       message);
BEGIN
    IF detail IS NOT NULL AND hint IS NOT NULL THEN
        RAISE EXCEPTION '%', msg USING ERRCODE = 'invalid_parameter_value', DETAIL = detail, HINT = hint;
    ELSIF detail IS NOT NULL THEN
        RAISE EXCEPTION '%', msg USING ERRCODE = 'invalid_parameter_value', DETAIL = detail;
    ELSIF hint IS NOT NULL THEN
        RAISE EXCEPTION '%', msg USING ERRCODE = 'invalid_parameter_value', HINT = hint;
    ELSE
        RAISE EXCEPTION '%', msg USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_error(text, text, text, text, text, text) IS
  'internal: raises an error about a request definition, naming the request, the question and the key';

-- Keys of obj not allowed in context.
CREATE FUNCTION @extschema@.request_check_keys(request text, question text, context text, obj jsonb, path text)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    k text;
BEGIN
    IF jsonb_typeof(obj) <> 'object' THEN
        PERFORM @extschema@.request_error(request, question, path,
            format('must be a JSON object, not %s', jsonb_typeof(obj)));
    END IF;
    FOR k IN SELECT jsonb_object_keys(obj) LOOP
        IF NOT EXISTS (SELECT 1 FROM @extschema@.request_key rk WHERE rk.context = request_check_keys.context AND rk.key = k) THEN
            PERFORM @extschema@.request_error(request, question, CASE WHEN path IS NULL THEN k ELSE path || '.' || k END,
                'unknown key',
                format('Keys of %s: %s.', coalesce(path, context),
                       (SELECT string_agg(rk.key, ', ' ORDER BY rk.key) FROM @extschema@.request_key rk
                         WHERE rk.context = request_check_keys.context)));
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_keys(text, text, text, jsonb, text) IS
  'internal: rejects a key of a request definition that foistats.request_key does not list for its place';

-- Resolve a period definition to its first and last day.
CREATE FUNCTION @extschema@.resolve_period(request text, period jsonb,
    OUT period_from date, OUT period_to date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    today    date;
    unit     text;
    n        int;
    step     interval;
    cur      date;
BEGIN
    IF period IS NULL THEN
        PERFORM @extschema@.request_error(request, NULL, 'period', 'is missing',
            NULL, 'Give {"from": "2010-01-01", "to": "2014-05-31"}, {"from": "2019/20", "to": "2023/24"} or {"last": 5, "unit": "fy"}.');
    END IF;
    PERFORM @extschema@.request_check_keys(request, NULL, 'period', period, 'period');
    BEGIN
        today := coalesce((period ->> 'as_of')::date, @extschema@.london_today());
    EXCEPTION WHEN data_exception THEN
        PERFORM @extschema@.request_error(request, NULL, 'period.as_of', format('is not a date: %s', period -> 'as_of'));
    END;
    IF period ? 'last' THEN
        IF period ? 'from' OR period ? 'to' THEN
            PERFORM @extschema@.request_error(request, NULL, 'period',
                'gives both "last" and "from"/"to"', NULL, 'Use one or the other.');
        END IF;
        unit := period ->> 'unit';
        IF unit IS NULL OR unit NOT IN ('year', 'fy', 'quarter', 'month') THEN
            PERFORM @extschema@.request_error(request, NULL, 'period.unit',
                format('must be year, fy, quarter or month, not %s', coalesce(period -> 'unit', 'null'::jsonb)));
        END IF;
        IF jsonb_typeof(period -> 'last') <> 'number' OR (period ->> 'last') !~ '^[0-9]+$'
           OR (period ->> 'last')::numeric NOT BETWEEN 1 AND 1200 THEN
            PERFORM @extschema@.request_error(request, NULL, 'period.last',
                format('must be a whole number of periods from 1 to 1200, not %s', period -> 'last'));
        END IF;
        n := (period ->> 'last')::int;
        step := CASE unit WHEN 'quarter' THEN interval '3 months' WHEN 'month' THEN interval '1 month'
                          ELSE interval '1 year' END;
        cur := @extschema@.period_start(@extschema@.period(today, unit), unit);
        IF coalesce((period ->> 'include_current')::boolean, false) THEN
            period_from := (cur - (n - 1) * step)::date;
            period_to := today;
        ELSE
            period_from := (cur - n * step)::date;
            period_to := cur - 1;
        END IF;
        RETURN;
    END IF;
    IF NOT (period ? 'from' AND period ? 'to') THEN
        PERFORM @extschema@.request_error(request, NULL, 'period', 'needs "from" and "to", or "last" and "unit"');
    END IF;
    period_from := @extschema@.resolve_period_day(request, 'period.from', period ->> 'from', false, today);
    period_to := @extschema@.resolve_period_day(request, 'period.to', period ->> 'to', true, today);
    IF period_from > period_to THEN
        PERFORM @extschema@.request_error(request, NULL, 'period',
            format('starts after it ends (%s to %s)', period_from, period_to));
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.resolve_period(text, jsonb) IS
  'internal: the first and last day of a request''s period definition ({"from", "to"} or {"last", "unit"})';

-- A day given as a date, a period label or 'today'; for the end of a
-- period (is_end), a label means its last day.
CREATE FUNCTION @extschema@.resolve_period_day(request text, key text, v text, is_end boolean, today date)
RETURNS date
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    g text;
BEGIN
    IF v IS NULL THEN
        PERFORM @extschema@.request_error(request, NULL, key, 'must be a date, a period label or ''today''');
    END IF;
    IF v = 'today' AND is_end THEN
        RETURN today;
    END IF;
    g := CASE WHEN v ~ '^[0-9]{4}$' THEN 'year'
              WHEN v ~ '^[0-9]{4}/[0-9]{2}$' THEN 'fy'
              WHEN v ~ '^[0-9]{4} Q[1-4]$' THEN 'quarter'
              WHEN v ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN 'month' END;
    IF g = 'fy' AND right(v, 2)::int <> (left(v, 4)::int + 1) % 100 THEN
        PERFORM @extschema@.request_error(request, NULL, key,
            format('"%s" is not a financial year', v), NULL, 'A financial year is written 2019/20 (1 April 2019 to 31 March 2020).');
    END IF;
    IF g IS NOT NULL THEN
        RETURN CASE WHEN is_end THEN @extschema@.period_end(v, g) ELSE @extschema@.period_start(v, g) END;
    END IF;
    IF v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        PERFORM @extschema@.request_error(request, NULL, key,
            format('"%s" is not a date (YYYY-MM-DD), a period label (2010, 2019/20, 2023 Q1, 2023-01)%s', v,
                   CASE WHEN is_end THEN ' or ''today''' ELSE '' END));
    END IF;
    BEGIN
        RETURN v::date;
    EXCEPTION WHEN data_exception THEN
        PERFORM @extschema@.request_error(request, NULL, key, format('"%s" is not a valid date', v));
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.resolve_period_day(text, text, text, boolean, date) IS
  'internal: a day of a period definition, given as a date, a period label or ''today''';

-- Age bands: '0-5', '11 and under', 'under 13', '16 and over', '18+', '12–15'.
CREATE FUNCTION @extschema@.age_band_range(band text) RETURNS int4range
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
    WHEN b ~ '^[0-9]+ *[-–] *[0-9]+$' THEN int4range((regexp_match(b, '^([0-9]+)'))[1]::int,
                                                     (regexp_match(b, '([0-9]+)$'))[1]::int, '[]')
    WHEN b ~ '^[0-9]+ *(and|or) *(under|younger|below)$' THEN int4range(0, (regexp_match(b, '^([0-9]+)'))[1]::int, '[]')
    WHEN b ~ '^(under|below) *[0-9]+$' THEN int4range(0, (regexp_match(b, '([0-9]+)$'))[1]::int, '[)')
    WHEN b ~ '^[0-9]+ *(and|or) *(over|older|above)$' OR b ~ '^[0-9]+ *\+$'
      THEN int4range((regexp_match(b, '^([0-9]+)'))[1]::int, NULL, '[)')
    WHEN b ~ '^[0-9]+$' THEN int4range(b::int, b::int, '[]')
  END
  FROM (SELECT lower(btrim(band)) AS b) s
$fn$;
COMMENT ON FUNCTION @extschema@.age_band_range(text) IS
  'the ages an age-band label covers: ''0-5'' -> [0,6), ''11 and under'' -> [0,12), ''under 13'' -> [0,13), ''16 and over'' / ''16+'' -> [16,); NULL if not a band';

-- The check function for SQL written in a definition: one expression, run
-- on one sample record, with its type.
CREATE FUNCTION @extschema@.request_template(spec jsonb) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT format('(SELECT %s) r',
           string_agg(format('%s::%s AS %I',
                             CASE name WHEN 'crime_ref' THEN '''X/1''' WHEN 'recorded_on' THEN '''2000-01-01'''
                                       WHEN 'offence' THEN '''X''' WHEN 'victim_age' THEN '0' WHEN 'offender_age' THEN '0'
                                       WHEN 'victim_sex' THEN '''F''' WHEN 'markers' THEN '''{}''' WHEN 'mo' THEN '''x'''
                                       WHEN 'convicted' THEN 'false' WHEN 'is_crime' THEN 'true' ELSE 'NULL' END,
                             type, name), ', ' ORDER BY ord))
    FROM (SELECT position AS ord, name, type FROM @extschema@.record_field
          UNION ALL
          SELECT 1000 + row_number() OVER (ORDER BY key), key, value #>> '{}'
            FROM jsonb_each(coalesce(spec -> 'fields', '{}'))) f
$fn$;
COMMENT ON FUNCTION @extschema@.request_template(jsonb) IS
  'internal: a one-record stand-in for a records view (the interface''s fields and the request''s extra fields) on which definitions are checked';

CREATE FUNCTION @extschema@.request_check_sql(request text, question text, key text, expr text,
                                              template text, want text)
RETURNS regtype
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    t regtype;
BEGIN
    IF expr IS NULL OR btrim(expr) = '' THEN
        PERFORM @extschema@.request_error(request, question, key, 'must be a non-empty SQL expression');
    END IF;
    BEGIN
        PERFORM @extschema@.check_expression(expr, 'it');
        EXECUTE format('SELECT pg_catalog.pg_typeof(%s) FROM %s', expr, template) INTO t;
    EXCEPTION WHEN OTHERS THEN
        PERFORM @extschema@.request_error(request, question, key,
            format('is not a valid expression over the records view: %s', SQLERRM),
            format('Expression: %s', expr),
            'Use the record interface''s columns (SELECT name FROM foistats.record_field), the request''s "fields", and schema-qualified functions of other schemas.');
    END;
    IF want = 'boolean' AND t <> 'boolean'::regtype THEN
        PERFORM @extschema@.request_error(request, question, key,
            format('must be a boolean expression, not %s', t), format('Expression: %s', expr));
    ELSIF want = 'label' AND t NOT IN ('text'::regtype, 'text[]'::regtype, 'unknown'::regtype) THEN
        PERFORM @extschema@.request_error(request, question, key,
            format('must return text or text[], not %s', t), format('Expression: %s', expr),
            'Cast it, e.g. (expression)::text.');
    END IF;
    RETURN t;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_sql(text, text, text, text, text, text) IS
  'internal: checks SQL in a definition (one expression, valid on a sample record, of the right type) and returns its type';

-- The SQL of a question's row labels, over records aliased r:
-- expr (text, or text[] when multi), the listed labels (for zeros.rows),
-- and whether records without a label are left out (footnoted).
CREATE FUNCTION @extschema@.request_rows_sql(request text, question text, rows jsonb, template text, path text DEFAULT 'rows',
    OUT expr text, OUT multi boolean, OUT listed text[], OUT leave_out boolean, OUT name text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ex      text := '@extschema@';
    dim     text;
    unknown text;
    other   text;
    band    text;
    rng     int4range;
    prev    int4range;
    cases   text := '';
    k       text;
    v       text;
    ty      regtype;
BEGIN
    IF jsonb_typeof(rows) = 'string' THEN
        rows := jsonb_build_object('dimension', rows);
    END IF;
    PERFORM @extschema@.request_check_keys(request, question, 'rows', rows, path);
    IF (rows ? 'dimension')::int + (rows ? 'terms')::int + (rows ? 'expr')::int <> 1 THEN
        PERFORM @extschema@.request_error(request, question, path,
            'needs exactly one of "dimension", "terms" and "expr"');
    END IF;
    unknown := CASE WHEN rows ? 'unknown' THEN rows ->> 'unknown' ELSE 'Not recorded' END;
    leave_out := rows ? 'unknown' AND rows -> 'unknown' = 'null'::jsonb;
    other := coalesce(rows ->> 'other', 'Other ages');
    listed := '{}';
    multi := false;
    dim := rows ->> 'dimension';

    IF rows ? 'terms' THEN
        IF NOT EXISTS (SELECT 1 FROM @extschema@.term t WHERE t.dictionary = rows ->> 'terms') THEN
            PERFORM @extschema@.request_error(request, question, path || '.terms',
                format('names no dictionary: "%s"', rows ->> 'terms'),
                (SELECT 'Dictionaries: ' || string_agg(DISTINCT t.dictionary, ', ') FROM @extschema@.term t) || '.');
        END IF;
        expr := format('%s.mentions(r.mo, %L)', ex, rows ->> 'terms');
        multi := true;
        name := coalesce(rows ->> 'name', 'term');
    ELSIF rows ? 'expr' THEN
        ty := @extschema@.request_check_sql(request, question, path || '.expr', rows ->> 'expr', template, 'label');
        expr := format(CASE WHEN ty = 'unknown'::regtype THEN '(%s)::text' ELSE '(%s)' END, rows ->> 'expr');
        multi := ty = 'text[]'::regtype;
        name := coalesce(rows ->> 'name', 'row_label');
    ELSIF dim IN ('victim_age', 'offender_age') THEN
        IF jsonb_typeof(rows -> 'bands') IS DISTINCT FROM 'array' OR jsonb_array_length(rows -> 'bands') = 0 THEN
            PERFORM @extschema@.request_error(request, question, path || '.bands',
                format('are required for dimension %s', dim), NULL,
                'List the bands as the response prints them, e.g. ["0-5", "6-10", "11-15", "16-17"] or ["11 and under", "12-15", "16 and over"].');
        END IF;
        FOR band IN SELECT jsonb_array_elements_text(rows -> 'bands') LOOP
            rng := @extschema@.age_band_range(band);
            IF rng IS NULL OR isempty(rng) THEN
                PERFORM @extschema@.request_error(request, question, path || '.bands',
                    format('"%s" is not an age band', band), NULL,
                    'Write bands as ''0-5'', ''11 and under'', ''under 13'', ''16 and over'' or ''18+''.');
            END IF;
            IF prev IS NOT NULL AND (rng && prev OR lower(rng) < lower(prev)) THEN
                PERFORM @extschema@.request_error(request, question, path || '.bands',
                    format('"%s" overlaps or comes before an earlier band', band), NULL,
                    'List bands in increasing order without overlaps.');
            END IF;
            prev := rng;
            cases := cases || format(' WHEN r.%I <@ %L::int4range THEN %L', dim, rng, band);
            listed := listed || band;
        END LOOP;
        expr := format('CASE WHEN r.%I IS NULL THEN NULL%s ELSE %L END', dim, cases, other);
        name := coalesce(rows ->> 'name', dim);
    ELSE
        expr := CASE dim
            WHEN 'offence'        THEN 'r.offence'
            WHEN 'ho_code'        THEN format('coalesce(%1$s.ho_code(r.ho_code), %1$s.ho_code(r.offence))', ex)
            WHEN 'ho_class'       THEN format('coalesce(%1$s.ho_class(r.ho_code), %1$s.ho_class(r.offence))', ex)
            WHEN 'ons_group'      THEN format('coalesce((%1$s.classify(r.ho_code)).ons_group, (%1$s.classify(r.offence)).ons_group)', ex)
            WHEN 'offence_family' THEN format('coalesce(%1$s.offence_family(r.ho_code), %1$s.offence_family(r.offence))', ex)
            WHEN 'victim_sex'     THEN 'CASE WHEN upper(btrim(r.victim_sex)) IN (''F'', ''FEMALE'') THEN ''Female'' WHEN upper(btrim(r.victim_sex)) IN (''M'', ''MALE'') THEN ''Male'' END'
            WHEN 'outcome_type'   THEN format('%s.outcome_label(r.outcome, r.crime_ref)', ex)
            WHEN 'outcome_group'  THEN format('%s.outcome_group(r.outcome, r.crime_ref)', ex)
            WHEN 'markers'        THEN 'r.markers'
            WHEN 'year'           THEN format('%s.period(r.recorded_on, ''year'')', ex)
            WHEN 'fy'             THEN format('%s.period(r.recorded_on, ''fy'')', ex)
            WHEN 'quarter'        THEN format('%s.period(r.recorded_on, ''quarter'')', ex)
            WHEN 'month'          THEN format('%s.period(r.recorded_on, ''month'')', ex)
        END;
        IF expr IS NULL THEN
            PERFORM @extschema@.request_error(request, question, path || '.dimension',
                format('"%s" is not a dimension', dim),
                (SELECT description FROM @extschema@.request_key WHERE context = 'rows' AND key = 'dimension'));
        END IF;
        IF dim = 'victim_sex' THEN
            listed := ARRAY['Female', 'Male'];
        ELSIF dim IN ('outcome_type', 'outcome_group') AND NOT rows ? 'unknown' THEN
            unknown := 'Open (no outcome yet)';
        END IF;
        multi := dim = 'markers';
        name := coalesce(rows ->> 'name', dim);
    END IF;
    IF rows ? 'bands' AND dim IS DISTINCT FROM 'victim_age' AND dim IS DISTINCT FROM 'offender_age' THEN
        PERFORM @extschema@.request_error(request, question, path || '.bands', 'apply to victim_age and offender_age only');
    END IF;
    IF rows ? 'only' THEN
        IF NOT multi THEN
            PERFORM @extschema@.request_error(request, question, path || '.only',
                'applies to multi-label rows (terms, markers, text[] expressions) only', NULL,
                'Narrow the population instead.');
        END IF;
        IF jsonb_typeof(rows -> 'only') <> 'array' THEN
            PERFORM @extschema@.request_error(request, question, path || '.only', 'must be an array of labels');
        END IF;
        expr := format('ARRAY(SELECT t FROM unnest(%s) t WHERE t = ANY (%L::text[]))', expr,
                       ARRAY(SELECT jsonb_array_elements_text(rows -> 'only')));
        listed := ARRAY(SELECT jsonb_array_elements_text(rows -> 'only'));
    END IF;

    -- relabelling, then letter case (applied to each label of a multi-label row)
    IF rows ? 'labels' THEN
        IF jsonb_typeof(rows -> 'labels') <> 'object' THEN
            PERFORM @extschema@.request_error(request, question, path || '.labels', 'must be an object {"from": "to"}');
        END IF;
        cases := '';
        FOR k, v IN SELECT key, value FROM jsonb_each_text(rows -> 'labels') LOOP
            cases := cases || format(' WHEN %L THEN %L', k, v);
        END LOOP;
        listed := ARRAY(SELECT coalesce(rows -> 'labels' ->> l, l) FROM unnest(listed) l);
        IF multi THEN
            expr := format('ARRAY(SELECT CASE t%s ELSE t END FROM unnest(%s) t)', cases, expr);
        ELSE
            expr := format('(CASE %s%s ELSE %s END)', expr, cases, expr);
        END IF;
    END IF;
    IF rows ? 'case' THEN
        k := CASE rows ->> 'case' WHEN 'upper' THEN 'upper' WHEN 'lower' THEN 'lower' WHEN 'title' THEN 'initcap' END;
        IF k IS NULL THEN
            PERFORM @extschema@.request_error(request, question, path || '.case', 'must be upper, lower or title');
        END IF;
        listed := ARRAY(SELECT CASE k WHEN 'upper' THEN upper(l) WHEN 'lower' THEN lower(l) ELSE initcap(l) END FROM unnest(listed) l);
        IF multi THEN
            expr := format('ARRAY(SELECT DISTINCT %s(t) FROM unnest(%s) t)', k, expr);
        ELSE
            expr := format('%s(%s)', k, expr);
        END IF;
    END IF;

    IF multi THEN
        -- no MO text, or no label: counted nowhere (the footnote says how many)
        expr := format('coalesce(%s, ''{}''::text[])', expr);
        leave_out := true;
    ELSIF NOT leave_out THEN
        expr := format('coalesce(%s, %L)', expr, unknown);
    END IF;
    -- check the result on a sample record
    PERFORM @extschema@.request_check_sql(request, question, path, expr, template, 'label');
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_rows_sql(text, text, jsonb, text, text) IS
  'internal: the SQL of a question''s row labels (over records r), whether they are multi-label, and the labels the definition lists';

-- Validate a definition; returns nothing, raises the first problem found.
CREATE FUNCTION @extschema@.request_validate(request text, spec jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q        jsonb;
    qid      text;
    ids      text[] := '{}';
    kinds    jsonb := '{}';
    template text;
    p        record;
    t        text;
    ph       text[];
    k        text;
BEGIN
    PERFORM @extschema@.request_check_keys(request, NULL, 'request', spec, NULL);
    IF jsonb_typeof(spec -> 'title') IS DISTINCT FROM 'string' OR btrim(spec ->> 'title') = '' THEN
        PERFORM @extschema@.request_error(request, NULL, 'title', 'is required (a non-empty string)');
    END IF;
    SELECT * INTO p FROM @extschema@.resolve_period(request, spec -> 'period');
    IF spec ? 'fields' THEN
        IF jsonb_typeof(spec -> 'fields') <> 'object' THEN
            PERFORM @extschema@.request_error(request, NULL, 'fields', 'must be an object {"column": "type"}');
        END IF;
        FOR k, t IN SELECT key, value #>> '{}' FROM jsonb_each(spec -> 'fields') LOOP
            IF EXISTS (SELECT 1 FROM @extschema@.record_field rf WHERE rf.name = k) OR k !~ '^[a-z_][a-z0-9_]*$' THEN
                PERFORM @extschema@.request_error(request, NULL, 'fields.' || k,
                    'must be a lower-case column name that is not a field of the record interface');
            END IF;
            IF to_regtype(t) IS NULL THEN
                PERFORM @extschema@.request_error(request, NULL, 'fields.' || k, format('"%s" is not a type', t));
            END IF;
        END LOOP;
    END IF;
    IF spec ? 'columns' AND NOT (spec ->> 'columns') = ANY (ARRAY['year', 'fy', 'quarter', 'month', 'none']) THEN
        PERFORM @extschema@.request_error(request, NULL, 'columns',
            format('must be year, fy, quarter, month or none, not %s', spec -> 'columns'));
    END IF;
    IF spec ? 'protect' THEN
        PERFORM @extschema@.request_check_protect(request, NULL, spec -> 'protect');
    END IF;
    IF spec ? 'closing' AND (jsonb_typeof(spec -> 'closing') <> 'array'
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(spec -> 'closing') e WHERE jsonb_typeof(e) <> 'string')) THEN
        PERFORM @extschema@.request_error(request, NULL, 'closing', 'must be an array of paragraphs (strings)');
    END IF;
    IF spec ? 'records' AND to_regclass(spec ->> 'records') IS NULL THEN
        PERFORM @extschema@.request_error(request, NULL, 'records',
            format('names no relation: "%s"', spec ->> 'records'), NULL, 'Bind records first (foistats.bind_records), or leave "records" out and pass the view to each call.');
    END IF;
    IF jsonb_typeof(spec -> 'questions') IS DISTINCT FROM 'array' OR jsonb_array_length(spec -> 'questions') = 0 THEN
        PERFORM @extschema@.request_error(request, NULL, 'questions', 'must be a non-empty array');
    END IF;

    template := @extschema@.request_template(spec);
    FOR q IN SELECT jsonb_array_elements(spec -> 'questions') LOOP
        IF jsonb_typeof(q) <> 'object' OR jsonb_typeof(q -> 'id') IS DISTINCT FROM 'string' THEN
            PERFORM @extschema@.request_error(request, NULL, 'questions',
                'every question must be an object with an "id" string', format('Got %s.', q));
        END IF;
        qid := q ->> 'id';
        IF qid !~ '^[A-Za-z0-9_]{1,20}$' THEN
            PERFORM @extschema@.request_error(request, qid, 'id', 'must be 1 to 20 letters, digits or _');
        END IF;
        IF lower(qid) = ANY (SELECT lower(i) FROM unnest(ids) i) THEN
            PERFORM @extschema@.request_error(request, qid, 'id', 'is used by two questions');
        END IF;
        PERFORM @extschema@.request_check_keys(request, qid, 'question', q, NULL);
        kinds := kinds || jsonb_build_object(qid, @extschema@.request_check_question(request, spec, q, ids, template, kinds));
        ids := ids || qid;
    END LOOP;
    PERFORM @extschema@.request_check_same_crimes(request, spec, template);

    -- placeholders {id.figure} in answers name figures that exist
    FOR t IN SELECT x FROM (SELECT q2 ->> 'answer' AS x FROM jsonb_array_elements(spec -> 'questions') q2
                            UNION ALL SELECT spec ->> 'intro'
                            UNION ALL SELECT jsonb_array_elements_text(coalesce(spec -> 'closing', '[]'))) s
              WHERE x IS NOT NULL LOOP
        FOR ph IN SELECT regexp_matches(t, '\{([^{}.:]+)\.([^{}:]+)(:[^{}]*)?\}', 'g') LOOP
            IF NOT kinds ? ph[1] THEN
                PERFORM @extschema@.request_error(request, NULL, 'answer',
                    format('placeholder {%s.%s} names no question "%s"', ph[1], ph[2], ph[1]));
            END IF;
            IF NOT (kinds -> ph[1] -> 'figures') ? ph[2] THEN
                PERFORM @extschema@.request_error(request, ph[1], 'answer',
                    format('placeholder {%s.%s} names no figure of question "%s"', ph[1], ph[2], ph[1]),
                    format('Figures of question "%s": %s.', ph[1],
                           (SELECT string_agg(f, ', ') FROM jsonb_array_elements_text(kinds -> ph[1] -> 'figures') f)));
            END IF;
            IF ph[3] IS NOT NULL AND ph[3] NOT IN (':words', ':Words') THEN
                PERFORM @extschema@.request_error(request, ph[1], 'answer',
                    format('placeholder {%s.%s%s}: unknown format', ph[1], ph[2], ph[3]), NULL,
                    'Formats: :words (six) and :Words (Six).');
            END IF;
        END LOOP;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_validate(text, jsonb) IS
  'checks a request definition completely and raises an error naming the question and the key of the first problem';

CREATE FUNCTION @extschema@.request_check_protect(request text, question text, p jsonb)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF p = 'false'::jsonb THEN
        RETURN;
    END IF;
    PERFORM @extschema@.request_check_keys(request, question, 'protect', p, 'protect');
    IF p ? 'method' AND NOT (p ->> 'method') = ANY (ARRAY['suppress', 'round5', 'cellkey']) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.method',
            format('must be suppress, round5 or cellkey, not %s', p -> 'method'));
    END IF;
    IF p ? 'threshold' AND ((p ->> 'threshold') !~ '^[0-9]+$' OR (p ->> 'threshold')::numeric NOT BETWEEN 1 AND 1000) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.threshold',
            format('must be a whole number from 1 to 1000, not %s', p -> 'threshold'));
    END IF;
    IF p ? 'protection' AND ((p ->> 'protection') !~ '^[0-9]+$' OR (p ->> 'protection')::numeric > 1000) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.protection',
            format('must be a whole number from 0 to 1000, not %s', p -> 'protection'));
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_protect(text, text, jsonb) IS 'internal: checks a protect definition';

-- same_crimes_as links two questions that count the same crimes by two
-- breakdowns (offence x year, age band x year), which protect_linked
-- protects as a pair (same_totals): only what it models is accepted, so
-- that answering never meets a refusal it could have been told of now.
CREATE FUNCTION @extschema@.request_check_same_crimes(request text, spec jsonb, template text)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q     jsonb;
    o     jsonb;
    qid   text;
    oid_  text;
    earlier text[] := '{}';
    e     record;
    what  text;
BEGIN
    FOR q IN SELECT jsonb_array_elements(spec -> 'questions') LOOP
        qid := q ->> 'id';
        IF q ? 'same_crimes_as' THEN
            oid_ := q ->> 'same_crimes_as';
            IF oid_ = qid THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    'names the question itself', NULL,
                    'Name the earlier question whose crimes this one breaks down another way.');
            ELSIF NOT oid_ = ANY (earlier) THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_)
                         THEN format('names question "%s", which comes after it', oid_)
                         ELSE format('names no question: "%s"', oid_) END,
                    format('Questions: %s.', (SELECT string_agg(x ->> 'id', ', ') FROM jsonb_array_elements(spec -> 'questions') x)),
                    'Name the first of the two breakdowns in the second.');
            END IF;
            o := (SELECT x FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_);
            IF NOT (q ? 'rows' AND o ? 'rows') THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", but both must be tables with rows', oid_),
                    format('Question "%s" is %s.', CASE WHEN q ? 'rows' THEN oid_ ELSE qid END,
                           CASE WHEN (CASE WHEN q ? 'rows' THEN o ELSE q END) ?| ARRAY['population', 'measure', 'subset_of']
                                THEN 'a single count' ELSE 'an answer in words' END),
                    'A single count has no rows to break its crimes down by; link two tables ("rows").');
            END IF;
            IF o ? 'same_crimes_as' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('names question "%s", which is itself linked to question "%s"', oid_, o ->> 'same_crimes_as'), NULL,
                    'Two breakdowns of the same crimes are protected as a pair; a third is not modelled.');
            END IF;
            SELECT x ->> 'id' AS id INTO e FROM jsonb_array_elements(spec -> 'questions') x
             WHERE x ->> 'same_crimes_as' = oid_ AND (x ->> 'id') = ANY (earlier) LIMIT 1;
            IF FOUND THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('names question "%s", which question "%s" names too', oid_, e.id), NULL,
                    'Two breakdowns of the same crimes are protected as a pair; a third is not modelled.');
            END IF;
            IF q ? 'subset_of' OR o ? 'subset_of' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('cannot link a question that is a subset_of another (question "%s")',
                           CASE WHEN q ? 'subset_of' THEN qid ELSE oid_ END), NULL,
                    'protect_linked does not model a breakdown that is also a subset; give the question its own population.');
            END IF;
            SELECT x ->> 'id' AS id, x ->> 'subset_of' AS sup INTO e FROM jsonb_array_elements(spec -> 'questions') x
             WHERE x ->> 'subset_of' IN (qid, oid_) LIMIT 1;
            IF FOUND THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('cannot link question "%s", which question "%s" is a subset_of', e.sup, e.id), NULL,
                    'protect_linked does not model a breakdown that has subsets.');
            END IF;
            what := CASE WHEN q -> 'population' IS DISTINCT FROM o -> 'population' THEN 'population'
                         WHEN coalesce(q -> 'measure', '"crimes"') <> coalesce(o -> 'measure', '"crimes"') THEN 'measure'
                         WHEN coalesce(q -> 'columns', spec -> 'columns', '"year"') <> coalesce(o -> 'columns', spec -> 'columns', '"year"') THEN 'columns'
                         WHEN coalesce(q -> 'zeros' -> 'periods', 'false') <> coalesce(o -> 'zeros' -> 'periods', 'false') THEN 'zeros.periods'
                         WHEN coalesce(q -> 'protect', spec -> 'protect', 'false') <> coalesce(o -> 'protect', spec -> 'protect', 'false') THEN 'protect'
                         WHEN q -> 'rows' = o -> 'rows' THEN 'rows' END;
            IF what = 'rows' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", which has the same rows: two breakdowns have different rows', oid_), NULL,
                    'The same table twice needs no link; link breakdowns by different fields, such as offence beside the victim''s age.');
            ELSIF what IS NOT NULL THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", which differs in %s', oid_, what),
                    format('Question "%s": %s; question "%s": %s.', qid,
                           coalesce(CASE what WHEN 'population' THEN q -> 'population'
                                              WHEN 'measure' THEN coalesce(q -> 'measure', '"crimes"')
                                              WHEN 'columns' THEN coalesce(q -> 'columns', spec -> 'columns', '"year"')
                                              WHEN 'zeros.periods' THEN coalesce(q -> 'zeros' -> 'periods', 'false')
                                              ELSE coalesce(q -> 'protect', spec -> 'protect', 'false') END::text, 'none'),
                           oid_,
                           coalesce(CASE what WHEN 'population' THEN o -> 'population'
                                              WHEN 'measure' THEN coalesce(o -> 'measure', '"crimes"')
                                              WHEN 'columns' THEN coalesce(o -> 'columns', spec -> 'columns', '"year"')
                                              WHEN 'zeros.periods' THEN coalesce(o -> 'zeros' -> 'periods', 'false')
                                              ELSE coalesce(o -> 'protect', spec -> 'protect', 'false') END::text, 'none')),
                    'Two breakdowns of the same crimes have the same population, measure, columns, zeros.periods and protect.');
            END IF;
            FOREACH oid_ IN ARRAY ARRAY[qid, o ->> 'id'] LOOP
                SELECT r.multi, r.leave_out INTO e
                  FROM @extschema@.request_rows_sql(request, oid_,
                         (SELECT x -> 'rows' FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_), template) r;
                IF e.multi THEN
                    PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                        format('question "%s" has multi-label rows (terms, markers, text[] expressions)', oid_), NULL,
                        'protect_linked does not model a multi-label breakdown of the same crimes.');
                END IF;
                IF e.leave_out THEN
                    PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                        format('question "%s" leaves out crimes without a row label ("unknown": null), so its totals are not the other''s', oid_), NULL,
                        'Give the rows an "unknown" label.');
                END IF;
            END LOOP;
            -- rows that read the same field are linked row by row, not only
            -- by their totals: one breakdown groups the other's rows (an
            -- offence family holds known offences, a wide age band known
            -- narrow ones), and a reader works withheld cells out from them
            WITH d AS (SELECT v.side, CASE WHEN jsonb_typeof(v.r) = 'string' THEN jsonb_build_object('dimension', v.r) ELSE v.r END AS r
                         FROM (VALUES (1, q -> 'rows'), (2, o -> 'rows')) v(side, r)),
                 f AS (SELECT d.side, unnest(CASE
                           WHEN d.r ? 'expr' THEN
                               ARRAY(SELECT k.n FROM (SELECT rf.name FROM @extschema@.record_field rf
                                                      UNION SELECT jsonb_object_keys(coalesce(spec -> 'fields', '{}'))) k(n)
                                      WHERE d.r ->> 'expr' ~* ('\m' || regexp_replace(k.n, '([^[:alnum:]_])', '\\\1', 'g') || '\M'))
                           WHEN d.r ? 'terms' THEN ARRAY['mo']
                           WHEN d.r ->> 'dimension' IN ('offence', 'ho_code', 'ho_class', 'ons_group', 'offence_family') THEN ARRAY['offence']
                           WHEN d.r ->> 'dimension' IN ('outcome_type', 'outcome_group') THEN ARRAY['outcome']
                           WHEN d.r ->> 'dimension' IN ('year', 'fy', 'quarter', 'month') THEN ARRAY['recorded_on']
                           ELSE ARRAY[d.r ->> 'dimension'] END) AS n
                         FROM d),
                 -- the offence's dimensions read the offence and the code
                 g AS (SELECT f.side, CASE WHEN f.n = 'ho_code' THEN 'offence' ELSE f.n END AS n FROM f)
            SELECT string_agg(DISTINCT g.n, ', ') INTO what
              FROM g WHERE g.side = 1 AND g.n IN (SELECT g2.n FROM g g2 WHERE g2.side = 2);
            IF what IS NOT NULL THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", whose rows read the same field (%s): one breakdown can group the other''s rows', o ->> 'id',
                           CASE WHEN what = 'offence' THEN 'the offence' ELSE what END),
                    'protect_linked links two breakdowns by their column totals only; rows that read one field are linked row by row too '
                    || '(a family holds known offences, a band known ages), and a reader works withheld cells out from them. '
                    || 'offence, ho_code, ho_class, ons_group and offence_family all read the offence; an expression reads the fields it names.',
                    'Link breakdowns that read different fields, such as offence beside the victim''s age; of two breakdowns of one field, publish one.');
            END IF;
            -- a third question of the same crimes is protected on its own:
            -- its figures add up to the pair's column totals and Grand
            -- Total, which the pair may withhold (allow_totals)
            IF coalesce(q -> 'protect', spec -> 'protect', 'false') <> 'false'
               AND coalesce((coalesce(q -> 'protect', spec -> 'protect') ->> 'allow_totals')::boolean, false)
               AND coalesce(coalesce(q -> 'protect', spec -> 'protect') ->> 'method', 'suppress') = 'suppress' THEN
                SELECT x ->> 'id' AS id INTO e FROM jsonb_array_elements(spec -> 'questions') x
                 WHERE NOT (x ->> 'id') IN (qid, o ->> 'id')
                   AND (x ? 'rows' OR x ? 'population' OR x ? 'measure') AND NOT x ? 'subset_of'
                   AND x -> 'population' IS NOT DISTINCT FROM q -> 'population'
                   AND coalesce(x -> 'measure', '"crimes"') = coalesce(q -> 'measure', '"crimes"')
                 LIMIT 1;
                IF FOUND THEN
                    PERFORM @extschema@.request_error(request, e.id, NULL,
                        format('counts the same crimes as questions "%s" and "%s" (same_crimes_as), but is not protected with them',
                               o ->> 'id', qid),
                        'Its figures add up to the pair''s column totals and Grand Total, which the pair may withhold (allow_totals); '
                        || 'protected on its own, it would print them. A third breakdown of the same crimes is not modelled.',
                        'Leave the question out (the pair''s tables print every total they can), narrow its population, or protect without allow_totals.');
                END IF;
            END IF;
        END IF;
        earlier := earlier || qid;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_same_crimes(text, jsonb, text) IS
  'internal: checks the same_crimes_as links of a definition (an earlier question, both tables with single-label rows that count every crime, neither linked otherwise, the same population, measure, columns and protect, rows that read different fields; with allow_totals, no other question of the same population and measure)';

-- The pair of questions protected together with a question by
-- same_crimes_as (definition order: the one named first), or NULL.
CREATE FUNCTION @extschema@.request_pair(request text, spec jsonb, question text)
RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT ARRAY[x ->> 'same_crimes_as', x ->> 'id']
    FROM jsonb_array_elements(spec -> 'questions') x
   WHERE x ? 'same_crimes_as' AND question IN (x ->> 'id', x ->> 'same_crimes_as')
   LIMIT 1
$fn$;
COMMENT ON FUNCTION @extschema@.request_pair(text, jsonb, text) IS
  'internal: the two questions linked by same_crimes_as that a question is one of (the named one first), or NULL';

-- What a question asks for: a table (it has rows), a count (a population,
-- a measure or subset_of, no rows) or an answer in words (text).
CREATE FUNCTION @extschema@.request_question_kind(q jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN q ? 'rows' THEN 'table'
              WHEN q ? 'population' OR q ? 'measure' OR q ? 'subset_of' THEN 'count'
              ELSE 'text' END
$fn$;
COMMENT ON FUNCTION @extschema@.request_question_kind(jsonb) IS
  'internal: what a question of a definition asks for: table (it has rows), count (a population, a measure or subset_of, no rows) or text (an answer in words)';

-- The columns of a question's table: its own, else the request's, else
-- year ('dimension' for columns defined as a dimension).
CREATE FUNCTION @extschema@.request_columns(spec jsonb, q jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN jsonb_typeof(q -> 'columns') = 'object' THEN 'dimension'
              ELSE coalesce(q ->> 'columns', spec ->> 'columns', 'year') END
$fn$;
COMMENT ON FUNCTION @extschema@.request_columns(jsonb, jsonb) IS
  'internal: the columns of a question''s table: its own columns, else the request''s, else year; dimension for columns defined as a dimension';

-- Check one question; returns {"kind": table|count|text, "figures": [...]}.
CREATE FUNCTION @extschema@.request_check_question(request text, spec jsonb, q jsonb, earlier text[],
                                                   template text, kinds jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qid   text := q ->> 'id';
    kind  text;
    r     record;
    figs  text[] := '{}';
    cols  text := @extschema@.request_columns(spec, q);
BEGIN
    kind := @extschema@.request_question_kind(q);
    IF kind = 'text' AND NOT q ? 'answer' THEN
        PERFORM @extschema@.request_error(request, qid, NULL,
            'has neither rows, a population, a measure nor an answer', NULL,
            'A question is a table ("rows"), a single count ("population" or "measure", no "rows") or an answer in words ("answer").');
    END IF;
    FOR r IN SELECT key, value FROM jsonb_each(q) LOOP
        IF r.key IN ('id', 'text', 'title', 'answer', 'row_header', 'subset_of', 'same_crimes_as', 'population', 'population_text')
           AND jsonb_typeof(r.value) <> 'string' THEN
            PERFORM @extschema@.request_error(request, qid, r.key, format('must be a string, not %s', jsonb_typeof(r.value)));
        END IF;
    END LOOP;
    IF q ? 'subset_of' AND NOT (q ->> 'subset_of') = ANY (earlier) THEN
        PERFORM @extschema@.request_error(request, qid, 'subset_of',
            format('names no earlier question: "%s"', q ->> 'subset_of'), NULL,
            'A question can narrow only a question defined before it.');
    END IF;
    IF q ? 'subset_of' AND kinds -> (q ->> 'subset_of') ->> 'kind' = 'text' THEN
        PERFORM @extschema@.request_error(request, qid, 'subset_of',
            format('names question "%s", which is answered in words and has no population', q ->> 'subset_of'));
    END IF;
    IF kind <> 'text' AND NOT cols = ANY (ARRAY['year', 'fy', 'quarter', 'month', 'none', 'dimension']) THEN
        PERFORM @extschema@.request_error(request, qid, 'columns',
            format('must be year, fy, quarter, month, none or a dimension {"dimension": ...}, not %s', to_jsonb(cols)));
    END IF;
    IF cols = 'dimension' AND (@extschema@.request_rows_sql(request, qid, q -> 'columns', template, 'columns')).multi THEN
        PERFORM @extschema@.request_error(request, qid, 'columns',
            'must be a single-label dimension (one column per crime)', NULL,
            'Put terms, markers and text[] expressions in "rows".');
    END IF;
    IF q ? 'population' THEN
        PERFORM @extschema@.request_check_sql(request, qid, 'population', q ->> 'population', template, 'boolean');
    END IF;
    IF kind = 'text' THEN
        IF q ? 'columns' OR q ? 'sort' OR q ? 'zeros' OR q ? 'protect' OR q ? 'render' OR q ? 'chart' THEN
            PERFORM @extschema@.request_error(request, qid, NULL,
                'is answered in words only, so it has no columns, sort, zeros, protect, render or chart');
        END IF;
        RETURN jsonb_build_object('kind', kind, 'figures', '[]'::jsonb);
    END IF;
    IF q ? 'measure' AND q -> 'measure' <> '"crimes"'::jsonb THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'measure', q -> 'measure', 'measure');
        PERFORM @extschema@.request_check_sql(request, qid, 'measure.count', q -> 'measure' ->> 'count', template, 'boolean');
        IF coalesce(q -> 'measure' ->> 'name', 'count') !~ '^[a-z][a-z0-9_]{0,40}$'
           OR coalesce(q -> 'measure' ->> 'name', 'count') IN ('total', 'crimes') THEN
            PERFORM @extschema@.request_error(request, qid, 'measure.name',
                'must be a lower-case name (letters, digits, _) other than total and crimes');
        END IF;
        figs := figs || coalesce(q -> 'measure' ->> 'name', 'count');
    END IF;
    IF kind = 'table' THEN
        IF (@extschema@.request_rows_sql(request, qid, q -> 'rows', template)).multi
           AND coalesce(q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'round5' THEN
            PERFORM @extschema@.request_error(request, qid, 'protect.method',
                'round5 cannot protect multi-label rows (terms, markers, text[] expressions): rounding cells and mentions would leave the distinct-crime totals exact beside them', NULL,
                'Use "suppress" (the default), which models the distinct-crime totals, or "cellkey"; or give this question its own "protect".');
        END IF;
    END IF;
    IF q ? 'sort' AND NOT (q -> 'sort' IN ('"total"', '"label"')
                           OR (jsonb_typeof(q -> 'sort') = 'object' AND jsonb_typeof(q -> 'sort' -> 'order') = 'array'
                               AND (SELECT count(*) FROM jsonb_object_keys(q -> 'sort')) = 1)) THEN
        PERFORM @extschema@.request_error(request, qid, 'sort',
            format('must be "total", "label" or {"order": [labels]}, not %s', q -> 'sort'));
    END IF;
    IF q ? 'zeros' THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'zeros', q -> 'zeros', 'zeros');
    END IF;
    IF q ? 'protect' THEN
        PERFORM @extschema@.request_check_protect(request, qid, q -> 'protect');
    END IF;
    IF q ? 'render' THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'render', q -> 'render', 'render');
    END IF;
    IF q ? 'chart' AND q -> 'chart' <> 'false'::jsonb THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'chart', q -> 'chart', 'chart');
        IF q -> 'chart' ? 'type' AND NOT (q -> 'chart' ->> 'type') = ANY (ARRAY['line', 'bar']) THEN
            PERFORM @extschema@.request_error(request, qid, 'chart.type', format('must be line or bar, not %s', q -> 'chart' -> 'type'));
        END IF;
        IF q -> 'chart' ? 'rows' AND (jsonb_typeof(q -> 'chart' -> 'rows') <> 'number'
                                      OR (q -> 'chart' ->> 'rows') !~ '^[0-9]+$' OR (q -> 'chart' ->> 'rows')::int > 12) THEN
            PERFORM @extschema@.request_error(request, qid, 'chart.rows', format('must be a whole number from 0 to 12, not %s', q -> 'chart' -> 'rows'));
        END IF;
    END IF;
    IF q ? 'footnotes' AND (jsonb_typeof(q -> 'footnotes') <> 'array'
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(q -> 'footnotes') e WHERE jsonb_typeof(e) <> 'string')) THEN
        PERFORM @extschema@.request_error(request, qid, 'footnotes', 'must be an array of strings');
    END IF;
    RETURN jsonb_build_object('kind', kind, 'figures', to_jsonb(figs || ARRAY['total', 'crimes']));
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_question(text, jsonb, jsonb, text[], text, jsonb) IS
  'internal: checks one question of a definition; returns its kind and the figures placeholders may name';

-- ---------------------------------------------------------------------------
-- Defining requests
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.define_request(name text, spec jsonb)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF name IS NULL OR spec IS NULL THEN
        RAISE EXCEPTION 'define_request arguments must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF name !~ '^[a-z][a-z0-9_]{0,47}$' THEN
        RAISE EXCEPTION 'invalid request name "%"', name
            USING ERRCODE = 'invalid_name',
                  HINT = 'Use 1 to 48 lower-case letters, digits and _, starting with a letter, e.g. ''rape_outcomes''.';
    END IF;
    IF EXISTS (SELECT 1 FROM @extschema@.request r WHERE r.name = define_request.name AND r.shipped) THEN
        RAISE EXCEPTION 'request "%" is a shipped template', name
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('Copy it under a name of your own: SELECT foistats.define_request(''my_request'', foistats.request_spec(%L));', name);
    END IF;
    PERFORM @extschema@.request_validate(name, spec);
    INSERT INTO @extschema@.request AS r (name, spec) VALUES (name, spec)
    ON CONFLICT ON CONSTRAINT request_pkey
    DO UPDATE SET spec = excluded.spec, defined_at = pg_catalog.now(), defined_by = CURRENT_USER;
    RETURN name;
END
$fn$;
COMMENT ON FUNCTION @extschema@.define_request(text, jsonb) IS
  'creates or replaces a stored request: the definition is checked at once (unknown keys, bad expressions, unknown dictionaries, impossible periods, placeholders naming no figure: an error naming the question and the key) and kept in foistats.request, which pg_dump keeps';

CREATE FUNCTION @extschema@.request_spec(name text)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s jsonb;
BEGIN
    SELECT r.spec INTO s FROM @extschema@.request r WHERE r.name = request_spec.name;
    IF s IS NULL THEN
        RAISE EXCEPTION 'no request named "%"', name
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Requests: ' || coalesce(string_agg(r.name, ', ' ORDER BY r.name), 'none') || '.'
                            FROM @extschema@.request r);
    END IF;
    RETURN s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_spec(text) IS 'the stored definition of a request';

CREATE FUNCTION @extschema@.drop_request(name text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    PERFORM @extschema@.request_spec(name);
    IF (SELECT shipped FROM @extschema@.request r WHERE r.name = drop_request.name) THEN
        RAISE EXCEPTION 'request "%" is a shipped template and cannot be dropped', name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM @extschema@.answer_table a WHERE a.request = name;
    DELETE FROM @extschema@.answer a WHERE a.request = name;
    DELETE FROM @extschema@.request r WHERE r.name = drop_request.name;
END
$fn$;
COMMENT ON FUNCTION @extschema@.drop_request(text) IS
  'drops a stored request and its saved answers (views made from it stay until you drop them)';

-- ---------------------------------------------------------------------------
-- Answering
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.request_question(request text, spec jsonb, question text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q jsonb;
BEGIN
    SELECT e INTO q FROM jsonb_array_elements(spec -> 'questions') e WHERE e ->> 'id' = question;
    IF q IS NULL THEN
        RAISE EXCEPTION 'request "%" has no question "%"', request, question
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Questions: ' || string_agg(e ->> 'id', ', ') || '.'
                            FROM jsonb_array_elements(spec -> 'questions') e);
    END IF;
    RETURN q;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_question(text, jsonb, text) IS 'internal: one question of a definition, by id';

-- The population of a question in SQL over records r: its own and its
-- ancestors' (subset_of), ANDed.
CREATE FUNCTION @extschema@.request_population_sql(request text, spec jsonb, question text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q     jsonb := @extschema@.request_question(request, spec, question);
    conds text := '';
BEGIN
    LOOP
        IF q ? 'population' THEN
            conds := format(' AND (%s)', q ->> 'population') || conds;
        END IF;
        EXIT WHEN NOT q ? 'subset_of';
        q := @extschema@.request_question(request, spec, q ->> 'subset_of');
    END LOOP;
    RETURN 'r.is_crime AND r.recorded_on BETWEEN $1 AND $2' || conds;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_population_sql(text, jsonb, text) IS
  'internal: the WHERE clause of a question''s population over records r, period $1..$2';

CREATE FUNCTION @extschema@.request_records(request text, spec jsonb, records regclass)
RETURNS regclass
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    need text[];
    missing text[];
BEGIN
    records := coalesce(records, to_regclass(spec ->> 'records'));
    IF records IS NULL THEN
        RAISE EXCEPTION 'no records view for request "%"', request
            USING ERRCODE = 'undefined_table',
                  HINT = 'Pass the bound records view (e.g. ''foi.records''), or give the request a "records" key.';
    END IF;
    need := ARRAY(SELECT name FROM @extschema@.record_field) ||
            ARRAY(SELECT jsonb_object_keys(coalesce(spec -> 'fields', '{}')));
    missing := ARRAY(SELECT n FROM unnest(need) n
                      WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = records
                                           AND a.attname = n AND a.attnum > 0 AND NOT a.attisdropped));
    IF cardinality(missing) > 0 THEN
        RAISE EXCEPTION 'records view % lacks column(s) % that request "%" needs', records,
                        array_to_string(missing, ', '), request
            USING ERRCODE = 'undefined_column',
                  HINT = 'Bind the records with foistats.bind_records; extra fields pass through from your table under their own names.';
    END IF;
    RETURN records;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_records(text, jsonb, regclass) IS
  'internal: the records view a request reads, checked to have the columns it needs';

-- The query that counts one question over records r, and its pieces: the
-- row and column expressions of its xtab, the FILTER of the xtab (NULL if
-- none), the WHERE clause (the period is $1..$2, the column label of
-- columns none $3) and, when the table leaves out records without a row
-- label, the condition that picks those and the query that counts them (the
-- footnote gives the number).  Roll-ups (rollup.sql) count the same pieces
-- month by month, and are used for a question only while its count_sql is
-- the one they were built with.
CREATE FUNCTION @extschema@.request_sql(request text, spec jsonb, question text, records regclass,
    OUT count_sql text, OUT left_out_sql text,
    OUT rowx text, OUT colx text, OUT filt text, OUT population text, OUT left_out text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q      jsonb := @extschema@.request_question(request, spec, question);
    cols   text := @extschema@.request_columns(spec, q);
    rs     record;
    f      text := '';
BEGIN
    IF @extschema@.request_question_kind(q) = 'text' THEN
        RAISE EXCEPTION 'question "%" of request "%" is answered in words and has no table', question, request
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF q ? 'rows' THEN
        rs := @extschema@.request_rows_sql(request, question, q -> 'rows', @extschema@.request_template(spec));
        rowx := rs.expr;
        IF rs.multi THEN
            f := format(' AND cardinality(%s) > 0', rowx);
            left_out := format('cardinality(%s) = 0', rowx);
        ELSIF rs.leave_out THEN
            f := format(' AND %s IS NOT NULL', rowx);
            left_out := format('%s IS NULL', rowx);
        END IF;
    ELSE
        rowx := quote_literal(coalesce(q -> 'measure' ->> 'name', 'crimes'));
    END IF;
    colx := CASE cols WHEN 'year' THEN 'r.recorded_on'
                      WHEN 'none' THEN '$3::text'
                      WHEN 'dimension' THEN (@extschema@.request_rows_sql(request, question, q -> 'columns',
                                                                          @extschema@.request_template(spec), 'columns')).expr
                      ELSE format('r.recorded_on, %L', cols) END;
    IF q ? 'measure' AND q -> 'measure' <> '"crimes"'::jsonb THEN
        f := f || format(' AND (%s) IS TRUE', q -> 'measure' ->> 'count');
    END IF;
    filt := CASE WHEN f <> '' THEN substr(f, 6) END;
    population := @extschema@.request_population_sql(request, spec, question);
    count_sql := format('SELECT %s.xtab(%s, %s)%s FROM %s r WHERE %s', '@extschema@', rowx, colx,
                        CASE WHEN filt IS NOT NULL THEN format(' FILTER (WHERE %s)', filt) ELSE '' END,
                        records, population);
    IF left_out IS NOT NULL THEN
        left_out_sql := format('SELECT count(*) FROM %s r WHERE %s AND %s', records, population, left_out);
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_sql(text, jsonb, text, regclass) IS
  'internal: the SQL that counts a question over records (count_sql: $1, $2 the period, $3 the column label of columns none), the SQL that counts the records its table leaves out (left_out_sql, NULL if none), and their pieces over records r (xtab row and column expressions, its FILTER, the WHERE clause, the left-out condition)';

-- The questions protected together with one question: the tree of
-- subset_of links between questions with the same rows and columns (so that
-- a difference of two of their tables is a count of crimes) and the same
-- protection, found from its root.  ids in definition order; subset_of[i] =
-- the position of ids[i]'s superset, or NULL.  A question outside any such
-- link is a family of one.
CREATE FUNCTION @extschema@.request_family(request text, spec jsonb, question text,
    OUT ids text[], OUT subset_of integer[])
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q     jsonb := @extschema@.request_question(request, spec, question);
    root  jsonb := q;
    par   jsonb;
    more  text[];
    prot  jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
BEGIN
    -- linked: same rows, same columns, same protection, both tables
    LOOP
        EXIT WHEN NOT root ? 'subset_of';
        par := @extschema@.request_question(request, spec, root ->> 'subset_of');
        EXIT WHEN NOT (par ? 'rows' AND root ? 'rows' AND par -> 'rows' = root -> 'rows'
                       AND coalesce(par -> 'columns', spec -> 'columns', '"year"') = coalesce(root -> 'columns', spec -> 'columns', '"year"')
                       AND coalesce(par -> 'protect', spec -> 'protect', 'false'::jsonb) = prot);
        root := par;
    END LOOP;
    ids := ARRAY[root ->> 'id'];
    LOOP
        -- add the questions linked below one already in (definition order)
        SELECT array_agg(e ->> 'id' ORDER BY o) INTO more
          FROM jsonb_array_elements(spec -> 'questions') WITH ORDINALITY AS x(e, o),
               LATERAL (SELECT p FROM jsonb_array_elements(spec -> 'questions') p
                         WHERE p ->> 'id' = e ->> 'subset_of') sup
         WHERE e ->> 'subset_of' = ANY (ids) AND NOT (e ->> 'id') = ANY (ids)
           AND e ? 'rows' AND e -> 'rows' = sup.p -> 'rows'
           AND coalesce(e -> 'columns', spec -> 'columns', '"year"') = coalesce(sup.p -> 'columns', spec -> 'columns', '"year"')
           AND coalesce(e -> 'protect', spec -> 'protect', 'false'::jsonb) = prot;
        EXIT WHEN more IS NULL;
        ids := ids || more;
    END LOOP;
    subset_of := ARRAY(SELECT array_position(ids, (SELECT e ->> 'subset_of' FROM jsonb_array_elements(spec -> 'questions') e WHERE e ->> 'id' = i))
                         FROM unnest(ids) WITH ORDINALITY AS u(i, o) ORDER BY o);
    subset_of[1] := NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_family(text, jsonb, text) IS
  'internal: the questions protected together with a question (subset_of links with the same rows, columns and protection), in definition order, with each one''s superset''s position';

-- Answer one question of a definition (the stored one, or a saved one).
CREATE FUNCTION @extschema@.request_answer(request text, spec jsonb, question text, records regclass,
                                           period_from date, period_to date, protected boolean)
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    ex     text := '@extschema@';
    q      jsonb := @extschema@.request_question(request, spec, question);
    cols   text := @extschema@.request_columns(spec, q);
    sql    text;
    left_sql text;
    x      @extschema@.xtab;
    rs     record;
    notes  text[] := '{}';
    prot   jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
    span   text := @extschema@.date_span_text(period_from, period_to);
    n      bigint;
    labels text[];
    fam_ids text[] := ARRAY[question];
    fam_sub integer[];
    pair   text[];
    tabs   @extschema@.xtab[];
    p_rowx text;
    p_colx text;
    p_filt text;
    p_population text;
    keys   @extschema@.xtab;
    few    boolean;
BEGIN
    records := @extschema@.request_records(request, spec, records);
    -- suppression protects linked questions together; rounding and the
    -- cell key protect each figure alone
    IF protected AND prot <> 'false'::jsonb AND coalesce(prot ->> 'method', 'suppress') = 'suppress' THEN
        SELECT f.ids, f.subset_of INTO fam_ids, fam_sub FROM @extschema@.request_family(request, spec, question) f;
        pair := @extschema@.request_pair(request, spec, question);
    END IF;
    SELECT p.count_sql, p.left_out_sql, p.rowx, p.colx, p.filt, p.population
      INTO sql, left_sql, p_rowx, p_colx, p_filt, p_population
      FROM @extschema@.request_sql(request, spec, question, records) p;
    -- a roll-up of the question (foistats.create_rollup) answers it without a scan
    SELECT a.xtab, a.left_out INTO x, n
      FROM @extschema@.rollup_answer(records, sql, left_sql, period_from, period_to, span) a;
    IF NOT FOUND THEN
        EXECUTE sql INTO x USING period_from, period_to, span;
        IF left_sql IS NOT NULL THEN
            EXECUTE left_sql INTO n USING period_from, period_to;
        END IF;
    END IF;
    x := coalesce(x, '{}'::@extschema@.xtab);

    -- zeros: every period, every listed row
    IF cols = 'none' THEN
        x := @extschema@.with_columns(x, ARRAY[span]);
    ELSIF cols = 'dimension' AND coalesce((q -> 'zeros' ->> 'periods')::boolean, false) THEN
        x := @extschema@.with_columns(x, ARRAY(SELECT DISTINCT l FROM unnest(@extschema@.col_labels(x) ||
                 (@extschema@.request_rows_sql(request, question, q -> 'columns', @extschema@.request_template(spec), 'columns')).listed) l));
    ELSIF coalesce((q -> 'zeros' ->> 'periods')::boolean, false) THEN
        x := @extschema@.with_columns(x, @extschema@.period_labels(period_from, period_to, cols));
    END IF;
    IF q ? 'rows' THEN
        rs := @extschema@.request_rows_sql(request, question, q -> 'rows', @extschema@.request_template(spec));
        IF coalesce((q -> 'zeros' ->> 'rows')::boolean, false) THEN
            x := @extschema@.with_rows(x, rs.listed);
        END IF;
        IF rs.leave_out THEN
            IF n > 0 THEN
                -- a protected question's small count is not printed in words
                -- either: 'fewer than 5'
                few := prot <> 'false'::jsonb AND n < coalesce((prot ->> 'threshold')::int, 5);
                notes := notes || format('%s %s of the question''s population %s no %s and %s not counted in the table.',
                                         CASE WHEN few THEN format('Fewer than %s', coalesce((prot ->> 'threshold')::int, 5)) ELSE n::text END,
                                         CASE WHEN n = 1 AND NOT few THEN 'crime' ELSE 'crimes' END,
                                         CASE WHEN n = 1 AND NOT few THEN 'has' ELSE 'have' END,
                                         CASE WHEN rs.multi AND q -> 'rows' ? 'terms'
                                              THEN format('mention of a counted term (dictionary ''%s'') in their MO text, or no MO text,', q -> 'rows' ->> 'terms')
                                              ELSE 'recorded ' || replace(rs.name, '_', ' ') END,
                                         CASE WHEN n = 1 AND NOT few THEN 'is' ELSE 'are' END);
            END IF;
        END IF;
    ELSE
        x := @extschema@.with_rows(x, ARRAY[coalesce(q -> 'measure' ->> 'name', 'crimes')]);
    END IF;
    IF cols = 'dimension' THEN
        notes := notes || format('Crimes recorded %s.', span);
    ELSIF cols <> 'none' THEN
        notes := notes || @extschema@.partial_periods(period_from, period_to, cols);
    END IF;
    notes := notes || ARRAY(SELECT jsonb_array_elements_text(coalesce(q -> 'footnotes', '[]')));
    x := @extschema@.annotate(x, title => q ->> 'title', row_header => q ->> 'row_header', footnotes => notes);

    IF protected AND prot <> 'false'::jsonb AND pair IS NOT NULL THEN
        -- two breakdowns of the same crimes (same_crimes_as): the pair is
        -- protected together, always in definition order, so that either
        -- question's table comes from the same pattern
        tabs := ARRAY(SELECT CASE WHEN f.id = question THEN x
                                  ELSE @extschema@.request_answer(request, spec, f.id, records, period_from, period_to, false) END
                        FROM unnest(pair) WITH ORDINALITY AS f(id, i) ORDER BY f.i);
        BEGIN
            x := (@extschema@.protect_linked(tabs,
                    same_totals => '{2,NULL}',
                    threshold => coalesce((prot ->> 'threshold')::int, 5),
                    protection => (prot ->> 'protection')::int,
                    zeros => coalesce((prot ->> 'zeros')::boolean, false),
                    allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                    marker => coalesce(prot ->> 'marker', '*')))[array_position(pair, question)];
        EXCEPTION WHEN invalid_parameter_value OR feature_not_supported THEN
            -- a refusal that depends on the counts (a row label in both
            -- tables, unequal totals): name the questions
            DECLARE
                m text; d text; h text;
            BEGIN
                GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
                RAISE EXCEPTION 'request "%": questions "%" and "%" (same_crimes_as) cannot be protected together: %',
                                request, pair[1], pair[2], m
                    USING ERRCODE = 'invalid_parameter_value', DETAIL = d,
                          HINT = CASE WHEN m LIKE '%both have a row%'
                                      THEN 'Label the rows of one of them apart ("rows": {"unknown": "..."} for crimes without a value, {"labels": {...}} for others).' ELSE h END;
            END;
        END;
    ELSIF protected AND prot <> 'false'::jsonb AND cardinality(fam_ids) > 1 THEN
        -- a question linked to others (a subset_of with the same rows and
        -- columns): the family is protected together (protect_linked)
        x := (@extschema@.protect_linked(
                ARRAY(SELECT CASE WHEN f.id = question THEN x
                                  ELSE @extschema@.request_answer(request, spec, f.id, records, period_from, period_to, false) END
                        FROM unnest(fam_ids) WITH ORDINALITY AS f(id, i) ORDER BY f.i),
                fam_sub,
                threshold => coalesce((prot ->> 'threshold')::int, 5),
                protection => (prot ->> 'protection')::int,
                zeros => coalesce((prot ->> 'zeros')::boolean, false),
                allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                marker => coalesce(prot ->> 'marker', '*')))[array_position(fam_ids, question)];
    ELSIF protected AND prot <> 'false'::jsonb THEN
        IF prot ->> 'method' = 'cellkey' THEN
            -- the cell key of a figure is the sum of its records' keys
            -- (record_key of crime_ref, seeded by the database's secret),
            -- counted by the question's own query with each record weighted.
            -- Without a secret the keys are a public function of the crime
            -- references, and anyone who knows them can take the noise off.
            IF coalesce(current_setting('foistats.cellkey_secret', true), '') = '' THEN
                RAISE EXCEPTION 'request "%": question "%" is protected by the cell key, and foistats.cellkey_secret is empty or not set',
                                request, question
                    USING ERRCODE = 'object_not_in_prerequisite_state',
                          DETAIL = 'The cell key perturbs each figure by the sum of its records'' keys, record_key(crime_ref, secret); without a secret anyone who knows the crime references can compute the noise and take it off.',
                          HINT = 'Set a secret for the database and keep it from year to year: ALTER DATABASE ... SET foistats.cellkey_secret = ''...'' (or SET foistats.cellkey_secret in this session).';
            END IF;
            EXECUTE format('SELECT %s.xtab(%s, %s, %s.record_key(r.crime_ref::text, %L))%s FROM %s r WHERE %s',
                           ex, p_rowx, p_colx, ex, current_setting('foistats.cellkey_secret'),
                           CASE WHEN p_filt IS NOT NULL THEN format(' FILTER (WHERE %s)', p_filt) ELSE '' END,
                           records, p_population)
               INTO keys USING period_from, period_to, span;
            keys := coalesce(keys, '{}'::@extschema@.xtab);
        END IF;
        x := @extschema@.protect(x,
                threshold => coalesce((prot ->> 'threshold')::int, 5),
                protection => (prot ->> 'protection')::int,
                method => coalesce(prot ->> 'method', 'suppress'),
                zeros => coalesce((prot ->> 'zeros')::boolean, false),
                allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                marker => coalesce(prot ->> 'marker', '*'),
                keys => keys);
    END IF;
    RETURN x;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_answer(text, jsonb, text, regclass, date, date, boolean) IS
  'internal: one question of a definition answered over records for a period, with its zeros, footnotes and (if protected) protection';

CREATE FUNCTION @extschema@.request_period(request text,
    OUT period_from date, OUT period_to date)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT * FROM @extschema@.resolve_period(request, @extschema@.request_spec(request) -> 'period')
$fn$;
COMMENT ON FUNCTION @extschema@.request_period(text) IS
  'the first and last day of a stored request''s period, resolved today (Europe/London) for rules such as {"last": 5, "unit": "fy"}';

-- The period an answer covers: the one given (both days or neither), or
-- the request's own, resolved now.
CREATE FUNCTION @extschema@.request_answer_period(request text, spec jsonb, first_day date, last_day date,
                                                  OUT period_from date, OUT period_to date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF (first_day IS NULL) <> (last_day IS NULL) THEN
        RAISE EXCEPTION 'give both period_from and period_to, or neither' USING ERRCODE = 'invalid_parameter_value';
    ELSIF first_day > last_day THEN
        RAISE EXCEPTION 'period starts after it ends' USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('period_from is %s, period_to is %s.', first_day, last_day);
    ELSIF first_day IS NULL THEN
        SELECT * INTO period_from, period_to FROM @extschema@.resolve_period(request, spec -> 'period');
    ELSE
        period_from := first_day;
        period_to := last_day;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_answer_period(text, jsonb, date, date) IS
  'internal: the first and last day an answer covers: those given (both or neither), or the request''s period resolved now';

CREATE FUNCTION @extschema@.request_xtab(request text, question text, records regclass DEFAULT NULL,
                                         period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    RETURN @extschema@.request_answer(request, spec, question, records, period_from, period_to, true);
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_xtab(text, text, regclass, date, date) IS
  'one question of a stored request as a cross-tab, now: over records (default: the request''s "records"), for the request''s period (or the one given), protected as the definition says';

-- How a question's table prints, from its definition: render's options.
CREATE FUNCTION @extschema@.request_render_options(request text, spec jsonb, question text, x @extschema@.xtab,
    OUT zero text, OUT marker text, OUT row_order text[], OUT sort text, OUT bold text[], OUT total_label text)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q    jsonb := @extschema@.request_question(request, spec, question);
    r    jsonb := coalesce(q -> 'render', '{}');
    prot jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
BEGIN
    IF jsonb_typeof(q -> 'sort') = 'object' THEN
        row_order := ARRAY(SELECT l FROM jsonb_array_elements_text(q -> 'sort' -> 'order') l
                            WHERE l = ANY (@extschema@.row_labels(x)));
    END IF;
    zero := coalesce(r ->> 'zero', '');
    marker := coalesce(CASE WHEN prot <> 'false'::jsonb THEN prot ->> 'marker' END, '*');
    sort := CASE WHEN jsonb_typeof(q -> 'sort') = 'string' THEN q ->> 'sort' END;
    bold := ARRAY(SELECT jsonb_array_elements_text(coalesce(r -> 'bold', '[]')));
    total_label := coalesce(r ->> 'total_label', 'Grand Total');
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_render_options(text, jsonb, text, @extschema@.xtab) IS
  'internal: render''s options for a question''s table as its definition says it is published (sort or fixed row order, bold, zero text, total label, protection marker)';

CREATE FUNCTION @extschema@.request_render(request text, question text, format text DEFAULT 'tsv',
                                           records regclass DEFAULT NULL,
                                           period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    x    @extschema@.xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
    o    record;
BEGIN
    SELECT * INTO o FROM @extschema@.request_render_options(request, @extschema@.request_spec(request), question, x);
    RETURN @extschema@.render(x, format, zero => o.zero, marker => o.marker, row_order => o.row_order,
                              sort => o.sort, bold => o.bold, total_label => o.total_label);
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_render(text, text, text, regclass, date, date) IS
  'one question of a stored request rendered as the definition says it is published (its sort or fixed row order, bold, zero text, total label, protection marker): render(request_xtab(...), format, ...)';

CREATE FUNCTION @extschema@.request_tables(request text, records regclass DEFAULT NULL,
                                           period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS TABLE (question text, title text, xtab @extschema@.xtab)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q jsonb;
BEGIN
    FOR q IN SELECT e FROM jsonb_array_elements(@extschema@.request_spec(request) -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        question := q ->> 'id';
        title := q ->> 'title';
        xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_tables(text, regclass, date, date) IS
  'every question of a stored request that has a table or a count, in order, with its title and cross-tab (as request_xtab)';

CREATE FUNCTION @extschema@.rerun(request text, period_from date, period_to date, records regclass DEFAULT NULL,
                                  previous text DEFAULT NULL)
RETURNS TABLE (question text, title text, xtab @extschema@.xtab)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec  jsonb;
    q     jsonb;
    prot  jsonb;
    fam   record;
    k     int;
    res   @extschema@.xtab[];
BEGIN
    IF previous IS NULL THEN
        RETURN QUERY SELECT * FROM @extschema@.request_tables(request, records, period_from, period_to);
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM @extschema@.answer a WHERE a.request = rerun.request AND a.label = previous) THEN
        RAISE EXCEPTION 'request "%" has no saved answer labelled "%"', request, previous
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Saved answers: ' || coalesce(string_agg(format('%L', x.label), ', ' ORDER BY x.saved_at), 'none') || '.'
                            FROM @extschema@.answer x WHERE x.request = rerun.request);
    END IF;
    IF period_from IS NULL OR period_to IS NULL OR period_from > period_to THEN
        RAISE EXCEPTION 'give the period to answer for: period_from and period_to, in order' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    spec := @extschema@.request_spec(request);
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        question := q ->> 'id';
        title := q ->> 'title';
        prot := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
        fam := NULL;
        IF prot <> 'false'::jsonb AND coalesce(prot ->> 'method', 'suppress') = 'suppress' THEN
            SELECT f.ids, f.subset_of INTO fam FROM @extschema@.request_family(request, spec, question) f;
        END IF;
        IF fam IS NOT NULL AND @extschema@.request_pair(request, spec, question) IS NOT NULL
           AND coalesce((prot ->> 'allow_totals')::boolean, false)
           AND EXISTS (SELECT 1 FROM @extschema@.answer_table t
                        WHERE t.request = rerun.request AND t.label = previous AND t.question = rerun.question) THEN
            -- protect_linked does not link a pair of breakdowns (same_totals)
            -- with last year's tables (same_as); with every total published
            -- the pair's link gives a reader nothing, so only allow_totals
            -- is refused
            RAISE EXCEPTION 'rerun cannot protect question "%" of request "%" with previous => %: it is one of two breakdowns of the same crimes (same_crimes_as) and totals may be withheld (allow_totals)',
                            question, request, quote_literal(previous)
                USING ERRCODE = 'feature_not_supported',
                      DETAIL = 'protect_linked does not model a pair of breakdowns (same_totals) linked to an earlier period''s tables (same_as).',
                      HINT = 'Rerun without previous (the pair is protected together, for the new period alone), or protect with every total published (no allow_totals).';
        END IF;
        IF fam IS NULL OR EXISTS (SELECT 1 FROM unnest(fam.ids) i
                                   WHERE NOT EXISTS (SELECT 1 FROM @extschema@.answer_table t
                                                      WHERE t.request = rerun.request AND t.label = previous AND t.question = i)) THEN
            -- not suppressed, or the previous answer lacks one of its tables
            xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
        ELSE
            -- the family with the previous answer's tables as published
            -- (given), each linked to its own question's table (same_as)
            k := cardinality(fam.ids);
            res := @extschema@.protect_linked(
                     ARRAY(SELECT t.published FROM unnest(fam.ids) WITH ORDINALITY AS u(i, o)
                             JOIN @extschema@.answer_table t ON t.request = rerun.request AND t.label = previous AND t.question = u.i
                            ORDER BY u.o) ||
                     ARRAY(SELECT @extschema@.request_answer(request, spec, u.i, records, period_from, period_to, false)
                             FROM unnest(fam.ids) WITH ORDINALITY AS u(i, o) ORDER BY u.o),
                     ARRAY(SELECT s FROM unnest(fam.subset_of) WITH ORDINALITY AS u(s, o) ORDER BY u.o) ||
                     ARRAY(SELECT s + k FROM unnest(fam.subset_of) WITH ORDINALITY AS u(s, o) ORDER BY u.o),
                     threshold => coalesce((prot ->> 'threshold')::int, 5),
                     protection => (prot ->> 'protection')::int,
                     zeros => coalesce((prot ->> 'zeros')::boolean, false),
                     allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                     marker => coalesce(prot ->> 'marker', '*'),
                     same_as => ARRAY(SELECT o + k FROM generate_series(1, k) o) || array_fill(NULL::int, ARRAY[k]),
                     given => array_fill(true, ARRAY[k]) || array_fill(false, ARRAY[k]));
            xtab := res[k + array_position(fam.ids, question)];
        END IF;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rerun(text, date, date, regclass, text) IS
  'the same request answered for another period (e.g. next year''s); compare it with the last saved answer with foistats.check_answer, which lists the figures for earlier periods that changed since they were published. previous => a saved answer''s label: each question protected by suppression is protected together with that answer''s published tables of its family (protect_linked with same_as and given: a figure withheld then stays withheld, and nothing published then gives a withheld figure away now); a question the saved answer lacks is protected as request_xtab does. Two breakdowns of the same crimes (same_crimes_as) are not linked to the saved answer as a pair: with every total published each is protected with its own saved table (the pair''s link gives a reader nothing then); with allow_totals rerun refuses them';

-- ---------------------------------------------------------------------------
-- Saved answers: a stored answer is its own regression test
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.save_answer(request text, label text, records regclass DEFAULT NULL,
                                        period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb;
    q    jsonb;
    n    int := 0;
BEGIN
    IF request IS NULL OR label IS NULL THEN
        RAISE EXCEPTION 'request and label must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    records := @extschema@.request_records(request, spec, records);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    IF EXISTS (SELECT 1 FROM @extschema@.answer a WHERE a.request = save_answer.request AND a.label = save_answer.label) THEN
        RAISE EXCEPTION 'request "%" already has an answer labelled "%"', request, label
            USING ERRCODE = 'unique_violation',
                  HINT = 'A saved answer is a record of what was published: choose a new label, or delete the old one from foistats.answer and foistats.answer_table.';
    END IF;
    INSERT INTO @extschema@.answer (request, label, period_from, period_to, spec, records)
    VALUES (request, label, period_from, period_to, spec, records::text);
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        INSERT INTO @extschema@.answer_table (request, label, question, title, published, computed)
        VALUES (request, label, q ->> 'id', q ->> 'title',
                @extschema@.request_answer(request, spec, q ->> 'id', records, period_from, period_to, true),
                @extschema@.request_answer(request, spec, q ->> 'id', records, period_from, period_to, false));
        n := n + 1;
    END LOOP;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.save_answer(text, text, regclass, date, date) IS
  'saves every table of a request as published (after protection) and as computed, with the period, the definition used and the time, under a label (e.g. ''2024 response''); returns the number of tables saved';

CREATE FUNCTION @extschema@.check_answer(request text, label text, records regclass DEFAULT NULL,
    OUT question text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT recomputed bigint, OUT difference bigint, OUT status text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    a     record;
    t     record;
    fresh @extschema@.xtab;
BEGIN
    SELECT * INTO a FROM @extschema@.answer x WHERE x.request = check_answer.request AND x.label = check_answer.label;
    IF a IS NULL THEN
        RAISE EXCEPTION 'request "%" has no saved answer labelled "%"', request, label
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Saved answers: ' || coalesce(string_agg(format('%L', x.label), ', ' ORDER BY x.saved_at), 'none') || '.'
                            FROM @extschema@.answer x WHERE x.request = check_answer.request);
    END IF;
    records := coalesce(records, to_regclass(a.records));
    FOR t IN SELECT * FROM @extschema@.answer_table x
              WHERE x.request = a.request AND x.label = a.label ORDER BY x.question LOOP
        question := t.question;
        fresh := @extschema@.request_answer(a.request, a.spec, t.question, records,
                                            a.period_from, a.period_to, false);
        FOR row_label, col_label, published, recomputed, difference, status IN
            SELECT r.row_label, r.col_label, r.published, r.recomputed, r.difference, r.status
              FROM @extschema@.reconcile(t.computed, fresh) r
             WHERE r.status <> 'match'
        LOOP
            RETURN NEXT;
        END LOOP;
        -- A multi-label table also prints its distinct crimes per column and
        -- in all, which its mentions do not determine (a crime that gains a
        -- label while another with that label is no-crimed leaves every
        -- mention as it was): compared under the row the table prints them
        -- in.
        CONTINUE WHEN NOT (@extschema@.is_multi_label(t.computed) OR @extschema@.is_multi_label(fresh));
        FOR row_label, col_label, published, recomputed, difference, status IN
            WITH p AS (SELECT l, u, i FROM unnest(@extschema@.col_labels(t.computed), @extschema@.col_units(t.computed))
                                            WITH ORDINALITY AS z(l, u, i)),
                 f AS (SELECT l, u, i FROM unnest(@extschema@.col_labels(fresh), @extschema@.col_units(fresh))
                                            WITH ORDINALITY AS z(l, u, i)),
                 u AS (SELECT coalesce(p.l, f.l) AS l, p.u AS pu, f.u AS fu, p.l IS NOT NULL AS in_p, f.l IS NOT NULL AS in_f,
                              coalesce(p.i, 0) AS pi, f.i AS fi
                         FROM p FULL JOIN f ON f.l = p.l
                       UNION ALL
                       SELECT NULL, @extschema@.total_units(t.computed), @extschema@.total_units(fresh), true, true,
                              2147483647, 2147483647)
            SELECT 'Grand Total (distinct crimes)', u.l, u.pu, u.fu, u.fu - u.pu,
                   CASE WHEN NOT u.in_p THEN 'recomputed_only' WHEN NOT u.in_f THEN 'published_only'
                        WHEN u.pu = u.fu THEN 'match' ELSE 'differs' END
              FROM u
             WHERE NOT (u.in_p AND u.in_f AND u.pu IS NOT DISTINCT FROM u.fu)
             ORDER BY u.pi, u.fi
        LOOP
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_answer(text, text, regclass) IS
  'recomputes a saved answer with the definition and period it was saved with, and returns every figure that differs from the saved exact counts (reconcile: cells, row totals, column totals, grand total, and for a multi-label table its distinct crimes per column and in all, under row_label ''Grand Total (distinct crimes)''); no rows means the answer still holds. Differences are late-recorded, re-classified or no-crimed records, which a later response must explain';

CREATE FUNCTION @extschema@.audit_request(request text, records regclass DEFAULT NULL,
                                          period_from date DEFAULT NULL, period_to date DEFAULT NULL,
    OUT question text, OUT "check" text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT computed bigint, OUT detail text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb := @extschema@.request_spec(request);
    t    record;
    sup  @extschema@.xtab;
BEGIN
    IF to_regclass('pg_temp.foistats_audit_tables') IS NULL THEN    -- (no NOTICE on a second call in a transaction)
        CREATE TEMP TABLE foistats_audit_tables (question text, xtab @extschema@.xtab) ON COMMIT DROP;
    END IF;
    DELETE FROM foistats_audit_tables;
    INSERT INTO foistats_audit_tables
    SELECT r.question, r.xtab FROM @extschema@.request_tables(request, records, period_from, period_to) r;
    -- a subset is audited against its superset cell by cell when both have
    -- the same rows and columns (labels then mean the same thing)
    -- (c: the question, p: its superset; both aliases name their column,
    -- so that neither reference can resolve to the other's)
    FOR t IN SELECT a.question AS qid, a.xtab,
                    CASE WHEN p.q -> 'rows' = c.q -> 'rows'
                          AND coalesce(p.q ->> 'columns', spec ->> 'columns', 'year')
                              = coalesce(c.q ->> 'columns', spec ->> 'columns', 'year')
                         THEN c.q ->> 'subset_of' END AS parent,
                    -- the cell key perturbs every figure: rows need not add up
                    coalesce(c.q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'cellkey'
                    OR (p.q IS NOT NULL AND coalesce(p.q -> 'protect', spec -> 'protect') ->> 'method'
                                             IS NOT DISTINCT FROM 'cellkey') AS cellkey
               FROM foistats_audit_tables a
               JOIN jsonb_array_elements(spec -> 'questions') c(q) ON c.q ->> 'id' = a.question
               LEFT JOIN jsonb_array_elements(spec -> 'questions') p(q) ON p.q ->> 'id' = c.q ->> 'subset_of'
              ORDER BY a.ctid LOOP
        question := t.qid;
        -- audit() reads every withheld cell as possibly small; a complement
        -- (or total) that the published figures merely prove positive gives
        -- no small count away, as protect's exact audit knows (issue 11)
        FOR "check", row_label, col_label, published, computed, detail IN
            SELECT a.* FROM @extschema@.audit(t.xtab) a
             WHERE NOT (t.cellkey AND a."check" IN ('row_total', 'column_total', 'grand_total_rows',
                                                    'grand_total_columns', 'grand_total_cells'))
               AND (a."check" <> 'disclosure_narrowed'
                OR NOT EXISTS (SELECT FROM @extschema@.disclosure_audit(t.xtab) d
                                WHERE d.row_label IS NOT DISTINCT FROM a.row_label
                                  AND d.col_label IS NOT DISTINCT FROM a.col_label
                                  AND d.published_state IN ('secondary', 'total')
                                  AND d.meets_rule IS NULL)) LOOP
            RETURN NEXT;
        END LOOP;
        IF t.parent IS NOT NULL AND NOT t.cellkey THEN
            SELECT a.xtab INTO sup FROM foistats_audit_tables a WHERE a.question = t.parent;
            FOR "check", row_label, col_label, published, computed, detail IN
                SELECT * FROM @extschema@.audit_subset(t.xtab, sup) LOOP
                RETURN NEXT;
            END LOOP;
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.audit_request(text, regclass, date, date) IS
  'audits every table of a request as it would be published: its arithmetic (foistats.audit) and, for a question that is a subset_of another with the same rows and columns, that it stays within it cell by cell (foistats.audit_subset); no rows means every table adds up. A table protected by the cell key is not checked for arithmetic or against its superset (its figures are perturbed), and a withheld complement or total that the published figures only narrow, protect''s exact audit having found its count not small, is no finding';

-- ---------------------------------------------------------------------------
-- Views for BI tools
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.create_request_views(target name, request text,
                                                 period_from date, period_to date)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    ex       text := '@extschema@';
    s        text := quote_ident(target);
    spec     jsonb;
    q        jsonb;
    qid      text;
    v        text;
    cols     text;
    labels   text[];
    rs       record;
    made     text[] := '{}';
    longs    text[] := '{}';
    pops     text[] := '{}';
    mname    text;
    qtitle   text;
    other    text;
BEGIN
    IF target IS NULL OR request IS NULL OR period_from IS NULL OR period_to IS NULL THEN
        RAISE EXCEPTION 'create_request_views arguments must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF period_from > period_to THEN
        RAISE EXCEPTION 'request period starts after it ends'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('period_from is %s, period_to is %s.', period_from, period_to);
    END IF;
    IF to_regclass(format('%s.records', s)) IS NULL THEN
        RAISE EXCEPTION 'no records view in schema "%"', target
            USING ERRCODE = 'undefined_table',
                  HINT = format('Bind your crime records first: SELECT foistats.bind_records(%L, ''your_table'', ''{...}'').', target);
    END IF;
    spec := @extschema@.request_spec(request);
    PERFORM @extschema@.request_records(request, spec, format('%s.records', s)::regclass);

    -- One request's views a schema: another's q<id> views would be replaced
    -- in part, and those left would read this request's period
    IF EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = to_regclass(format('%s.request_period', s))
                  AND a.attname = 'request' AND NOT a.attisdropped) THEN
        EXECUTE format('SELECT request FROM %s.request_period', s) INTO other;
        IF other IS DISTINCT FROM request THEN
            RAISE EXCEPTION 'schema "%" holds the views of request "%"', target, other
                USING ERRCODE = 'duplicate_object',
                      DETAIL = format('The views of request "%s" would replace some of them (q1, q1_xtab, ..., answers, request_period), and those left would read the period of "%s".', request, request),
                      HINT = format('Give each request a schema of its own: bind the same table there (SELECT foistats.bind_records(''other_schema'', ...)) and create the views there; or drop the views of "%s" first (DROP VIEW %s.request_period CASCADE drops them all and keeps %s.records).', other, s, s);
        END IF;
    END IF;

    -- The period, defined once; every view below reads it.
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.request_period', s)),
                                          ARRAY['request', 'period_from', 'period_to', 'description']);
    EXECUTE format($v$CREATE OR REPLACE VIEW %s.request_period AS
        SELECT %L::text AS request, %L::date AS period_from, %L::date AS period_to, %L::text AS description$v$,
        s, request, period_from, period_to, @extschema@.date_span_text(period_from, period_to));
    EXECUTE format('COMMENT ON VIEW %s.request_period IS %L', s,
        format('the period of request %s (inclusive): every question view counts crimes recorded in it', request));
    made := made || 'request_period'::text;

    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        qid := q ->> 'id';
        v := 'q' || lower(qid);
        qtitle := coalesce(q ->> 'title', q ->> 'text', 'question ' || qid);
        cols := @extschema@.request_columns(spec, q);

        -- the records the question counts
        EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
            SELECT r.* FROM %1$s.records r, %1$s.request_period p WHERE %3$s$v$,
            s, v || '_records',
            replace(@extschema@.request_population_sql(request, spec, qid), 'BETWEEN $1 AND $2',
                    'BETWEEN p.period_from AND p.period_to'));
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v || '_records',
            format('question %s of request %s: the crimes it counts (%s)', qid, request,
                   coalesce(q ->> 'population', 'every crime recorded in the period')));
        pops := pops || format('SELECT %L::text AS question, r.* FROM %s.%I r', qid, s, v || '_records');
        made := made || (v || '_records');

        -- the cross-tab, as request_xtab gives it (protected as defined)
        EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
            SELECT %3$s.request_xtab(%4$L, %5$L, %6$L::regclass, p.period_from, p.period_to) AS xtab
              FROM %1$s.request_period p$v$, s, v || '_xtab', ex, request, qid, format('%s.records', s));
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v || '_xtab',
            format('question %s of request %s as a cross-tab: %s', qid, request, qtitle));
        made := made || (v || '_xtab');
        longs := longs || format($v$SELECT %L::text AS question, t.row_label, t.period, t.n, t.is_total
              FROM %s.%I x, LATERAL %s.figures(x.xtab) t$v$, qid, s, v || '_xtab', ex);

        IF q ? 'rows' THEN
            rs := @extschema@.request_rows_sql(request, qid, q -> 'rows', @extschema@.request_template(spec));
            labels := CASE WHEN cols = 'none' THEN ARRAY[@extschema@.date_span_text(period_from, period_to)]
                           WHEN cols = 'dimension' THEN @extschema@.col_labels(@extschema@.with_columns(
                               @extschema@.request_xtab(request, qid, format('%s.records', s)::regclass, period_from, period_to),
                               (@extschema@.request_rows_sql(request, qid, q -> 'columns', @extschema@.request_template(spec), 'columns')).listed
                               || @extschema@.col_labels(@extschema@.request_xtab(request, qid, format('%s.records', s)::regclass,
                                                                                  period_from, period_to))))
                           ELSE @extschema@.period_labels(period_from, period_to, cols) END;
            PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.%I', s, v)),
                                                  rs.name || labels || 'Grand Total'::text);
            PERFORM @extschema@.create_wide_view_in_path(format('%s.%I', s, v),
                format('SELECT xtab FROM %s.%I', s, v || '_xtab'), rs.name,
                'pg_catalog, pg_temp', labels, true,
                format('question %s of request %s: %s; %s x %s with Grand Totals', qid, request, qtitle,
                       rs.name, CASE cols WHEN 'fy' THEN 'financial year' WHEN 'none' THEN 'the whole period'
                                          WHEN 'dimension' THEN coalesce(q -> 'columns' ->> 'name', q -> 'columns' ->> 'dimension', 'column')
                                          ELSE cols END)
                || CASE WHEN rs.multi THEN '; a crime can be under several rows, so the columns count mentions, and the last row counts distinct crimes'
                        ELSE '; each crime is counted once' END, true);
        ELSE
            mname := coalesce(q -> 'measure' ->> 'name', 'crimes');
            PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.%I', s, v)),
                CASE WHEN mname = 'crimes' THEN ARRAY['crimes'] ELSE ARRAY[mname, 'crimes'] END);
            EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
                SELECT %3$s count(*) AS crimes FROM %1$s.%4$I q$v$, s, v,
                CASE WHEN mname = 'crimes' THEN ''
                     ELSE format('count(*) FILTER (WHERE (%s) IS TRUE) AS %I,', q -> 'measure' ->> 'count', mname) END,
                v || '_records');
            EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v,
                format('question %s of request %s: %s (unprotected counts: publish through %s_xtab)', qid, request, qtitle, v));
        END IF;
        made := made || v;
    END LOOP;

    -- long form: one row per figure, the same columns for every request
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.answers', s)),
                                          ARRAY['question', 'row_label', 'period', 'n', 'is_total']);
    EXECUTE format('CREATE OR REPLACE VIEW %s.answers AS %s', s, array_to_string(longs, ' UNION ALL '));
    EXECUTE format('COMMENT ON VIEW %s.answers IS %L', s,
        format('every figure of request %s in long form (question, row_label, period, n, is_total): cells and the totals as published (n NULL where withheld); its columns stay the same when the request or its period changes', request));
    -- described column by column, as BI tools show them
    EXECUTE format('COMMENT ON COLUMN %s.answers.question IS %L', s, 'the question''s id as asked (''1'', ''1b'')');
    EXECUTE format('COMMENT ON COLUMN %s.answers.row_label IS %L', s,
        'the row as printed; Grand Total for the total row (Grand Total (mentions) and Grand Total (distinct crimes) for multi-label rows)');
    EXECUTE format('COMMENT ON COLUMN %s.answers.period IS %L', s,
        'the column as printed: a period (''2024'', ''2024/25'', ''2024 Q1'', ''2024-01''), a column dimension''s label, or Grand Total');
    EXECUTE format('COMMENT ON COLUMN %s.answers.n IS %L', s, 'the figure as published: NULL where withheld (a perturbed or rounded figure as printed)');
    EXECUTE format('COMMENT ON COLUMN %s.answers.is_total IS %L', s, 'true for a figure of a Grand Total row or column');
    made := made || 'answers'::text;

    -- records whose recorded ages contradict their offence title
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.scope_conflicts', s)),
        ARRAY['crime_ref', 'recorded_on', 'offence', 'victim_age', 'offender_age', 'conflicts', 'questions']);
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.scope_conflicts AS
        SELECT q.crime_ref, q.recorded_on, q.offence, q.victim_age, q.offender_age, c.conflicts,
               array_agg(q.question ORDER BY q.question) AS questions
          FROM (%2$s) q,
               LATERAL (SELECT %3$s.age_conflicts(q.offence, q.victim_age, q.offender_age) AS conflicts) c
         WHERE cardinality(c.conflicts) > 0
         GROUP BY q.crime_ref, q.recorded_on, q.offence, q.victim_age, q.offender_age, c.conflicts
         ORDER BY q.crime_ref$v$, s, array_to_string(pops, ' UNION ALL '), ex);
    EXECUTE format('COMMENT ON VIEW %s.scope_conflicts IS %L', s,
        format('records counted by a question of request %s whose recorded victim or offender age contradicts the age stated in their offence title (foistats.age_conflicts), with the questions counting them', request));
    made := made || 'scope_conflicts'::text;

    RETURN QUERY SELECT format('%s.%I', s, m)::regclass FROM unnest(made) m ORDER BY m;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_request_views(name, text, date, date) IS
  'creates (or replaces) plain views of a stored request in target, over target.records, for the period given: request_period; per question q<id>_records (its crimes), q<id>_xtab (its cross-tab, protected as defined) and q<id> (typed wide view: one bigint column per period of the request and Grand Total, with the Grand Total row; or the count for a question without rows); answers (long form with stable columns); scope_conflicts';

CREATE FUNCTION @extschema@.create_request_views(target name, request text)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    p record;
BEGIN
    IF target IS NULL OR request IS NULL THEN
        RAISE EXCEPTION 'create_request_views arguments must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT * INTO p FROM @extschema@.resolve_period(request, @extschema@.request_spec(request) -> 'period');
    RETURN QUERY SELECT * FROM @extschema@.create_request_views(target, request, p.period_from, p.period_to);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_request_views(name, text) IS
  'creates (or replaces) the views of a stored request in target over target.records, for the request''s period resolved now (see the four-argument form)';

CREATE FUNCTION @extschema@.create_request_views(target name, period_from date, period_to date)
RETURNS SETOF regclass
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT * FROM @extschema@.create_request_views(target, 'wmp_2014_child_sexual_offences', period_from, period_to)
$fn$;
COMMENT ON FUNCTION @extschema@.create_request_views(name, date, date) IS
  'the seed request (shipped template wmp_2014_child_sexual_offences) for the period given: create_request_views(target, ''wmp_2014_child_sexual_offences'', period_from, period_to); kept for existing callers';
