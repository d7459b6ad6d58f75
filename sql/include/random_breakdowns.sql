-- Shared prelude, not a test: random_breakdowns(sets), the crimes of `sets`
-- random sets (from the session's random(): setseed first for the same
-- crimes every run), in the current schema, each to be counted by two
-- breakdowns of the same crimes, offence x year and age band x year.  Set t
-- has 2..5 offences, 2..4 age bands, 2..4 years (2020, ...) and 5..54
-- crimes, skewed to small counts.
CREATE FUNCTION random_breakdowns(sets int)
RETURNS TABLE (t int, offence text, age text, day date)
LANGUAGE sql VOLATILE AS $$
  SELECT t, 'offence ' || (1 + floor(random() * random() * s.nr))::int AS offence,
         'age ' || (1 + floor(random() * random() * s.na))::int AS age,
         make_date(2020 + floor(random() * s.nc)::int, 1, 1) AS day
  FROM (SELECT t, 2 + floor(random() * 4)::int AS nr, 2 + floor(random() * 3)::int AS na,
               2 + floor(random() * 3)::int AS nc, 5 + floor(random() * 50)::int AS n
          FROM generate_series(1, sets) t) s, generate_series(1, s.n) k
$$;
