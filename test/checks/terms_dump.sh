#!/usr/bin/env bash
# pg_dump / restore keeps users' rows of foistats.term (and only those: the
# shipped rows come back with CREATE EXTENSION, once), and the restored
# dictionaries work.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup terms-dump

cat > "$work/setup.sql" <<'SQL'
CREATE EXTENSION foistats;
INSERT INTO foistats.term (dictionary, term, alias) VALUES
  ('weapons', 'Knife', 'blade'), ('platforms', 'Facebook', 'fcbk');
SQL
cat > "$work/count.sql" <<'SQL'
SELECT count(*) FILTER (WHERE shipped) || ' shipped, ' || count(*) FILTER (WHERE NOT shipped) || ' user'
  FROM foistats.term;
SQL
cat > "$work/use.sql" <<'SQL'
SELECT foistats.mentions('a blade and a fcbk post', 'weapons')::text ||
       foistats.mentions('a blade and a fcbk post', 'platforms')::text;
SQL
cat > "$work/run.sh" <<'SH'
w=$1
. "$2/test/lib.sh"
foistats_dump_restore terms_dump "$w"
before=$(foistats_q -d terms_dump_a -f "$w/count.sql")
after=$(foistats_q -d terms_dump_b -f "$w/count.sql")
found=$(foistats_q -d terms_dump_b -f "$w/use.sql")
echo "before dump: $before; after restore: $after; restored dictionaries find: $found"
[ "$before" = "$after" ] && [ "$found" = "{Knife}{Facebook}" ]
SH
foistats_virtualenv bash "$work/run.sh" "$work" "$FOISTATS_ROOT"
