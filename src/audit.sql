-- audit: check a cross-tab's arithmetic and what its totals disclose; check a
-- subset table against its superset; reconcile published with recomputed.

CREATE FUNCTION @extschema@.audit(x @extschema@.xtab,
    OUT "check" text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT computed bigint, OUT detail text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_audit'
  LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.audit(@extschema@.xtab) IS
  'one row per finding in a cross-tab as published: row_total (a published row total the cells cannot add up to; col_label NULL), column_total (row_label NULL), grand_total_rows / grand_total_columns (the grand total against the published row / column totals) or grand_total_cells (when neither set of totals is complete), disclosure_revealed (a suppressed cell whose value the published totals determine exactly; computed = that value) and disclosure_narrowed (a suppressed cell the totals prove to be at least some positive count, or confine within a bounded marker such as ''<5''), found by interval propagation over every published total: sound, not always as tight as linear programming; no rows means the table adds up and gives nothing away (a NULL cross-tab is an error, not a clean audit)';

CREATE FUNCTION @extschema@.audit_subset(sub @extschema@.xtab, super @extschema@.xtab,
    OUT "check" text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT computed bigint, OUT detail text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_audit_subset'
  LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.audit_subset(@extschema@.xtab, @extschema@.xtab) IS
  'findings where a table that counts a subset of another''s records (e.g. the crimes of table 1 that involved the internet) is not within it, matching rows and columns by label: subset_exceeds (a cell, row total, column total or grand total larger than the superset''s; published = the subset''s figure, computed = the superset''s), subset_row_missing, subset_column_missing';

CREATE FUNCTION @extschema@.reconcile(published @extschema@.xtab, recomputed @extschema@.xtab,
    OUT row_label text, OUT col_label text,
    OUT published bigint, OUT recomputed bigint, OUT difference bigint, OUT status text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_reconcile'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reconcile(@extschema@.xtab, @extschema@.xtab) IS
  'compare a published table with a recomputed one (or this year''s answer with last year''s) cell by cell over the union of their rows and columns, each row''s total after its cells (col_label NULL), then column totals (row_label NULL) and the grand total (both NULL); difference = recomputed - published; status match, differs, published_only, recomputed_only, suppressed (a side withheld the figure and the other side''s figure is within the marker''s range: ''<5'' is 0 to 4, ''1-4'' is 1 to 4, ''*'' any count; the withheld side is NULL) or suppressed_mismatch (outside it)';
