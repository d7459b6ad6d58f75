-- ---------------------------------------------------------------------------
-- The record interface: the shape of a crime record that requests read.
--
-- A force's crime-records copy has its own table and column names. A user binds
-- it once with foistats.bind_records(), which creates a view <target>.records
-- with the standard column names and types below (and the table's other
-- columns, passed through under their own names); requests read only that
-- view, so nothing in the extension is edited.  A field can be bound to a
-- column, to an SQL expression over the table's columns, or to a constant.
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.record_field (
    position    int  PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    type        text NOT NULL,
    required    boolean NOT NULL,
    description text NOT NULL
);
COMMENT ON TABLE @extschema@.record_field IS
  'the record interface: the standard columns of a bound crime-records view (see foistats.bind_records)';

INSERT INTO @extschema@.record_field VALUES
 (1,  'crime_ref',    'text',    true,  'the force''s unique crime (or incident) reference'),
 (2,  'recorded_on',  'date',    true,  'date the crime was recorded (a timestamptz column is read in the binding''s time zone, Europe/London by default); request periods are applied to it'),
 (3,  'offence',      'text',    false, 'the force''s offence description, e.g. ''RAPE OF FEMALE CHILD UNDER 13 BY A MALE'''),
 (4,  'ho_code',      'text',    false, 'Home Office offence code in any common spelling, e.g. ''019/07'', ''19D'''),
 (5,  'victim_age',   'integer', false, 'victim''s age in years at the time of the offence; NULL when not recorded'),
 (6,  'offender_age', 'integer', false, 'offender''s (suspect''s) age in years at the time of the offence; NULL when not recorded'),
 (7,  'victim_sex',   'text',    false, 'victim''s sex as recorded (''F'', ''Female'', ''M'', ''Male'', ...); NULL when not recorded'),
 (8,  'markers',      'text[]',  false, 'special-interest markers, e.g. {''INTERNET INVOLVED''}'),
 (9,  'mo',           'text',    false, 'modus operandi free text, searched for terms (grooming, platforms, ...)'),
 (10, 'outcome',      'text',    false, 'Home Office outcome type as forces write it (''1'', ''1A'', ''3A'', ''8'', ''14'', ... see foistats.ho_outcome); NULL while the investigation is open'),
 (11, 'convicted',    'boolean', false, 'whether the crime resulted in a conviction (often sourced separately); NULL when unknown'),
 (12, 'is_crime',     'boolean', true,  'true for a recorded crime, false for a non-crime incident or a cancelled (no-crimed) record');

-- The Home Office outcome types (data: data/ho_outcome.sql, made from the
-- cited fixture test/fixtures/ho_outcomes by test/data/make_outcomes.py).
-- Shipped rows hold what the cited sources give (a label or group no source
-- gives is NULL); a force adds the types it uses that are not shipped as rows
-- of its own (shipped = false), which pg_dump keeps.
CREATE TABLE @extschema@.ho_outcome (
    type         text PRIMARY KEY CHECK (type ~ '^[0-9]{1,2}[A-Z]?$'),
    label        text,
    group_label  text,
    introduced   text CHECK (introduced ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    withdrawn    text CHECK (withdrawn ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    source       text NOT NULL,
    shipped      boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.ho_outcome IS
  'Home Office crime outcome types as forces write them (''1'', ''1A'', ''8'', ''21'', ...) with the label and outcome group the cited sources give (NULL where none does), when introduced, and the source; the outcome field of a bound records view must hold one of these types or NULL (open). Add the types your force uses that are not shipped (shipped = false; pg_dump keeps them)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ho_outcome', 'WHERE NOT shipped');

-- foistats.unknown_outcome(code, crime_ref): raises the error for an outcome
-- code that is not a Home Office outcome type (called from request queries
-- when a view is read).
CREATE FUNCTION @extschema@.unknown_outcome(code text, crime_ref text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RAISE EXCEPTION 'crime % has outcome "%", which is not a Home Office outcome type', crime_ref, code
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = 'Outcome types are listed in foistats.ho_outcome (''1'', ''1A'', ''2'', ... ''22''); NULL means open.',
              HINT = 'Map the force''s own codes to Home Office types in the binding ({"outcome": {"expr": "CASE ... END"}}), or add a Home Office type foistats does not ship to foistats.ho_outcome; foistats.check_outcomes() lists them all.';
END
$fn$;
COMMENT ON FUNCTION @extschema@.unknown_outcome(text, text) IS
  'internal: raises the error for an outcome code that is not in foistats.ho_outcome (used by request queries)';

CREATE FUNCTION @extschema@.outcome_label(outcome text, crime_ref text DEFAULT NULL) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN $1 IS NULL THEN NULL
              ELSE coalesce((SELECT 'Type ' || o.type || coalesce(' - ' || o.label, '')
                               FROM @extschema@.ho_outcome o WHERE o.type = $1),
                            @extschema@.unknown_outcome($1, $2)) END
$fn$;
COMMENT ON FUNCTION @extschema@.outcome_label(text, text) IS
  'an outcome type as tables print it: ''Type 1 - '' and its label (''Type 15'' where no label is known); NULL for NULL (open); a type not in foistats.ho_outcome is an error naming crime_ref';

CREATE FUNCTION @extschema@.outcome_group(outcome text, crime_ref text DEFAULT NULL) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN $1 IS NULL THEN NULL
              ELSE coalesce((SELECT coalesce(o.group_label, 'Type ' || o.type || ' (group not known)')
                               FROM @extschema@.ho_outcome o WHERE o.type = $1),
                            @extschema@.unknown_outcome($1, $2)) END
$fn$;
COMMENT ON FUNCTION @extschema@.outcome_group(text, text) IS
  'the group the Home Office reports an outcome type in (e.g. ''Charged/Summonsed''; ''Type 9 (group not known)'' where no source gives it); NULL for NULL (open); a type not in foistats.ho_outcome is an error naming crime_ref';

CREATE FUNCTION @extschema@.check_outcomes(records regclass,
    OUT outcome text, OUT records_with_it bigint, OUT example_crime_ref text)
RETURNS SETOF record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT d.code, d.n, d.example
           FROM (SELECT r.outcome::text AS code, count(*) AS n, min(r.crime_ref::text) AS example
                   FROM %s r WHERE r.outcome IS NOT NULL GROUP BY r.outcome) d
          WHERE NOT EXISTS (SELECT 1 FROM @extschema@.ho_outcome o WHERE o.type = d.code)
          ORDER BY d.code', records);
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_outcomes(regclass) IS
  'outcome codes of a records view (or any relation with outcome and crime_ref columns) that are not Home Office outcome types, with how many records carry each and one of their crime references';

-- ---------------------------------------------------------------------------
-- bind_records
-- ---------------------------------------------------------------------------

-- What each records view was bound to: roll-ups (rollup.sql) evaluate the
-- same binding over the rows a statement writes to the source table.
CREATE TABLE @extschema@.records_binding (
    records   regclass PRIMARY KEY,
    source    regclass NOT NULL,
    columns   jsonb NOT NULL,
    time_zone text NOT NULL,
    bound_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    bound_by  name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE @extschema@.records_binding IS
  'the records views made by foistats.bind_records: the source table each reads, the column mapping and the time zone it was bound with';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.records_binding', '');

-- Can a value of type t be bound to a field of interface type ftype?
CREATE FUNCTION @extschema@.record_type_fits(ftype text, t regtype) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE ftype
    WHEN 'text'    THEN t::oid IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype, 'name'::regtype,
                                   'smallint'::regtype, 'integer'::regtype, 'bigint'::regtype)
    WHEN 'date'    THEN t::oid IN ('date'::regtype, 'timestamp without time zone'::regtype, 'timestamp with time zone'::regtype)
    WHEN 'integer' THEN t::oid IN ('smallint'::regtype, 'integer'::regtype, 'bigint'::regtype)
    WHEN 'boolean' THEN t::oid = 'boolean'::regtype
    WHEN 'text[]'  THEN t::oid IN ('text[]'::regtype, 'character varying[]'::regtype)
    ELSE false END
$fn$;
COMMENT ON FUNCTION @extschema@.record_type_fits(text, regtype) IS
  'internal: whether a column or expression of type t can be bound to a record field of interface type ftype';

CREATE FUNCTION @extschema@.record_type_hint(ftype text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE ftype
    WHEN 'text'    THEN 'A text field takes a text or integer column.'
    WHEN 'date'    THEN 'Bind a date, timestamp or timestamptz column, or an expression such as {"expr": "to_date(\"DateText\", ''DD/MM/YYYY'')"}.'
    WHEN 'integer' THEN 'Bind an integer column, or an expression such as {"expr": "nullif(\"Age\", '''')::int"} or {"expr": "date_part(''year'', age(offence_date, victim_dob))::int"}.'
    WHEN 'boolean' THEN 'Bind a boolean column, an expression such as {"expr": "\"Status\" = ''CRIME''"}, or a constant such as {"value": true}.'
    WHEN 'text[]'  THEN 'Bind a text[] column, or an expression such as {"expr": "string_to_array(\"Markers\", '','')"}.'
  END
$fn$;
COMMENT ON FUNCTION @extschema@.record_type_hint(text) IS 'internal: what to bind to a field of this interface type';

-- Drop a view whose columns change; a user's object depending on it makes
-- this an error that says what to do.
CREATE FUNCTION @extschema@.drop_changed_view(v regclass, columns text[],
    hint text DEFAULT 'Point dashboards at the long-form view "answers" of the same schema (question, row_label, period, n: its columns never change), or drop the dependent objects and call create_request_views again.')
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF v IS NULL OR (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                      WHERE a.attrelid = v AND a.attnum > 0 AND NOT a.attisdropped) IS NOT DISTINCT FROM columns THEN
        RETURN;
    END IF;
    BEGIN
        EXECUTE format('DROP VIEW %s', v);
    EXCEPTION WHEN dependent_objects_still_exist THEN
        RAISE EXCEPTION 'cannot change the columns of view %: other objects depend on it', v
            USING ERRCODE = 'dependent_objects_still_exist',
                  DETAIL = SQLERRM,
                  HINT = hint;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.drop_changed_view(regclass, text[], text) IS
  'internal: drops a view whose column list is about to change; names its dependents otherwise';

CREATE FUNCTION @extschema@.bind_records(target name, source regclass,
                                         columns jsonb DEFAULT '{}',
                                         time_zone text DEFAULT 'Europe/London',
                                         check_values boolean DEFAULT true)
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    f          record;
    spec       jsonb;
    src_expr   text;
    src_desc   text;
    src_type   regtype;
    items      text[] := '{}';
    names      text[] := '{}';    -- the view's column names, in order
    key        text;
    avail      text;
    ex_schema  text := '@extschema@';
    caller_path text := current_setting('search_path');
    bad        record;
    view_sql   text;
BEGIN
    IF target IS NULL OR source IS NULL OR columns IS NULL OR time_zone IS NULL OR check_values IS NULL THEN
        RAISE EXCEPTION 'bind_records arguments must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF jsonb_typeof(columns) <> 'object' THEN
        RAISE EXCEPTION 'column mapping must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Got a JSON %s.', jsonb_typeof(columns)),
                  HINT = 'Map interface fields to your columns, e.g. {"recorded_on": "date_recorded"}.';
    END IF;
    IF target = ex_schema THEN
        RAISE EXCEPTION 'cannot bind records into the extension''s own schema "%"', target
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Choose a schema of your own, e.g. ''foi''.';
    END IF;
    BEGIN
        PERFORM now() AT TIME ZONE time_zone;
    EXCEPTION WHEN invalid_parameter_value THEN
        RAISE EXCEPTION 'time zone "%" is not recognized', time_zone
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use a name from pg_timezone_names, e.g. ''Europe/London''.';
    END;

    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO avail
      FROM pg_attribute WHERE attrelid = source AND attnum > 0 AND NOT attisdropped;

    -- every key must name an interface field; every value a column, an
    -- expression or a constant
    FOR key IN SELECT jsonb_object_keys(columns) LOOP
        IF NOT EXISTS (SELECT 1 FROM @extschema@.record_field rf WHERE rf.name = key) THEN
            RAISE EXCEPTION '"%" is not a field of the record interface', key
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = (SELECT 'Fields are: ' || string_agg(name, ', ' ORDER BY position) ||
                                     '. Other columns of your table pass through under their own names.'
                                FROM @extschema@.record_field);
        END IF;
        spec := columns -> key;
        IF NOT (jsonb_typeof(spec) = 'string'
                OR (jsonb_typeof(spec) = 'object' AND (SELECT count(*) FROM jsonb_object_keys(spec)) = 1
                    AND (spec ? 'expr' AND jsonb_typeof(spec -> 'expr') = 'string' OR spec ? 'value'))) THEN
            RAISE EXCEPTION 'the binding of field "%" must be a column name, {"expr": "..."} or {"value": ...}', key
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('Got %s.', spec);
        END IF;
    END LOOP;

    FOR f IN SELECT * FROM @extschema@.record_field ORDER BY position LOOP
        spec := columns -> f.name;
        IF spec IS NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute
                                         WHERE attrelid = source AND attname = f.name
                                           AND attnum > 0 AND NOT attisdropped) THEN
            IF f.required THEN
                RAISE EXCEPTION 'column "%" of % does not exist (record field "%")', f.name, source, f.name
                    USING ERRCODE = 'undefined_column',
                          DETAIL = format('Columns of %s: %s.', source, avail),
                          HINT = format('Field "%s" is required: map it with {"%s": "your_column"}, an expression or a constant.',
                                        f.name, f.name);
            END IF;
            items := items || format('NULL::%s AS %I', f.type, f.name);
            names := names || f.name;
            CONTINUE;
        END IF;
        IF spec IS NULL OR jsonb_typeof(spec) = 'string' THEN
            src_expr := format('s.%I', coalesce(spec #>> '{}', f.name));
            src_desc := format('column %I', coalesce(spec #>> '{}', f.name));
            SELECT atttypid::regtype INTO src_type FROM pg_attribute
             WHERE attrelid = source AND attname = coalesce(spec #>> '{}', f.name)
               AND attnum > 0 AND NOT attisdropped;
            IF src_type IS NULL THEN
                RAISE EXCEPTION 'column "%" of % does not exist (record field "%")',
                                spec #>> '{}', source, f.name
                    USING ERRCODE = 'undefined_column',
                          DETAIL = format('Columns of %s: %s.', source, avail),
                          HINT = 'Check the column mapping.';
            END IF;
        ELSIF spec ? 'expr' THEN
            src_expr := format('(%s)', spec ->> 'expr');
            src_desc := format('expression %s', spec ->> 'expr');
            PERFORM @extschema@.check_expression(spec ->> 'expr', format('the binding of field "%s"', f.name));
            BEGIN
                PERFORM set_config('search_path', caller_path, true);
                EXECUTE format('SELECT pg_catalog.pg_typeof(t.x) FROM (SELECT %s AS x FROM %s s WHERE false) t RIGHT JOIN (VALUES (1)) v(one) ON true',
                               src_expr, source) INTO src_type;
                PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
            EXCEPTION WHEN OTHERS THEN
                PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
                RAISE EXCEPTION 'the expression bound to field "%" is not valid over %: %', f.name, source, SQLERRM
                    USING ERRCODE = 'invalid_parameter_value',
                          DETAIL = format('Expression: %s', spec ->> 'expr'),
                          HINT = format('Write it over the columns of %s: %s.', source, avail);
            END;
        ELSE
            IF spec -> 'value' = 'null'::jsonb THEN
                src_expr := format('NULL::%s', f.type);
            ELSIF jsonb_typeof(spec -> 'value') IN ('string', 'number', 'boolean') THEN
                src_expr := format('%L::%s', spec ->> 'value', f.type);
            ELSE
                RAISE EXCEPTION 'the constant bound to field "%" must be a JSON string, number, boolean or null', f.name
                    USING ERRCODE = 'invalid_parameter_value', DETAIL = format('Got %s.', spec -> 'value');
            END IF;
            src_desc := format('constant %s', spec -> 'value');
            BEGIN
                EXECUTE format('SELECT %s', src_expr);
            EXCEPTION WHEN data_exception THEN
                RAISE EXCEPTION 'the constant % cannot be bound to field "%" (%)', spec -> 'value', f.name, f.type
                    USING ERRCODE = 'datatype_mismatch', DETAIL = SQLERRM;
            END;
            src_type := f.type::regtype;
        END IF;

        IF NOT @extschema@.record_type_fits(f.type, src_type) THEN
            RAISE EXCEPTION 'record field "%" (%) cannot be bound to % of %, of type %',
                            f.name, f.type, src_desc, source, src_type
                USING ERRCODE = 'datatype_mismatch',
                      HINT = @extschema@.record_type_hint(f.type);
        END IF;
        IF f.type = 'date' AND src_type = 'timestamp with time zone'::regtype THEN
            -- read the instant in the binding's time zone, never the session's
            src_expr := format('(%s AT TIME ZONE %L)::date', src_expr, time_zone);
        ELSIF f.name = 'outcome' THEN
            src_expr := format('NULLIF(upper(btrim(%s::text)), '''')', src_expr);
        ELSIF src_type IS DISTINCT FROM f.type::regtype THEN
            src_expr := format('%s::%s', src_expr, f.type);
        END IF;
        items := items || format('%s AS %I', src_expr, f.name);
        names := names || f.name;
    END LOOP;

    -- the table's other columns pass through under their own names
    -- (columns bound to a field, and names of fields, are left out)
    SELECT items || array_agg(format('s.%I', p.attname) ORDER BY p.attnum), names || array_agg(p.attname::text ORDER BY p.attnum)
      INTO items, names
      FROM (SELECT a.attname, a.attnum
          FROM pg_attribute a
         WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname NOT IN (SELECT rf.name FROM @extschema@.record_field rf)
           AND NOT EXISTS (SELECT 1 FROM jsonb_each(columns) m
                            WHERE jsonb_typeof(m.value) = 'string' AND m.value #>> '{}' = a.attname)
         ) p;

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = target) THEN
        EXECUTE format('CREATE SCHEMA %I', target);
    END IF;
    view_sql := format('VIEW %I.records AS SELECT %s FROM %s s', target, array_to_string(items, ', '), source);
    -- expressions are the user's: resolve them in the caller's search_path,
    -- as CREATE VIEW would; the view stores what they resolved to
    -- the columns change when a pass-through column is added or renamed:
    -- re-create the view then; a dependent object makes that an error
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%I.records', target)),
        names,
        'Drop the dependent views first (request views are re-created by foistats.create_request_views).');
    PERFORM set_config('search_path', caller_path, true);
    EXECUTE 'CREATE OR REPLACE ' || view_sql;
    PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
    DELETE FROM @extschema@.records_binding b
     WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = b.records);
    INSERT INTO @extschema@.records_binding AS b (records, source, columns, time_zone)
    VALUES (format('%I.records', target)::regclass, source, columns, time_zone)
    ON CONFLICT ON CONSTRAINT records_binding_pkey
    DO UPDATE SET source = excluded.source, columns = excluded.columns, time_zone = excluded.time_zone,
                  bound_at = pg_catalog.now(), bound_by = CURRENT_USER;
    EXECUTE format('COMMENT ON VIEW %I.records IS %L', target,
                   format('crime records of %s bound to the foistats record interface (foistats.record_field); recorded_on in time zone %s; binding %s',
                          source, time_zone, columns));

    IF check_values THEN
        FOR bad IN EXECUTE format(
            -- outcomes counted first, then looked up: a distributed table
            -- (Citus) cannot be joined directly with foistats.ho_outcome
            'SELECT d.code, d.n, d.example
               FROM (SELECT r.outcome AS code, count(*) AS n, min(r.crime_ref) AS example
                       FROM %I.records r WHERE r.outcome IS NOT NULL GROUP BY r.outcome) d
              WHERE NOT EXISTS (SELECT 1 FROM %s.ho_outcome o WHERE o.type = d.code)
              ORDER BY d.n DESC, d.code LIMIT 1', target, ex_schema)
        LOOP
            RAISE EXCEPTION 'record field "outcome" bound to % of % holds "%", which is not a Home Office outcome type',
                            coalesce((SELECT d FROM (SELECT CASE WHEN jsonb_typeof(columns -> 'outcome') = 'string'
                                                                 THEN format('column %I', columns ->> 'outcome')
                                                                 WHEN columns ? 'outcome' THEN format('%s', columns -> 'outcome')
                                                                 ELSE 'column outcome' END AS d) x), 'column outcome'),
                            source, bad.code
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('%s %s it, e.g. crime %s. Outcome types are listed in foistats.ho_outcome; NULL means open. Once bound with check_values => false, foistats.check_outcomes(''%I.records'') lists every unknown code.',
                                      bad.n, CASE WHEN bad.n = 1 THEN 'record has' ELSE 'records have' END, bad.example, target),
                      HINT = 'Map the force''s own codes to Home Office types with an expression, e.g. {"outcome": {"expr": "CASE \"Outcome\" WHEN ''OC15'' THEN ''15'' ... END"}}; add a Home Office type foistats does not ship to foistats.ho_outcome; or bind with check_values => false to check later.';
        END LOOP;
    END IF;
    RETURN format('%I.records', target)::regclass;
END
$fn$;
COMMENT ON FUNCTION @extschema@.bind_records(name, regclass, jsonb, text, boolean) IS
  'creates (or replaces) view <target>.records over source with the record interface''s columns (foistats.record_field) and source''s other columns passed through. columns maps a field to a column name, {"expr": "SQL over source''s columns"} or {"value": constant}; types are checked at bind time. A timestamptz recorded date is read in time_zone (default Europe/London), never the session''s. check_values => true checks that every outcome is a Home Office outcome type (foistats.ho_outcome)';
