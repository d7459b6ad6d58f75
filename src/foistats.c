/*
 * foistats.c
 *		Module entry point: the magic block and the extension's version.
 *
 * Each concept lives in its own file under src/ (period.c, xtab.c, ...);
 * this file holds only what belongs to the module as a whole.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "foistats.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(foistats_version);

/*
 * foistats.version() -> text
 *
 * The version of the loaded shared library, so a user can tell whether the
 * installed SQL objects and the module on disk agree.
 */
Datum
foistats_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(FOISTATS_VERSION));
}

char *
foistats_qualified_name(Oid nspid, const char *name)
{
	char	   *nspname = get_namespace_name(nspid);

	if (nspname == NULL)
		elog(ERROR, "cache lookup failed for namespace %u", nspid);
	return quote_qualified_identifier(nspname, name);
}

int
foistats_spi_connect(void)
{
	int			nestlevel;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp",
							 PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	return nestlevel;
}

void
foistats_spi_finish(int guc_nestlevel)
{
	AtEOXact_GUC(false, guc_nestlevel);
	SPI_finish();
}

/*
 * For a checking function whose empty result means "nothing found" (audit,
 * audit_subset, reconcile): a NULL argument is no table at all, and answering
 * it with no rows would read as a clean check, so it is an error.  Such
 * functions are declared CALLED ON NULL INPUT and call this for each table.
 */
void
foistats_require_table(FunctionCallInfo fcinfo, int argno, const char *fn)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s() was given a NULL cross-tab", fn),
				 errdetail("No rows from %s() would mean the check found nothing, but a NULL is no table to check.", fn),
				 errhint("Find where the NULL came from: an xtab aggregate over no rows is NULL; coalesce it with '{}'::foistats.xtab to check an empty table.")));
}
