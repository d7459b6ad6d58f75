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
  'cross-tab as a published table: format tsv|csv|markdown|html|text; header of periods, Grand Total column and row; rows by total descending, ties by label (sort => total|label|stored, row_order => labels first); zero cells blank (zero => ''0'' or ''-''); suppressed cells show their own withheld marker or marker (which must mean withheld, any count: ''*'', ''[c]'', ''x''), never a count or ''-'' they carried before; bold => {total_row,total_column,row_labels}; multi-label tables add a Grand Total (distinct crimes) row. Totals: published_totals => NULL (default) prints a protected or parsed value''s PUBLISHED totals only (any suppressed cell or published total; a withheld total prints the marker, never blank, which reads as 0) and other values'' totals computed from the cells; true/false force published/computed (false reveals withheld counts: for checking only). Default sort: total (published totals for a protected value), or label when some row total is withheld';

-- Reshaping a cross-tab for publication (C: src/xtab_edit.c).
CREATE FUNCTION @extschema@.with_columns(x @extschema@.xtab, labels text[]) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_with_columns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_columns(@extschema@.xtab, text[]) IS
  'the cross-tab with exactly these columns: a missing one (a period with no crime) added as zeros, one not listed dropped together with the published totals that counted it';
CREATE FUNCTION @extschema@.with_rows(x @extschema@.xtab, labels text[]) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_with_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_rows(@extschema@.xtab, text[]) IS
  'the cross-tab with these rows too: a missing one added as zeros (e.g. every age band, every listed platform)';
CREATE FUNCTION @extschema@.annotate(x @extschema@.xtab, title text DEFAULT NULL, row_header text DEFAULT NULL,
                                     footnotes text[] DEFAULT NULL) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_annotate' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annotate(@extschema@.xtab, text, text, text[]) IS
  'the cross-tab with this title and row header (NULL keeps the current one) and these footnotes appended (one already there is not repeated); render prints them';
CREATE FUNCTION @extschema@.relabel_columns(x @extschema@.xtab, old_labels text[], new_labels text[])
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_relabel_columns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relabel_columns(@extschema@.xtab, text[], text[]) IS
  'the cross-tab with column old_labels[i] called new_labels[i] (a label it lacks is ignored); columns that end up with the same label are added together';
CREATE FUNCTION @extschema@.xtab_minus(a @extschema@.xtab, b @extschema@.xtab)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_minus(@extschema@.xtab, @extschema@.xtab) IS
  'the counts of a less those of b, by row and column label (cells and units): rows and columns left with nothing are dropped, so a cross-tab less that of some of its records equals the cross-tab of the others; a count of b greater than a''s is an error; protected or parsed cross-tabs are refused';
CREATE FUNCTION @extschema@.xtab_minus(a @extschema@.xtab, b @extschema@.xtab, clip boolean)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_minus(@extschema@.xtab, @extschema@.xtab, boolean) IS
  'xtab_minus(a, b), with clip => true a count of b greater than a''s giving zero instead of an error';
CREATE OPERATOR @extschema@.- (
  LEFTARG = @extschema@.xtab, RIGHTARG = @extschema@.xtab,
  FUNCTION = @extschema@.xtab_minus);
COMMENT ON OPERATOR @extschema@.- (@extschema@.xtab, @extschema@.xtab) IS 'difference of two cross-tabs (see xtab_minus)';

CREATE FUNCTION @extschema@.table_rows(x @extschema@.xtab,
    columns text[] DEFAULT NULL,
    totals boolean DEFAULT true,
    sort text DEFAULT NULL,
    row_order text[] DEFAULT NULL,
    total_label text DEFAULT 'Grand Total',
    OUT "position" integer, OUT row_label text, OUT cells bigint[], OUT total bigint, OUT is_total boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'xtab_table_rows' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.table_rows(@extschema@.xtab, text[], boolean, text, text[], text) IS
  'the rows of the table render prints, as numbers: body rows in render''s order (sort, row_order as render), then with totals => true the Grand Total row (Grand Total (mentions) and Grand Total (distinct crimes) for a multi-label value); cells in column order, a withheld figure NULL; columns => exactly these columns (see with_columns), so every total counts exactly the cells shown';

CREATE FUNCTION @extschema@.figures(x @extschema@.xtab,
    OUT row_label text, OUT period text, OUT n bigint, OUT is_total boolean)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT t.row_label, c.label, c.n, t.is_total OR c.label = 'Grand Total'
    FROM @extschema@.table_rows(x) t,
         LATERAL unnest(@extschema@.col_labels(x) || 'Grand Total'::text, t.cells || t.total) WITH ORDINALITY AS c(label, n, ord)
   ORDER BY t.position, c.ord
$fn$;
COMMENT ON FUNCTION @extschema@.figures(@extschema@.xtab) IS
  'every figure of the table render prints, in long form: cells, the Grand Total column and row(s), n NULL where withheld';

-- One builder for every wide view: create_wide_view and the request views.
-- The view has one bigint column per period (the labels given, or the
-- cross-tab's columns when the view is made) and a "Grand Total" column, its
-- rows in render's order, and with totals => true the Grand Total row(s) as
-- render prints them.  The columns are fixed when the view is made; the
-- totals are always those of exactly these columns (foistats.table_rows), so
-- a period that appears later is in no column and in no total: columns and
-- totals always agree.
--
-- The work is done with search_path = pg_catalog, pg_temp; only the user's
-- query and the unqualified view name are resolved in caller_path (as
-- CREATE VIEW would).  The view text that this function writes around the
-- query qualifies every function it calls, so the caller's path cannot
-- redirect it.
CREATE FUNCTION @extschema@.create_wide_view_in_path(
    view_name text,
    query text,
    row_label_name text,
    caller_path text,
    columns text[] DEFAULT NULL,
    totals boolean DEFAULT false,
    description text DEFAULT NULL,
    replace boolean DEFAULT false)
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
  i int := 0;
BEGIN
  IF view_name IS NULL OR query IS NULL OR row_label_name IS NULL OR totals IS NULL THEN
    RAISE EXCEPTION 'view_name, query, row_label_name and totals must not be null'
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
  labels := coalesce(columns, @extschema@.col_labels(x));
  IF row_label_name = 'Grand Total' THEN
    RAISE EXCEPTION 'row_label_name must not be "Grand Total"'
      USING ERRCODE = 'duplicate_column';
  END IF;

  -- one bigint column per period, in the order of labels
  sel := format('SELECT t.row_label AS %I', row_label_name);
  FOREACH lab IN ARRAY labels LOOP
    i := i + 1;
    IF lab IS NULL OR lab = row_label_name OR lab = 'Grand Total' OR lab = ANY (labels[1:i - 1]) THEN
      RAISE EXCEPTION 'column label "%" clashes with another view column', lab
        USING ERRCODE = 'duplicate_column',
              HINT = 'Choose another row_label_name.';
    END IF;
    IF octet_length(lab) > 63 THEN
      RAISE EXCEPTION 'column label "%" is too long for a column name', lab
        USING ERRCODE = 'name_too_long';
    END IF;
    sel := sel || format(', t.cells[%s] AS %I', i, lab);
  END LOOP;
  sel := sel || format(', t.total AS %I FROM (%s) AS q(x), LATERAL @extschema@.table_rows(q.x, %L::text[], totals => %L) AS t ORDER BY t.position',
                       'Grand Total', query, labels, totals);
  PERFORM set_config('search_path', caller_path, true);
  EXECUTE format('CREATE %sVIEW %s AS %s', CASE WHEN replace THEN 'OR REPLACE ' ELSE '' END, qname, sel);
  v := qname::regclass;
  PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
  EXECUTE format('COMMENT ON VIEW %s IS %L', v,
                 coalesce(description || '. ', 'cross-tab made by foistats.create_wide_view. ') ||
                 format('One row per row label%s, one bigint column per period (%s, fixed when the view was made), rows in render''s order; the Grand Total column and row count exactly these columns. Query: %s',
                        CASE WHEN totals THEN ', then the Grand Total row(s)' ELSE '' END,
                        array_to_string(labels, ', '), query));
  EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, row_label_name, 'row label of the cross-tab');
  FOREACH lab IN ARRAY labels LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, lab,
                   format('count for %s (0 if none; NULL if the cell is withheld)', lab));
  END LOOP;
  EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v, 'Grand Total',
                 'total of the row over the view''s periods (for a protected cross-tab its published total, NULL if withheld)');
  RETURN v;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_wide_view_in_path(text, text, text, text, text[], boolean, text, boolean) IS
  'internal: the one wide-view builder (create_wide_view and the request views): resolves the query and view name in caller_path';

CREATE FUNCTION @extschema@.create_wide_view(
    view_name text,
    query text,
    row_label_name text DEFAULT 'row_label',
    columns text[] DEFAULT NULL,
    totals boolean DEFAULT false)
  RETURNS regclass
  LANGUAGE sql VOLATILE
AS $$ SELECT @extschema@.create_wide_view_in_path($1, $2, $3, pg_catalog.current_setting('search_path'), $4, $5) $$;
COMMENT ON FUNCTION @extschema@.create_wide_view(text, text, text, text[], boolean) IS
  'create a plain view with one bigint column per period ("2010" ... "Grand Total") from a query returning one xtab, for BI tools; columns => the periods to show (default: the cross-tab''s when the view is made), totals => true adds the Grand Total row(s); the view re-runs the query, and its totals always count exactly its columns';
