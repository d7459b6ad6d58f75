-- consolidate: many forces' responses (each a parsed table of its own categories x its own
-- periods) -> one table at a chosen level (ONS group, ONS subgroup or Home Office class) x
-- period, with provenance, the categories that could not be placed, and a check that every
-- source's total is what it contributed.
--
-- Rules (README "Combining many forces' responses"):
--  * a source row is mapped by foistats.classify_category; total rows ('Grand Total') are
--    never counted; unknown, ambiguous or too-low-confidence labels go to 'Unmapped or
--    ambiguous', non-notifiable ones to 'Not notifiable': nothing is dropped;
--  * a row coarser than the level asked for (a group when subgroups are asked) is not split
--    by guesswork: it is counted in '<its group> (subgroup not given)';
--  * a row whose classes contain another row's (a group and one of its members) is read by
--    the source's printed total: if the rows add up to it as they are, the coarse row is the
--    rest of its group ('disjoint'); if they add up to it only when the members are taken
--    out of it, the coarse row includes them and counts only its remainder ('nested').  With
--    no printed total, 'nested' is assumed when every coarse row is at least the sum of its
--    members, and the row says so;
--  * periods are normalised by the source's period kind: 'year' (calendar: '2019') or 'fy'
--    (April-March: '2019/20', from '2019/20', '2019-20', '2019/2020', 'FY2019-20'); a calendar
--    year and a financial year overlap by nine months and cannot be added: sources of both
--    kinds are refused (periods => 'refuse', the default), or kept as separate columns
--    (periods => 'separate', with a footnote that a total across the kinds counts months twice).
--
-- The work tables are temporary tables of the session (dropped at commit), hence VOLATILE
-- and PARALLEL UNSAFE; a consolidation is of tens of rows, not of records.  jit is off for
-- them: the planner knows nothing of a new temporary table's size, and compiling its
-- queries cost 0.7 s a source.

CREATE TYPE @extschema@.force_table AS (
  force       text,               -- who published it: 'Cumbria Constabulary'
  x           @extschema@.xtab,   -- its table as parsed (foistats.parse_table): categories x periods
  period_kind text                -- 'year' (calendar years) | 'fy' (financial years April-March)
);
COMMENT ON TYPE @extschema@.force_table IS
  'one force''s response for foistats.consolidate: the force, its table as parsed (rows = its categories, columns = its periods) and whether its periods are calendar years (''year'') or financial years (''fy'')';

-- a column label as a canonical period of its kind: 'year' -> '2019', 'fy' -> '2019/20'
CREATE FUNCTION @extschema@.period_label(label text, kind text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  m text[];
  y integer;
BEGIN
  m := pg_catalog.regexp_match(label, '^\D*?(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\D*$');
  IF m IS NULL THEN
    -- 'Apr 2023 - Mar 2024', 'April 2023 to March 2024'
    m := pg_catalog.regexp_match(label, '^\s*Apr(?:il)?\s+(\d{4})\s*(?:-|–|to)\s*Mar(?:ch)?\s+(\d{4})\s*$', 'i');
  END IF;
  IF kind = 'fy' THEN
    IF m IS NOT NULL THEN
      y := m[1]::integer;
      IF pg_catalog.right(m[2], 2)::integer <> (y + 1) % 100 OR (pg_catalog.length(m[2]) = 4 AND m[2]::integer <> y + 1) THEN
        RAISE EXCEPTION 'column "%" is not a financial year: % is not followed by %', label, y, y + 1;
      END IF;
      RETURN format('%s/%s', y, pg_catalog.lpad(((y + 1) % 100)::text, 2, '0'));
    END IF;
    IF label ~ '^\D*\d{4}\D*$' THEN
      RAISE EXCEPTION 'column "%" is one year, but its source''s periods are financial years', label
        USING HINT = 'Relabel the column as the financial year it is (e.g. 2019/20), or give the source period kind ''year'' if it counts calendar years.';
    END IF;
  ELSIF kind = 'year' THEN
    IF m IS NOT NULL THEN
      RAISE EXCEPTION 'column "%" is a span of years, but its source''s periods are calendar years', label
        USING HINT = 'Give the source period kind ''fy'' if it counts financial years.';
    END IF;
    m := pg_catalog.regexp_match(label, '^\D*(\d{4})\D*$');
    IF m IS NOT NULL THEN
      RETURN m[1];
    END IF;
  ELSE
    RAISE EXCEPTION 'period kind "%" is not year or fy', kind;
  END IF;
  RAISE EXCEPTION 'column "%" is not a period', label
    USING HINT = 'Columns must be years (2019) or financial years (2019/20); drop or relabel other columns (foistats.with_columns, relabel_columns).';
END
$fn$;
COMMENT ON FUNCTION @extschema@.period_label(text, text) IS
  'a column label as a canonical period: kind year -> ''2019''; kind fy -> ''2019/20'' (from 2019/20, 2019-20, 2019/2020, FY2019-20); an error for a label that is not a period of that kind (a single year given as a financial year is ambiguous)';

CREATE FUNCTION @extschema@.consolidate_provenance(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low',
    periods text DEFAULT 'refuse',
    OUT source_no integer, OUT force text, OUT source_category text, OUT period text, OUT n bigint,
    OUT status text, OUT category text, OUT mapped_level text, OUT matched_by text,
    OUT confidence text, OUT reason text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
SET jit = off
AS $fn$
DECLARE
  s        @extschema@.force_table;
  i        integer := 0;
  j        jsonb;
  kinds    text[] := '{}';
  want     integer;
  printed  bigint[];
  nper     integer;
  mode     text;
  rowsum   bigint[];
  topsum   bigint[];
  okd      boolean;
  okn      boolean;
  p        integer;
  r        record;
  lvl      text := level;
  msg      text;
  hint     text;
BEGIN
  IF lvl NOT IN ('ons_group', 'ons_subgroup', 'ho_class') THEN
    RAISE EXCEPTION 'level "%" is not ons_group, ons_subgroup or ho_class', level;
  END IF;
  IF periods NOT IN ('separate', 'refuse') THEN
    RAISE EXCEPTION 'periods "%" is not separate or refuse', periods;
  END IF;
  want := CASE min_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 END;
  IF want IS NULL THEN
    RAISE EXCEPTION 'min_confidence "%" is not low, medium or high', min_confidence;
  END IF;
  -- one table per force and kind of period: a response's second table of the same crimes
  -- (by hospital, by outcome) would count them twice
  SELECT u.force INTO r FROM unnest(sources) u GROUP BY u.force, u.period_kind HAVING count(*) > 1 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'force "%" is given twice', r.force
      USING DETAIL = 'Two tables of one response often count the same crimes twice (by category and by hospital or outcome).',
            HINT = 'Pass one table per force; if its tables count different crimes, name them apart (e.g. "Force (sexual offences)").';
  END IF;
  IF periods = 'refuse' AND (SELECT count(DISTINCT (u).period_kind) FROM unnest(sources) u) > 1 THEN
    RAISE EXCEPTION 'the sources mix calendar years and financial years'
      USING DETAIL = 'A calendar year and a financial year overlap by nine months and cannot be added.',
            HINT = 'Consolidate each kind apart, or pass periods => ''separate'' to keep them as separate columns.';
  END IF;

  FOREACH s IN ARRAY sources LOOP
    i := i + 1;
    IF s.force IS NULL OR s.x IS NULL OR s.period_kind IS NULL THEN
      RAISE EXCEPTION 'source % has no force, table or period kind', i;
    END IF;
    IF s.period_kind NOT IN ('year', 'fy') THEN
      RAISE EXCEPTION 'source % (%): period kind "%" is not year or fy', i, s.force, s.period_kind;
    END IF;
    kinds := kinds || s.period_kind;
    j := @extschema@.to_jsonb(s.x);

    DROP TABLE IF EXISTS pg_temp.consolidate_src;
    CREATE TEMP TABLE consolidate_src ON COMMIT DROP AS
    SELECT rw.ord::integer AS ord, rw.v ->> 'label' AS label,
           ARRAY(SELECT CASE WHEN jsonb_typeof(c.v) = 'null' THEN NULL ELSE (c.v)::text::bigint END
                   FROM jsonb_array_elements(rw.v -> 'cells') c(v)) AS ncells,
           cc.level AS c_level, cc.ho_classes AS c_classes, cc.ons_subgroup AS c_subgroup, cc.confidence AS c_confidence,
           cc.matched_by AS c_matched_by, cc.reason AS c_reason
      FROM jsonb_array_elements(j -> 'rows') WITH ORDINALITY rw(v, ord),
           LATERAL @extschema@.classify_category(rw.v ->> 'label') cc;
    ALTER TABLE pg_temp.consolidate_src ADD COLUMN use text, ADD COLUMN why text, ADD COLUMN inside integer[];

    -- periods of this source, canonical
    DROP TABLE IF EXISTS pg_temp.consolidate_cols;
    BEGIN
      CREATE TEMP TABLE consolidate_cols ON COMMIT DROP AS
      SELECT c.ord::integer AS ord, c.v AS label, @extschema@.period_label(c.v, s.period_kind) AS period
        FROM jsonb_array_elements_text(j -> 'cols') WITH ORDINALITY c(v, ord);
    EXCEPTION WHEN raise_exception THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
      RAISE EXCEPTION 'source % (%): %', i, s.force, msg USING HINT = hint;
    END;
    SELECT count(*) INTO nper FROM pg_temp.consolidate_cols;
    IF (SELECT count(DISTINCT c.period) FROM pg_temp.consolidate_cols c) <> nper THEN
      RAISE EXCEPTION 'source % (%): two columns are the same period', i, s.force;
    END IF;

    -- what each row is
    UPDATE pg_temp.consolidate_src t SET use =
      CASE WHEN t.c_level = 'total' THEN 'total'
           WHEN t.c_level IS NULL THEN 'unmapped'
           WHEN t.c_level = 'other' THEN 'not_notifiable'
           WHEN CASE t.c_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END < want THEN 'unmapped'
           ELSE 'mapped' END,
      why = CASE WHEN t.c_level IS NOT NULL AND t.c_level NOT IN ('total', 'other')
                  AND CASE t.c_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END < want
                 THEN format('confidence %s is below %s', t.c_confidence, min_confidence) ELSE t.c_reason END;

    -- containment: the mapped rows whose classes lie inside another mapped row's
    UPDATE pg_temp.consolidate_src t SET inside = ARRAY(
      SELECT o.ord FROM pg_temp.consolidate_src o
       WHERE o.use = 'mapped' AND o.ord <> t.ord AND t.c_classes <@ o.c_classes
         AND NOT (o.c_classes <@ t.c_classes)
       ORDER BY o.ord)
     WHERE t.use = 'mapped';

    -- the printed total: the parsed table's total row, else a row that is a total
    printed := CASE WHEN jsonb_typeof(j -> 'published' -> 'col_totals') = 'array'
                     AND jsonb_array_length(j -> 'published' -> 'col_totals') = nper
                    THEN ARRAY(SELECT CASE WHEN jsonb_typeof(c.v) = 'null' THEN NULL ELSE (c.v)::text::bigint END
                                 FROM jsonb_array_elements(j -> 'published' -> 'col_totals') c(v)) END;
    IF printed IS NULL OR pg_catalog.array_position(printed, NULL) IS NOT NULL THEN
      SELECT t.ncells INTO printed FROM pg_temp.consolidate_src t WHERE t.use = 'total' ORDER BY t.ord LIMIT 1;
    END IF;

    mode := 'flat';
    IF EXISTS (SELECT FROM pg_temp.consolidate_src t WHERE cardinality(t.inside) > 0) THEN
      -- sums per period: every row as printed, and only rows inside no other
      SELECT array_agg(q.a ORDER BY q.p), array_agg(q.b ORDER BY q.p) INTO rowsum, topsum
        FROM (SELECT g.p, sum(t.ncells[g.p]) FILTER (WHERE t.use <> 'total') AS a,
                     sum(t.ncells[g.p]) FILTER (WHERE t.use <> 'total' AND (t.inside IS NULL OR cardinality(t.inside) = 0)) AS b
                FROM pg_temp.consolidate_src t, generate_series(1, nper) g(p) GROUP BY g.p) q;
      IF printed IS NOT NULL THEN
        okd := rowsum = printed;
        okn := topsum = printed;
        mode := CASE WHEN okd THEN 'disjoint' WHEN okn THEN 'nested' ELSE 'disjoint?' END;
      ELSE
        -- no total: nested when every coarse row is at least its members' sum
        mode := CASE WHEN NOT EXISTS (
                   SELECT FROM pg_temp.consolidate_src o, generate_series(1, nper) g(p)
                    WHERE o.use = 'mapped'
                      AND EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE o.ord = ANY (m.inside))
                      AND o.ncells[g.p] < (SELECT sum(m.ncells[g.p]) FROM pg_temp.consolidate_src m
                                            WHERE o.ord = ANY (m.inside)
                                              AND NOT EXISTS (SELECT FROM pg_temp.consolidate_src m2
                                                               WHERE m2.ord = ANY (m.inside) AND o.ord = ANY (m2.inside))))
                     THEN 'nested (assumed)' ELSE 'disjoint (assumed)' END;
      END IF;
    END IF;

    FOR r IN
      SELECT t.*, c.period AS cperiod, c.ord AS cord,
             -- the row's count: its cell, less its direct members' cells when nested
             CASE WHEN mode LIKE 'nested%' AND EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE t.ord = ANY (m.inside))
                  THEN t.ncells[c.ord] - (SELECT sum(m.ncells[c.ord]) FROM pg_temp.consolidate_src m
                                           WHERE t.ord = ANY (m.inside)
                                             AND NOT EXISTS (SELECT FROM pg_temp.consolidate_src m2
                                                              WHERE m2.ord = ANY (m.inside) AND t.ord = ANY (m2.inside)))
                  ELSE t.ncells[c.ord] END AS cnt,
             EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE t.ord = ANY (m.inside)) AS is_container,
             (SELECT array_agg(DISTINCT CASE lvl WHEN 'ons_group' THEN g.ons_group
                                                   WHEN 'ons_subgroup' THEN g.ons_subgroup
                                                   ELSE g.ho_class END)
                FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS units,
             (SELECT array_agg(DISTINCT g.ons_group) FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS groups,
             (SELECT array_agg(DISTINCT g.ons_subgroup) FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS subgroups
        FROM pg_temp.consolidate_src t, pg_temp.consolidate_cols c
       ORDER BY t.ord, c.ord
    LOOP
      source_no := i; force := s.force; source_category := r.label; period := r.cperiod;
      n := r.cnt; mapped_level := r.c_level; matched_by := r.c_matched_by; confidence := r.c_confidence;
      reason := r.why; category := NULL;
      IF r.use = 'total' THEN
        status := 'total';
      ELSIF r.use = 'unmapped' THEN
        status := 'unmapped'; category := 'Unmapped or ambiguous';
      ELSIF r.use = 'not_notifiable' THEN
        status := 'not_notifiable'; category := 'Not notifiable';
      ELSE
        IF cardinality(r.units) = 1 THEN
          status := 'counted'; category := r.units[1];
        ELSE
          status := 'coarser';
          category := CASE WHEN lvl = 'ons_subgroup' AND r.c_subgroup LIKE '% + %'
                             THEN r.c_subgroup || ' (not split)'
                           WHEN lvl = 'ho_class' AND cardinality(r.subgroups) = 1 AND r.subgroups[1] <> r.groups[1]
                             THEN r.subgroups[1] || ' (class not given)'
                           WHEN cardinality(r.groups) = 1
                             THEN r.groups[1] || CASE lvl WHEN 'ho_class' THEN ' (class not given)' ELSE ' (subgroup not given)' END
                           ELSE 'Not placed at this level' END;
          reason := concat_ws('; ', reason, format('covers %s %ss', cardinality(r.units), pg_catalog.replace(lvl, 'ons_', '')));
        END IF;
        IF r.is_container THEN
          reason := concat_ws('; ', reason,
            CASE WHEN mode LIKE 'nested%' THEN format('includes rows %s listed apart: only its remainder is counted (%s)',
                                                      (SELECT string_agg(format('"%s"', m.label), ', ' ORDER BY m.ord)
                                                         FROM pg_temp.consolidate_src m WHERE r.ord = ANY (m.inside)), mode)
                 ELSE format('its members %s are listed apart and not in it (%s)',
                             (SELECT string_agg(format('"%s"', m.label), ', ' ORDER BY m.ord)
                                FROM pg_temp.consolidate_src m WHERE r.ord = ANY (m.inside)), mode) END);
          IF mode LIKE 'nested%' THEN status := status || '_remainder'; END IF;
        END IF;
      END IF;
      RETURN NEXT;
    END LOOP;

    -- the source's printed total (or the sum of its rows when it prints none), one row per period
    FOR p IN 1 .. nper LOOP
      source_no := i; force := s.force; source_category := NULL;
      SELECT c.period INTO period FROM pg_temp.consolidate_cols c WHERE c.ord = p;
      n := printed[p]; status := CASE WHEN printed IS NULL THEN 'no_printed_total' ELSE 'printed_total' END;
      category := NULL; mapped_level := NULL; matched_by := NULL; confidence := NULL;
      reason := CASE WHEN printed IS NULL THEN 'the source prints no total: nothing to check against' END;
      RETURN NEXT;
    END LOOP;
  END LOOP;

END
$fn$;
COMMENT ON FUNCTION @extschema@.consolidate_provenance(@extschema@.force_table[], text, text, text) IS
  'every figure of every source as consolidate counts it: force, source category, period (canonical: 2019 or 2019/20), n, status (counted | coarser: counted in "<group> (subgroup not given)" | counted_remainder / coarser_remainder: a coarse row less the members listed apart | unmapped | not_notifiable | total: a total row, not counted | printed_total / no_printed_total: the source''s total for the check), the category it is counted in at this level, how its label was mapped (level, matched_by, confidence) and why';

CREATE FUNCTION @extschema@.consolidate_check(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low', periods text DEFAULT 'refuse',
    OUT force text, OUT period text, OUT source_total bigint, OUT total_printed boolean,
    OUT counted bigint, OUT not_notifiable bigint, OUT unmapped bigint, OUT difference bigint,
    OUT withheld integer, OUT ok boolean)
RETURNS SETOF record
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
BEGIN ATOMIC
  WITH p AS (SELECT * FROM @extschema@.consolidate_provenance(sources, level, min_confidence, periods)),
  g AS (
    SELECT p.source_no, p.force, p.period,
           max(p.n) FILTER (WHERE p.status = 'printed_total') AS printed,
           COALESCE(sum(p.n) FILTER (WHERE p.status IN ('counted', 'coarser', 'counted_remainder', 'coarser_remainder')), 0) AS counted,
           COALESCE(sum(p.n) FILTER (WHERE p.status = 'not_notifiable'), 0) AS not_notifiable,
           COALESCE(sum(p.n) FILTER (WHERE p.status = 'unmapped'), 0) AS unmapped,
           count(*) FILTER (WHERE p.n IS NULL AND p.status NOT IN ('total', 'printed_total', 'no_printed_total'))::integer AS withheld,
           bool_or(p.status = 'printed_total') AS has_printed
      FROM p GROUP BY p.source_no, p.force, p.period)
  SELECT g.force, g.period,
         CASE WHEN g.has_printed THEN g.printed ELSE g.counted + g.not_notifiable + g.unmapped END,
         g.has_printed, g.counted, g.not_notifiable, g.unmapped,
         CASE WHEN g.has_printed THEN g.printed - (g.counted + g.not_notifiable + g.unmapped) END,
         g.withheld,
         CASE WHEN g.has_printed THEN g.printed = g.counted + g.not_notifiable + g.unmapped AND g.withheld = 0
              ELSE g.withheld = 0 END
    FROM g ORDER BY g.source_no, g.period;
END;
COMMENT ON FUNCTION @extschema@.consolidate_check(@extschema@.force_table[], text, text, text) IS
  'that nothing was lost, per source and period: the source''s printed total (or, when it prints none, the sum of its rows: total_printed false) against what it contributed (counted, incl. coarse rows and remainders) plus what went to Not notifiable and to Unmapped; difference = source_total - all three; ok false for a difference or a withheld (NULL) figure';

CREATE FUNCTION @extschema@.consolidate(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low', periods text DEFAULT 'refuse',
    on_mismatch text DEFAULT 'error')
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
SET jit = off
AS $fn$
DECLARE
  x      @extschema@.xtab;
  notes  text[] := '{}';
  bad    record;
  kinds  text[];
BEGIN
  IF on_mismatch NOT IN ('error', 'flag') THEN
    RAISE EXCEPTION 'on_mismatch "%" is not error or flag', on_mismatch;
  END IF;
  DROP TABLE IF EXISTS pg_temp.consolidate_prov;
  CREATE TEMP TABLE consolidate_prov ON COMMIT DROP AS
    SELECT * FROM @extschema@.consolidate_provenance(sources, level, min_confidence, periods);

  FOR bad IN SELECT * FROM @extschema@.consolidate_check(sources, level, min_confidence, periods) c WHERE NOT c.ok LOOP
    IF on_mismatch = 'error' AND bad.withheld > 0 THEN
      RAISE EXCEPTION '% %: % figure(s) withheld, so what the source contributed cannot be checked against its total %',
        bad.force, bad.period, bad.withheld, bad.source_total
        USING DETAIL = format('counted %s without them, not notifiable %s, unmapped %s', bad.counted, bad.not_notifiable, bad.unmapped),
              HINT = 'on_mismatch => ''flag'' builds the table without the withheld figures, with a footnote.';
    ELSIF on_mismatch = 'error' THEN
      RAISE EXCEPTION '% %: the source''s total is % but % is accounted for', bad.force, bad.period,
        bad.source_total, bad.counted + bad.not_notifiable + bad.unmapped
        USING DETAIL = format('counted %s, not notifiable %s, unmapped %s, withheld figures %s',
                              bad.counted, bad.not_notifiable, bad.unmapped, bad.withheld),
              HINT = 'See foistats.consolidate_provenance for each of its rows; on_mismatch => ''flag'' builds the table with a footnote instead.';
    END IF;
    notes := notes || format('%s %s: printed total %s, accounted for %s (difference %s, withheld figures %s)',
                             bad.force, bad.period, bad.source_total, bad.counted + bad.not_notifiable + bad.unmapped,
                             bad.difference, bad.withheld);
  END LOOP;

  SELECT @extschema@.xtab(p.category, p.period, p.n)
    INTO x
    FROM pg_temp.consolidate_prov p
   WHERE p.status NOT IN ('total', 'printed_total', 'no_printed_total') AND p.n IS NOT NULL;
  IF x IS NULL THEN
    RAISE EXCEPTION 'the sources have no figures';
  END IF;

  kinds := ARRAY(SELECT DISTINCT sources[k].period_kind FROM generate_subscripts(sources, 1) k ORDER BY 1);
  IF cardinality(kinds) > 1 THEN
    notes := notes || 'calendar years (2019) and financial years (2019/20) are separate columns: they overlap by nine months, so a total across both kinds (a Grand Total column) counts some months twice: read each kind apart'::text;
  END IF;
  notes := notes || CASE WHEN cardinality(sources) > 6 THEN
      format('%s sources (%s in financial years, %s in calendar years): foistats.consolidate_provenance names each',
             cardinality(sources),
             (SELECT count(*) FROM unnest(sources) u WHERE (u).period_kind = 'fy'),
             (SELECT count(*) FROM unnest(sources) u WHERE (u).period_kind = 'year'))
    ELSE format('%s: %s', CASE WHEN cardinality(sources) = 1 THEN 'source' ELSE cardinality(sources) || ' sources' END,
                           (SELECT string_agg(format('%s (%s)', sources[k].force,
                                                     CASE sources[k].period_kind WHEN 'fy' THEN 'financial years' ELSE 'calendar years' END), '; ' ORDER BY k)
                              FROM generate_subscripts(sources, 1) k)) END;
  -- the categories unmapped, coarser than the level, counted as a remainder
  notes := notes || ARRAY(
    SELECT format('%s: %s', v.note, string_agg(DISTINCT format('%s "%s"', p.force, p.source_category), ', '))
      FROM (VALUES (1, 'Unmapped or ambiguous', 'unmapped'),
                   (2, 'not given at this level (counted in "... not given")', 'coarser%'),
                   (3, 'counted less the members listed apart', '%remainder')) AS v(k, note, status)
      JOIN pg_temp.consolidate_prov p ON p.status LIKE v.status
     GROUP BY v.k, v.note
     ORDER BY v.k);
  RETURN @extschema@.annotate(x,
    title => format('Crimes by %s, %s combined',
                    CASE level WHEN 'ons_group' THEN 'ONS offence group' WHEN 'ons_subgroup' THEN 'ONS offence subgroup'
                               ELSE 'Home Office class' END,
                    CASE WHEN cardinality(sources) = 1 THEN 'one source' ELSE cardinality(sources) || ' sources' END),
    row_header => CASE level WHEN 'ons_group' THEN 'ONS offence group' WHEN 'ons_subgroup' THEN 'ONS offence subgroup'
                             ELSE 'Home Office class' END,
    footnotes => notes);
END
$fn$;
COMMENT ON FUNCTION @extschema@.consolidate(@extschema@.force_table[], text, text, text, text) IS
  'many forces'' responses as one cross-tab: rows = the ONS groups (level ons_group), subgroups (ons_subgroup) or Home Office classes (ho_class) the sources'' categories map to (foistats.classify_category), plus "<group> (subgroup not given)" for coarser rows, "Not notifiable" and "Unmapped or ambiguous"; columns = canonical periods (calendar and financial years apart); a coarse row that includes members listed apart counts only its remainder; an error (on_mismatch => ''flag'': a footnote) when a source''s printed total is not exactly what it contributed; footnotes name the sources and every unmapped and coarser category.  Provenance: foistats.consolidate_provenance; the check: foistats.consolidate_check';
