-- protect: disclosure control of cross-tabs (cell suppression with an exact
-- audit, controlled rounding, collapsing rows into groups).
-- (C: src/suppress.c and src/flow.c pure algorithms, src/suppress_fmgr.c
-- wrappers, src/disclosure.c the cross-tab as the algorithms see it.)
--
-- PUBLISHING A PROTECTED VALUE: the value protect() returns keeps the TRUE
-- counts of withheld cells (so that disclosure_audit() can check the rule
-- exactly, and the value survives pg_dump), and its text and binary forms
-- (::text, psql output, COPY) SHOW THEM.  Never publish it as ::text.
-- Publish it through render(), rows(), wide(), to_jsonb(), col_totals(),
-- grand_total(): they show withheld cells as a marker or NULL, and since
-- the value carries withheld cells / published totals they show only the
-- totals protect() published (a total withheld with allow_totals => true
-- prints blank / reads NULL), and render orders rows by published totals
-- only (by label when some row total is withheld).  To hand the value
-- itself out, use publishable(x), which zeroes the withheld counts.

CREATE FUNCTION @extschema@.protect(
    x @extschema@.xtab,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    method text DEFAULT 'suppress',
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    groups jsonb DEFAULT NULL,
    marker text DEFAULT '*',
    keys @extschema@.xtab DEFAULT NULL)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'foistats_protect' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect(@extschema@.xtab, integer, integer, text, boolean, boolean, jsonb, text, @extschema@.xtab) IS
  'disclosure control of a cross-tab. method ''suppress'': withholds counts 1..threshold-1 (zeros too if zeros => true) and further cells, chosen deterministically to keep the withheld total small, until every withheld small count v can be anything from max(0, v - protection) to v + protection given every published cell and total (protection defaults to threshold; checked by an exact network-flow audit); totals are never withheld unless allow_totals => true; groups => {"row label": "group", ...} combines rows that would be mostly withheld (or cannot be protected) into their group. method ''round5'': controlled rounding of every figure to an adjacent multiple of 5, keeping rows and columns additive. method ''cellkey'': every figure, totals included, perturbed by at most 2 from its cell key (0 stays 0; no 1s or 2s; nothing withheld, rows need not add up): with keys => the same cross-tab counted with each record weighted by its record_key (xtab(row, col, record_key(crime_ref, secret))), a cell''s key is the sum of its records'' keys, so the same records get the same noise in every table, run and breakdown (the ONS method); without keys, a hash of the figure''s labels and count (the same figure gets the same value in every run). Adds a footnote stating the rule; marker is the symbol named in it (render''s marker, ''*'' by default). The result keeps the TRUE counts of withheld cells for the audit, and its text form shows them: publish it through render/rows/wide/to_jsonb (which show withheld cells as marker/NULL and only the published totals), never as ::text; publishable(x) zeroes the withheld counts';

CREATE FUNCTION @extschema@.record_key(ref text, secret text DEFAULT '')
  RETURNS integer
  AS 'MODULE_PATHNAME', 'foistats_record_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.record_key(text, text) IS
  'a record''s key for protect(method => ''cellkey'', keys => ...): uniform in 0..999, a hash of the crime reference seeded by secret; keep the secret out of what you publish (with none, anyone who knows the references can compute the noise)';

CREATE FUNCTION @extschema@.disclosure_audit(
    x @extschema@.xtab,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    totals text DEFAULT 'auto',
    OUT row_label text,
    OUT col_label text,
    OUT published_state text,
    OUT min bigint,
    OUT max bigint,
    OUT meets_rule boolean,
    OUT detail text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_disclosure_audit' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.disclosure_audit(@extschema@.xtab, integer, integer, boolean, text) IS
  'exact audit of a cross-tab''s withheld figures: for each withheld cell (and withheld total) the smallest and largest value (max NULL: unbounded) consistent with every published cell and total, by network flow; published_state primary|secondary|suppressed|total; meets_rule says whether a sensitive count (1..threshold-1) can be anything from max(0, v - protection) to v + protection (NULL: not sensitive); for a parsed table whose withheld counts are unknown, the rule is judged for the worst count the published figures allow. totals: ''auto'' (the value''s published totals if it has any, else totals computed from the cells, which then must all be shown), ''published'' (exactly the value''s published totals; one it lacks is withheld), ''computed'' (every total, from the cells)';

CREATE FUNCTION @extschema@.publishable(x @extschema@.xtab) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'foistats_publishable' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.publishable(@extschema@.xtab) IS
  'a protected (or parsed) cross-tab that is safe to hand out as a value, text form included: withheld counts set to 0, flags reduced to "withheld" (complements and rounding no longer marked), units of a multi-label value with withheld cells dropped; published totals, markers, title and footnotes kept. The readers show the same figures as for x; disclosure_audit then works from the published figures alone. Error for a value with no withheld cell and no published total';

-- Linked tables (a table and its subsets; the same table for other
-- periods): one consistent pattern.
CREATE FUNCTION @extschema@.protect_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    marker text DEFAULT '*',
    same_as integer[] DEFAULT NULL,
    given boolean[] DEFAULT NULL,
    same_totals integer[] DEFAULT NULL)
  RETURNS @extschema@.xtab[]
  AS 'MODULE_PATHNAME', 'foistats_protect_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text, integer[], boolean[], integer[]) IS
  'cell suppression of a family of LINKED tables at once: subset_of[i] (1-based, NULL for none) names the table whose records table i counts a subset of (table 1''s crimes that involved the internet), rows and columns matched by label; same_as[i] names the table that counts the same crimes as table i, by the same rows, in the columns both list (the same table for other periods: last year''s response for 2019-2023, this year''s for 2020-2024), up to revisions the reader is taken to know; given[i] true: table i is published already (last year''s table as protect or protect_linked returned it, true counts kept): its pattern is kept and the others are protected around it; same_totals[i] names the table that counts the same crimes as table i by another breakdown over the same columns (offence x year and age band x year), so that their column totals and grand totals are one figure (single-label tables with rows of their own and no other link; a total withheld in one is withheld in the other). Chooses one pattern so that no small count of any table, nor any small difference superset - subset, can be worked out to within protection, checked by moves of the family that keep every published figure, every subset relation, every same-crimes figure and every shared total (see disclosure_audit_linked); a superset withholds every cell its subsets withhold, and a figure withheld for one period is withheld for the other. Returns the tables protected, in order, as protect() would (true counts kept: publish through the readers)';

CREATE FUNCTION @extschema@.disclosure_audit_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    same_as integer[] DEFAULT NULL,
    same_totals integer[] DEFAULT NULL,
    OUT table_no integer,
    OUT row_label text,
    OUT col_label text,
    OUT published_state text,
    OUT min bigint,
    OUT max bigint,
    OUT bound_min bigint,
    OUT bound_max bigint,
    OUT meets_rule boolean,
    OUT exact boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_disclosure_audit_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean, integer[], integer[]) IS
  'audit of a family of linked tables (as protect_linked takes them, with their true counts; same_as and same_totals as there): for every withheld cell and total of every table, min..max = values the reader cannot rule out (tables that keep every published figure, every subset relation and every same-crimes figure reach them), judged by the rule (meets_rule); bound_min..bound_max = the most the reader can prove (each table''s exact audit, narrowed by subset <= superset and by the same crimes'' bounds in the other period''s table; a pair of breakdowns by the pair''s own exact audit, one network through their shared column totals); exact when the two agree';
