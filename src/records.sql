-- ---------------------------------------------------------------------------
-- The record interface: the shape of a crime record that request views read.
--
-- A force's crime-records copy has its own table and column names. A user binds
-- it once with foistats.bind_records(), which creates a view <target>.records
-- with the standard column names and types below; request views read only that
-- view, so nothing in the extension is edited. Binding a view of your own is
-- the way to compute a field (e.g. an age from a date of birth).
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
 (2,  'recorded_on',  'date',    true,  'date the crime was recorded; request periods are applied to it'),
 (3,  'offence',      'text',    false, 'the force''s offence description, e.g. ''RAPE OF FEMALE CHILD UNDER 13 BY A MALE'''),
 (4,  'ho_code',      'text',    false, 'Home Office offence code in any common spelling, e.g. ''019/07'', ''19D'''),
 (5,  'victim_age',   'integer', false, 'victim''s age in years at the time of the offence; NULL when not recorded'),
 (6,  'offender_age', 'integer', false, 'offender''s (suspect''s) age in years at the time of the offence; NULL when not recorded'),
 (7,  'markers',      'text[]',  false, 'special-interest markers, e.g. {''INTERNET INVOLVED''}'),
 (8,  'mo',           'text',    false, 'modus operandi free text, searched for terms (grooming, platforms, ...)'),
 (9,  'outcome',      'integer', false, 'Home Office outcome type (1-22); NULL while the investigation is open'),
 (10, 'convicted',    'boolean', false, 'whether the crime resulted in a conviction (often sourced separately); NULL when unknown'),
 (11, 'is_crime',     'boolean', true,  'true for a recorded crime, false for a non-crime incident or a cancelled (no-crimed) record');

CREATE FUNCTION @extschema@.bind_records(target name, source regclass,
                                         columns jsonb DEFAULT '{}')
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    f          record;
    src_col    text;
    src_type   regtype;
    items      text[] := '{}';
    key        text;
    avail      text;
    ex_schema  text := '@extschema@';
BEGIN
    IF target IS NULL OR source IS NULL OR columns IS NULL THEN
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

    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO avail
      FROM pg_attribute WHERE attrelid = source AND attnum > 0 AND NOT attisdropped;

    -- every key must name an interface field, every value a column of source
    FOR key IN SELECT jsonb_object_keys(columns) LOOP
        IF NOT EXISTS (SELECT 1 FROM @extschema@.record_field rf WHERE rf.name = key) THEN
            RAISE EXCEPTION '"%" is not a field of the record interface', key
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = (SELECT 'Fields are: ' || string_agg(name, ', ' ORDER BY position) || '.'
                                FROM @extschema@.record_field);
        END IF;
        IF jsonb_typeof(columns -> key) <> 'string' THEN
            RAISE EXCEPTION 'the column for field "%" must be given as a JSON string', key
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;

    FOR f IN SELECT * FROM @extschema@.record_field ORDER BY position LOOP
        src_col := coalesce(columns ->> f.name, f.name);
        SELECT atttypid::regtype INTO src_type
          FROM pg_attribute
         WHERE attrelid = source AND attname = src_col AND attnum > 0 AND NOT attisdropped;
        IF src_type IS NULL THEN
            IF columns ? f.name OR f.required THEN
                RAISE EXCEPTION 'column "%" of % does not exist (record field "%")',
                                src_col, source, f.name
                    USING ERRCODE = 'undefined_column',
                          DETAIL = format('Columns of %s: %s.', source, avail),
                          HINT = CASE WHEN columns ? f.name
                                      THEN 'Check the column mapping.'
                                      ELSE format('Field "%s" is required: map it with {"%s": "your_column"}.',
                                                  f.name, f.name) END;
            END IF;
            items := items || format('NULL::%s AS %I', f.type, f.name);
        ELSE
            items := items || format('s.%I::%s AS %I', src_col, f.type, f.name);
        END IF;
    END LOOP;

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = target) THEN
        EXECUTE format('CREATE SCHEMA %I', target);
    END IF;
    EXECUTE format('CREATE OR REPLACE VIEW %I.records AS SELECT %s FROM %s s',
                   target, array_to_string(items, ', '), source);
    EXECUTE format('COMMENT ON VIEW %I.records IS %L', target,
                   format('crime records of %s bound to the foistats record interface (foistats.record_field)', source));
    RETURN format('%I.records', target)::regclass;
END
$fn$;
COMMENT ON FUNCTION @extschema@.bind_records(name, regclass, jsonb) IS
  'creates (or replaces) view <target>.records over source with the record interface''s columns; columns maps interface fields to source columns where the names differ';
