-- Fuzz smoke in the server: mutated and random tables through parse_table,
-- parse_tables, audit and reconcile.  Every input must either parse or raise an ordinary
-- error (never crash the backend, never an internal error); the generator is
-- seeded, so the run is the same every time.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

\i sql/include/seed_tables.sql
CREATE TEMP TABLE fuzz_seed (t text);
INSERT INTO fuzz_seed VALUES
  (:'q3'),
  (E'Offence,2021,2022,Total\n"Theft, other","1,234",<5,*\nTotal,"1,234",*,"1,243"\n'),
  (E'| k | 2023 | Total |\n|---|---|---|\n| a | 1 | 1 |\n| **Total** | 1 | 1 |\n'),
  (E'<table><tr><th></th><th>2019</th><th>Total</th></tr><tr><td>a &amp; b</td><td>&lt;5</td><td>3</td></tr></table>');

CREATE FUNCTION pg_temp.fuzz(n int) RETURNS TABLE (parsed int, rejected int, other_errors int)
LANGUAGE plpgsql AS $$
DECLARE
  alphabet text := E'\t\n\r,|"<>&;#/-*0123456789 abT<b></b>Total';
  seeds text[] := ARRAY(SELECT t FROM fuzz_seed);
  s text;
  pos int;
  x foistats.xtab;
  fmt text;
BEGIN
  parsed := 0; rejected := 0; other_errors := 0;
  PERFORM setseed(0.42);
  FOR i IN 1..n LOOP
    IF i % 10 = 0 THEN
      s := '';
      FOR j IN 1..(random() * 60)::int LOOP
        s := s || substr(alphabet, 1 + (random() * (length(alphabet) - 1))::int, 1);
      END LOOP;
    ELSE
      s := seeds[1 + (random() * (array_length(seeds, 1) - 1))::int];
      FOR m IN 1..(1 + (random() * 6)::int) LOOP
        pos := 1 + (random() * greatest(length(s) - 1, 0))::int;
        CASE (random() * 3)::int
          WHEN 0 THEN s := overlay(s placing substr(alphabet, 1 + (random() * (length(alphabet) - 1))::int, 1) from pos for 1);
          WHEN 1 THEN s := substr(s, 1, pos) || substr(alphabet, 1 + (random() * (length(alphabet) - 1))::int, 1) || substr(s, pos + 1);
          WHEN 2 THEN s := substr(s, 1, pos - 1) || substr(s, pos + 1);
          ELSE s := substr(s, 1, pos);
        END CASE;
      END LOOP;
    END IF;
    fmt := (ARRAY['auto', 'tsv', 'csv', 'markdown', 'html'])[1 + (random() * 4)::int];
    BEGIN
      x := foistats.parse_table(s, fmt);
      PERFORM count(*) FROM foistats.audit(x);
      PERFORM count(*) FROM foistats.reconcile(x, x);
      parsed := parsed + 1;
    EXCEPTION
      WHEN invalid_text_representation THEN rejected := rejected + 1;
      WHEN OTHERS THEN
        other_errors := other_errors + 1;
        RAISE NOTICE 'unexpected % (%) for input %', SQLERRM, SQLSTATE, quote_literal(s);
    END;
    BEGIN
      PERFORM count(*) FROM foistats.parse_tables(s);
    EXCEPTION
      WHEN invalid_text_representation THEN NULL;
      WHEN OTHERS THEN
        other_errors := other_errors + 1;
        RAISE NOTICE 'unexpected % (%) from parse_tables for input %', SQLERRM, SQLSTATE, quote_literal(s);
    END;
  END LOOP;
  RETURN NEXT;
END $$;

SELECT parsed > 100 AS some_parsed, rejected > 100 AS some_rejected, other_errors
  FROM pg_temp.fuzz(3000);
