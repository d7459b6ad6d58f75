-- Every object of extension foistats, described without OIDs, sorted: what
-- test/checks/upgrade.sh compares between an upgraded and a fresh install.
\pset format unaligned
\pset tuples_only on
\pset fieldsep ' | '
SELECT 'member: ' || pg_describe_object(classid, objid, objsubid)
  FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'foistats')
 ORDER BY 1;
SELECT 'function: ' || p.oid::regprocedure, p.prokind, p.provolatile, p.proisstrict, p.proparallel,
       p.proretset, p.prorettype::regtype, p.procost, p.prorows, p.prosecdef, p.proleakproof,
       p.proconfig, p.proargnames, p.proargmodes, p.proallargtypes::regtype[], p.pronargdefaults,
       pg_get_expr(p.proargdefaults, 0), p.probin, md5(p.prosrc), l.lanname,
       obj_description(p.oid, 'pg_proc')
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'functiondef: ' || p.oid::regprocedure, md5(pg_get_functiondef(p.oid))
  FROM pg_proc p WHERE p.pronamespace = 'foistats'::regnamespace AND p.prokind <> 'a' ORDER BY 1;
SELECT 'aggregate: ' || a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs,
       a.aggtransfn::regprocedure, a.aggfinalfn::regprocedure, a.aggcombinefn::regprocedure,
       a.aggserialfn::regprocedure, a.aggdeserialfn::regprocedure, a.aggmtransfn, a.aggminvtransfn,
       a.aggmfinalfn, a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
       a.aggsortop, a.aggtranstype::regtype, a.aggtransspace, a.aggmtranstype, a.aggmtransspace,
       a.agginitval, a.aggminitval
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'type: ' || t.oid::regtype, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred,
       t.typdelim, t.typinput::regprocedure, t.typoutput::regprocedure, t.typreceive::regprocedure,
       t.typsend::regprocedure, t.typmodin, t.typmodout, t.typanalyze, t.typalign, t.typstorage,
       t.typnotnull, t.typbasetype::regtype, t.typtypmod, t.typndims, t.typcollation,
       pg_get_expr(t.typdefaultbin, 0), t.typelem::regtype, t.typarray::regtype,
       t.typsubscript, obj_description(t.oid, 'pg_type')
  FROM pg_type t WHERE t.typnamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'operator: ' || o.oid::regoperator, o.oprkind, o.oprcanmerge, o.oprcanhash,
       o.oprresult::regtype, o.oprcom::regoperator, o.oprnegate::regoperator,
       o.oprcode::regprocedure, o.oprrest, o.oprjoin, obj_description(o.oid, 'pg_operator')
  FROM pg_operator o WHERE o.oprnamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'cast: ' || c.castsource::regtype || ' -> ' || c.casttarget::regtype,
       c.castfunc::regprocedure, c.castcontext, c.castmethod, obj_description(c.oid, 'pg_cast')
  FROM pg_cast c WHERE c.castsource IN (SELECT oid FROM pg_type WHERE typnamespace = 'foistats'::regnamespace)
     OR c.casttarget IN (SELECT oid FROM pg_type WHERE typnamespace = 'foistats'::regnamespace)
 ORDER BY 1;
SELECT 'relation: ' || c.oid::regclass, c.relkind, c.relpersistence, c.reloptions,
       obj_description(c.oid, 'pg_class'),
       CASE WHEN c.relkind IN ('v', 'm') THEN md5(pg_get_viewdef(c.oid)) END
  FROM pg_class c WHERE c.relnamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'column: ' || a.attrelid::regclass || '.' || a.attname, a.attnum, format_type(a.atttypid, a.atttypmod),
       a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
       col_description(a.attrelid, a.attnum)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relnamespace = 'foistats'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1;
SELECT 'constraint: ' || conrelid::regclass || ' ' || conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'foistats'::regnamespace ORDER BY 1;
SELECT 'index: ' || indexrelid::regclass, pg_get_indexdef(indexrelid)
  FROM pg_index WHERE indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'foistats'::regnamespace) ORDER BY 1;
SELECT 'trigger: ' || tgrelid::regclass || ' ' || tgname, pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal
   AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'foistats'::regnamespace) ORDER BY 1;
SELECT 'schema: ' || nspname, obj_description(oid, 'pg_namespace'), nspacl FROM pg_namespace WHERE nspname = 'foistats';
SELECT 'extension: ' || extname, extversion, extrelocatable, extconfig::regclass[], extcondition FROM pg_extension WHERE extname = 'foistats';
-- what the extension's functions and aggregates depend on (an aggregate on its
-- support functions and state type): the catalog an update must leave as a
-- fresh install makes it
SELECT 'depend: ' || pg_describe_object(d.classid, d.objid, d.objsubid) || ' -> ' ||
       pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid), d.deptype
  FROM pg_depend d
 WHERE d.classid = 'pg_proc'::regclass
   AND d.objid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'foistats'::regnamespace)
   AND d.deptype <> 'e'
 ORDER BY 1, 2;
-- the rows of every table (reference data, dictionaries, templates, ...),
-- without the columns that record when a row was written
DO $$
DECLARE r record; h text;
BEGIN
  FOR r IN SELECT c.oid::regclass AS t,
                  coalesce(array_agg(a.attname::text) FILTER (WHERE a.atttypid = 'timestamptz'::regtype), '{}') AS skip
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE c.relnamespace = 'foistats'::regnamespace AND c.relkind = 'r'
            GROUP BY c.oid ORDER BY 1 LOOP
    EXECUTE format('SELECT count(*) || '' rows, md5 '' || coalesce(md5(string_agg((to_jsonb(x) - %L::text[])::text, E''\n'' ORDER BY (to_jsonb(x) - %L::text[])::text)), ''-'') FROM %s x',
                   r.skip, r.skip, r.t) INTO h;
    RAISE NOTICE 'table data: % %', r.t, h;
  END LOOP;
END $$;
