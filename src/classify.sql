-- classify: offence titles and Home Office codes -> offence attributes (src/classify_fmgr.c,
-- the classifier itself in src/classify.c).

CREATE TYPE @extschema@.offence AS (
  ho_code            text,       -- Home Office code '019/07', when it can be determined
  ho_class           text,       -- Home Office class '19D'
  ons_group          text,       -- 'Rape', 'Other sexual offences', ...
  family             text,       -- rape, sexual_assault, ..., non_sexual; NULL = cannot tell
  victim_sex         text,       -- 'female' | 'male' | NULL (title does not say)
  victim_age         int4range,  -- '[0,13)', '[13,16)', '[0,16)', '[13,18)', '[0,18)', '[13,)', '[16,)'
  offender_age       int4range,  -- '[18,)' | '[0,18)' | NULL (not stated)
  penetration        boolean,    -- NULL when not stated and not implied, or not applicable
  penetration_source text,       -- 'stated' | 'implied' (by the code's definition) | NULL
  attempt            boolean,
  multiple_offenders boolean,    -- 'multiple undefined offenders' (classes 19J/19K)
  matched_by         text,       -- 'override' | 'code' | 'class' | 'title' | 'rules' | 'words' (the words of a
                                 -- Home Office title in another order or form: class, code only if the class has one) | NULL
  unparsed           text[],     -- words the classifier could not interpret
  reason             text        -- why a field is NULL, or an assumption it made
);
COMMENT ON TYPE @extschema@.offence IS
  'classification of one offence title: Home Office code/class, ONS group, family, stated victim and offender facts, and what could not be read';

CREATE FUNCTION @extschema@.offence_key(text) RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_offence_key'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.offence_key(text) IS
  'normalised form of an offence title used for exact matching: upper-case words of letters and digits separated by single spaces';

CREATE TABLE @extschema@.offence_override (
  match   text PRIMARY KEY CHECK (@extschema@.offence_key(match) <> ''),
  ho_code text CHECK (ho_code ~ '^[0-9]{3}/[0-9]{2}$'),
  family  text CHECK (family IN ('rape', 'assault_by_penetration', 'sexual_assault',
            'child_sexual_activity', 'sexual_activity_without_consent', 'familial',
            'mental_disorder', 'sexual_exploitation', 'trafficking', 'abuse_of_trust',
            'grooming', 'other_sexual', 'exposure_voyeurism', 'unnatural', 'prostitution',
            'indecent_images', 'non_sexual')),
  note    text,
  CHECK (ho_code IS NOT NULL OR family IS NOT NULL)
);
CREATE UNIQUE INDEX offence_override_key_idx ON @extschema@.offence_override (@extschema@.offence_key(match));
COMMENT ON TABLE @extschema@.offence_override IS
  'local overrides consulted before anything else: a force code or offence description (matched ignoring case, punctuation and spacing) mapped to a Home Office code and/or a family; changes are seen by every session at its next statement';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.offence_override', '');

-- the version of foistats.ho_offence and offence_override, which each backend's
-- classification cache is tagged with
INSERT INTO @extschema@.cache_version (cache, version)
  VALUES ('classify', pg_catalog.nextval('@extschema@.cache_version_seq'::pg_catalog.regclass));

CREATE FUNCTION @extschema@.offence_override_trigger() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_offence_override_trigger'
  LANGUAGE C;
COMMENT ON FUNCTION @extschema@.offence_override_trigger() IS
  'validates override codes (row trigger) and bumps the classify version in foistats.cache_version, which invalidates every session''s classification cache (statement trigger)';
CREATE TRIGGER offence_override_check BEFORE INSERT OR UPDATE ON @extschema@.offence_override
  FOR EACH ROW EXECUTE FUNCTION @extschema@.offence_override_trigger();
CREATE TRIGGER offence_override_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.offence_override
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.offence_override_trigger();
CREATE TRIGGER ho_offence_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON @extschema@.ho_offence
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.offence_override_trigger();

CREATE FUNCTION @extschema@.classify(description text) RETURNS @extschema@.offence
  AS 'MODULE_PATHNAME', 'foistats_classify'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.classify(text) IS
  'classify an offence title or Home Office code (any common spelling); memoized per distinct title per session';

CREATE FUNCTION @extschema@.ho_class(description text) RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_ho_class'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ho_class(text) IS
  'Home Office class (e.g. 19D) of an offence title, NULL when it cannot be determined; one hash lookup per row';

CREATE FUNCTION @extschema@.ho_code(description text) RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_ho_code'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ho_code(text) IS
  'Home Office code (e.g. 019/07) of an offence title, NULL when it cannot be determined';

CREATE FUNCTION @extschema@.offence_family(description text) RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_offence_family'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.offence_family(text) IS
  'offence family (rape, sexual_assault, ..., non_sexual) of an offence title, NULL when it cannot tell';

CREATE FUNCTION @extschema@.is_sexual_offence(description text) RETURNS boolean
  AS 'MODULE_PATHNAME', 'foistats_is_sexual_offence'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_sexual_offence(text) IS
  'true for every offence family except non_sexual, false for non_sexual, NULL when the title cannot be classified';

CREATE FUNCTION @extschema@.age_conflicts(description text, victim_age integer, offender_age integer)
  RETURNS text[]
  AS 'MODULE_PATHNAME', 'foistats_age_conflicts'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_conflicts(text, integer, integer) IS
  'recorded ages that contradict the ages an offence title states, e.g. {"offender_age: title says under 18, recorded 34"}; empty when consistent or not stated';

CREATE FUNCTION @extschema@.classify_cache(OUT titles bigint, OUT lookups bigint,
  OUT misses bigint, OUT loads bigint)
  AS 'MODULE_PATHNAME', 'foistats_classify_cache'
  LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.classify_cache() IS
  'this session''s classification cache: distinct titles memoized, lookups, misses (titles classified), reference loads';
