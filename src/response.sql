-- ---------------------------------------------------------------------------
-- The response document: a stored request answered as the letter a force
-- sends, in HTML, Markdown or text.
--
-- foistats.response(request, format) prints the request's title and period,
-- then for each question the text as asked, and its answer: the table exactly
-- as render prints it with the definition's options (request_render_options),
-- an SVG chart of it by period (HTML), or the answer in words with its
-- placeholders {id.figure[:words|:Words]} filled; then the closing paragraphs
-- (exemptions cited).  Every footnote of a question is made from the
-- definition and the figures, never typed: what the crimes counted are (the
-- population in words, or its SQL), what a measure counts, what each Grand
-- Total counts (crimes; mentions and distinct crimes for multi-label rows),
-- the terms and exclusions a text search used (foistats.term), and the
-- audit's verdict (foistats.audit_request).  The table's own footnotes
-- (partial periods, the protection rule and marker, records left out) are
-- printed by render with it.  A table that does not add up is an error,
-- unless the caller opts into a visible warning (audit_warnings => true).
--
-- Texts of a definition (intro, answer, closing) are a small Markdown subset:
-- paragraphs separated by blank lines, "- " list items, [text](url) links,
-- **bold**, `code` and backslash escapes.  Markdown output keeps them as
-- written; HTML and text output convert them.
--
-- response_csv(request) gives each table as CSV (render's csv, no bold),
-- with the generated footnotes as its last records.
-- ---------------------------------------------------------------------------

-- Numbers in words, British style: 'six', 'twenty-one', 'one hundred and
-- five', 'one thousand and one', 'two thousand five hundred'.
CREATE FUNCTION @extschema@.number_words(n bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ones   text[] := ARRAY['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
                           'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
                           'eighteen', 'nineteen'];
    tens   text[] := ARRAY['ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    scales text[] := ARRAY['thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion'];
    m      numeric := abs(n::numeric);
    groups int[] := '{}';        -- groups of three digits, least significant first
    g      int;
    t      int;
    part   text;
    words  text := '';
BEGIN
    IF n = 0 THEN
        RETURN 'zero';
    END IF;
    WHILE m > 0 LOOP
        groups := groups || (m % 1000)::int;
        m := div(m, 1000);
    END LOOP;
    FOR i IN REVERSE cardinality(groups)..1 LOOP
        g := groups[i];
        CONTINUE WHEN g = 0;
        t := g % 100;
        part := CASE WHEN g >= 100 THEN ones[g / 100] || ' hundred' ELSE '' END;
        IF t > 0 THEN
            -- 'and' before the tens and units: 'one hundred and five', and
            -- after a larger group when no hundreds follow: 'one thousand and one'
            IF g >= 100 THEN
                part := part || ' and ';
            ELSIF i = 1 AND cardinality(groups) > 1 THEN
                part := 'and ';
            END IF;
            part := part || CASE WHEN t < 20 THEN ones[t]
                                 ELSE tens[t / 10] || CASE WHEN t % 10 > 0 THEN '-' || ones[t % 10] ELSE '' END END;
        END IF;
        IF i > 1 THEN
            part := part || ' ' || scales[i - 1];
        END IF;
        words := CASE WHEN words = '' THEN part ELSE words || ' ' || part END;
    END LOOP;
    RETURN CASE WHEN n < 0 THEN 'minus ' ELSE '' END || words;
END
$fn$;
COMMENT ON FUNCTION @extschema@.number_words(bigint) IS
  'a whole number in English words, British style: 6 -> six, 21 -> twenty-one, 105 -> one hundred and five, 1001 -> one thousand and one, 2500 -> two thousand five hundred; answers in words use it for placeholders {id.figure:words} and {id.figure:Words} (capitalised)';

CREATE FUNCTION @extschema@.html_escape(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN replace(replace(replace(replace(replace(s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION @extschema@.html_escape(text) IS
  'text escaped for HTML and XML (& < > " and '' as entities), as render''s html format escapes it';

-- Plain text as Markdown that shows it literally (for footnotes and labels
-- that are not Markdown themselves).
CREATE FUNCTION @extschema@.markdown_escape(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN regexp_replace(s, '([\\`*_\[\]<>|~#])', '\\\1', 'g');
COMMENT ON FUNCTION @extschema@.markdown_escape(text) IS
  'plain text escaped for Markdown (backslash before \ ` * _ [ ] < > | ~ #), so that it shows as written';

-- One paragraph of the Markdown subset, as HTML or as plain text.
CREATE FUNCTION @extschema@.response_inline(s text, format text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    esc     constant text := chr(57344);    -- U+E000: the next character was escaped
    c_open  constant text := chr(57345);    -- U+E001 n U+E002: code span n
    c_close constant text := chr(57346);
    link    constant text := '\[([^]]*)\]\(([^()[:space:]]+)\)';
    codes   text[] := '{}';
    m       text[];
    p       int;
    whole   text;
    shown   text;
    url     text;
    done    text := '';
BEGIN
    IF format = 'markdown' THEN
        RETURN s;
    END IF;
    LOOP    -- code spans: their content is literal
        m := regexp_match(s, '`([^`]*)`');
        EXIT WHEN m IS NULL;
        codes := codes || m[1];
        p := strpos(s, '`' || m[1] || '`');
        s := left(s, p - 1) || c_open || cardinality(codes) || c_close || substr(s, p + length(m[1]) + 2);
    END LOOP;
    s := regexp_replace(s, '\\([!-/:-@[-`{-~])', esc || '\1', 'g');
    IF format = 'html' THEN
        s := @extschema@.html_escape(s);
    END IF;
    -- links; one whose text is its URL (backslash escapes aside) shows the URL
    LOOP
        p := regexp_instr(s, link);
        EXIT WHEN p = 0;
        whole := regexp_substr(s, link);
        m := regexp_match(whole, '^' || link || '$');
        url := replace(m[2], esc, '');
        shown := CASE WHEN replace(replace(m[1], esc, ''), '\', '') = replace(url, '\', '') THEN url ELSE m[1] END;
        done := done || left(s, p - 1) ||
                CASE WHEN format = 'html'
                     THEN format('<a href="%s"%s>%s</a>', url, CASE WHEN shown = url THEN '' ELSE ' class="ext"' END, shown)
                     WHEN shown = url THEN url
                     ELSE format('%s <%s>', shown, url) END;
        s := substr(s, p + length(whole));
    END LOOP;
    s := done || s;
    s := regexp_replace(s, '\*\*([^*]+)\*\*', CASE WHEN format = 'html' THEN '<b>\1</b>' ELSE '\1' END, 'g');
    s := replace(s, esc, '');
    FOR i IN 1..cardinality(codes) LOOP
        s := replace(s, c_open || i || c_close,
                     CASE WHEN format = 'html' THEN '<code>' || @extschema@.html_escape(codes[i]) || '</code>' ELSE codes[i] END);
    END LOOP;
    RETURN s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_inline(text, text) IS
  'internal: a paragraph of a definition''s text (the Markdown subset: links, **bold**, `code`, backslash escapes) as html, text or markdown (unchanged)';

-- Words wrapped to width: the first line starts with first, the others with rest.
CREATE FUNCTION @extschema@.response_wrap(s text, width int, first text DEFAULT '', rest text DEFAULT '') RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    w     text;
    line  text;
    lines text := '';
BEGIN
    FOR w IN SELECT x FROM regexp_split_to_table(btrim(s), '\s+') x WHERE x <> '' LOOP
        IF line IS NULL THEN
            line := first || w;
        ELSIF length(line) + 1 + length(w) <= width THEN
            line := line || ' ' || w;
        ELSE
            lines := lines || line || E'\n';
            line := rest || w;
        END IF;
    END LOOP;
    RETURN lines || coalesce(line, rtrim(first));
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_wrap(text, int, text, text) IS
  'internal: text wrapped at word boundaries to width characters (a longer word stands alone on its line), first line prefixed with first, the others with rest';

-- Text of a definition (Markdown subset) as blocks: paragraphs (blank-line
-- separated; a line ending in two spaces breaks the line) and "- " lists.
CREATE FUNCTION @extschema@.response_blocks(s text, format text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    br     constant text := chr(57347);     -- U+E003: a hard line break
    para   text;
    lines  text[];
    blocks text[] := '{}';
BEGIN
    IF format = 'markdown' THEN
        RETURN btrim(s, E'\n');
    END IF;
    FOR para IN SELECT x FROM regexp_split_to_table(btrim(s, E'\n'), '\n[ \t]*\n') x WHERE btrim(x) <> '' LOOP
        lines := string_to_array(para, E'\n');
        IF NOT EXISTS (SELECT 1 FROM unnest(lines) l WHERE l !~ '^[-*] ') THEN
            blocks := blocks || CASE WHEN format = 'html'
                THEN '<ul>' || (SELECT string_agg('<li>' || @extschema@.response_inline(substr(l, 3), format) || '</li>', '')
                                  FROM unnest(lines) l) || '</ul>'
                ELSE (SELECT string_agg(@extschema@.response_wrap(@extschema@.response_inline(substr(l, 3), format), 76, '- ', '  '), E'\n')
                        FROM unnest(lines) l) END;
        ELSIF format = 'html' THEN
            blocks := blocks || ('<p>' || replace(@extschema@.response_inline(regexp_replace(para, ' {2,}\n', br, 'g'), format),
                                                  br, E'<br>\n') || '</p>');
        ELSE
            blocks := blocks || (SELECT string_agg(@extschema@.response_wrap(l, 76), E'\n' ORDER BY o)
                                   FROM unnest(string_to_array(@extschema@.response_inline(
                                            regexp_replace(para, ' {2,}\n', br, 'g'), format), br))
                                        WITH ORDINALITY u(l, o));
        END IF;
    END LOOP;
    RETURN array_to_string(blocks, E'\n\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_blocks(text, text) IS
  'internal: a definition''s text (paragraphs, "- " lists, the inline Markdown subset) as html blocks, text wrapped to 76 columns, or markdown (unchanged)';

-- ---------------------------------------------------------------------------
-- Footnotes made from the definition
-- ---------------------------------------------------------------------------

-- The terms (and exclusion phrases) of a dictionary a text search used;
-- rows_only: the terms the table has rows for, when it does not show all.
CREATE FUNCTION @extschema@.response_term_note(dictionary text, field text, rows_only text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  WITH t AS (
    SELECT t.term, array_agg('"' || t.alias || '"' ORDER BY t.alias) FILTER (WHERE NOT t.exclude AND t.alias IS NOT NULL) AS aliases
      FROM @extschema@.term t
     WHERE t.dictionary = response_term_note.dictionary
     GROUP BY t.term),
  x AS (
    SELECT string_agg('"' || t.alias || '"', ', ' ORDER BY t.alias) AS phrases
      FROM @extschema@.term t
     WHERE t.dictionary = response_term_note.dictionary AND t.exclude)
  SELECT format('Text search: the %s of each crime was searched for the terms of dictionary ''%s'' (foistats.term), ignoring case, as whole words, plurals and possessives included: %s.%s%s',
                CASE field WHEN 'mo' THEN 'MO (modus operandi) text' ELSE format('text of %s', field) END,
                @extschema@.markdown_escape(dictionary),
                string_agg(@extschema@.markdown_escape(t.term ||
                             CASE WHEN t.aliases IS NOT NULL THEN ', also written ' || array_to_string(t.aliases, ', ') ELSE '' END),
                           '; ' ORDER BY t.term),
                (SELECT ' Phrases that do not count: ' || @extschema@.markdown_escape(x.phrases) || '.' FROM x WHERE x.phrases IS NOT NULL),
                CASE WHEN rows_only IS NOT NULL
                     THEN ' The table counts mentions of ' || @extschema@.markdown_escape(array_to_string(rows_only, ', ')) || ' only (a term that no crime mentions has no row).' ELSE '' END)
    FROM t
$fn$;
COMMENT ON FUNCTION @extschema@.response_term_note(text, text, text[]) IS
  'internal: the footnote stating the terms, spellings and exclusion phrases of a dictionary that a question''s text search of field used (and, rows_only, the terms its table has rows for)';

-- Every footnote the definition gives a question, in the Markdown subset:
-- its crimes, its measure, what its Grand Totals count, the text searches,
-- its own footnotes, the audit's verdict.  shown: its table is printed.
CREATE FUNCTION @extschema@.response_notes(request text, spec jsonb, q jsonb, x @extschema@.xtab, shown boolean,
                                           total_label text, period_from date, period_to date, findings jsonb)
RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    notes  text[] := '{}';
    what   text;
    m      text[];
    dicts  jsonb := '{}';
    d      record;
    parent jsonb;
    mname  text := CASE WHEN jsonb_typeof(q -> 'measure') = 'object' THEN coalesce(q -> 'measure' ->> 'name', 'count') END;
    withheld boolean := EXISTS (SELECT 1 FROM @extschema@.rows(x) r WHERE r.n IS NULL);
BEGIN
    -- the crimes counted
    what := coalesce(@extschema@.markdown_escape(q ->> 'population_text'),
                     CASE WHEN q ? 'population' THEN format('those for which `%s`', q ->> 'population') END);
    IF q ? 'subset_of' THEN
        notes := notes || CASE WHEN what IS NULL THEN format('Crimes counted: those counted in question %s.', q ->> 'subset_of')
                               ELSE format('Crimes counted: of the crimes counted in question %s, %s.', q ->> 'subset_of', what) END;
    ELSE
        notes := notes || format('Crimes counted: %s; recorded %s (by the date recorded; records that are not crimes are left out).',
                                 coalesce(what, 'every crime'), @extschema@.date_span_text(period_from, period_to));
    END IF;
    IF mname IS NOT NULL THEN
        notes := notes || format('%s: the crimes for which `%s` is true.', @extschema@.markdown_escape(mname), q -> 'measure' ->> 'count');
    END IF;

    -- what the Grand Totals count
    IF shown AND @extschema@.is_multi_label(x) THEN
        notes := notes || format('%1$s (mentions) adds up the rows, so a crime that mentions two of them counts twice%2$s; %1$s (distinct crimes) counts each crime once%3$s.',
                                 @extschema@.markdown_escape(total_label),
                                 coalesce(format(' (%s mentions)', @extschema@.grand_total(x)), ''),
                                 coalesce(format(' (%s crimes)', @extschema@.total_units(x)), ''));
    ELSIF shown THEN
        notes := notes || format('%s counts %s: each crime once, in one row and one column%s.',
                                 @extschema@.markdown_escape(total_label),
                                 coalesce(@extschema@.markdown_escape(mname), 'crimes'),
                                 coalesce(format(' (%s in all)', @extschema@.grand_total(x)), ''));
    END IF;

    -- text searches: the dictionary of multi-label rows, and any a population searches
    IF q -> 'rows' ? 'terms' THEN
        dicts := jsonb_build_object(q -> 'rows' ->> 'terms', jsonb_build_object('field', 'mo', 'only', q -> 'rows' -> 'only'));
    END IF;
    FOR m IN SELECT regexp_matches(coalesce(q ->> 'population', ''),
                                   'mentions(?:_any)?\s*\(\s*(?:[a-z_]+\.)?([a-z_][a-z0-9_]*)\s*,\s*''([^'']+)''\s*\)', 'gi') LOOP
        dicts := dicts || jsonb_build_object(m[2], coalesce(dicts -> m[2], '{}') || jsonb_build_object('field', m[1]));
    END LOOP;
    FOR d IN SELECT key, value FROM jsonb_each(dicts) ORDER BY key LOOP
        notes := notes || @extschema@.response_term_note(d.key, d.value ->> 'field',
                              CASE WHEN jsonb_typeof(d.value -> 'only') = 'array'
                                   THEN ARRAY(SELECT jsonb_array_elements_text(d.value -> 'only')) END);
    END LOOP;

    notes := notes || ARRAY(SELECT @extschema@.markdown_escape(f) FROM jsonb_array_elements_text(coalesce(q -> 'footnotes', '[]')) f);

    -- the audit's verdict
    IF jsonb_array_length(findings) = 0 AND shown
       AND coalesce(q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'cellkey' THEN
        notes := notes || 'Checked (foistats.audit_request): nothing withheld; every figure is perturbed (cell key), so its rows and columns need not add up.'::text;
    ELSIF jsonb_array_length(findings) = 0 AND shown THEN
        SELECT e INTO parent FROM jsonb_array_elements(spec -> 'questions') e
         WHERE e ->> 'id' = q ->> 'subset_of' AND e -> 'rows' = q -> 'rows'
           AND coalesce(e ->> 'columns', spec ->> 'columns', 'year') = coalesce(q ->> 'columns', spec ->> 'columns', 'year');
        notes := notes || format('Checked (foistats.audit_request): every row, column and %s of this table adds up%s%s.',
                                 @extschema@.markdown_escape(total_label),
                                 CASE WHEN withheld THEN '; no withheld figure can be worked out from the published totals' ELSE '' END,
                                 CASE WHEN parent IS NOT NULL THEN format('; no figure exceeds its counterpart in question %s', parent ->> 'id') ELSE '' END);
    END IF;
    RETURN notes;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_notes(text, jsonb, jsonb, @extschema@.xtab, boolean, text, date, date, jsonb) IS
  'internal: the footnotes a question''s definition gives it in the response (Markdown subset): its crimes (population_text, or the population''s SQL), its measure, what each Grand Total counts, the terms and exclusions of every text search, its own footnotes, the audit''s verdict';

-- One finding of the audit, in words.
CREATE FUNCTION @extschema@.response_finding(f jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN format('%s%s: %s', f ->> 'check',
              coalesce(' (' || nullif(concat_ws(', ', nullif(f ->> 'row_label', ''), nullif(f ->> 'col_label', '')), '') || ')', ''),
              coalesce(nullif(f ->> 'detail', ''),
                       format('printed %s, the cells give %s', coalesce(f ->> 'published', 'nothing'), coalesce(f ->> 'computed', 'nothing'))));
COMMENT ON FUNCTION @extschema@.response_finding(jsonb) IS 'internal: a finding of foistats.audit_request in words';

-- Placeholders {id.figure}, {id.figure:words}, {id.figure:Words} filled
-- from figures {"id": {"figure": n}} (null: withheld, printed as marker,
-- escaped: the texts are Markdown, where a line starting '* ' is a list).
CREATE FUNCTION @extschema@.response_fill(s text, figures jsonb, marker text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ph   constant text := '\{([^{}.:]+)\.([^{}:]+)(:[^{}]*)?\}';
    p    int;
    m    text[];
    v    bigint;
    w    text;
    done text := '';
BEGIN
    IF s IS NULL THEN
        RETURN NULL;
    END IF;
    LOOP
        p := regexp_instr(s, ph);
        EXIT WHEN p = 0;
        m := regexp_match(substr(s, p), '^' || ph);
        IF NOT (figures -> m[1]) ? m[2] THEN
            RAISE EXCEPTION 'placeholder {%.%} names no figure', m[1], m[2] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v := (figures -> m[1] ->> m[2])::bigint;
        w := CASE WHEN v IS NULL THEN @extschema@.markdown_escape(marker)
                  WHEN m[3] IS NULL THEN v::text
                  ELSE @extschema@.number_words(v) END;
        IF m[3] = ':Words' THEN
            w := upper(left(w, 1)) || substr(w, 2);
        END IF;
        done := done || left(s, p - 1) || w;
        s := substr(s, p + length(m[1]) + length(m[2]) + coalesce(length(m[3]), 0) + 3);
    END LOOP;
    RETURN done || s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_fill(text, jsonb, text) IS
  'internal: a definition''s text with its placeholders {id.figure[:words|:Words]} replaced by the figures (a withheld figure by the marker)';

-- ---------------------------------------------------------------------------
-- Charts: inline SVG, made here, no script
-- ---------------------------------------------------------------------------

-- A question's table by period as an SVG line (or bar) chart of its top rows
-- and its total, in a <figure>; '' when the table has no period columns or
-- the definition says "chart": false.  The <svg> is role="img" with a
-- <title> and a <desc> that state every figure drawn; a withheld figure is
-- not drawn (the line breaks) and the text says "withheld".  Colours have a
-- contrast of at least 4.5:1 against white and the series also differ in
-- dash pattern, so colour is not needed to tell them apart.
CREATE FUNCTION @extschema@.response_chart(x @extschema@.xtab, qid text, heading text, granularity text,
                                           period_from date, period_to date, chart jsonb, total_label text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    colours  constant text[] := ARRAY['#0b5394', '#a33b00', '#00704a', '#8e2b6d', '#5a4a9a', '#6b5300'];
    dashes   constant text[] := ARRAY['', '7 3', '2 3', '9 3 2 3', '4 4', '12 4'];
    cols     text[] := @extschema@.col_labels(x);
    nc       int := cardinality(cols);
    ntop     int := coalesce((chart ->> 'rows')::int, 5);
    kind     text;
    labels   text[];
    vals     jsonb;
    ns       int;
    vmax     bigint;
    step     bigint := 1;
    ytop     bigint;
    w        constant int := 720;
    ml       constant int := 64;
    mr       constant int := 20;
    mt       constant int := 16;
    ph       constant int := 240;
    pw       int := 720 - 64 - 20;
    h        int;
    band     numeric;
    nth    int;
    id       text := 'chart-' || lower(qid);
    svg      text;
    descr    text;
    partial  text[];
    gname    text := CASE granularity WHEN 'year' THEN 'year' WHEN 'fy' THEN 'financial year'
                                      WHEN 'quarter' THEN 'quarter' WHEN 'month' THEN 'month' END;
    path     text;
    pen      boolean;
    cx       numeric;
    cy       numeric;
    v        bigint;
    colour   text;
    dash     text;
    total    boolean;
BEGIN
    IF chart = 'false'::jsonb OR gname IS NULL OR nc = 0 THEN
        RETURN '';
    END IF;
    kind := coalesce(chart ->> 'type', CASE WHEN nc >= 2 THEN 'line' ELSE 'bar' END);

    -- the series: the top rows by total (a protected table's published
    -- totals: rows whose total is withheld come last, by label), then the
    -- total row (distinct crimes for multi-label rows), unless one row is
    -- the whole table
    SELECT array_agg(s.row_label ORDER BY s.k, s.position), jsonb_agg(to_jsonb(s.cells) ORDER BY s.k, s.position)
      INTO labels, vals
      FROM ((SELECT 0 AS k, t.position, t.row_label, t.cells
               FROM @extschema@.table_rows(x, sort => 'total', total_label => total_label) t
              WHERE NOT t.is_total ORDER BY t.position LIMIT ntop)
            UNION ALL
            (SELECT 1, t.position, t.row_label, t.cells
               FROM @extschema@.table_rows(x, total_label => total_label) t
              WHERE t.is_total AND (SELECT count(*) FROM @extschema@.table_rows(x) b WHERE NOT b.is_total) > 1
              ORDER BY t.position DESC LIMIT 1)) s;
    ns := coalesce(cardinality(labels), 0);
    IF ns = 0 THEN
        RETURN '';
    END IF;

    -- the periods the request covers in part
    partial := ARRAY(SELECT c FROM unnest(cols) c
                      WHERE @extschema@.period_start(c, granularity) < period_from
                         OR @extschema@.period_end(c, granularity) > period_to);

    -- y axis: 0 to a multiple of a step of 1, 2 or 5 x 10^k, at most 6 steps
    SELECT coalesce(max(e::bigint), 0) INTO vmax
      FROM jsonb_array_elements(vals) r, jsonb_array_elements_text(r) e WHERE e IS NOT NULL;
    vmax := greatest(vmax, 1);
    WHILE vmax > 6 * step LOOP
        step := CASE left(step::text, 1) WHEN '2' THEN step / 2 * 5 ELSE step * 2 END;
    END LOOP;
    ytop := ((vmax + step - 1) / step) * step;
    band := pw::numeric / nc;
    nth := (nc + 11) / 12;        -- at most 12 period labels
    h := mt + ph + 56 + 20 * ns + 8;

    descr := format('Figures drawn, by %s of recording: ', gname) ||
             (SELECT string_agg(format('%s: %s', l,
                                       (SELECT string_agg(c || ' ' || coalesce(e, 'withheld'), ', ' ORDER BY o)
                                          FROM jsonb_array_elements_text(vals -> (i - 1)::int) WITH ORDINALITY z(e, o),
                                               LATERAL (SELECT cols[o] AS c) cc)), '; ' ORDER BY i)
                FROM unnest(labels) WITH ORDINALITY u(l, i)) || '.' ||
             coalesce(' ' || (SELECT string_agg(format('%s covers %s only.', c,
                                                       @extschema@.date_span_text(greatest(@extschema@.period_start(c, granularity), period_from),
                                                                                  least(@extschema@.period_end(c, granularity), period_to))), ' ')
                                FROM unnest(partial) c), '');

    svg := format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %1$s %2$s" width="%1$s" height="%2$s" role="img" aria-labelledby="%3$s-title %3$s-desc">',
                  w, h, id) || E'\n' ||
           format('<title id="%s-title">%s</title>', id, @extschema@.html_escape(CASE WHEN heading LIKE 'Question %' THEN 'Chart: ' || heading
                                                                           ELSE format('Chart of question %s: %s', qid, heading) END)) || E'\n' ||
           format('<desc id="%s-desc">%s</desc>', id, @extschema@.html_escape(descr)) || E'\n';

    -- a period the request covers in part is shaded; then grid, y ticks and axes
    FOR i IN 1..nc LOOP
        CONTINUE WHEN NOT cols[i] = ANY (partial);
        svg := svg || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#efefef"/>',
                             round(ml + band * (i - 1), 1), mt, round(band, 1), ph) || E'\n';
    END LOOP;
    FOR i IN 0..(ytop / step) LOOP
        cy := mt + ph - (i * step)::numeric / ytop * ph;
        svg := svg || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>',
                             ml, round(cy, 1), ml + pw, round(cy, 1), CASE WHEN i = 0 THEN '#1a1a1a' ELSE '#d9d9d9' END) ||
                      format('<text x="%s" y="%s" text-anchor="end" font-size="12" fill="#1a1a1a">%s</text>',
                             ml - 8, round(cy + 4, 1), i * step) || E'\n';
    END LOOP;
    svg := svg || format('<line x1="%1$s" y1="%2$s" x2="%1$s" y2="%3$s" stroke="#1a1a1a" stroke-width="1"/>', ml, mt, mt + ph) ||
           format('<text x="14" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a" transform="rotate(-90 14 %s)">Crimes</text>',
                  mt + ph / 2, mt + ph / 2) || E'\n';
    FOR i IN 1..nc LOOP
        CONTINUE WHEN (i - 1) % nth <> 0 AND i <> nc;
        svg := svg || format('<text x="%s" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a">%s</text>',
                             round(ml + band * (i - 0.5), 1), mt + ph + 18,
                             @extschema@.html_escape(cols[i] || CASE WHEN cols[i] = ANY (partial) THEN ' (part)' ELSE '' END)) || E'\n';
    END LOOP;
    svg := svg || format('<text x="%s" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a">%s recorded</text>',
                         ml + pw / 2, mt + ph + 38, initcap(left(gname, 1)) || substr(gname, 2)) || E'\n';

    -- the series and the legend
    FOR s IN 1..ns LOOP
        total := s = ns AND labels[s] LIKE total_label || '%';
        colour := CASE WHEN total THEN '#1a1a1a' ELSE colours[1 + (s - 1) % 6] END;
        dash := CASE WHEN total THEN '' ELSE dashes[1 + ((s - 1) / 6 + s - 1) % 6] END;
        svg := svg || format('<g class="series" data-label="%s">', @extschema@.html_escape(labels[s]));
        path := '';
        pen := false;
        FOR i IN 1..nc LOOP
            v := (vals -> (s - 1) ->> (i - 1))::bigint;
            IF v IS NULL THEN
                pen := false;
                CONTINUE;
            END IF;
            cy := mt + ph - v::numeric / ytop * ph;
            IF kind = 'line' THEN
                cx := ml + band * (i - 0.5);
                path := path || format('%s%s %s ', CASE WHEN pen THEN 'L' ELSE 'M' END, round(cx, 1), round(cy, 1));
                pen := true;
                svg := svg || CASE WHEN total
                    THEN format('<rect x="%s" y="%s" width="7" height="7" fill="%s"><title>%s</title></rect>',
                                round(cx - 3.5, 1), round(cy - 3.5, 1), colour, @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v)))
                    ELSE format('<circle cx="%s" cy="%s" r="3.5" fill="%s"><title>%s</title></circle>',
                                round(cx, 1), round(cy, 1), colour, @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v))) END;
            ELSE
                cx := ml + band * (i - 1) + band * 0.1 + band * 0.8 / ns * (s - 1);
                svg := svg || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>',
                                     round(cx, 1), round(cy, 1), round(band * 0.8 / ns, 1), round(mt + ph - cy, 1), colour,
                                     @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v)));
            END IF;
        END LOOP;
        IF path <> '' THEN
            svg := svg || format('<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s/>', rtrim(path), colour,
                                 CASE WHEN total THEN 3 ELSE 2 END,
                                 CASE WHEN dash <> '' THEN format(' stroke-dasharray="%s"', dash) ELSE '' END);
        END IF;
        cy := mt + ph + 56 + 20 * (s - 1);
        svg := svg || CASE WHEN kind = 'line'
            THEN format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>', ml, cy, ml + 28, cy, colour,
                        CASE WHEN total THEN 3 ELSE 2 END, CASE WHEN dash <> '' THEN format(' stroke-dasharray="%s"', dash) ELSE '' END)
            ELSE format('<rect x="%s" y="%s" width="20" height="12" fill="%s"/>', ml + 4, cy - 6, colour) END ||
            format('<text x="%s" y="%s" font-size="12" fill="#1a1a1a">%s</text>', ml + 36, cy + 4, @extschema@.html_escape(labels[s])) ||
            E'</g>\n';
    END LOOP;
    svg := svg || '</svg>';

    RETURN format(E'<figure class="chart" id="%s">\n%s\n<figcaption>%s</figcaption>\n</figure>', id, svg,
                  @extschema@.html_escape(format('Chart: %s by %s, from the table above%s.',
                      CASE WHEN ns = 1 THEN labels[1]
                           WHEN labels[ns] LIKE total_label || '%' THEN format('the top %s %s and %s', ns - 1,
                                                                           CASE WHEN ns = 2 THEN 'row' ELSE 'rows' END, labels[ns])
                           ELSE format('the top %s rows', ns) END,
                      gname,
                      CASE WHEN cardinality(partial) > 0 THEN format('; %s covers part of the period only', array_to_string(partial, ', ')) ELSE '' END)));
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_chart(@extschema@.xtab, text, text, text, date, date, jsonb, text) IS
  'internal: a question''s table by period as an inline SVG chart (lines, or bars for a single period or "type": "bar") of its top rows and its total, with a <title> and a <desc> stating every figure drawn; withheld figures are not drawn';

-- ---------------------------------------------------------------------------
-- The document
-- ---------------------------------------------------------------------------

-- One question of the response in a format: the text as asked, a warning if
-- its table does not add up, the answer in words, the table as render prints
-- it, its chart, its footnotes.
CREATE FUNCTION @extschema@.response_question(request text, spec jsonb, q jsonb, format text, x @extschema@.xtab,
                                              figures jsonb, findings jsonb, period_from date, period_to date,
                                              charts boolean)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qid    text := q ->> 'id';
    hid    text := 'q-' || lower(qid);
    kind   text := @extschema@.request_question_kind(q);
    shown  boolean;
    cols   text := @extschema@.request_columns(spec, q);
    o      record;
    marker text := coalesce(coalesce(q -> 'protect', spec -> 'protect') ->> 'marker', '*');
    heading text;
    answer text;
    tbl    text;
    chart  text := '';
    notes  text[];
    warn   text;
    parts  text[] := '{}';
BEGIN
    shown := kind = 'table' OR (kind = 'count' AND NOT q ? 'answer');
    IF q ? 'answer' THEN
        answer := @extschema@.response_blocks(@extschema@.response_fill(q ->> 'answer', figures, marker), format);
    END IF;
    IF x IS NOT NULL THEN
        SELECT * INTO o FROM @extschema@.request_render_options(request, spec, qid, x);
        notes := @extschema@.response_notes(request, spec, q, x, shown, o.total_label, period_from, period_to, findings);
        heading := coalesce(q ->> 'title', format('Question %s: crimes%s%s', qid,
            CASE WHEN q ? 'rows' THEN ' by ' || replace(coalesce(q -> 'rows' ->> 'name', q -> 'rows' ->> 'dimension', q ->> 'rows',
                                                                 CASE WHEN q -> 'rows' ? 'terms' THEN 'term' ELSE 'row' END), '_', ' ')
                 ELSE '' END,
            CASE cols WHEN 'none' THEN '' WHEN 'dimension' THEN ' and ' || replace(coalesce(q -> 'columns' ->> 'name', q -> 'columns' ->> 'dimension'), '_', ' ')
                      WHEN 'fy' THEN ' and financial year' ELSE ' and ' || cols END));
        IF shown THEN
            -- an HTML table always has a caption
            tbl := @extschema@.render(CASE WHEN format = 'html' AND NOT q ? 'title' THEN @extschema@.annotate(x, title => heading) ELSE x END,
                                      format, zero => o.zero, marker => o.marker, row_order => o.row_order,
                                      sort => o.sort, bold => o.bold, total_label => o.total_label);
            IF format = 'html' AND charts THEN
                chart := @extschema@.response_chart(x, qid, heading, cols, period_from, period_to,
                                                    coalesce(q -> 'chart', '{}'), o.total_label);
            END IF;
        END IF;
    END IF;
    IF NOT shown AND x IS NOT NULL AND strpos(coalesce(answer, ''), marker) > 0 THEN
        -- a figure of the answer is withheld: say by which rule
        notes := notes || ARRAY(SELECT @extschema@.markdown_escape(f) FROM jsonb_array_elements_text(@extschema@.to_jsonb(x) -> 'footnotes') f
                                 WHERE left(f, length(marker) + 1) = marker || ' ');
    END IF;
    IF jsonb_array_length(findings) > 0 THEN
        warn := format('Warning: this table does not add up (foistats.audit_request). %s.',
                       (SELECT string_agg(@extschema@.response_finding(f), '; ') FROM jsonb_array_elements(findings) f));
    END IF;

    IF format = 'html' THEN
        parts := parts || format('<section class="question" id="%s" aria-labelledby="%s-h">', hid, hid)
                       || format('<h2 id="%s-h">Question %s</h2>', hid, @extschema@.html_escape(qid));
        IF q ? 'text' THEN
            parts := parts || ('<p class="asked">' || @extschema@.html_escape(q ->> 'text') || '</p>');
        END IF;
        IF warn IS NOT NULL THEN
            parts := parts || ('<p class="warning" role="note"><strong>' || @extschema@.html_escape(warn) || '</strong></p>');
        END IF;
        parts := parts || ('<div class="answer">' || answer || '</div>') || ('<div class="table">' || tbl || '</div>');
        IF chart <> '' THEN
            parts := parts || chart;
        END IF;
        IF cardinality(notes) > 0 THEN
            parts := parts || (format('<div class="notes"><h3>Notes to question %s</h3>', @extschema@.html_escape(qid)) || E'\n<ul>\n'
                               || (SELECT string_agg('<li>' || @extschema@.response_inline(n, 'html') || '</li>', E'\n' ORDER BY i)
                                     FROM unnest(notes) WITH ORDINALITY u(n, i)) || E'\n</ul></div>');
        END IF;
        parts := parts || '</section>'::text;
        RETURN array_to_string(parts, E'\n');
    ELSIF format = 'markdown' THEN
        parts := parts || format('**%s.%s**', qid, CASE WHEN q ? 'text' THEN ' ' || @extschema@.markdown_escape(q ->> 'text') ELSE '' END);
        IF warn IS NOT NULL THEN
            parts := parts || ('> **' || @extschema@.markdown_escape(warn) || '**');
        END IF;
        parts := parts || answer || tbl;
        IF cardinality(notes) > 0 THEN
            parts := parts || format('Notes to question %s:', qid)
                           || (SELECT string_agg('- ' || n, E'\n' ORDER BY i) FROM unnest(notes) WITH ORDINALITY u(n, i));
        END IF;
    ELSE
        parts := parts || @extschema@.response_wrap(coalesce(q ->> 'text', ''), 76, rpad(qid || '.', greatest(length(qid) + 2, 4)),
                                                    repeat(' ', greatest(length(qid) + 2, 4)));
        IF warn IS NOT NULL THEN
            parts := parts || @extschema@.response_wrap(upper(left(warn, 7)) || substr(warn, 8), 76, '!! ', '   ');
        END IF;
        parts := parts || answer || tbl;
        IF cardinality(notes) > 0 THEN
            parts := parts || (format('Notes to question %s:', qid) || E'\n'
                               || (SELECT string_agg(@extschema@.response_wrap(@extschema@.response_inline(n, 'text'), 76, '- ', '  '), E'\n' ORDER BY i)
                                     FROM unnest(notes) WITH ORDINALITY u(n, i)));
        END IF;
    END IF;
    RETURN array_to_string(parts, E'\n\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_question(text, jsonb, jsonb, text, @extschema@.xtab, jsonb, jsonb, date, date, boolean) IS
  'internal: one question of the response document in a format (html, markdown, text)';

-- The HTML page around the document: one self-contained file, styles for
-- the screen and for A4 print, no script, nothing fetched.
CREATE FUNCTION @extschema@.response_html_page(title text, body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT format($html$<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="foistats">
<title>%s</title>
<style>
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1a1a1a; background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5em; margin: 0 0 .25em; }
h2 { font-size: 1.15em; margin: 2.2em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #767676; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
.period { margin: 0 0 1.5em; }
.asked { font-weight: bold; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .8em 0 .4em; font-size: .85em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #767676; padding: .12em .45em; }
thead th { background: #ececec; text-align: right; }
thead th:first-child { text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tbody th, tfoot th { text-align: left; font-weight: normal; }
tfoot th, tfoot td { border-top: 2px solid #1a1a1a; }
.table > p, .notes { font-size: .85em; }
.table > p { margin: .2em 0; }
.notes ul { margin: .2em 0; padding-left: 1.4em; }
.warning { border: 2px solid #8a1c1c; background: #fdf0f0; color: #5c0f0f; padding: .5em .7em; }
figure.chart { margin: 1em 0; }
figure.chart svg { max-width: 100%%; height: auto; font-family: inherit; }
figcaption { font-size: .85em; }
code { font-size: .95em; overflow-wrap: anywhere; }
.closing { margin-top: 2.5em; border-top: 1px solid #767676; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, figure.chart, .notes li, .warning { break-inside: avoid; page-break-inside: avoid; }
  a.ext::after { content: " <" attr(href) ">"; }
}
</style>
</head>
<body>
%s
</body>
</html>
$html$, @extschema@.html_escape(title), body)
$fn$;
COMMENT ON FUNCTION @extschema@.response_html_page(text, text) IS
  'internal: the HTML page of a response document: UTF-8, lang en, one embedded stylesheet for screen and A4 print (totals rows print once, table headers repeat on each page), no script';

CREATE FUNCTION @extschema@.response(request text, format text DEFAULT 'html', records regclass DEFAULT NULL,
                                     period_from date DEFAULT NULL, period_to date DEFAULT NULL,
                                     audit_warnings boolean DEFAULT false, charts boolean DEFAULT true)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec     jsonb;
    q        jsonb;
    qid      text;
    qids     text[] := '{}';
    xs       @extschema@.xtab[] := '{}';
    x        @extschema@.xtab;
    figures  jsonb := '{}';
    fig      jsonb;
    findings jsonb;
    texts    text;
    prot     jsonb;
    n        bigint;
    mname    text;
    body     text[] := '{}';
    span     text;
    title    text;
BEGIN
    IF request IS NULL OR format IS NULL OR audit_warnings IS NULL OR charts IS NULL THEN
        RAISE EXCEPTION 'request, format, audit_warnings and charts must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT format = ANY (ARRAY['html', 'markdown', 'text']) THEN
        RAISE EXCEPTION 'unknown response format "%"', format
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use ''html'', ''markdown'' or ''text''; foistats.response_csv gives each table as CSV.';
    END IF;
    spec := @extschema@.request_spec(request);
    records := @extschema@.request_records(request, spec, records);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    span := @extschema@.date_span_text(period_from, period_to);

    -- the audit's verdict first: a table that does not add up is an error
    -- unless the caller asked for visible warnings
    SELECT coalesce(jsonb_object_agg(a.question, a.f), '{}') INTO findings
      FROM (SELECT a.question, jsonb_agg(to_jsonb(a) - 'question') AS f
              FROM @extschema@.audit_request(request, records, period_from, period_to) a GROUP BY a.question) a;
    IF findings <> '{}' AND NOT audit_warnings THEN
        RAISE EXCEPTION 'request "%": the tables of question(s) % do not add up', request,
                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k)
            USING ERRCODE = 'data_exception',
                  DETAIL = (SELECT string_agg(format('question %s: %s', e.key, @extschema@.response_finding(f)), E'\n')
                              FROM jsonb_each(findings) e, jsonb_array_elements(e.value) f),
                  HINT = 'See foistats.audit_request; fix the definition, or pass audit_warnings => true to print the response with a visible warning at each such table.';
    END IF;

    -- every question's table and figures (placeholders may name any question)
    texts := concat_ws(' ', spec ->> 'intro', (SELECT string_agg(e ->> 'answer', ' ') FROM jsonb_array_elements(spec -> 'questions') e),
                       (SELECT string_agg(c, ' ') FROM jsonb_array_elements_text(coalesce(spec -> 'closing', '[]')) c));
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        qid := q ->> 'id';
        x := NULL;
        IF @extschema@.request_question_kind(q) <> 'text' THEN
            x := @extschema@.request_xtab(request, qid, records, period_from, period_to);
            mname := CASE WHEN jsonb_typeof(q -> 'measure') = 'object' THEN coalesce(q -> 'measure' ->> 'name', 'count') END;
            fig := jsonb_build_object('total', @extschema@.grand_total(x));
            IF mname IS NOT NULL THEN
                fig := fig || jsonb_build_object(mname, @extschema@.grand_total(x));
            END IF;
            IF strpos(texts, '{' || qid || '.crimes') > 0 THEN
                EXECUTE format('SELECT count(*) FROM %s r WHERE %s', records,
                               @extschema@.request_population_sql(request, spec, qid))
                   INTO n USING period_from, period_to;
                prot := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
                IF prot <> 'false'::jsonb AND n > 0 AND n < coalesce((prot ->> 'threshold')::int, 5) THEN
                    n := NULL;      -- a small count is withheld in words too
                ELSIF prot <> 'false'::jsonb
                      AND (@extschema@.grand_total(x) IS NULL
                           OR (@extschema@.is_multi_label(x) AND @extschema@.total_units(x) IS NULL)) THEN
                    -- the table withholds its Grand Total (with allow_totals,
                    -- or as one of two breakdowns of the same crimes): the
                    -- crimes counted are that figure (with the crimes left
                    -- out, which a footnote prints), so withheld in words too
                    n := NULL;
                ELSIF prot ->> 'method' = 'round5' THEN
                    n := round(n / 5.0) * 5;    -- rounded as the table's figures are
                ELSIF prot ->> 'method' = 'cellkey' THEN
                    -- beside perturbed figures an exact count would give their
                    -- noise away: the table's perturbed Grand Total when it
                    -- counts every crime of the population once, else withheld
                    n := CASE WHEN NOT @extschema@.is_multi_label(x)
                                   AND n = @extschema@.grand_total(@extschema@.request_answer(request, spec, qid, records,
                                                                                              period_from, period_to, false))
                              THEN @extschema@.grand_total(x) END;
                END IF;
                fig := fig || jsonb_build_object('crimes', n);
            ELSE
                fig := fig || jsonb_build_object('crimes', NULL);
            END IF;
            figures := figures || jsonb_build_object(qid, fig);
        END IF;
        qids := qids || qid;
        xs := xs || x;
    END LOOP;

    title := spec ->> 'title';
    IF format = 'html' THEN
        body := body || ('<header>' || E'\n<h1>' || @extschema@.html_escape(title) || E'</h1>\n'
                         || format('<p class="period">Period: %s (crimes by the date recorded)</p>', @extschema@.html_escape(span))
                         || E'\n</header>\n<main>');
    ELSIF format = 'markdown' THEN
        body := body || ('# ' || @extschema@.markdown_escape(title)) || format('Period: %s (crimes by the date recorded)', span);
    ELSE
        body := body || (@extschema@.response_wrap(title, 76) || E'\n'
                         || repeat('=', (SELECT max(length(l)) FROM regexp_split_to_table(@extschema@.response_wrap(title, 76), E'\n') l)))
                     || format('Period: %s (crimes by the date recorded)', span);
    END IF;
    IF findings <> '{}' THEN
        body := body || CASE format
            WHEN 'html' THEN format('<p class="warning" role="note"><strong>Warning: the tables of question(s) %s do not add up; see the warning at each.</strong></p>',
                                    (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k))
            WHEN 'markdown' THEN format('> **Warning: the tables of question(s) %s do not add up; see the warning at each.**',
                                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k))
            ELSE format('!! WARNING: the tables of question(s) %s do not add up; see the warning at each.',
                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k)) END;
    END IF;
    IF spec ? 'intro' THEN
        body := body || @extschema@.response_blocks(@extschema@.response_fill(spec ->> 'intro', figures, '*'), format);
    END IF;
    FOR i IN 1..cardinality(qids) LOOP
        q := @extschema@.request_question(request, spec, qids[i]);
        body := body || @extschema@.response_question(request, spec, q, format, xs[i], figures,
                                                      coalesce(findings -> qids[i], '[]'), period_from, period_to, charts);
    END LOOP;
    IF spec ? 'closing' THEN
        body := body || CASE WHEN format = 'html' THEN '<section class="closing" aria-label="Closing">' ELSE NULL END
                     || @extschema@.response_blocks(@extschema@.response_fill(
                            (SELECT string_agg(c, E'\n\n' ORDER BY o) FROM jsonb_array_elements_text(spec -> 'closing') WITH ORDINALITY u(c, o)),
                            figures, '*'), format)
                     || CASE WHEN format = 'html' THEN '</section>' ELSE NULL END;
    END IF;
    IF format = 'html' THEN
        RETURN @extschema@.response_html_page(title, array_to_string(body || '</main>'::text, E'\n'));
    END IF;
    RETURN array_to_string(body, E'\n\n') || E'\n';
END
$fn$;
COMMENT ON FUNCTION @extschema@.response(text, text, regclass, date, date, boolean, boolean) IS
  'the response document of a stored request (format html | markdown | text): its title and period; per question the text as asked, the table exactly as render prints it with the definition''s options (HTML: with an inline SVG chart by period), or the answer in words with {id.figure[:words|:Words]} filled; footnotes made from the definition (the crimes counted, the measure, what each Grand Total counts, the terms and exclusions of text searches, the audit''s verdict; render adds partial periods and the protection rule); the closing paragraphs. A table that does not add up (foistats.audit_request) is an error unless audit_warnings => true, which prints a visible warning at it. HTML is one self-contained page (no script, nothing fetched) with an A4 print stylesheet';

-- ---------------------------------------------------------------------------
-- Spreadsheets
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.response_csv(request text, records regclass DEFAULT NULL,
                                         period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS TABLE (question text, filename text, csv text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb := @extschema@.request_spec(request);
    t    record;
    o    record;
    q    jsonb;
BEGIN
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    FOR t IN SELECT * FROM @extschema@.request_tables(request, records, period_from, period_to) LOOP
        q := @extschema@.request_question(request, spec, t.question);
        SELECT * INTO o FROM @extschema@.request_render_options(request, spec, t.question, t.xtab);
        question := t.question;
        filename := format('%s_q%s.csv', request, lower(t.question));
        csv := @extschema@.render(
                   @extschema@.annotate(t.xtab, footnotes => ARRAY(
                       SELECT @extschema@.response_inline(n, 'text')
                         FROM unnest(@extschema@.response_notes(request, spec, q, t.xtab, true, o.total_label,
                                                                period_from, period_to, '[]')) n
                        WHERE n NOT LIKE 'Checked (%')),
                   'csv', zero => o.zero, marker => o.marker, row_order => o.row_order, sort => o.sort,
                   total_label => o.total_label);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_csv(text, regclass, date, date) IS
  'every table of a stored request as CSV (RFC 4180, as render''s csv: title, header, rows, Grand Totals, then the table''s footnotes and those the response document gives it, one per record; no bold markup), with a file name <request>_q<id>.csv';
