#!/usr/bin/env python3
"""Print the 0.1.0 -> 0.2.0 section that moves the xtab aggregates' state from
internal to foistats.xtab (issue 12, Citus push-down).  Run once; its output is
committed in update/foistats--0.1.0--0.2.0.sql.

    python3 update/tools/agg_state_0.2.0.py src/xtab_agg.sql update/foistats--0.1.0.sql

An aggregate's state type cannot be altered and DROP AGGREGATE fails while a
user's view calls it, so the section re-points the existing aggregates in the
catalog (pg_aggregate, and their pg_depend rows) at new support functions
declared as in 0.2.0, then drops the old ones.  test/checks/upgrade.sh
compares the result (definitions and dependencies) with a fresh install.
"""
import re
import sys

new_sql, old_sql = open(sys.argv[1]).read(), open(sys.argv[2]).read()

# every support-function declaration of 0.2.0 (with its comment), in order
support = new_sql[new_sql.index("CREATE FUNCTION @extschema@.xtab_agg_final("):new_sql.index("-- foistats.xtab(")].rstrip("\n")
funcs = re.findall(r"(CREATE FUNCTION @extschema@\.(xtab_agg_trans|xtab_merge_trans)\(([^)]*)\)[^;]*;\n"
                   r"COMMENT ON FUNCTION [^\n]*\n(?:  [^\n]*\n)?)", new_sql)
aggs = re.findall(r"CREATE AGGREGATE @extschema@\.(xtab|xtab_merge)\(([^)]*)\) \(\n  SFUNC = @extschema@\.(\w+),", new_sql)
olds = re.findall(r"CREATE FUNCTION @extschema@\.(xtab_agg_\w+|xtab_merge_trans)\(([^)]*)\)", old_sql)


def argtypes(decl):
    """'row_label text, col date' -> 'text, date'"""
    return ", ".join(a.split()[-1] if " " in a.strip() else a.strip() for a in decl.split(","))


out = ["-- issue 12: the xtab aggregates' state is the xtab type (an expanded object),",
       "-- so Citus pushes them down and parallel query needs no serialize functions.",
       "-- Generated once by update/tools/agg_state_0.2.0.py.",
       ""]
out.append(support)
for text, name, args in funcs:
    out.append(text.rstrip("\n"))
out.append("")
for name, decl, sfunc in aggs:
    types = argtypes(decl)
    trans = "@extschema@.%s(@extschema@.xtab, %s)" % (sfunc, types)
    out.append("UPDATE pg_catalog.pg_aggregate SET aggtransfn = '%s'::pg_catalog.regprocedure,\n"
               "       aggfinalfn = %s, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,\n"
               "       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype\n"
               " WHERE aggfnoid = '@extschema@.%s(%s)'::pg_catalog.regprocedure;"
               % (trans,
                  "'@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure" if name == "xtab" else
                  "'@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure",
                  name, types))
out.append("""
-- the aggregates' dependencies follow their new support functions and state type
DELETE FROM pg_catalog.pg_depend d
 USING pg_catalog.pg_aggregate a
 WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = a.aggfnoid AND d.deptype = 'n'
   AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
   AND a.aggfnoid IN (SELECT p.oid FROM pg_catalog.pg_proc p
                       WHERE p.pronamespace = '@extschema@'::pg_catalog.regnamespace AND p.prokind = 'a');
INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT DISTINCT 'pg_catalog.pg_proc'::pg_catalog.regclass, a.aggfnoid, 0, r.cls, r.obj, 0, 'n'
  FROM pg_catalog.pg_aggregate a
  JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid AND p.pronamespace = '@extschema@'::pg_catalog.regnamespace,
       LATERAL (VALUES ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggtransfn::pg_catalog.oid),
                       ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggfinalfn::pg_catalog.oid),
                       ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggcombinefn::pg_catalog.oid),
                       ('pg_catalog.pg_type'::pg_catalog.regclass, a.aggtranstype::pg_catalog.oid)) r(cls, obj)
 WHERE r.obj <> 0
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = a.aggfnoid
                      AND e.refclassid = r.cls AND e.refobjid = r.obj);
""")
for name, args in olds:
    if "internal" in args or name in ("xtab_agg_serialize", "xtab_agg_deserialize"):
        out.append("DROP FUNCTION @extschema@.%s(%s);" % (name, args))
print("\n".join(out))
