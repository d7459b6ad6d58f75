-- foistats 0.1.0 -> 0.2.0 (ALTER EXTENSION foistats UPDATE TO '0.2.0').
--
-- Every change to an installed object since 0.1.0 (update/foistats--0.1.0.sql,
-- frozen) is written here as well as in src/, one section per change, newest
-- last.  test/checks/upgrade.sh installs 0.1.0, runs this, and compares the
-- catalog with a fresh 0.2.0 install: a change made in src/ and not here fails.

\echo Use "ALTER EXTENSION foistats UPDATE TO '0.2.0'" to load this file. \quit
