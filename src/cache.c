/*
 * cache.c
 *		Versions, stamps and invalidations of the per-backend caches: the one
 *		design described in cache.h.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "cache.h"
#include "foistats.h"

uint64		foistats_cache_invals = 0;

static bool callback_registered = false;
static Oid	version_relid = InvalidOid; /* cache_version, as last read */

/* the saved plan that reads a version, and the schema it was made for */
static SPIPlanPtr read_plan = NULL;
static Oid	read_plan_nspid = InvalidOid;

static void
cache_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == version_relid)
		foistats_cache_invals++;
}

/* OID of cache_version in schema nspid */
static Oid
cache_version_relid(Oid nspid)
{
	Oid			relid = get_relname_relid("cache_version", nspid);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table \"cache_version\" of the foistats extension is missing"),
				 errhint("Re-create the extension: DROP EXTENSION foistats; CREATE EXTENSION foistats.")));
	return relid;
}

static void
no_version_row(const char *cache)
{
	ereport(ERROR,
			(errcode(ERRCODE_NO_DATA_FOUND),
			 errmsg("foistats.cache_version has no row for cache \"%s\"", cache),
			 errhint("Re-create the extension: DROP EXTENSION foistats; CREATE EXTENSION foistats.")));
}

void
foistats_cache_read(Oid nspid, const char *cache, FoistatsCacheTag *tag)
{
	int			spi_nest;
	Datum		arg = CStringGetTextDatum(cache);
	bool		isnull;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(cache_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	tag->relid = version_relid = cache_version_relid(nspid);

	spi_nest = foistats_spi_connect();
	if (read_plan == NULL || read_plan_nspid != nspid)
	{
		Oid			argtype = TEXTOID;
		char	   *q = psprintf("SELECT version FROM %s WHERE cache = $1",
								 foistats_qualified_name(nspid, "cache_version"));
		SPIPlanPtr	plan = SPI_prepare(q, 1, &argtype);

		if (plan == NULL || SPI_keepplan(plan) != 0)
			elog(ERROR, "could not prepare the read of foistats.cache_version: %s",
				 SPI_result_code_string(SPI_result));
		if (read_plan != NULL)
			SPI_freeplan(read_plan);
		read_plan = plan;
		read_plan_nspid = nspid;
	}
	if (SPI_execute_plan(read_plan, &arg, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read foistats.cache_version");
	if (SPI_processed != 1)
		no_version_row(cache);
	tag->version = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
											   SPI_tuptable->tupdesc, 1, &isnull));
	foistats_spi_finish(spi_nest);
}

void
foistats_cache_stamp(FoistatsCacheStamp *stamp)
{
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	memset(stamp, 0, sizeof(*stamp));
	stamp->lxid = InvalidLocalTransactionId;
	if (snap == NULL || snap->snapshot_type != SNAPSHOT_MVCC)
		return;
	stamp->lxid = MyProc->lxid;
	stamp->invals = foistats_cache_invals;
	stamp->xmin = snap->xmin;
	stamp->xmax = snap->xmax;
	stamp->xcnt = snap->xcnt;
	stamp->subxcnt = snap->subxcnt;
}

void
foistats_cache_bump(Oid nspid, const char *cache)
{
	Oid			relid = cache_version_relid(nspid);
	Oid			argtype = TEXTOID;
	Datum		arg = CStringGetTextDatum(cache);
	HeapTuple	tup;
	Oid			owner;
	Oid			save_userid;
	int			save_sec_context;
	int			spi_nest;
	char	   *q;

	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);

	q = psprintf("UPDATE %s SET version = nextval(%s::regclass) WHERE cache = $1",
				 foistats_qualified_name(nspid, "cache_version"),
				 quote_literal_cstr(foistats_qualified_name(nspid, "cache_version_seq")));
	spi_nest = foistats_spi_connect();

	/*
	 * The one change of identity in foistats (no function is SECURITY
	 * DEFINER): the UPDATE runs as cache_version's owner, so that a role that
	 * may edit term or offence_override (whose trigger calls this) needs no
	 * privilege on cache_version or its sequence, and cannot set a version
	 * of its own choosing (which could make other sessions keep a stale
	 * cache).  It runs only this fixed statement, with search_path pinned
	 * (foistats_spi_connect) and as a security-restricted operation, and
	 * switches back before anything else runs.  An error inside is fine: the
	 * transaction's abort restores the user id.
	 */
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(owner, save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	if (SPI_execute_with_args(q, 1, &argtype, &arg, NULL, false, 0) != SPI_OK_UPDATE)
		elog(ERROR, "could not bump foistats.cache_version");
	SetUserIdAndSecContext(save_userid, save_sec_context);
	if (SPI_processed != 1)
		no_version_row(cache);
	foistats_spi_finish(spi_nest);

	CacheInvalidateRelcacheByRelid(relid);
}
