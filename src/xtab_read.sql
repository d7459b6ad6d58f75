-- xtab_read: the functions that read a cross-tab.  (C: src/xtab_read.c.)

CREATE FUNCTION @extschema@.rows(x @extschema@.xtab,
    OUT row_label text, OUT col_label text, OUT n bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'xtab_sql_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rows(@extschema@.xtab) IS
  'long form: one row per cell (rows in stored order, columns in natural order, zeros included); n is NULL for a suppressed cell';

CREATE FUNCTION @extschema@.wide(x @extschema@.xtab,
    OUT row_label text, OUT cells bigint[], OUT total bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'xtab_sql_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wide(@extschema@.xtab) IS
  'wide form: one row per row label with its cells in column order (see col_labels; NULL for a suppressed cell) and its total: of all cells, or for a protected or parsed cross-tab (any suppressed cell or published total) its published total, NULL if withheld';

CREATE FUNCTION @extschema@.col_labels(x @extschema@.xtab) RETURNS text[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_labels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_labels(@extschema@.xtab) IS 'column labels in natural order';
CREATE FUNCTION @extschema@.row_labels(x @extschema@.xtab) RETURNS text[]
  AS 'MODULE_PATHNAME', 'xtab_sql_row_labels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.row_labels(@extschema@.xtab) IS 'row labels in stored order';
CREATE FUNCTION @extschema@.col_totals(x @extschema@.xtab) RETURNS bigint[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_totals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_totals(@extschema@.xtab) IS
  'column sums of the cells ("mentions" for a multi-label cross-tab), in column order; for a protected or parsed cross-tab (any suppressed cell or published total) its published column totals, NULL where withheld';
CREATE FUNCTION @extschema@.col_units(x @extschema@.xtab) RETURNS bigint[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_units(@extschema@.xtab) IS
  'input rows (distinct crimes) per column: the units of a multi-label cross-tab, else the column sums (as col_totals); NULL where withheld in a protected cross-tab (units of a multi-label one with suppressed cells are withheld)';
CREATE FUNCTION @extschema@.grand_total(x @extschema@.xtab) RETURNS bigint
  AS 'MODULE_PATHNAME', 'xtab_sql_grand_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grand_total(@extschema@.xtab) IS 'sum of all cells (mentions for a multi-label cross-tab); for a protected or parsed cross-tab (any suppressed cell or published total) its published grand total, NULL if withheld';
CREATE FUNCTION @extschema@.total_units(x @extschema@.xtab) RETURNS bigint
  AS 'MODULE_PATHNAME', 'xtab_sql_total_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_units(@extschema@.xtab) IS 'input rows (distinct crimes) counted: sum of col_units (NULL where col_units withholds)';
CREATE FUNCTION @extschema@.is_multi_label(x @extschema@.xtab) RETURNS boolean
  AS 'MODULE_PATHNAME', 'xtab_sql_is_multi_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_multi_label(@extschema@.xtab) IS
  'true if the cross-tab carries units (built from text[] row labels), so cells count mentions';

CREATE FUNCTION @extschema@.to_jsonb(x @extschema@.xtab) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'xtab_sql_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_jsonb(@extschema@.xtab) IS
  'cross-tab as JSON: {"cols", "rows": [{"label", "cells", "total"}], "col_totals", "grand_total", ...}; suppressed cells are null; totals as wide/col_totals/grand_total (a protected cross-tab shows its published totals only, null where withheld)';
CREATE CAST (@extschema@.xtab AS jsonb) WITH FUNCTION @extschema@.to_jsonb(@extschema@.xtab);
COMMENT ON CAST (@extschema@.xtab AS jsonb) IS 'explicit cast: the same as foistats.to_jsonb(xtab)';
