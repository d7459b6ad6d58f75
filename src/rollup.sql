-- ---------------------------------------------------------------------------
-- Roll-ups: a question's counts kept month by month, so that a request over
-- ten years merges 120 stored cross-tabs instead of scanning the records.
--
-- foistats.create_rollup(request, question [, records]) counts the question's
-- population (unprotected, as request_xtab counts it before protection) per
-- calendar month of recorded_on into foistats.rollup_month, and puts
-- statement-level triggers (with transition tables) on the records' source
-- table and on every partition of it.  From then on request_xtab, the
-- request views, save_answer and check_answer answer that question from the
-- roll-up whenever the question's definition and the binding are the ones
-- it was built with: the months wholly inside the period are merged, and
-- the days of a partial first or last month are counted by the question's
-- own query over those days only (an index on the source's recorded-date
-- column makes that cheap).  A period inside one month is simply scanned.
--
-- Maintenance.  After each INSERT, UPDATE or DELETE statement on the source
-- (or a partition written directly), the trigger (C: src/rollup.c) counts the
-- rows the statement added (new transition table) and removed (old
-- transition table) through the binding's own expressions, by month, and
-- folds the difference into the roll-up.  A re-classified record moves from
-- one row label to another, a record whose date changes moves between
-- months, a no-crimed record (is_crime false) leaves the population, all as
-- "removed the old version, added the new one".  TRUNCATE of the source
-- empties its roll-ups.  The cost is that of counting the written rows once
-- more (the population's and rows' expressions) plus one small write per
-- month touched (README: "Roll-ups" gives measured figures).
--
-- A month's counts are the sum of its rows in rollup_month, each holding
-- counts added and counts still to subtract (a cross-tab cannot hold
-- negative counts).  A writer folds its difference into the month's rows
-- that no other transaction holds (SELECT ... FOR UPDATE SKIP LOCKED), or
-- adds a row of its own when another writer holds them all; so concurrent
-- writers to the same month never wait for each other or deadlock, and a
-- month has about as many rows as writers that were concurrent.  Under
-- REPEATABLE READ or SERIALIZABLE a writer only adds rows (it never locks one
-- another transaction may have changed), and the next READ COMMITTED writer
-- or refresh_rollup folds them.  Every row is written by the transaction
-- that wrote the records it counts, so any snapshot sees the roll-up that a
-- scan of the records would give under that snapshot.
--
-- What a roll-up cannot see, it does not use (reads fall back to a scan;
-- foistats.rollups and check_rollup say why; refresh_rollup rebuilds):
--   * a change of the question's definition (define_request), of the
--     binding (bind_records, or the records view replaced by hand), or of
--     the source's partitions (attached, detached, dropped), or a roll-up
--     trigger dropped or disabled;
--   * an edit of a table the counts depend on: term dictionaries
--     (foistats.term), offence overrides and the Home Office list
--     (foistats.offence_override, foistats.ho_offence), outcome types
--     (foistats.ho_outcome).  A roll-up keeps the versions of
--     foistats.cache_version (src/cache.h: the per-backend caches' design;
--     outcome types get an "outcomes" row here) it was built with;
--   * TRUNCATE of one partition (no rows to subtract): marks it stale.
-- All are checked at every read.
-- Not detected (check_rollup finds them): writes made with triggers off
-- (session_replication_role = replica, ALTER TABLE ... DISABLE TRIGGER
-- while writing), and changes to anything else a population or row
-- expression reads (a user's own lookup table or function).
--
-- Privileges: the trigger runs as the role writing the records, so roles
-- that write the source need SELECT, INSERT and DELETE on
-- foistats.rollup_month and SELECT on foistats.rollup (granted by the
-- extension's owner); roll-ups hold exact counts, as sensitive as
-- foistats.answer_table.
-- ---------------------------------------------------------------------------

CREATE SEQUENCE @extschema@.rollup_version_seq;
COMMENT ON SEQUENCE @extschema@.rollup_version_seq IS
  'versions of foistats.rollup rows: each build of a roll-up gets a new one, so the triggers'' kept plans of its SQL are made again';

CREATE TABLE @extschema@.rollup (
    id           serial PRIMARY KEY,
    request      text NOT NULL,
    question     text NOT NULL,
    records      regclass NOT NULL,
    source       regclass NOT NULL,
    relations    regclass[] NOT NULL,
    columns      text NOT NULL,
    count_sql    text NOT NULL,
    left_out_sql text,
    binding      text NOT NULL,
    month_sql    text NOT NULL,
    insert_sql   text NOT NULL,   -- the triggers' SQL: (month, added, removed, left_out)
    update_sql   text NOT NULL,
    delete_sql   text NOT NULL,
    stale        text,
    cache_versions jsonb NOT NULL DEFAULT '{}',
    version      bigint NOT NULL DEFAULT pg_catalog.nextval('@extschema@.rollup_version_seq'::pg_catalog.regclass),
    built_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    built_by     name NOT NULL DEFAULT CURRENT_USER,
    UNIQUE (request, question, records)
);
COMMENT ON TABLE @extschema@.rollup IS
  'roll-ups of request questions (foistats.create_rollup): the question, its records view and source table (and the tables carrying its triggers), the SQL it was built from and that its triggers run, the versions of the tables its counts depend on, and whether a partition was truncated under it (foistats.rollups says whether it answers requests now)';
COMMENT ON COLUMN @extschema@.rollup.count_sql IS
  'request_sql''s count_sql of the question when the roll-up was built: a question is answered from the roll-up only while its SQL is this';
COMMENT ON COLUMN @extschema@.rollup.binding IS
  'the select list of the records view over its source, schema-qualified: the triggers evaluate it over the rows a statement wrote';
COMMENT ON COLUMN @extschema@.rollup.cache_versions IS
  'the versions of foistats.cache_version (term dictionaries, offence classification, outcome types) the roll-up was built with: it answers only while they are current';
COMMENT ON COLUMN @extschema@.rollup.stale IS
  'why the roll-up no longer answers requests when no check at read time can tell (a partition truncated alone): refresh_rollup rebuilds it; NULL otherwise';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_version_seq', '');

CREATE TABLE @extschema@.rollup_month (
    rollup   integer NOT NULL,
    month    date NOT NULL,     -- the first day of the month
    added    @extschema@.xtab,
    removed  @extschema@.xtab,
    left_out bigint NOT NULL DEFAULT 0
) WITH (fillfactor = 50);
CREATE INDEX rollup_month_idx ON @extschema@.rollup_month (rollup, month);
COMMENT ON TABLE @extschema@.rollup_month IS
  'the counts of each roll-up by month (exact, unprotected): a month''s cross-tab is the sum of its rows'' added less the sum of their removed; left_out counts the population''s records the table leaves out (no row label). Several rows for a month are writes of concurrent transactions, folded by the next writer';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_month', '');

-- The version of foistats.ho_outcome (outcome labels and groups), kept in
-- foistats.cache_version like those of the per-backend caches' sources
-- (src/cache.h): a roll-up answers only while the versions it was built
-- with are current.
INSERT INTO @extschema@.cache_version (cache, version)
  VALUES ('outcomes', pg_catalog.nextval('@extschema@.cache_version_seq'::pg_catalog.regclass));
CREATE FUNCTION @extschema@.outcome_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_outcome_changed'
  LANGUAGE C;
COMMENT ON FUNCTION @extschema@.outcome_changed() IS
  'statement trigger on foistats.ho_outcome: bumps the outcomes version in foistats.cache_version, so roll-ups built before the change are set aside';
CREATE TRIGGER ho_outcome_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.ho_outcome
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outcome_changed();

-- ---------------------------------------------------------------------------
-- Building blocks
-- ---------------------------------------------------------------------------

-- The source table and every table under it (partitions, inheritance
-- children): the tables a statement can write the records through.
CREATE FUNCTION @extschema@.rollup_relations(source regclass) RETURNS regclass[]
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
  WITH RECURSIVE t(r) AS (
    SELECT source::oid
    UNION
    SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.r)
  SELECT array_agg(t.r::regclass ORDER BY t.r) FROM t
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_relations(regclass) IS
  'internal: a source table and all its partitions (and inheritance children), in OID order: the tables that carry roll-up triggers';

-- The select list of a records view made by bind_records, deparsed with
-- every name schema-qualified; NULL if the view is not "SELECT ... FROM
-- source s" (replaced by hand).
CREATE FUNCTION @extschema@.rollup_binding(records regclass, source regclass) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    d    text := btrim(pg_get_viewdef(records, false), E' \t\n');
    tail text := format('FROM %s s;', source);
    body text;
BEGIN
    IF left(d, 7) <> 'SELECT ' OR right(d, length(tail)) <> tail THEN
        RETURN NULL;
    END IF;
    body := substr(d, 8, length(d) - 7 - length(tail));
    IF body !~ '\s$' THEN
        RETURN NULL;
    END IF;
    RETURN btrim(body, E' \t\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_binding(regclass, regclass) IS
  'internal: the select list of a records view bound by bind_records over source, with every name schema-qualified (NULL if the view is not a binding of source)';

-- The query that counts a question by month over rel (a relation, or a
-- subquery that yields records), from the pieces of request_sql.
CREATE FUNCTION @extschema@.rollup_month_sql(parts record, columns text, rel text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    period text := 'r.is_crime AND r.recorded_on BETWEEN $1 AND $2';
BEGIN
    IF left(parts.population, length(period)) <> period THEN
        RAISE EXCEPTION 'unexpected population SQL: %', parts.population;
    END IF;
    RETURN format('SELECT date_trunc(''month'', r.recorded_on::timestamp)::date AS month, '
                  '%s.xtab(%s, %s)%s AS x, %s AS left_out FROM %s r '
                  'WHERE r.is_crime AND r.recorded_on IS NOT NULL%s GROUP BY 1',
                  '@extschema@', parts.rowx,
                  CASE WHEN columns = 'none' THEN '''all''::text' ELSE parts.colx END,
                  CASE WHEN parts.filt IS NOT NULL THEN format(' FILTER (WHERE %s)', parts.filt) ELSE '' END,
                  CASE WHEN parts.left_out IS NOT NULL THEN format('count(*) FILTER (WHERE %s)', parts.left_out)
                       ELSE '0::bigint' END,
                  rel, substr(parts.population, length(period) + 1));
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_month_sql(record, text, text) IS
  'internal: the SQL that counts a question month by month over a relation (month, x, left_out), from the pieces of request_sql; columns none are counted under the label ''all''';

-- A difference folded as far as it goes: what a has beyond b, or NULL.
CREATE FUNCTION @extschema@.rollup_net(a @extschema@.xtab, b @extschema@.xtab) RETURNS @extschema@.xtab
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN y IS NULL OR (cardinality(@extschema@.row_labels(y)) = 0
                                 AND cardinality(@extschema@.col_labels(y)) = 0) THEN NULL ELSE y END
    FROM (SELECT CASE WHEN a IS NULL OR b IS NULL THEN a ELSE @extschema@.xtab_minus(a, b, true) END AS y) s
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_net(@extschema@.xtab, @extschema@.xtab) IS
  'internal: the counts of a beyond those of b (xtab_minus with clip), NULL when nothing is left';

CREATE FUNCTION @extschema@.rollup_trigger() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_rollup_trigger'
  LANGUAGE C
  SET search_path = pg_catalog, @extschema@, pg_temp;
COMMENT ON FUNCTION @extschema@.rollup_trigger() IS
  'statement trigger on a roll-up''s source table and its partitions: counts the rows each INSERT, UPDATE or DELETE wrote and replaced (transition tables foistats_new, foistats_old) by month and folds them into the roll-ups of that table; after TRUNCATE, empties them';

CREATE FUNCTION @extschema@.rollup_invalidate(relations regclass[]) RETURNS void
  AS 'MODULE_PATHNAME', 'foistats_rollup_invalidate'
  LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION @extschema@.rollup_invalidate(regclass[]) IS
  'internal: invalidates the relcache entries of these tables, so that every session lists their roll-ups again before it next writes to them (called whenever the roll-ups of a table or their SQL change)';

-- After TRUNCATE: the source's roll-ups are empty; a partition truncated on
-- its own took rows with it that cannot be subtracted.
CREATE FUNCTION @extschema@.rollup_truncated(rel regclass) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM @extschema@.rollup u WHERE rel = ANY (u.relations) ORDER BY u.id LOOP
        IF rel = r.source THEN
            DELETE FROM @extschema@.rollup_month m WHERE m.rollup = r.id;
            UPDATE @extschema@.rollup u SET stale = NULL WHERE u.id = r.id AND u.stale IS NOT NULL;
        ELSIF EXISTS (SELECT 1 FROM @extschema@.rollup_month m WHERE m.rollup = r.id) THEN
            -- (a TRUNCATE of the whole source empties the roll-up first, and
            -- then truncating its partitions takes nothing from it)
            UPDATE @extschema@.rollup u SET stale = format('partition %s was truncated', rel)
             WHERE u.id = r.id AND u.stale IS NULL;
            PERFORM @extschema@.rollup_invalidate(r.relations);
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_truncated(regclass) IS
  'internal (called by the roll-up trigger after TRUNCATE): empties the roll-ups of a truncated source; a partition truncated alone makes its roll-ups stale';

-- Put the roll-up triggers on each table that lacks them.
CREATE FUNCTION @extschema@.rollup_install_triggers(relations regclass[]) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel regclass;
    ex  text := '@extschema@';
BEGIN
    FOREACH rel IN ARRAY relations LOOP
        IF (SELECT c.relkind FROM pg_class c WHERE c.oid = rel) NOT IN ('r', 'p') THEN
            RAISE EXCEPTION 'cannot roll up records of %: % is not a table', relations[1], rel
                USING ERRCODE = 'wrong_object_type',
                      DETAIL = 'Roll-ups are kept by triggers with transition tables, which foreign tables do not have.';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = rel AND t.tgname = 'foistats_rollup_insert') THEN
            EXECUTE format('CREATE TRIGGER foistats_rollup_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS foistats_new FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS foistats_old NEW TABLE AS foistats_new FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS foistats_old FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_truncate AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_install_triggers(regclass[]) IS
  'internal: creates the four roll-up triggers (foistats_rollup_insert, _update, _delete, _truncate) on each table that lacks them';

CREATE FUNCTION @extschema@.rollup_drop_triggers(relations regclass[]) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel regclass;
    t   text;
BEGIN
    FOREACH rel IN ARRAY relations LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM @extschema@.rollup u WHERE rel = ANY (u.relations));
        FOREACH t IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', 'foistats_rollup_' || t, rel);
        END LOOP;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_drop_triggers(regclass[]) IS
  'internal: drops the roll-up triggers from each table no roll-up needs any more';

-- Why a roll-up cannot answer now (NULL: it can).  Checked at every read.
CREATE FUNCTION @extschema@.rollup_problem(id integer) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u       record;
    missing text[];
    changed text[];
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r WHERE r.id = rollup_problem.id;
    IF NOT FOUND THEN
        RETURN 'no such roll-up';
    END IF;
    IF u.stale IS NOT NULL THEN
        RETURN u.stale;
    END IF;
    changed := ARRAY(SELECT CASE c.cache WHEN 'terms' THEN 'the term dictionaries (foistats.term)'
                                         WHEN 'classify' THEN 'the offence classification (foistats.offence_override, foistats.ho_offence)'
                                         WHEN 'outcomes' THEN 'the outcome types (foistats.ho_outcome)'
                                         ELSE c.cache END
                       FROM @extschema@.cache_version c
                      WHERE u.cache_versions -> c.cache IS DISTINCT FROM to_jsonb(c.version)
                      ORDER BY c.cache);
    IF cardinality(changed) > 0 THEN
        RETURN format('%s changed since it was built', array_to_string(changed, ' and '));
    END IF;
    IF @extschema@.rollup_relations(u.source) IS DISTINCT FROM u.relations THEN
        RETURN format('the partitions of %s changed', u.source);
    END IF;
    missing := ARRAY(SELECT format('%s on %s', t.name, r.rel)
                       FROM unnest(u.relations) r(rel),
                            unnest(ARRAY['foistats_rollup_insert', 'foistats_rollup_update',
                                         'foistats_rollup_delete', 'foistats_rollup_truncate']) t(name)
                      WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = r.rel AND g.tgname = t.name
                                           AND g.tgenabled IN ('O', 'A')));
    IF cardinality(missing) > 0 THEN
        RETURN format('trigger %s missing or disabled', array_to_string(missing, ', '));
    END IF;
    IF @extschema@.rollup_binding(u.records, u.source) IS DISTINCT FROM u.binding THEN
        RETURN format('the binding of %s changed', u.records);
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_problem(integer) IS
  'internal: why a roll-up cannot answer requests now (a partition truncated; dictionaries, classification or outcome types edited since it was built; partitions changed; a trigger missing or disabled; the binding changed), or NULL';

-- ---------------------------------------------------------------------------
-- Answering from a roll-up (called by request_answer)
-- ---------------------------------------------------------------------------

-- The counts of a question for a period from its roll-up: the months wholly
-- inside the period merged, the days of partial months at either end counted
-- by the question's own SQL.  No row when no roll-up in step answers it.
CREATE FUNCTION @extschema@.rollup_answer(records regclass, count_sql text, left_out_sql text,
                                          period_from date, period_to date, span text,
    OUT xtab @extschema@.xtab, OUT left_out bigint)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u      record;
    first  date;    -- first month wholly inside the period
    last   date;    -- last month wholly inside the period
    a      @extschema@.xtab;
    b      @extschema@.xtab;
    e      @extschema@.xtab;
    n      bigint;
BEGIN
    SELECT r.id, r.columns INTO u FROM @extschema@.rollup r
     WHERE r.records = rollup_answer.records AND r.count_sql = rollup_answer.count_sql
       AND r.left_out_sql IS NOT DISTINCT FROM rollup_answer.left_out_sql AND r.stale IS NULL
     ORDER BY r.id LIMIT 1;
    IF NOT FOUND OR @extschema@.rollup_problem(u.id) IS NOT NULL THEN
        RETURN;
    END IF;
    first := date_trunc('month', period_from::timestamp)::date;
    IF first < period_from THEN
        first := (first + interval '1 month')::date;
    END IF;
    last := date_trunc('month', (period_to + 1)::timestamp)::date;  -- the month after the last whole one
    IF first >= last THEN
        RETURN;     -- no whole month: the scan counts just those days
    END IF;
    SELECT @extschema@.xtab_merge(m.added), @extschema@.xtab_merge(m.removed), coalesce(sum(m.left_out), 0)
      INTO a, b, n
      FROM @extschema@.rollup_month m
     WHERE m.rollup = u.id AND m.month >= first AND m.month < last;
    xtab := coalesce(a, '{}');
    IF b IS NOT NULL THEN
        xtab := @extschema@.xtab_minus(xtab, b);
    END IF;
    IF u.columns = 'none' THEN
        xtab := @extschema@.relabel_columns(xtab, '{all}', ARRAY[span]);
    END IF;
    left_out := n;
    -- the days before the first whole month and after the last one
    IF period_from < first THEN
        EXECUTE count_sql INTO e USING period_from, first - 1, span;
        xtab := (SELECT @extschema@.xtab_merge(v) FROM (VALUES (xtab), (e)) t(v));
        IF left_out_sql IS NOT NULL THEN
            EXECUTE left_out_sql INTO n USING period_from, first - 1;
            left_out := left_out + n;
        END IF;
    END IF;
    IF period_to >= last THEN
        EXECUTE count_sql INTO e USING last, period_to, span;
        xtab := (SELECT @extschema@.xtab_merge(v) FROM (VALUES (xtab), (e)) t(v));
        IF left_out_sql IS NOT NULL THEN
            EXECUTE left_out_sql INTO n USING last, period_to;
            left_out := left_out + n;
        END IF;
    END IF;
    RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_answer(regclass, text, text, date, date, text) IS
  'internal (called by request_answer): a question''s counts and left-out records for a period from a roll-up in step that was built with the same SQL, whole months merged and partial months at the ends counted by the question''s own SQL; no row when none answers it';

-- ---------------------------------------------------------------------------
-- Creating, refreshing, checking, dropping
-- ---------------------------------------------------------------------------

-- Which roll-up: by request, question and records view.
CREATE FUNCTION @extschema@.rollup_find(request text, question text, records regclass) RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    found_id integer;
    n        integer;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT min(r.id), count(*) INTO found_id, n FROM @extschema@.rollup r
     WHERE r.request = rollup_find.request AND r.question = rollup_find.question
       AND (rollup_find.records IS NULL OR r.records = rollup_find.records);
    IF n = 0 THEN
        RAISE EXCEPTION 'question "%" of request "%" has no roll-up%', question, request,
                        CASE WHEN records IS NOT NULL THEN format(' over %s', records) ELSE '' END
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Roll-ups: ' || coalesce(string_agg(format('%s %s over %s', r.request, r.question, r.records), ', ' ORDER BY r.id), 'none')
                                 || '. Make one with foistats.create_rollup(request, question).'
                            FROM @extschema@.rollup r);
    ELSIF n > 1 THEN
        RAISE EXCEPTION 'question "%" of request "%" has roll-ups over % records views', question, request, n
            USING ERRCODE = 'ambiguous_parameter', HINT = 'Name the records view.';
    END IF;
    RETURN found_id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_find(text, text, regclass) IS
  'internal: the id of the roll-up of a question over a records view (any view when NULL and only one)';

-- The source table of a records view made by bind_records.
CREATE FUNCTION @extschema@.rollup_source(records regclass) RETURNS regclass
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    src regclass;
BEGIN
    SELECT b.source INTO src FROM @extschema@.records_binding b WHERE b.records = rollup_source.records;
    IF src IS NULL THEN
        RAISE EXCEPTION 'records view % was not made by foistats.bind_records', records
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Roll-ups evaluate the binding''s expressions over the rows each statement writes: bind the records with foistats.bind_records (views bound before version 0.2.0: bind them again).';
    END IF;
    RETURN src;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_source(regclass) IS
  'internal: the source table of a records view bound by bind_records (an error for any other view)';

-- (Re)build roll-up id from a scan, with the question's definition and the
-- binding as they are now.  The source (and its partitions) is locked in
-- SHARE mode meanwhile: writers wait, so no write is counted twice or lost.
CREATE FUNCTION @extschema@.rollup_build(id integer) RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u      record;
    src    regclass;
    spec   jsonb;
    p      record;
    cols   text;
    q      jsonb;
    rels   regclass[];
    bind   text;
    ins    text;
    del    text;
    upd    text;
    months integer;
    versions jsonb;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r WHERE r.id = rollup_build.id FOR UPDATE;
    src := @extschema@.rollup_source(u.records);
    EXECUTE format('LOCK TABLE %s IN SHARE MODE', src);
    -- the versions the counts depend on, read before the scan: a change
    -- committed meanwhile leaves the roll-up set aside, never wrong
    versions := (SELECT jsonb_object_agg(c.cache, c.version) FROM @extschema@.cache_version c);
    spec := @extschema@.request_spec(u.request);
    q := @extschema@.request_question(u.request, spec, u.question);
    cols := @extschema@.request_columns(spec, q);
    PERFORM @extschema@.request_records(u.request, spec, u.records);
    SELECT * INTO p FROM @extschema@.request_sql(u.request, spec, u.question, u.records);
    rels := @extschema@.rollup_relations(src);
    bind := @extschema@.rollup_binding(u.records, src);
    IF bind IS NULL THEN
        RAISE EXCEPTION 'records view % is no longer the binding of %', u.records, src
            USING ERRCODE = 'wrong_object_type',
                  DETAIL = 'It was replaced by something other than SELECT ... FROM the source.',
                  HINT = 'Bind the records again with foistats.bind_records.';
    END IF;
    -- what each statement wrote, by month: (month, added, removed, left_out)
    ins := format('SELECT d.month, d.x, NULL::%s.xtab, d.left_out FROM (%s) d ORDER BY d.month',
                  '@extschema@', @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_new s)', bind)));
    del := format('SELECT d.month, NULL::%s.xtab, d.x, -d.left_out FROM (%s) d ORDER BY d.month',
                  '@extschema@', @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_old s)', bind)));
    upd := format('SELECT coalesce(n.month, o.month), n.x, o.x, coalesce(n.left_out, 0) - coalesce(o.left_out, 0) '
                  'FROM (%s) n FULL JOIN (%s) o ON o.month = n.month ORDER BY 1',
                  @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_new s)', bind)),
                  @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_old s)', bind)));
    UPDATE @extschema@.rollup r
       SET source = src, relations = rels, columns = cols, count_sql = p.count_sql,
           left_out_sql = p.left_out_sql, binding = bind,
           month_sql = @extschema@.rollup_month_sql(p, cols, u.records::text),
           insert_sql = ins, update_sql = upd, delete_sql = del, stale = NULL, cache_versions = versions,
           version = nextval('@extschema@.rollup_version_seq'),
           built_at = now(), built_by = CURRENT_USER
     WHERE r.id = rollup_build.id;
    PERFORM @extschema@.rollup_install_triggers(rels);
    PERFORM @extschema@.rollup_invalidate(rels || u.relations);
    -- no other roll-up needs the triggers of tables no longer under the source
    PERFORM @extschema@.rollup_drop_triggers(ARRAY(SELECT x FROM unnest(u.relations) x WHERE x <> ALL (rels)));
    DELETE FROM @extschema@.rollup_month m WHERE m.rollup = rollup_build.id;
    EXECUTE format('INSERT INTO %s.rollup_month (rollup, month, added, left_out) '
                   'SELECT $1, c.month, c.x, c.left_out FROM (%s) c WHERE c.x IS NOT NULL OR c.left_out <> 0',
                   '@extschema@', @extschema@.rollup_month_sql(p, cols, u.records::text))
      USING rollup_build.id;
    GET DIAGNOSTICS months = ROW_COUNT;
    RETURN months;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_build(integer) IS
  'internal: (re)builds a roll-up from a scan of its records, with its question''s definition and the binding as they are now, the source locked in SHARE mode meanwhile; returns the number of months stored';

CREATE FUNCTION @extschema@.create_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec   jsonb;
    new_id integer;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    PERFORM @extschema@.request_question(request, spec, question);
    records := @extschema@.request_records(request, spec, records);
    PERFORM @extschema@.request_sql(request, spec, question, records);   -- a question with a table
    IF EXISTS (SELECT 1 FROM @extschema@.rollup r WHERE r.request = create_rollup.request
                  AND r.question = create_rollup.question AND r.records = create_rollup.records) THEN
        RAISE EXCEPTION 'question "%" of request "%" already has a roll-up over %', question, request, records
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Rebuild it with foistats.refresh_rollup, or drop it with foistats.drop_rollup.';
    END IF;
    INSERT INTO @extschema@.rollup AS r (request, question, records, source, relations, columns, count_sql,
                                         binding, month_sql, insert_sql, update_sql, delete_sql)
    VALUES (request, question, records, @extschema@.rollup_source(records), '{}', '', '', '', '', '', '', '')
    RETURNING r.id INTO new_id;
    RETURN @extschema@.rollup_build(new_id);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_rollup(text, text, regclass) IS
  'keeps the counts of one question of a stored request month by month (over records, default the request''s "records"), maintained by statement triggers on the records'' source table and its partitions; request_xtab, the request views and saved answers then answer the question from it, merging the months of the period. Returns the number of months stored';

CREATE FUNCTION @extschema@.refresh_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT @extschema@.rollup_build(@extschema@.rollup_find(request, question, records))
$fn$;
COMMENT ON FUNCTION @extschema@.refresh_rollup(text, text, regclass) IS
  'rebuilds a roll-up from a scan of its records, with the question''s definition and the binding as they are now (after a dictionary or definition edit, a partition attached, ...); writers to the source wait meanwhile. Returns the number of months stored';

CREATE FUNCTION @extschema@.refresh_rollups(only_out_of_step boolean DEFAULT true,
    OUT request text, OUT question text, OUT records regclass, OUT problem text, OUT months integer)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT u.id, u.request, u.question, u.records, @extschema@.rollup_problem(u.id) AS problem
               FROM @extschema@.rollup u ORDER BY u.id LOOP
        CONTINUE WHEN only_out_of_step AND r.problem IS NULL;
        request := r.request;
        question := r.question;
        records := r.records;
        problem := r.problem;
        months := @extschema@.rollup_build(r.id);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.refresh_rollups(boolean) IS
  'rebuilds every roll-up that cannot answer now (dictionaries, classification or outcome types edited, definition, binding or partitions changed, a trigger missing, a partition truncated), or every roll-up with only_out_of_step => false; returns what it rebuilt and why';

CREATE FUNCTION @extschema@.drop_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u record;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r
     WHERE r.id = @extschema@.rollup_find(drop_rollup.request, drop_rollup.question, drop_rollup.records);
    -- writers finish first (and list the source's roll-ups again after)
    IF to_regclass(u.source::text) IS NOT NULL THEN
        EXECUTE format('LOCK TABLE %s IN SHARE MODE', u.source);
    END IF;
    DELETE FROM @extschema@.rollup r WHERE r.id = u.id;
    DELETE FROM @extschema@.rollup_month m WHERE m.rollup = u.id;
    PERFORM @extschema@.rollup_invalidate(u.relations);
    PERFORM @extschema@.rollup_drop_triggers(u.relations);
END
$fn$;
COMMENT ON FUNCTION @extschema@.drop_rollup(text, text, regclass) IS
  'drops a roll-up (requests are answered by a scan again) and the triggers no other roll-up needs';

-- A table or view a roll-up reads is dropped (DROP TABLE, DROP SCHEMA ...
-- CASCADE, a records view re-created with other columns): the roll-up goes
-- with it (its id could name nothing, and refresh_rollups would trip on
-- it), and so do the triggers no other roll-up needs on the tables that
-- remain.  An event trigger on sql_drop; SECURITY DEFINER, so that whoever
-- may drop a table also drops its roll-ups.
CREATE FUNCTION @extschema@.rollup_dropped() RETURNS event_trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u    record;
    kept regclass[];
BEGIN
    FOR u IN SELECT r.* FROM @extschema@.rollup r
              WHERE EXISTS (SELECT FROM pg_event_trigger_dropped_objects() d
                             WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                               AND (d.objid = r.records::oid OR d.objid = r.source::oid
                                    OR d.objid = ANY (r.relations::oid[])))
              ORDER BY r.id LOOP
        DELETE FROM @extschema@.rollup r WHERE r.id = u.id;
        DELETE FROM @extschema@.rollup_month m WHERE m.rollup = u.id;
        kept := ARRAY(SELECT rel FROM unnest(u.relations) rel WHERE EXISTS (SELECT FROM pg_class c WHERE c.oid = rel));
        IF kept <> '{}' THEN
            PERFORM @extschema@.rollup_invalidate(kept);
            PERFORM @extschema@.rollup_drop_triggers(kept);
        END IF;
        RAISE NOTICE 'roll-up of question "%" of request "%" dropped with the table or view it reads', u.question, u.request;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_dropped() IS
  'internal: the event trigger foistats_rollup_dropped (sql_drop): drops the roll-ups whose records view, source table or any table carrying their triggers was dropped, and the triggers no other roll-up needs';
CREATE EVENT TRIGGER foistats_rollup_dropped ON sql_drop EXECUTE FUNCTION @extschema@.rollup_dropped();

-- A roll-up's months as a scan counts them now, beside what it holds.
CREATE FUNCTION @extschema@.check_rollup(request text, question text, records regclass DEFAULT NULL,
    OUT month date, OUT row_label text, OUT col_label text,
    OUT rollup bigint, OUT scan bigint, OUT problem text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u     record;
    why   text;
    spec  jsonb;
    p     record;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r
     WHERE r.id = @extschema@.rollup_find(check_rollup.request, check_rollup.question, check_rollup.records);
    why := @extschema@.rollup_problem(u.id);
    IF why IS NOT NULL THEN
        problem := 'not used: ' || why;
        RETURN NEXT;
        problem := NULL;
    END IF;
    spec := @extschema@.request_spec(u.request);
    SELECT * INTO p FROM @extschema@.request_sql(u.request, spec, u.question, u.records);
    IF p.count_sql IS DISTINCT FROM u.count_sql OR p.left_out_sql IS DISTINCT FROM u.left_out_sql THEN
        problem := 'not used: the question''s definition changed since the roll-up was built';
        RETURN NEXT;
        problem := NULL;
    END IF;
    -- every month: the scan, as the roll-up was built to count it, against
    -- the roll-up's rows
    RETURN QUERY EXECUTE format($q$
        WITH s AS (%s),
        r AS (SELECT m.month, @extschema@.xtab_merge(m.added) AS added, @extschema@.xtab_merge(m.removed) AS removed,
                     sum(m.left_out)::bigint AS left_out
                FROM @extschema@.rollup_month m WHERE m.rollup = $1 GROUP BY m.month),
        both_ AS (SELECT coalesce(s.month, r.month) AS month, coalesce(s.x, '{}') AS sx,
                         coalesce(@extschema@.rollup_net(r.added, r.removed), '{}') AS rx,
                         @extschema@.rollup_net(r.removed, r.added) AS over,
                         coalesce(s.left_out, 0) AS sl, coalesce(r.left_out, 0) AS rl
                    FROM s FULL JOIN r ON r.month = s.month)
        SELECT b.month, d.row_label, d.col_label, d.rollup, d.scan, d.problem
          FROM both_ b,
               LATERAL (
                 SELECT coalesce(x.row_label, y.row_label) AS row_label, coalesce(x.col_label, y.col_label) AS col_label,
                        coalesce(y.n, 0) AS rollup, coalesce(x.n, 0) AS scan, 'cell differs'::text AS problem, 1 AS k
                   FROM @extschema@.rows(b.sx) x FULL JOIN @extschema@.rows(b.rx) y
                        ON y.row_label = x.row_label AND y.col_label = x.col_label
                  WHERE coalesce(x.n, 0) <> coalesce(y.n, 0)
                 UNION ALL
                 SELECT NULL, coalesce(x.l, y.l), coalesce(y.u, 0), coalesce(x.u, 0), 'distinct crimes differ', 2
                   FROM unnest(@extschema@.col_labels(b.sx), @extschema@.col_units(b.sx)) x(l, u)
                        FULL JOIN unnest(@extschema@.col_labels(b.rx), @extschema@.col_units(b.rx)) y(l, u) ON y.l = x.l
                  WHERE (@extschema@.is_multi_label(b.sx) OR @extschema@.is_multi_label(b.rx))
                    AND coalesce(x.u, 0) <> coalesce(y.u, 0)
                 UNION ALL
                 SELECT NULL, NULL, b.rl, b.sl, 'records left out of the table differ', 3 WHERE b.rl <> b.sl
                 UNION ALL
                 SELECT NULL, NULL, NULL, NULL, 'the roll-up subtracts more than it adds: ' || b.over::text, 4
                  WHERE b.over IS NOT NULL) d
         ORDER BY b.month, d.k, d.row_label, d.col_label$q$, u.month_sql)
      USING u.id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_rollup(text, text, regclass) IS
  'compares a roll-up with a scan of its records month by month and returns every difference (month, row_label, col_label, the roll-up''s count, the scan''s, what differs), and first why the roll-up is not used if it is not; no rows means it answers exactly as a scan would';

CREATE VIEW @extschema@.rollups AS
SELECT r.request, r.question, r.records, r.source,
       cardinality(r.relations) AS tables,
       (SELECT count(DISTINCT m.month) FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS months,
       (SELECT count(*) FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS stored_rows,
       (SELECT coalesce(sum(pg_column_size(m.added)) + sum(coalesce(pg_column_size(m.removed), 0)), 0)
          FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS bytes,
       @extschema@.rollup_problem(r.id) AS problem,
       r.built_at, r.built_by
  FROM @extschema@.rollup r;
COMMENT ON VIEW @extschema@.rollups IS
  'the roll-ups (foistats.create_rollup): question, records view and source, tables with triggers, months and rows stored, size, and why it cannot answer now (problem NULL: requests use it)';
