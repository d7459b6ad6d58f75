# foistats: PGXS build.
#
#   make && make install          build and install into the server's directories
#   make installcheck             run the pg_regress suite (sql/*.sql; sql/include/
#                                 holds preludes the tests \i, not tests) and the
#                                 isolation specs (specs/*.spec) against a running server
#   make unit                     the unit tests of the pure C cores, no server:
#                                 each test/checks/<core>_unit.sh in turn
#   bash test/check.sh            everything CI runs, on a throwaway cluster
#
# The extension script is assembled from the per-concept SQL parts in src/, in
# the order of SQL_ORDER (later parts may use objects defined by earlier ones).

EXTENSION    = foistats
EXTVERSION   = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" foistats.control)

MODULE_big   = foistats
OBJS         = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The script is src/<p>.sql for each part p of SQL_ORDER, each followed by its
# data file if SQL_DATA_<p> names one.  Every file named here must exist: the
# build fails on a missing one.  src/xtab_agg.sql is generated (see below).
SQL_ORDER    = foistats cache period xtab xtab_agg xtab_read render terms reference \
               classify records table_parse audit protect request rollup response \
               category consolidate
SQL_DATA_terms     = src/terms_data.sql
SQL_DATA_reference = data/ho_offence.sql
SQL_DATA_records   = data/ho_outcome.sql
SQL_DATA_request   = data/request_templates.sql
SQL_DATA_category  = data/ons_category.sql
SQL_PARTS    = $(foreach p,$(SQL_ORDER),src/$(p).sql $(SQL_DATA_$(p)))
SQL_GENERATED = src/xtab_agg.sql
PYTHON3     ?= python3

DATA_built   = $(EXTENSION)--$(EXTVERSION).sql
# Frozen scripts of earlier versions and the upgrade scripts between them
# (update/): ALTER EXTENSION foistats UPDATE follows them; test/checks/upgrade.sh
# checks that an upgraded install equals a fresh one.
DATA         = $(wildcard sample/*.control sample/*--*.sql) $(wildcard update/foistats--*.sql)

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=. --load-extension=plpgsql

# Multi-session behaviour (cache invalidation seen by another backend) is
# tested with the isolation tester: specs/*.spec + expected/*.out.
ISOLATION    = $(sort $(basename $(notdir $(wildcard specs/*.spec))))
ISOLATION_OPTS = --load-extension=plpgsql

PG_CPPFLAGS  = -DFOISTATS_VERSION='"$(EXTVERSION)"'
EXTRA_CLEAN  = $(DATA_built) $(SQL_GENERATED) results regression.diffs regression.out

PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) foistats.control Makefile
	cat $(SQL_PARTS) > $@

# The 32 foistats.xtab(...) aggregates (and xtab_merge) are declared from one
# list in the generator.
src/xtab_agg.sql: src/xtab_agg_sql.py
	$(PYTHON3) $< > $@.tmp && mv $@.tmp $@

# A part named above that neither exists nor is generated stops the build.
src/%.sql:
	@echo 'SQL part $@ (named in the Makefile: SQL_ORDER or SQL_DATA_*) is missing' >&2; exit 1

.PHONY: unit
unit:
	@set -e; for t in $(sort $(wildcard test/checks/*_unit.sh)); do \
		echo "== $$t"; bash $$t; \
	done

# PGXS does not track header dependencies unless PostgreSQL was configured
# with --enable-depend: rebuild every object when any project header changes.
$(OBJS): $(wildcard src/*.h)

# Release archive for PGXN: `make dist` writes foistats-<version>.zip, the committed
# tree (HEAD, via git archive) under one top directory foistats-<version>/, leaving
# out .ci/ (this repository's CI entry).  The version is default_version in
# foistats.control; the archive is refused while META.json, debian/changelog or
# CHANGELOG.md disagree with it (test/checks/version_consistency.sh).
DISTNAME = $(EXTENSION)-$(EXTVERSION)

.PHONY: dist
dist:
	bash test/checks/version_consistency.sh
	@git diff --quiet HEAD -- || \
		echo "make dist: uncommitted changes are not in $(DISTNAME).zip (it is made from HEAD)" >&2
	git archive --format=zip --prefix=$(DISTNAME)/ -o $(DISTNAME).zip HEAD -- . ':(exclude).ci'
	@echo "$(DISTNAME).zip: $$(git ls-tree -r --name-only HEAD | grep -vc '^\.ci/') files, $$(wc -c < $(DISTNAME).zip) bytes"
