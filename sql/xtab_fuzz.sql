-- Fuzz smoke test of the xtab input functions: thousands of mutated text and
-- binary values must each either load (and then round-trip) or be rejected
-- with an error; never crash the server or load a value that does not
-- round-trip.  Deterministic (setseed).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

SELECT setseed(0.42);
CREATE TEMP TABLE fuzz_seed (x text);
INSERT INTO fuzz_seed VALUES
  ('{cols: "2013", fy "2013/14", "2013 Q1", "2013-01", int "7", "x"; rows: "A, \"q\"" 1 2 3s"<5" 0b 5sc 6r, "B\\" 0 0 0 0 0 1; units: 1 2 3 4 5 6; coltotals: 1 - 3 - 5 -; rowtotals: 21 -; grandtotal: 22; title: "T"; rowheader: "R"; footnote: "f"}'),
  ('{cols: "2010", "2011"; rows: "EXPOSURE" 14 23, "VOYEURISM" 1 2}'),
  ('{}');

-- Text: delete, duplicate or replace one character, 3000 times.
DO $$
DECLARE
  src text;
  m text;
  p int;
  ok int := 0;
  rejected int := 0;
  bad int := 0;
  x foistats.xtab;
BEGIN
  FOR i IN 1 .. 3000 LOOP
    SELECT f.x INTO src FROM fuzz_seed f ORDER BY random() LIMIT 1;
    p := 1 + floor(random() * length(src))::int;
    m := CASE floor(random() * 3)::int
           WHEN 0 THEN overlay(src PLACING '' FROM p FOR 1)
           WHEN 1 THEN overlay(src PLACING substr(src, p, 1) || substr(src, p, 1) FROM p FOR 1)
           ELSE overlay(src PLACING substr('{}";:,-\ sbcr09Qy/"', 1 + floor(random() * 19)::int, 1)
                        FROM p FOR 1)
         END;
    BEGIN
      x := m::foistats.xtab;
      IF x::text::foistats.xtab::text <> x::text THEN
        bad := bad + 1;
        RAISE NOTICE 'does not round-trip: %', m;
      END IF;
      ok := ok + 1;
    EXCEPTION WHEN invalid_text_representation OR invalid_parameter_value
                   OR program_limit_exceeded THEN
      rejected := rejected + 1;
    END;
  END LOOP;
  RAISE NOTICE 'text mutations: % loaded, % rejected, % bad', ok > 0, rejected > 0, bad;
END $$;

-- Binary: flip random bytes of the binary form (COPY BINARY), 300 times.
CREATE TEMP TABLE fuzz_bin (x foistats.xtab);
INSERT INTO fuzz_bin SELECT x::foistats.xtab FROM fuzz_seed LIMIT 1;
COPY fuzz_bin TO '/tmp/foistats_xtab_fuzz.bin' (FORMAT binary);
DELETE FROM fuzz_bin;
SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid = 4242001;
DO $$
DECLARE
  orig bytea := pg_read_binary_file('/tmp/foistats_xtab_fuzz.bin');
  b bytea;
  ok int := 0;
  rejected int := 0;
  bad int := 0;
  n bigint;
BEGIN
  FOR i IN 1 .. 300 LOOP
    b := orig;
    -- the field starts at byte 25, after the file and tuple headers; keep
    -- the trailer (last 2 bytes) and the field length intact
    FOR k IN 1 .. 1 + floor(random() * 3)::int LOOP
      b := set_byte(b, 25 + floor(random() * (length(orig) - 27))::int,
                    floor(random() * 256)::int);
    END LOOP;
    PERFORM lo_from_bytea(4242001, b);
    PERFORM lo_export(4242001, '/tmp/foistats_xtab_fuzz_bad.bin');
    PERFORM lo_unlink(4242001);
    BEGIN
      EXECUTE 'COPY fuzz_bin FROM ''/tmp/foistats_xtab_fuzz_bad.bin'' (FORMAT binary)';
      SELECT count(*) INTO n FROM fuzz_bin WHERE x::text::foistats.xtab::text <> x::text;
      bad := bad + n;
      DELETE FROM fuzz_bin;
      ok := ok + 1;
    EXCEPTION WHEN OTHERS THEN
      rejected := rejected + 1;
    END;
  END LOOP;
  RAISE NOTICE 'binary mutations: % loaded, % rejected, % bad', ok > 0, rejected > 0, bad;
END $$;
-- The server is still up.
SELECT 'alive' AS server;
