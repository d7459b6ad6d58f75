# foistats: PGXS build.
#
#   make && make install          build and install into the server's directories
#   make installcheck             run the pg_regress suite against a running server
#   bash test/check.sh            everything CI runs, on a throwaway cluster
#
# The extension script is assembled from the per-concept SQL files in src/, in
# the order of SQL_PARTS (later parts may use objects defined by earlier ones);
# a part's hand-written rows (src/<part>_data.sql) and generated rows (data/,
# see SQL_DATA_<part>) follow the part.

EXTENSION    = foistats
EXTVERSION   = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" foistats.control)

MODULE_big   = foistats
OBJS         = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

SQL_ORDER    = foistats cache period xtab render terms reference classify records \
               table_parse audit protect request
SQL_DATA_reference = data/ho_offence.sql
SQL_PARTS    = $(wildcard $(foreach p,$(SQL_ORDER),src/$(p).sql src/$(p)_data.sql $(SQL_DATA_$(p))))

DATA_built   = $(EXTENSION)--$(EXTVERSION).sql
DATA         = $(wildcard sample/*.control sample/*--*.sql)

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=. --load-extension=plpgsql

# Multi-session behaviour (cache invalidation seen by another backend) is
# tested with the isolation tester: specs/*.spec + expected/*.out.
ISOLATION    = $(sort $(basename $(notdir $(wildcard specs/*.spec))))
ISOLATION_OPTS = --load-extension=plpgsql

PG_CPPFLAGS  = -DFOISTATS_VERSION='"$(EXTVERSION)"'
EXTRA_CLEAN  = $(DATA_built) results regression.diffs regression.out

PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) foistats.control Makefile
	cat $(SQL_PARTS) > $@

.PHONY: unit
unit:
	$(MAKE) -C test/unit

# PGXS does not track header dependencies unless PostgreSQL was configured
# with --enable-depend: rebuild every object when any project header changes.
$(OBJS): $(wildcard src/*.h)
