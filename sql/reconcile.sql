-- foistats.reconcile: a published table against one recomputed from the
-- records (before a response is sent), or this year's answer against last
-- year's.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

\i sql/include/seed_tables.sql
-- "recomputed": counts per platform and year as the records would give them
-- (here the seed table's own cells, aggregated with foistats.xtab), so the
-- only differences are the printed totals that do not add up.
CREATE TEMP TABLE q3cells (platform text, year text, n bigint);
INSERT INTO q3cells VALUES
  ('FACEBOOK', '2010', 4), ('FACEBOOK', '2011', 18), ('FACEBOOK', '2012', 25),
  ('FACEBOOK', '2013', 35), ('FACEBOOK', '2014', 7), ('TWITTER', '2013', 1),
  ('WHATSAPP', '2014', 1), ('INSTAGRAM', '2014', 1), ('SNAPCHAT', '2014', 1);
SELECT r.* FROM foistats.reconcile(foistats.parse_table(:'q3'),
                                   (SELECT foistats.xtab(platform, year, n) FROM q3cells)) r
 WHERE r.status <> 'match';
SELECT r.status, count(*) FROM foistats.reconcile(foistats.parse_table(:'q3'),
                                   (SELECT foistats.xtab(platform, year, n) FROM q3cells)) r
 GROUP BY 1 ORDER BY 1;

-- The database has moved on: 2010 has gone (records weeded), FACEBOOK 2012
-- is now 26, and a TIKTOK row has appeared.
SELECT r.* FROM foistats.reconcile(
         foistats.parse_table(:'q3'),
         (SELECT foistats.xtab(platform, year, n)
            FROM (SELECT platform, year,
                         CASE WHEN (platform, year) = ('FACEBOOK', '2012') THEN 26 ELSE n END
                    FROM q3cells WHERE year <> '2010'
                  UNION ALL VALUES ('TIKTOK', '2014', 2::bigint)) c(platform, year, n))) r
 WHERE r.status <> 'match';

-- Suppressed published cells are compared with the marker's range.
SELECT r.* FROM foistats.reconcile(
         foistats.parse_table(E'\t2022\t2023\tTotal\nArson\t<5\t1-4\t*\nFraud\t9\t*\t11\n'),
         (SELECT foistats.xtab(o, y, n) FROM (VALUES ('Arson', '2022', 3::bigint), ('Arson', '2023', 6),
                                                     ('Fraud', '2022', 9), ('Fraud', '2023', 2)) v(o, y, n))) r;

-- Year on year: last year's answer against this year's, both as published.
SELECT r.* FROM foistats.reconcile(
         foistats.parse_table(E'| Platform | 2022 | 2023 | Total |\n|---|---|---|---|\n| Facebook | 10 | 12 | 22 |\n| Twitter | 3 | - | 3 |\n| **Total** | 13 | 12 | 25 |\n'),
         foistats.parse_table(E'Platform,2022,2023,2024,Total\nFacebook,10,13,4,27\nSnapchat,-,1,2,3\nTotal,10,14,6,30\n')) r
 WHERE r.status <> 'match';
