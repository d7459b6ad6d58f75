-- table_parse: read tables as they are published into foistats.xtab values.

CREATE FUNCTION @extschema@.parse_table(tbl text, format text DEFAULT 'auto',
                                       total_labels text[] DEFAULT '{}')
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'foistats_parse_table'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_table(text, text, text[]) IS
  'parse a published table (tab-separated as pasted from a response, CSV, Markdown pipe table or HTML <table>; format auto-detected unless given) into an xtab: the first row is the header, a row or column labelled Total, Grand Total, Totals or All (or any label in total_labels, e.g. ''England and Wales'') becomes the published totals (kept apart from the cells, even when they disagree), blank and ''-'' are zero, ''*'', ''<5'', ''less than 5'', ''1-4'' are suppressed cells keeping their marker; any ambiguity (ragged row, missing header, duplicate label, junk in a number cell) is an error naming the line and cell';
