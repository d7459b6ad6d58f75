/*
 * terms_fmgr.c
 *		Free-text term dictionaries: find canonical terms (platforms, grooming,
 *		user dictionaries) in MO text.  Thin fmgr wrappers around the pure-C
 *		Aho-Corasick automaton in terms.c, plus the per-backend cache of compiled
 *		dictionaries.
 *
 * Functions (see src/terms.sql for the SQL side and the matching rules):
 *	foistats.mentions(text, dictionary text) -> text[]
 *	foistats.mentions_any(text, dictionary text) -> boolean
 *	foistats.explain_mentions(text, dictionary text)
 *		-> setof (term text, alias text, start_pos int, matched text)
 *	foistats.term_key(text) -> text			(alias normalisation)
 *	foistats.term_changed()					(statement trigger on foistats.term)
 *
 * The cache: each backend keeps one compiled automaton per dictionary name,
 * tagged with the version of foistats.term it was compiled from, and each
 * call site (FmgrInfo) remembers the entry it used.  Why it is always
 * current, and what a row costs, is the one cache design of cache.h: while
 * the call site's stamp is current it reuses its automaton with no lookup at
 * all; a dictionary entry already confirmed under the current stamp (by
 * another call site, or this one when its dictionary argument changes from
 * row to row) is reused after a lookup by name; otherwise the version is read
 * again and the dictionary recompiled only when it changed.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "cache.h"
#include "foistats.h"
#include "terms.h"

PG_FUNCTION_INFO_V1(foistats_mentions);
PG_FUNCTION_INFO_V1(foistats_mentions_any);
PG_FUNCTION_INFO_V1(foistats_explain_mentions);
PG_FUNCTION_INFO_V1(foistats_term_key);
PG_FUNCTION_INFO_V1(foistats_term_changed);

/* one compiled dictionary; the struct itself lives for the backend's life */
typedef struct TermsDict
{
	struct TermsDict *next;
	char	   *name;			/* dictionary name (CacheMemoryContext) */
	int			namelen;
	FoistatsCacheTag tag;		/* the version of foistats.term it was built from */
	FoistatsCacheStamp checked; /* when the tag was last confirmed */
	uint64		serial;			/* bumped at each (re)compile */
	MemoryContext cxt;			/* everything below lives here */
	ac_automaton *ac;
	int			nterms;
	Datum	   *terms;			/* canonical terms, text datums, by label */
	int			naliases;
	char	  **aliases;		/* alias as written, by alias id */
	ac_hits		hits;			/* scan scratch */
	uint64	   *seen;			/* per label: stamp of the last call that saw it */
	uint64		stamp;
} TermsDict;

/* what a call site remembers (fn_extra) */
typedef struct TermsCall
{
	TermsDict  *dict;
	uint64		serial;			/* dict->serial when remembered */
	FoistatsCacheStamp stamp;	/* dict->checked when remembered */
	int			namelen;
	char		name[FLEXIBLE_ARRAY_MEMBER];
} TermsCall;

static TermsDict *terms_dicts = NULL;
static uint64 terms_serial = 0;

static void *
terms_alloc(void *arg, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) arg, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
terms_release(void *arg, void *ptr)
{
	pfree(ptr);
}

static void
terms_tick(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * Compile dictionary "name" from foistats.term (SPI connected).  Returns a
 * memory context (child of CurrentMemoryContext until the caller adopts it)
 * holding the result, filled into *d's compiled fields.
 */
static void
terms_compile(TermsDict *d, Oid nspid, const char *name, int namelen)
{
	MemoryContext cxt;
	MemoryContext old;
	ac_mem		mem;
	ac_builder *b;
	ac_automaton *ac;
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	StringInfoData q;
	uint64		nrows,
				i;
	int			nterms = 0;
	int			err;
	int32		ca,
				cb;
	Datum	   *terms;
	char	  **aliases;
	int32	   *alias_label;
	int			naliases = 0;
	text	   *prev_term = NULL;
	char	   *dictname = pnstrdup(name, namelen);

	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foistats term matching requires a UTF8 database"),
				 errdetail("The database encoding is %s.",
						   GetDatabaseEncodingName())));

	initStringInfo(&q);
	appendStringInfo(&q,
					 "SELECT term, alias, exclude FROM %s WHERE dictionary = $1 "
					 "ORDER BY term COLLATE \"C\", alias COLLATE \"C\" NULLS FIRST, exclude",
					 foistats_qualified_name(nspid, "term"));
	args[0] = PointerGetDatum(cstring_to_text_with_len(name, namelen));
	if (SPI_execute_with_args(q.data, 1, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read dictionary \"%s\"", dictname);
	nrows = SPI_processed;
	if (nrows == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("term dictionary \"%s\" does not exist", dictname),
				 errhint("SELECT DISTINCT dictionary FROM %s lists the dictionaries; "
						 "add one by inserting rows into that table.",
						 foistats_qualified_name(nspid, "term"))));

	cxt = AllocSetContextCreate(CurrentMemoryContext, "foistats term dictionary",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	mem.alloc = terms_alloc;
	mem.release = terms_release;
	mem.arg = cxt;

	terms = palloc(sizeof(Datum) * (nrows + 1));
	aliases = palloc(sizeof(char *) * (2 * nrows + 1));
	alias_label = palloc(sizeof(int32) * (2 * nrows + 1));
	b = ac_builder_new(&mem);
	if (!b)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));

	for (i = 0; i < nrows; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull,
					alias_null;
		text	   *term = DatumGetTextPP(SPI_getbinval(tup, desc, 1, &isnull));
		Datum		aliasd = SPI_getbinval(tup, desc, 2, &alias_null);
		bool		exclude = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull));
		text	   *alias = alias_null ? NULL : DatumGetTextPP(aliasd);
		int			rc;
		const char *what;

		if (prev_term == NULL ||
			VARSIZE_ANY_EXHDR(prev_term) != VARSIZE_ANY_EXHDR(term) ||
			memcmp(VARDATA_ANY(prev_term), VARDATA_ANY(term), VARSIZE_ANY_EXHDR(term)) != 0)
		{
			/* a new canonical term: it always matches itself */
			prev_term = term;
			terms[nterms] = PointerGetDatum(cstring_to_text_with_len(VARDATA_ANY(term),
																	 VARSIZE_ANY_EXHDR(term)));
			aliases[naliases] = text_to_cstring(term);
			alias_label[naliases] = nterms;
			rc = ac_builder_add(b, VARDATA_ANY(term), VARSIZE_ANY_EXHDR(term),
								nterms, naliases, false);
			naliases++;
			nterms++;
			what = "term";
			if (rc != AC_OK)
				goto bad;
		}
		if (alias == NULL)
			continue;
		aliases[naliases] = text_to_cstring(alias);
		alias_label[naliases] = nterms - 1;
		rc = ac_builder_add(b, VARDATA_ANY(alias), VARSIZE_ANY_EXHDR(alias),
							nterms - 1, naliases, exclude);
		naliases++;
		what = "alias";
		if (rc == AC_OK)
			continue;
bad:
		if (rc == AC_ERR_NOMEM)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s \"%s\" in term dictionary \"%s\"",
						what, aliases[naliases - 1], dictname),
				 rc == AC_ERR_TOOLONG ?
				 errdetail("An alias may be at most %d bytes long.", AC_MAX_ALIAS_BYTES) :
				 errdetail("It is empty once whitespace is removed.")));
	}

	ac = ac_builder_compile(b, &err, &ca, &cb);
	if (!ac)
	{
		if (err == AC_ERR_CONFLICT && ca >= 0 && cb >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("aliases \"%s\" and \"%s\" of term dictionary \"%s\" are the same words",
							aliases[ca], aliases[cb], dictname),
					 errdetail("They belong to terms \"%s\" and \"%s\" (or one of them is an exclusion); "
							   "case, whitespace and apostrophe style are ignored when matching.",
							   TextDatumGetCString(terms[alias_label[ca]]),
							   TextDatumGetCString(terms[alias_label[cb]])),
					 errhint("Delete or change one of the two rows.")));
		if (err == AC_ERR_TOOBIG)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("term dictionary \"%s\" is too large to compile", dictname)));
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	}
	ac_builder_free(b);

	d->seen = palloc0(sizeof(uint64) * (nterms + 1));
	MemoryContextSwitchTo(old);

	/* adopt: replace the previous compilation */
	if (d->cxt)
		MemoryContextDelete(d->cxt);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	d->cxt = cxt;
	d->ac = ac;
	d->nterms = nterms;
	d->terms = terms;
	d->naliases = naliases;
	d->aliases = aliases;
	memset(&d->hits, 0, sizeof(d->hits));
	d->stamp = 0;
	d->serial = ++terms_serial;
}

/*
 * The compiled dictionary for this call, kept current as described at the
 * top of the file.
 */
static TermsDict *
terms_get(FunctionCallInfo fcinfo, text *dictname)
{
	bool		is_new = false;
	TermsCall  *call = (TermsCall *) fcinfo->flinfo->fn_extra;
	const char *name = VARDATA_ANY(dictname);
	int			namelen = VARSIZE_ANY_EXHDR(dictname);
	Oid			nspid;
	FoistatsCacheTag tag;
	TermsDict  *d;

	if (call != NULL &&
		foistats_cache_current(&call->stamp) &&
		call->serial == call->dict->serial &&
		call->namelen == namelen &&
		memcmp(call->name, name, namelen) == 0)
		return call->dict;

	for (d = terms_dicts; d != NULL; d = d->next)
		if (d->namelen == namelen && memcmp(d->name, name, namelen) == 0)
			break;
	if (d == NULL)
	{
		/*
		 * A name not seen before: build its entry in this call's context and
		 * keep it (below) only once it compiled, so calls naming dictionaries
		 * that do not exist leave nothing behind in CacheMemoryContext.
		 */
		d = palloc0(sizeof(TermsDict));
		d->name = pnstrdup(name, namelen);
		d->namelen = namelen;
		is_new = true;
	}

	/* confirmed already under this stamp, by another call site or this one? */
	if (d->ac != NULL && foistats_cache_current(&d->checked))
		goto remember;

	nspid = get_func_namespace(fcinfo->flinfo->fn_oid);
	foistats_cache_read(nspid, "terms", &tag);
	if (d->ac == NULL || !foistats_cache_tag_equal(&d->tag, &tag))
	{
		int			spi_nest = foistats_spi_connect();

		terms_compile(d, nspid, name, namelen);
		foistats_spi_finish(spi_nest);
		d->tag = tag;
	}
	if (is_new)
	{
		TermsDict  *keep = MemoryContextAlloc(CacheMemoryContext, sizeof(TermsDict));

		*keep = *d;
		keep->name = MemoryContextStrdup(CacheMemoryContext, d->name);
		keep->next = terms_dicts;
		terms_dicts = keep;
		d = keep;
	}
	foistats_cache_stamp(&d->checked);

remember:
	if (call == NULL || call->namelen < namelen)
	{
		call = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
								  offsetof(TermsCall, name) + namelen + 1);
		fcinfo->flinfo->fn_extra = call;
	}
	call->dict = d;
	call->serial = d->serial;
	call->stamp = d->checked;
	call->namelen = namelen;
	memcpy(call->name, name, namelen);
	return d;
}

/*
 * The hit buffer is scratch kept with the dictionary, so it grows to the
 * largest text scanned.  Past TERMS_HITS_KEEP hits it is freed when the call
 * is done with it (and before the next scan, should a call have failed in
 * between): one large text must not pin its hits in CacheMemoryContext for
 * the session (10M hits were 537 MB).
 */
#define TERMS_HITS_KEEP		4096

static void
terms_hits_trim(TermsDict *d)
{
	if (d->hits.cap > TERMS_HITS_KEEP)
		ac_hits_free(d->ac, &d->hits);
}

static long
terms_scan(TermsDict *d, text *t, int flags)
{
	long		n;

	terms_hits_trim(d);
	n = ac_scan(d->ac, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &d->hits,
						   flags, terms_tick, NULL);

	if (n < 0)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	return n;
}

/*
 * foistats.mentions(text, dictionary text) -> text[]
 * Distinct canonical terms in order of first occurrence.
 */
Datum
foistats_mentions(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	TermsDict  *d = terms_get(fcinfo, PG_GETARG_TEXT_PP(1));
	long		n = terms_scan(d, t, 0);
	Datum	   *out;
	int			k = 0;
	long		i;
	uint64		stamp;

	if (n == 0)
	{
		terms_hits_trim(d);
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	}
	stamp = ++d->stamp;
	out = palloc(sizeof(Datum) * n);
	for (i = 0; i < n; i++)
	{
		const ac_hit *h = &d->hits.v[i];

		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
		if (h->exclude || d->seen[h->label] == stamp)
			continue;
		d->seen[h->label] = stamp;
		out[k++] = d->terms[h->label];
	}
	terms_hits_trim(d);
	if (k == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	PG_RETURN_ARRAYTYPE_P(construct_array(out, k, TEXTOID, -1, false, TYPALIGN_INT));
}

/* foistats.mentions_any(text, dictionary text) -> boolean */
Datum
foistats_mentions_any(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	TermsDict  *d = terms_get(fcinfo, PG_GETARG_TEXT_PP(1));
	long		n = terms_scan(d, t, AC_SCAN_ANY);
	long		i;
	bool		any = false;

	for (i = 0; i < n && !any; i++)
		any = !d->hits.v[i].exclude;
	terms_hits_trim(d);
	PG_RETURN_BOOL(any);
}

/*
 * foistats.explain_mentions(text, dictionary text)
 *	 -> setof (term text, alias text, start_pos int, matched text)
 * Every selected match in text order; start_pos counts characters from 1.
 * An exclusion phrase is listed with term NULL.
 */
Datum
foistats_explain_mentions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t;
	TermsDict  *d;
	long		n,
				i;
	const char *s;
	size_t		pos = 0;
	int			chars = 0;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	d = terms_get(fcinfo, PG_GETARG_TEXT_PP(1));
	n = terms_scan(d, t, 0);
	s = VARDATA_ANY(t);
	for (i = 0; i < n; i++)
	{
		/* copy: the scratch buffer is reused by the next scan */
		ac_hit		h = d->hits.v[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		CHECK_FOR_INTERRUPTS();
		chars += pg_mbstrlen_with_len(s + pos, (int) (h.start - pos));
		pos = h.start;
		if (h.exclude)
			nulls[0] = true;
		else
			values[0] = d->terms[h.label];
		values[1] = CStringGetTextDatum(d->aliases[h.alias_id]);
		values[2] = Int32GetDatum(chars + 1);
		values[3] = PointerGetDatum(cstring_to_text_with_len(s + h.start,
															 (int) (h.end - h.start)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	terms_hits_trim(d);
	return (Datum) 0;
}

/*
 * foistats.term_key(text) -> text
 * An alias as the matcher sees it: case folded, U+2019 as ', whitespace
 * collapsed and trimmed.  Two aliases with the same key are the same words.
 */
Datum
foistats_term_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *buf = palloc(len + 1);
	size_t		n = ac_normalize(VARDATA_ANY(t), len, buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) n));
}

/*
 * Statement trigger on foistats.term: refuse two terms sharing an alias and
 * bump the version of the terms cache (cache.h).
 */
Datum
foistats_term_changed(PG_FUNCTION_ARGS)
{
	int			spi_nest;
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	Oid			nspid;
	char	   *term,
			   *key_fn;
	StringInfoData q;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("foistats.term_changed() must be an AFTER ... FOR EACH STATEMENT trigger")));
	rel = trigdata->tg_relation;
	nspid = RelationGetNamespace(rel);
	term = foistats_qualified_name(nspid, RelationGetRelationName(rel));
	key_fn = foistats_qualified_name(nspid, "term_key");

	if (!TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) &&
		!TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		spi_nest = foistats_spi_connect();
		initStringInfo(&q);
		appendStringInfo(&q,
						 "WITH k AS ("
						 " SELECT dictionary, term, exclude, %s(coalesce(alias, term)) AS key FROM %s"
						 " UNION"
						 " SELECT dictionary, term, false, %s(term) FROM %s)"
						 " SELECT dictionary, key,"
						 "  string_agg(CASE WHEN exclude THEN 'an exclusion of ' ELSE '' END"
						 "             || quote_literal(term), ' and ' ORDER BY term COLLATE \"C\", exclude)"
						 " FROM k GROUP BY dictionary, key HAVING count(*) > 1"
						 " ORDER BY 1, 2 LIMIT 1",
						 key_fn, term, key_fn, term);
		/* read_only = false: see the rows this statement just wrote */
		if (SPI_execute(q.data, false, 0) != SPI_OK_SELECT)
			elog(ERROR, "could not check foistats.term for shared aliases");
		if (SPI_processed > 0)
		{
			HeapTuple	tup = SPI_tuptable->vals[0];
			TupleDesc	desc = SPI_tuptable->tupdesc;

			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("alias \"%s\" of term dictionary \"%s\" would belong to %s",
							SPI_getvalue(tup, desc, 2), SPI_getvalue(tup, desc, 1),
							SPI_getvalue(tup, desc, 3)),
					 errdetail("A canonical term always matches itself; case, whitespace "
							   "and apostrophe style are ignored when matching."),
					 errhint("An alias may name one term only, and may not be both "
							 "an alias and an exclusion.")));
		}
		foistats_spi_finish(spi_nest);
	}

	foistats_cache_bump(nspid, "terms");
	return PointerGetDatum(NULL);
}
