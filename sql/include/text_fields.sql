-- Shared prelude, not a test: text_fields(t, labels), the fields of each line
-- of a table render printed as 'text', in the current schema.  labels are the
-- header's column labels, the total column's last; numbers are right-aligned
-- under their header, so a field ends where its column label ends, and the
-- row label is what stands before the first column.  The rule under the
-- header is skipped.
CREATE FUNCTION text_fields(t text, labels text[]) RETURNS SETOF text[]
LANGUAGE plpgsql AS $$
DECLARE
  header text := split_part(t, E'\n', 1);
  ends int[] := '{}';
  cur int := 0;
  p int;
  prev int;
  lab text;
  line text;
  f text[];
BEGIN
  FOREACH lab IN ARRAY labels LOOP
    p := strpos(substr(header, cur + 1), lab) + cur;
    cur := p + length(lab) - 1;
    ends := ends || cur;
  END LOOP;
  FOR line IN SELECT l FROM regexp_split_to_table(t, E'\n') l LOOP
    IF line ~ '^-+( +-+)*$' THEN CONTINUE; END IF;
    prev := length(rtrim(substr(line, 1, ends[1] - length(labels[1]) - 1)));
    f := ARRAY[rtrim(substr(line, 1, prev))];
    FOREACH p IN ARRAY ends LOOP
      f := f || btrim(substr(line, prev + 1, p - prev));
      prev := p;
    END LOOP;
    RETURN NEXT f;
  END LOOP;
END $$;
