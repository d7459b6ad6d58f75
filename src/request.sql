-- ---------------------------------------------------------------------------
-- Request views: one view per question of a Freedom of Information request,
-- composed of the extension's functions over a bound records view (see
-- records.sql).  foistats.create_request_views() creates them in the schema
-- that bind_records() created, for a request period defined there once.
--
-- The request shipped here is the seed's: sexual offences by adults against
-- children, with the internet marker, grooming in the MO, convictions, and
-- mentions of social-media platforms.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.create_request_views(target name, period_from date, period_to date)
RETURNS SETOF regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s          text := quote_ident(target);
    ex         text := '@extschema@';
    years      int[];
    y          int;
    year_cols  text := '';
    year_tot   text := '';
    v          text;
BEGIN
    IF target IS NULL OR period_from IS NULL OR period_to IS NULL THEN
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

    -- one typed column per calendar year of the period, in order
    years := ARRAY(SELECT generate_series(extract(year FROM period_from)::int,
                                          extract(year FROM period_to)::int));
    FOREACH y IN ARRAY years LOOP
        year_cols := year_cols || format(', coalesce(sum(r.n) FILTER (WHERE r.col_label = %L), 0)::bigint AS %I',
                                         y::text, y::text);
    END LOOP;

    -- The period, defined once; every view below reads it.
    EXECUTE format($v$CREATE OR REPLACE VIEW %s.request_period AS
        SELECT %L::date AS period_from, %L::date AS period_to$v$, s, period_from, period_to);
    EXECUTE format('COMMENT ON VIEW %s.request_period IS %L', s,
        'the request period (inclusive): every question view counts records recorded in it');

    -- Question 1's population: sexual offences recorded as crimes in the
    -- period, victim under 18, offender 18 or over (the published table's
    -- title: "Sexual offences committed by 18+ year olds on victims younger
    -- than 18 years").  Records with an unknown age are not counted.
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q1_records AS
        SELECT r.*
          FROM %1$s.records r, %1$s.request_period p
         WHERE r.is_crime
           AND r.recorded_on BETWEEN p.period_from AND p.period_to
           AND r.victim_age < 18
           AND r.offender_age >= 18
           AND coalesce(%2$s.is_sexual_offence(r.ho_code), %2$s.is_sexual_offence(r.offence))$v$,
        s, ex);
    EXECUTE format('COMMENT ON VIEW %s.q1_records IS %L', s,
        'question 1''s records: sexual offences (foistats.is_sexual_offence of the Home Office code, else of the description) recorded as crimes in the request period, victim under 18, offender 18 or over');

    -- The cross-tabs, one xtab value per question.
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q1_xtab AS
        SELECT %2$s.xtab(q.offence, q.recorded_on) AS xtab FROM %1$s.q1_records q$v$, s, ex);
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q1b_xtab AS
        SELECT %2$s.xtab(q.offence, q.recorded_on) AS xtab FROM %1$s.q1_records q
         WHERE 'INTERNET INVOLVED' = ANY (q.markers)$v$, s, ex);
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q1c_xtab AS
        SELECT %2$s.xtab(q.offence, q.recorded_on) AS xtab FROM %1$s.q1_records q
         WHERE %2$s.mentions_any(q.mo, 'grooming')$v$, s, ex);
    -- Question 3: crimes of any type in the period, by the platforms their MO
    -- mentions (a crime naming two counts once under each; the table's units
    -- are distinct crimes).
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q3_xtab AS
        SELECT %2$s.xtab(ARRAY(SELECT upper(t) FROM unnest(%2$s.mentions(r.mo, 'platforms')) t
                                WHERE t = ANY (ARRAY['Facebook', 'Twitter', 'WhatsApp',
                                                     'Snapchat', 'Instagram', 'Tumblr'])),
                         r.recorded_on) AS xtab
          FROM %1$s.records r, %1$s.request_period p
         WHERE r.is_crime
           AND r.recorded_on BETWEEN p.period_from AND p.period_to
           AND %2$s.mentions_any(r.mo, 'platforms')$v$, s, ex);
    EXECUTE format('COMMENT ON VIEW %s.q1_xtab IS %L', s,
        'question 1 as a cross-tab: offence description x calendar year of q1_records');
    EXECUTE format('COMMENT ON VIEW %s.q1b_xtab IS %L', s,
        'question 1b: q1_records with the ''INTERNET INVOLVED'' special-interest marker');
    EXECUTE format('COMMENT ON VIEW %s.q1c_xtab IS %L', s,
        'question 1c: q1_records whose MO text mentions grooming (dictionary ''grooming'')');
    EXECUTE format('COMMENT ON VIEW %s.q3_xtab IS %L', s,
        'question 3: crimes of any type recorded in the period whose MO mentions Facebook, Twitter, WhatsApp, Snapchat, Instagram or Tumblr (dictionary ''platforms''), by platform x year; multi-label: a crime counts once under each platform it mentions, once in the distinct-crime total');

    -- Wide views for BI tools: one bigint column per year, "Grand Total",
    -- rows by Grand Total descending then label, the total row last.  A new
    -- period with other years changes their columns, which CREATE OR REPLACE
    -- cannot do: drop them first (an error names any object of yours that
    -- depends on one).
    FOREACH v IN ARRAY ARRAY['q1', 'q1b', 'q1c', 'q3'] LOOP
        IF (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
             WHERE a.attrelid = to_regclass(format('%s.%I', s, v)) AND a.attnum > 1)
           IS DISTINCT FROM (SELECT array_agg(yy::text ORDER BY yy) || 'Grand Total'::text FROM unnest(years) yy)
           AND to_regclass(format('%s.%I', s, v)) IS NOT NULL
        THEN
            EXECUTE format('DROP VIEW %s.%I', s, v);
        END IF;
    END LOOP;
    FOREACH v IN ARRAY ARRAY['q1', 'q1b', 'q1c'] LOOP
        EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
            SELECT offence %3$s, "Grand Total" FROM (
              SELECT r.row_label AS offence %4$s, sum(r.n)::bigint AS "Grand Total", 0 AS part
                FROM %1$s.%5$I x, %6$s.rows(x.xtab) r
               GROUP BY r.row_label
              UNION ALL
              SELECT 'Grand Total' %4$s, coalesce(sum(r.n), 0)::bigint, 1
                FROM %1$s.%5$I x LEFT JOIN LATERAL %6$s.rows(x.xtab) r ON true) t
             ORDER BY part, "Grand Total" DESC, offence COLLATE "C"$v$,
            s, v, (SELECT string_agg(format(', %I', yy::text), '') FROM unnest(years) yy),
            year_cols, v || '_xtab', ex);
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v,
            format('question %s: offences x calendar year with Grand Totals (distinct crimes; each crime has one offence); rows by Grand Total descending, ties by label (C collation); the Grand Total row last',
                   substr(v, 2)));
    END LOOP;

    year_tot := '';
    FOREACH y IN ARRAY years LOOP
        year_tot := year_tot || format(', coalesce((SELECT u.n FROM unnest(%1$s.col_labels(x.xtab), %1$s.col_units(x.xtab)) u(c, n) WHERE u.c = %2$L), 0)::bigint',
                                       ex, y::text);
    END LOOP;
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q3 AS
        SELECT platform %2$s, "Grand Total" FROM (
          SELECT r.row_label AS platform %3$s, sum(r.n)::bigint AS "Grand Total", 0 AS part
            FROM %1$s.q3_xtab x, %4$s.rows(x.xtab) r
           GROUP BY r.row_label
          UNION ALL
          SELECT 'Grand Total (distinct crimes)' %5$s, coalesce(%4$s.total_units(x.xtab), 0), 1
            FROM %1$s.q3_xtab x) t
         ORDER BY part, "Grand Total" DESC, platform COLLATE "C"$v$,
        s, (SELECT string_agg(format(', %I', yy::text), '') FROM unnest(years) yy),
        year_cols, ex, year_tot);
    EXECUTE format('COMMENT ON VIEW %s.q3 IS %L', s,
        'question 3: crimes mentioning each platform x calendar year; a crime naming two platforms counts under both, so the last row counts distinct crimes, not the sum of the rows');

    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.q1d AS
        SELECT count(*) FILTER (WHERE q.convicted) AS convictions,
               count(*) AS crimes
          FROM %1$s.q1_records q
         WHERE %2$s.mentions_any(q.mo, 'grooming')$v$, s, ex);
    EXECUTE format('COMMENT ON VIEW %s.q1d IS %L', s,
        'question 1d: of question 1c''s crimes (grooming in the MO), how many resulted in a conviction (convicted is true; unknown is not counted)');

    -- Records whose recorded ages contradict their offence title.
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.scope_conflicts AS
        SELECT q.crime_ref, q.recorded_on, q.offence, q.victim_age, q.offender_age, c.conflicts
          FROM %1$s.q1_records q,
               LATERAL (SELECT %2$s.age_conflicts(q.offence, q.victim_age, q.offender_age) AS conflicts) c
         WHERE cardinality(c.conflicts) > 0
         ORDER BY q.crime_ref$v$, s, ex);
    EXECUTE format('COMMENT ON VIEW %s.scope_conflicts IS %L', s,
        'question 1''s records whose recorded victim or offender age contradicts the age stated in their offence title (foistats.age_conflicts)');

    RETURN QUERY SELECT c.oid::regclass FROM pg_class c
                  WHERE c.relnamespace = target::regnamespace
                    AND c.relname IN ('request_period', 'q1_records', 'q1_xtab', 'q1b_xtab', 'q1c_xtab',
                                      'q3_xtab', 'q1', 'q1b', 'q1c', 'q1d', 'q3', 'scope_conflicts')
                  ORDER BY c.relname;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_request_views(name, date, date) IS
  'creates (or replaces) the seed request''s question views (q1, q1b, q1c, q1d, q3, their *_xtab cross-tabs, q1_records, scope_conflicts) in target, over target.records, for the period given (inclusive)';
