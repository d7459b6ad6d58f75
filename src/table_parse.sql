-- table_parse: read tables as they are published into foistats.xtab values.

CREATE FUNCTION @extschema@.parse_table(tbl text, format text DEFAULT 'auto',
                                       total_labels text[] DEFAULT '{}')
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'foistats_parse_table'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_table(text, text, text[]) IS
  'parse a published table (tab-separated as pasted from a response, CSV, Markdown pipe table or HTML <table>; format auto-detected unless given) into an xtab: the first row is the header, a row or column labelled Total, Grand Total, Totals or All (or any label in total_labels, e.g. ''England and Wales'') becomes the published totals (kept apart from the cells, even when they disagree), blank and ''-'' are zero, ''*'', ''<5'', ''less than 5'', ''1-4'' are suppressed cells keeping their marker; lines of text before the header (HTML: the caption) become the title and lines after the last row (HTML: <p> after the table) the footnotes, as render writes them; any ambiguity (ragged row, missing header, duplicate label, junk in a number cell) is an error naming the line and cell';

CREATE FUNCTION @extschema@.parse_tables(response text, total_labels text[] DEFAULT '{}',
    OUT table_no integer, OUT title text, OUT first_line integer, OUT last_line integer,
    OUT format text, OUT x @extschema@.xtab)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_parse_tables'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.parse_tables(text, text[]) IS
  'every table of a whole response, in order, each parsed as parse_table would: HTML <table> elements, or else runs of tab-separated lines (blank lines inside allowed) and of Markdown pipe lines, the prose between them skipped; title = the last **bold**, #-heading or <hN> line before the table since the previous one (else the last text line); first_line/last_line = lines of the response; a table that does not parse is an error naming its number and line';

CREATE FUNCTION @extschema@.table_cells(tbl text, format text DEFAULT 'auto',
    total_labels text[] DEFAULT '{}',
    OUT role text, OUT row_label text, OUT col_label text, OUT kind text,
    OUT value bigint, OUT text text, OUT line integer, OUT cell integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_table_cells'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.table_cells(text, text, text[]) IS
  'the parse of a published table cell by cell, to check it before trusting it: role (cell, row_total, column_total, grand_total; column_units and total_units for the distinct-crimes row of a multi-label table, ''Grand Total (distinct crimes)''), labels as read (totals under their printed labels), kind (count; blank for empty, ''-'', n/a; suppressed for ''*'', ''<5'', ''1-4'' ...), value (NULL when suppressed), the text as published, and its line and cell position in the input';
