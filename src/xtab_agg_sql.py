#!/usr/bin/env python3
"""Write src/xtab_agg.sql, the SQL declarations of the xtab aggregates.

Run by the Makefile (python3 src/xtab_agg_sql.py > src/xtab_agg.sql); the
output is a build product, not committed, and depends on nothing but this
file, so the build is deterministic.

foistats.xtab(...) has 32 signatures, one C transition function
(xtab_agg_trans in src/xtab_agg.c, which looks at its argument types) and
one set of support functions.  They are the product of three short lists
below: ROWS x COLUMNS x WEIGHTS, in that order.  Everything the aggregates
share (state type, support functions, options) is written once, in STATE and
AGGREGATE_OPTIONS: changing every aggregate's STYPE or SFUNC is one edit.
"""

import sys

S = "@extschema@"

# The aggregate state, shared by every aggregate here (xtab(...) and
# xtab_merge): its SQL type and the support functions' declarations.  It is
# the xtab type itself, not internal: Citus pushes down (partial aggregates
# on the shards, combined on the coordinator) only aggregates whose state has
# a real type, and PostgreSQL's parallel query then moves partial states as
# xtab values, so there are no serialize functions (PostgreSQL allows them
# only for internal states).  In memory the state is an expanded object that
# the transition function updates in place (see src/xtab_agg.c).
STATE = f"{S}.xtab"

SUPPORT = f"""\
-- Aggregate support functions (shared by every foistats.xtab(...) signature).
CREATE FUNCTION {S}.xtab_agg_final({STATE}) RETURNS {S}.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION {S}.xtab_agg_combine({STATE}, {STATE}) RETURNS {STATE}
  AS 'MODULE_PATHNAME', 'xtab_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION {S}.xtab_agg_final({STATE}) IS 'final function of the xtab aggregates (rows sorted by label)';
COMMENT ON FUNCTION {S}.xtab_agg_combine({STATE}, {STATE}) IS 'combine function of the xtab aggregates (parallel and distributed aggregation)';
"""

# Options of every aggregate after SFUNC and STYPE.
AGGREGATE_OPTIONS = [
    f"FINALFUNC = {S}.xtab_agg_final",
    f"COMBINEFUNC = {S}.xtab_agg_combine",
    "PARALLEL = SAFE",
]

# foistats.xtab(row, column [, granularity] [, n]): the signatures.
# Each entry: (named arguments, what the comment says about them).
ROWS = [
    ("row_label text", "cross-tab of row_label"),
    ("row_labels text[]",
     "cross-tab of each distinct label of row_labels (units count the input row once)"),
]

# Column arguments: (named arguments, volatility, comment).  timestamptz is
# bucketed in the session TimeZone, hence STABLE.
GRANULARITY = "at granularity year|fy|quarter|month"
COLUMNS = [
    ("col date", "IMMUTABLE", "by calendar periods of the date by calendar year"),
    ("col timestamp", "IMMUTABLE", "by calendar periods of the timestamp by calendar year"),
    ("col timestamptz", "STABLE",
     "by calendar periods of the timestamp in the session TimeZone by calendar year"),
    ("col date, granularity text", "IMMUTABLE",
     f"by calendar periods of the date {GRANULARITY}"),
    ("col timestamp, granularity text", "IMMUTABLE",
     f"by calendar periods of the timestamp {GRANULARITY}"),
    ("col timestamptz, granularity text", "STABLE",
     f"by calendar periods of the timestamp in the session TimeZone {GRANULARITY}"),
    ("col integer", "IMMUTABLE", "by integer columns"),
    ("col text", "IMMUTABLE", "by text columns (periods such as 2013/14 recognised)"),
]

# The optional weight: (named arguments, comment).
WEIGHTS = [
    ("", "one count per input row"),
    ("n bigint",
     "adds n per input row (re-aggregating pre-counted data; NULL n skips the row)"),
]


def types_of(named_args):
    """'row_label text, col date' -> 'text, date'."""
    return ", ".join(a.split(" ", 1)[1] for a in named_args.split(", "))


def aggregate(name, args, types, sfunc, volatility, sfunc_comment, comment):
    """One aggregate and its transition function's declaration."""
    options = ",\n".join(f"  {o}" for o in AGGREGATE_OPTIONS)
    return f"""\
CREATE FUNCTION {S}.{sfunc}({STATE}, {types}) RETURNS {STATE}
  AS 'MODULE_PATHNAME', '{sfunc}' LANGUAGE C {volatility} PARALLEL SAFE;
COMMENT ON FUNCTION {S}.{sfunc}({STATE}, {types}) IS '{sfunc_comment}';
CREATE AGGREGATE {S}.{name}({args}) (
  SFUNC = {S}.{sfunc}, STYPE = {STATE},
{options});
COMMENT ON AGGREGATE {S}.{name}({types}) IS
  '{comment}';
"""


def xtab_aggregates():
    for row_args, row_comment in ROWS:
        for col_args, volatility, col_comment in COLUMNS:
            for weight_args, weight_comment in WEIGHTS:
                args = ", ".join(a for a in (row_args, col_args, weight_args) if a)
                types = types_of(args)
                yield aggregate(
                    "xtab", args, types, "xtab_agg_trans", volatility,
                    f"transition function of foistats.xtab({types})",
                    f"{row_comment} {col_comment}; {weight_comment}")


XTAB_MERGE = aggregate(
    "xtab_merge", f"{S}.xtab", f"{S}.xtab", "xtab_merge_trans", "IMMUTABLE",
    "transition function of xtab_merge",
    "sum of cross-tabs (cells and units added by row and column label; NULLs skipped; "
    "rows sorted by label). A cross-tab with suppressed cells adds only to protected or "
    "parsed ones (any suppressed cell or published total): suppression flags are kept, "
    "a published total only where every input has it (summed); adding it to an "
    "unprotected cross-tab is an error")

# Not an aggregate, but the other way to merge (C: xtab_plus in xtab_agg.c).
XTAB_PLUS = f"""\
CREATE FUNCTION {S}.xtab_plus({S}.xtab, {S}.xtab) RETURNS {S}.xtab
  AS 'MODULE_PATHNAME', 'xtab_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION {S}.xtab_plus({S}.xtab, {S}.xtab) IS
  'sum of two cross-tabs (rows of the first in order, then new rows of the second); a cross-tab with suppressed cells adds only to protected or parsed ones (see xtab_merge)';
CREATE OPERATOR {S}.+ (
  LEFTARG = {S}.xtab, RIGHTARG = {S}.xtab,
  FUNCTION = {S}.xtab_plus);
COMMENT ON OPERATOR {S}.+ ({S}.xtab, {S}.xtab) IS 'sum of two cross-tabs';
"""


def main():
    out = [
        "-- GENERATED by src/xtab_agg_sql.py (run by the Makefile): do not edit.\n"
        "-- xtab_agg: the cross-tab aggregates foistats.xtab(...) and xtab_merge, and\n"
        "-- the xtab + xtab operator.  (C: src/xtab_agg.c.)\n",
        SUPPORT,
        "-- foistats.xtab(row_label | row_labels, col [, granularity] [, n])\n"
        + "\n".join(xtab_aggregates()),
        "-- Merging cross-tabs computed elsewhere.\n" + XTAB_MERGE,
        XTAB_PLUS,
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
