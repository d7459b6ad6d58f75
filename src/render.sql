-- render: cross-tabs in the published layout (tsv, csv, markdown, html,
-- text), and wide views for BI tools.  (C: src/render.c.)

CREATE FUNCTION @extschema@.render(
    x @extschema@.xtab,
    format text DEFAULT 'tsv',
    title text DEFAULT NULL,
    row_header text DEFAULT NULL,
    zero text DEFAULT '',
    marker text DEFAULT '*',
    row_order text[] DEFAULT NULL,
    sort text DEFAULT NULL,
    bold text[] DEFAULT NULL,
    published_totals boolean DEFAULT NULL,
    total_label text DEFAULT 'Grand Total')
  RETURNS text
  AS 'MODULE_PATHNAME', 'xtab_render' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.render(@extschema@.xtab, text, text, text, text, text, text[], text, text[], boolean, text) IS
  'cross-tab as a published table: format tsv|csv|markdown|html|text; header of periods, Grand Total column and row; rows by total descending, ties by label (sort => total|label|stored, row_order => labels first); zero cells blank (zero => ''0'' or ''-''); suppressed cells show marker; bold => {total_row,total_column,row_labels}; multi-label tables add a Grand Total (distinct crimes) row. Totals: published_totals => NULL (default) prints a protected or parsed value''s PUBLISHED totals only (any suppressed cell or published total; a withheld total prints blank) and other values'' totals computed from the cells; true/false force published/computed (false reveals withheld counts: for checking only). Default sort: total (published totals for a protected value), or label when some row total is withheld';

-- The work is done with search_path = pg_catalog, pg_temp; only the user's
-- query and the unqualified view name are resolved with the caller's
-- search_path (as CREATE VIEW would), which the public wrapper below passes
-- in.  The view text that this function writes around the query qualifies
-- every function it calls, so the caller's path cannot redirect it.
CREATE FUNCTION @extschema@.create_wide_view_in_path(
    view_name text,
    query text,
    row_label_name text,
    caller_path text)
  RETURNS regclass
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  j jsonb;
  t regtype;
  x @extschema@.xtab;
  labels text[];
  ident text[];
  qname text;
  sel text;
  v regclass;
  lab text;
BEGIN
  IF view_name IS NULL OR query IS NULL OR row_label_name IS NULL THEN
    RAISE EXCEPTION 'view_name, query and row_label_name must not be null'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  BEGIN
    ident := parse_ident(view_name);
  EXCEPTION WHEN invalid_parameter_value THEN
    RAISE EXCEPTION 'invalid view name "%"', view_name
      USING ERRCODE = 'invalid_name',
            HINT = 'Use name or schema.name, double-quoting as in SQL.';
  END;
  IF array_length(ident, 1) > 2 THEN
    RAISE EXCEPTION 'invalid view name "%"', view_name
      USING ERRCODE = 'invalid_name', DETAIL = 'Use name or schema.name.';
  END IF;
  SELECT string_agg(quote_ident(p), '.' ORDER BY o) INTO qname
    FROM unnest(ident) WITH ORDINALITY AS u(p, o);

  -- run the query once: it must give one row with one xtab column
  BEGIN
    PERFORM set_config('search_path', caller_path, true);
    EXECUTE format('SELECT pg_catalog.to_jsonb(q), pg_catalog.pg_typeof(q.x) FROM (%s) AS q(x)', query)
      INTO STRICT j, t;
    PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
  EXCEPTION
    WHEN no_data_found THEN
      RAISE EXCEPTION 'query for view % returned no rows', view_name
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = 'The query must return exactly one row with one foistats.xtab column.';
    WHEN too_many_rows THEN
      RAISE EXCEPTION 'query for view % returned more than one row', view_name
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = 'The query must return exactly one row with one foistats.xtab column.',
              HINT = 'Aggregate with foistats.xtab(...) or foistats.xtab_merge(...) without GROUP BY.';
  END;
  IF (SELECT count(*) FROM jsonb_object_keys(j)) <> 1 OR t IS DISTINCT FROM '@extschema@.xtab'::regtype THEN
    RAISE EXCEPTION 'query for view % must return one column of type foistats.xtab', view_name
      USING ERRCODE = 'datatype_mismatch',
            DETAIL = format('It returned %s column(s), the first of type %s.',
                            (SELECT count(*) FROM jsonb_object_keys(j)), t);
  END IF;
  IF j->'x' = 'null'::jsonb THEN
    RAISE EXCEPTION 'query for view % returned a null cross-tab', view_name
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  x := (j->>'x')::@extschema@.xtab;
  labels := @extschema@.col_labels(x);

  -- one bigint column per period, looked up by label each time the view is
  -- read (a period missing from a later run reads as NULL)
  sel := format('SELECT w.row_label AS %I', row_label_name);
  FOREACH lab IN ARRAY labels LOOP
    IF lab = row_label_name OR lab = 'Grand Total' THEN
      RAISE EXCEPTION 'column label "%" clashes with another view column', lab
        USING ERRCODE = 'duplicate_column',
              HINT = 'Choose another row_label_name.';
    END IF;
    IF octet_length(lab) > 63 THEN
      RAISE EXCEPTION 'column label "%" is too long for a column name', lab
        USING ERRCODE = 'name_too_long';
    END IF;
    sel := sel || format(', w.cells[pg_catalog.array_position(s.labels, %L)] AS %I', lab, lab);
  END LOOP;
  IF row_label_name = 'Grand Total' THEN
    RAISE EXCEPTION 'row_label_name must not be "Grand Total"'
      USING ERRCODE = 'duplicate_column';
  END IF;
  sel := sel || format(', w.total AS %I FROM (SELECT q.x, @extschema@.col_labels(q.x) AS labels FROM (%s) AS q(x)) AS s, LATERAL @extschema@.wide(s.x) AS w ORDER BY w.total DESC NULLS LAST, w.row_label COLLATE "C"',
                       'Grand Total', query);
  PERFORM set_config('search_path', caller_path, true);
  EXECUTE format('CREATE VIEW %s AS %s', qname, sel);
  v := qname::regclass;
  PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
  EXECUTE format('COMMENT ON VIEW %s IS %L', v,
                 'cross-tab made by foistats.create_wide_view: one row per row label, one bigint column per period, rows by total descending (withheld totals last); no totals row (sum the columns). Query: ' || query);
  EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, row_label_name, 'row label of the cross-tab');
  FOREACH lab IN ARRAY labels LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, lab,
                   format('count for %s (NULL if the period is absent or the cell suppressed)', lab));
  END LOOP;
  EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, 'Grand Total', 'total of the row across all periods (for a protected cross-tab its published total, NULL if withheld)');
  RETURN v;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_wide_view_in_path(text, text, text, text) IS
  'the work of foistats.create_wide_view, resolving the query and view name in caller_path';

CREATE FUNCTION @extschema@.create_wide_view(
    view_name text,
    query text,
    row_label_name text DEFAULT 'row_label')
  RETURNS regclass
  LANGUAGE sql VOLATILE
AS $$ SELECT @extschema@.create_wide_view_in_path($1, $2, $3, pg_catalog.current_setting('search_path')) $$;
COMMENT ON FUNCTION @extschema@.create_wide_view(text, text, text) IS
  'create a plain view with one bigint column per period ("2010" ... "Grand Total") from a query returning one xtab, for BI tools; the view re-runs the query';
