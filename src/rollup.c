/*
 * rollup.c
 *		The statement trigger that keeps roll-ups in step with writes to their
 *		records' source table (see src/rollup.sql for the design).
 *
 * foistats.rollup_trigger() is an AFTER ... FOR EACH STATEMENT trigger on the
 * source table and on each of its partitions, with transition tables named
 * foistats_new (INSERT, UPDATE) and foistats_old (UPDATE, DELETE).  For each
 * roll-up of the table that is not stale it runs that roll-up's SQL for the
 * event (foistats.rollup.insert_sql, update_sql or delete_sql), which counts
 * the transition rows by month through the binding's expressions and yields
 * (month, added, removed, left_out), and folds each month's counts in
 * (fold_month below).  After TRUNCATE it calls foistats.rollup_truncated().
 *
 * Folding a month, under READ COMMITTED: lock the month's rows that no other
 * transaction holds (FOR UPDATE SKIP LOCKED, so writers never wait for each
 * other), add them up with this statement's counts, cancel what is both
 * added and removed, and store the sum in one of them (deleting the others);
 * with none free, insert a row of our own.  Under REPEATABLE READ or
 * SERIALIZABLE only insert (locking a row changed since our snapshot would be
 * a serialization failure).  The cross-tab arithmetic is done here, on the
 * expanded values, not through SQL functions.
 *
 * Everything is planned once per backend and kept (SPI_keepplan): the
 * roll-ups' SQL per roll-up, table and event, and the statements on the
 * roll-up tables.  A one-row INSERT so costs executions of prepared
 * plans; that is why this is C and not PL/pgSQL (whose EXECUTE plans each
 * time, and whose SQL-function helpers are planned again in every
 * transaction).  A kept plan is dropped when its roll-up is rebuilt
 * (foistats.rollup.version changed) or when the
 * table's relcache entry is invalidated
 * (ALTER TABLE: the transition tables' row type may have changed);
 * PostgreSQL's plan cache revalidates plans for changes of the objects they
 * name.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/int.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "cache.h"
#include "foistats.h"
#include "xtab.h"
#include "xtab_edit.h"

PG_FUNCTION_INFO_V1(foistats_rollup_trigger);
PG_FUNCTION_INFO_V1(foistats_rollup_invalidate);
PG_FUNCTION_INFO_V1(foistats_outcome_changed);

typedef struct RollupPlanKey
{
	int32		rollup;
	Oid			relid;
	char		event;			/* 'i', 'u' or 'd' */
} RollupPlanKey;

typedef struct RollupPlan
{
	RollupPlanKey key;			/* hash key: must be first */
	int64		version;		/* foistats.rollup.version the plan was made for */
	SPIPlanPtr	plan;
	bool		valid;			/* false: the table's relcache entry was invalidated */
} RollupPlan;

static HTAB *rollup_plans = NULL;

/*
 * The roll-ups of a table that are not stale: (id, version) pairs, as the
 * list statement gave them, kept until the table's relcache entry is
 * invalidated.  Every change to which roll-ups a table has, or to their
 * SQL, invalidates the relcache entries of the table and its partitions
 * (foistats.rollup_invalidate, called by rollup_build, drop_rollup and the
 * stale markers) while holding a lock that conflicts with writers, and a
 * writer accepts invalidation messages when it takes its lock on the table:
 * so a writer never works from a list older than the roll-ups it must keep.
 */
typedef struct RollupList
{
	Oid			relid;			/* hash key: must be first */
	bool		valid;
	int			n;
	int32	   *ids;			/* TopMemoryContext */
	int64	   *versions;
} RollupList;

static HTAB *rollup_lists = NULL;

/* Statements on foistats.rollup and rollup_month, made for schema nsp. */
typedef struct RollupStatements
{
	Oid			nsp;
	Oid			rollup_relid;	/* foistats.rollup: new when the extension is
								 * created again (ids and versions restart) */
	Oid			xtab_type;
	SPIPlanPtr	list;			/* the roll-ups of a table */
	SPIPlanPtr	sql;			/* a roll-up's SQL for an event */
	SPIPlanPtr	held;			/* a month's rows no one else holds */
	SPIPlanPtr	insert;
	SPIPlanPtr	update;
	SPIPlanPtr	delete;
} RollupStatements;

static RollupStatements stmts;

/* ALTER TABLE and the like: forget the plans over that table's rows. */
static void
rollup_relcache_cb(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS seq;
	RollupPlan *p;

	if (rollup_plans == NULL)
		return;
	hash_seq_init(&seq, rollup_plans);
	while ((p = hash_seq_search(&seq)) != NULL)
		if (relid == InvalidOid || p->key.relid == relid)
			p->valid = false;
	if (relid == InvalidOid)
	{
		RollupList *l;

		hash_seq_init(&seq, rollup_lists);
		while ((l = hash_seq_search(&seq)) != NULL)
			l->valid = false;
	}
	else
	{
		RollupList *l = hash_search(rollup_lists, &relid, HASH_FIND, NULL);

		if (l)
			l->valid = false;
	}
}

static void
init_plans(void)
{
	static bool registered = false;
	HASHCTL		ctl;

	if (rollup_plans != NULL)
		return;
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(RollupPlanKey);
	ctl.entrysize = sizeof(RollupPlan);
	rollup_plans = hash_create("foistats roll-up plans", 64, &ctl, HASH_ELEM | HASH_BLOBS);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(Oid);
	ctl.entrysize = sizeof(RollupList);
	rollup_lists = hash_create("foistats roll-up lists", 64, &ctl, HASH_ELEM | HASH_BLOBS);
	if (!registered)
		CacheRegisterRelcacheCallback(rollup_relcache_cb, (Datum) 0);
	registered = true;
}

static SPIPlanPtr
keep(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "foistats.rollup_trigger: SPI_prepare failed: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "foistats.rollup_trigger: SPI_keepplan failed");
	return plan;
}

/*
 * The statements on the roll-up tables, each planned once by
 * init_statements: where its plan is kept, the table it names (%s:
 * foistats.rollup or rollup_month of the schema), its SQL and its argument
 * types, XTAB_ARG standing for the type foistats.xtab of the schema.
 */
#define XTAB_ARG InvalidOid
#define MAX_STATEMENT_ARGS 5

typedef struct KeptStatement
{
	SPIPlanPtr *plan;
	const char *table;
	const char *sql;
	int			nargs;
	Oid			args[MAX_STATEMENT_ARGS];
} KeptStatement;

static const KeptStatement kept_statements[] = {
	{&stmts.list, "rollup",
		"SELECT r.id, r.version FROM %s r "
		"WHERE $1 = ANY (r.relations) AND r.stale IS NULL ORDER BY r.id",
	1, {REGCLASSOID}},
	{&stmts.sql, "rollup",
		"SELECT CASE $2 WHEN 'i' THEN r.insert_sql WHEN 'u' THEN r.update_sql "
		"ELSE r.delete_sql END FROM %s r WHERE r.id = $1",
	2, {INT4OID, CHAROID}},
	{&stmts.held, "rollup_month",
		"SELECT m.ctid, m.added, m.removed, m.left_out FROM %s m "
		"WHERE m.rollup = $1 AND m.month = $2 FOR UPDATE SKIP LOCKED",
	2, {INT4OID, DATEOID}},
	{&stmts.insert, "rollup_month",
		"INSERT INTO %s (rollup, month, added, removed, left_out) "
		"VALUES ($1, $2, $3, $4, $5)",
	5, {INT4OID, DATEOID, XTAB_ARG, XTAB_ARG, INT8OID}},
	{&stmts.update, "rollup_month",
		"UPDATE %s SET added = $2, removed = $3, left_out = $4 WHERE ctid = $1",
	4, {TIDOID, XTAB_ARG, XTAB_ARG, INT8OID}},
	{&stmts.delete, "rollup_month",
		"DELETE FROM %s WHERE ctid = $1",
	1, {TIDOID}},
};

/*
 * The statements on the roll-up tables of schema nsp, planned once.  When
 * foistats.rollup is not the table they were made for (the extension was
 * created again: roll-up ids and versions start again), everything kept is
 * dropped first.
 */
static void
init_statements(Oid nsp)
{
	Oid			xt;
	Oid			relid = get_relname_relid("rollup", nsp);

	if (stmts.nsp == nsp && stmts.rollup_relid == relid && stmts.delete != NULL)
		return;
	if (stmts.delete != NULL)
	{
		HASH_SEQ_STATUS seq;
		RollupPlan *p;
		RollupList *l;

		hash_seq_init(&seq, rollup_plans);
		while ((p = hash_seq_search(&seq)) != NULL)
			if (p->plan)
				SPI_freeplan(p->plan);
		hash_seq_init(&seq, rollup_lists);
		while ((l = hash_seq_search(&seq)) != NULL)
		{
			if (l->ids)
				pfree(l->ids);
			if (l->versions)
				pfree(l->versions);
		}
		hash_destroy(rollup_plans);
		hash_destroy(rollup_lists);
		rollup_plans = rollup_lists = NULL;
		init_plans();
		for (int i = 0; i < lengthof(kept_statements); i++)
			if (*kept_statements[i].plan)
				SPI_freeplan(*kept_statements[i].plan);
		memset(&stmts, 0, sizeof(stmts));
	}
	xt = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("xtab"), ObjectIdGetDatum(nsp));
	if (!OidIsValid(xt))
		elog(ERROR, "foistats.rollup_trigger: type xtab not found");
	for (int i = 0; i < lengthof(kept_statements); i++)
	{
		const KeptStatement *k = &kept_statements[i];
		Oid			args[MAX_STATEMENT_ARGS];

		for (int a = 0; a < k->nargs; a++)
			args[a] = k->args[a] == XTAB_ARG ? xt : k->args[a];
		*k->plan = keep(psprintf(k->sql, foistats_qualified_name(nsp, k->table)), k->nargs, args);
	}
	stmts.nsp = nsp;
	stmts.rollup_relid = relid;
	stmts.xtab_type = xt;
}

/*
 * The kept plan of roll-up id's SQL for event over the transition tables of
 * relid, made (from the SQL stored now) unless one for this version is kept.
 */
static SPIPlanPtr
plan_for(int32 id, int64 version, Oid relid, char event)
{
	RollupPlanKey key;
	RollupPlan *p;
	bool		found;
	Oid			argtypes[1] = {INT4OID};
	Datum		args[2] = {Int32GetDatum(id), CharGetDatum(event)};
	char	   *sql;
	bool		isnull;
	SPIPlanPtr	plan;

	memset(&key, 0, sizeof(key));
	key.rollup = id;
	key.relid = relid;
	key.event = event;
	p = hash_search(rollup_plans, &key, HASH_ENTER, &found);
	if (!found)
		p->plan = NULL;
	else if (p->plan != NULL && p->valid && p->version == version)
		return p->plan;
	if (p->plan != NULL)
	{
		SPI_freeplan(p->plan);
		p->plan = NULL;
	}
	if (SPI_execute_plan(stmts.sql, args, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "foistats.rollup_trigger: roll-up %d not found", id);
	sql = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	plan = keep(sql, 1, argtypes);
	p->plan = plan;
	p->version = version;
	p->valid = true;
	return plan;
}

/* The roll-ups of table relid, from the cache or listed now. */
static RollupList *
rollups_of(Oid relid)
{
	bool		found;
	RollupList *l = hash_search(rollup_lists, &relid, HASH_ENTER, &found);
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	int			n;

	if (!found)
	{
		l->valid = false;
		l->ids = NULL;
		l->versions = NULL;
		l->n = 0;
	}
	if (l->valid)
		return l;
	if (SPI_execute_plan(stmts.list, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "foistats.rollup_trigger: listing roll-ups failed");
	n = (int) SPI_processed;
	if (l->ids)
		pfree(l->ids);
	if (l->versions)
		pfree(l->versions);
	l->ids = MemoryContextAlloc(TopMemoryContext, Max(n, 1) * sizeof(int32));
	l->versions = MemoryContextAlloc(TopMemoryContext, Max(n, 1) * sizeof(int64));
	for (int i = 0; i < n; i++)
	{
		bool		isnull;
		HeapTuple	tup = SPI_tuptable->vals[i];

		l->ids[i] = DatumGetInt32(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		l->versions[i] = DatumGetInt64(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull));
	}
	SPI_freetuptable(SPI_tuptable);
	l->n = n;
	l->valid = true;
	return l;
}

static bool
xtab_empty(const Xtab *xt)
{
	return xt == NULL || (xtab_nrows(xt) == 0 && xtab_ncols(xt) == 0);
}

/* a - b as far as it goes, NULL when nothing is left. */
static Xtab *
net(const Xtab *a, const Xtab *b)
{
	Xtab	   *d;

	if (xtab_empty(a))
		return NULL;
	if (xtab_empty(b))
		return (Xtab *) a;
	d = xtab_subtract(a, b, true, CurrentMemoryContext);
	return xtab_empty(d) ? NULL : d;
}

static Datum
xtab_datum(const Xtab *xt, char *null)
{
	*null = xt ? ' ' : 'n';
	return xt ? PointerGetDatum(xtab_flatten(xt)) : (Datum) 0;
}

static Xtab *
get_xtab(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? NULL : xtab_expand(DatumGetXtabP(d), CurrentMemoryContext);
}

static void
run(SPIPlanPtr plan, Datum *args, const char *nulls, int expect)
{
	int			ret = SPI_execute_plan(plan, args, nulls, false, 0);

	if (ret != expect)
		elog(ERROR, "foistats.rollup_trigger: statement on the roll-up tables failed: %s",
			 SPI_result_code_string(ret));
}

/*
 * Fold one statement's counts for one month into roll-up id: added are the
 * counts of the rows it wrote, removed those of the rows it replaced or
 * deleted (either NULL), left_out the change in records left out.
 */
static void
fold_month(int32 id, Datum month, Xtab *added, Xtab *removed, int64 left_out)
{
	Xtab	   *a = net(added, removed);
	Xtab	   *r = net(removed, added);
	Datum		args[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	int			n;
	HeapTuple  *tups;
	TupleDesc	desc;
	Xtab	   *sum_a;
	Xtab	   *sum_r;

	if (a == NULL && r == NULL && left_out == 0)
		return;					/* e.g. an update of a column the question does not read */
	args[0] = Int32GetDatum(id);
	args[1] = month;
	if (XactIsoLevel != XACT_READ_COMMITTED)
	{
		args[2] = xtab_datum(a, &nulls[2]);
		args[3] = xtab_datum(r, &nulls[3]);
		args[4] = Int64GetDatum(left_out);
		run(stmts.insert, args, nulls, SPI_OK_INSERT);
		return;
	}

	run(stmts.held, args, NULL, SPI_OK_SELECT);
	n = (int) SPI_processed;
	tups = SPI_tuptable->vals;
	desc = SPI_tuptable->tupdesc;
	sum_a = xtab_create(CurrentMemoryContext);
	sum_r = xtab_create(CurrentMemoryContext);
	if (a)
		xtab_merge_into(sum_a, a);
	if (r)
		xtab_merge_into(sum_r, r);
	for (int i = 0; i < n; i++)
	{
		Xtab	   *x;
		bool		isnull;
		Datum		lo;

		CHECK_FOR_INTERRUPTS();
		if ((x = get_xtab(tups[i], desc, 2)) != NULL)
			xtab_merge_into(sum_a, x);
		if ((x = get_xtab(tups[i], desc, 3)) != NULL)
			xtab_merge_into(sum_r, x);
		lo = SPI_getbinval(tups[i], desc, 4, &isnull);
		if (!isnull && pg_add_s64_overflow(left_out, DatumGetInt64(lo), &left_out))
			ereport(ERROR, (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							errmsg("roll-up count out of range")));
	}
	a = net(sum_a, sum_r);
	r = net(sum_r, sum_a);
	for (int i = (a || r || left_out != 0) ? 1 : 0; i < n; i++)
	{
		bool		isnull;
		Datum		tid[1] = {SPI_getbinval(tups[i], desc, 1, &isnull)};

		run(stmts.delete, tid, NULL, SPI_OK_DELETE);
	}
	if (!(a || r || left_out != 0))
		return;
	if (n == 0)
	{
		args[2] = xtab_datum(a, &nulls[2]);
		args[3] = xtab_datum(r, &nulls[3]);
		args[4] = Int64GetDatum(left_out);
		run(stmts.insert, args, nulls, SPI_OK_INSERT);
	}
	else
	{
		bool		isnull;

		args[0] = SPI_getbinval(tups[0], desc, 1, &isnull);
		args[1] = xtab_datum(a, &nulls[1]);
		args[2] = xtab_datum(r, &nulls[2]);
		args[3] = Int64GetDatum(left_out);
		run(stmts.update, args, nulls, SPI_OK_UPDATE);
	}
}

Datum
foistats_rollup_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	Oid			relid;
	Oid			nsp;
	char		event;
	int			ret;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("foistats.rollup_trigger() must be called as a trigger")));
	td = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("foistats.rollup_trigger() must be an AFTER ... FOR EACH STATEMENT trigger")));
	relid = RelationGetRelid(td->tg_relation);
	nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		event = 'i';
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		event = 'u';
	else if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		event = 'd';
	else
		event = 't';
	if (event != 't' &&
		((event != 'd' && td->tg_newtable == NULL) || (event != 'i' && td->tg_oldtable == NULL)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("foistats.rollup_trigger() on %s lacks its transition tables",
						RelationGetRelationName(td->tg_relation)),
				 errhint("Create it with REFERENCING NEW TABLE AS foistats_new / OLD TABLE AS foistats_old, as foistats.create_rollup does.")));

	init_plans();
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "foistats.rollup_trigger: SPI_connect failed: %s", SPI_result_code_string(ret));

	if (event == 't')
	{
		Oid			argtypes[1] = {REGCLASSOID};
		Datum		args[1] = {ObjectIdGetDatum(relid)};
		char	   *sql = psprintf("SELECT %s($1)", foistats_qualified_name(nsp, "rollup_truncated"));

		ret = SPI_execute_with_args(sql, 1, argtypes, args, NULL, false, 0);
		if (ret < 0)
			elog(ERROR, "foistats.rollup_trigger: %s failed: %s", sql, SPI_result_code_string(ret));
	}
	else
	{
		int			n;
		int32	   *ids;
		int64	   *versions;
		RollupList *list;

		if ((ret = SPI_register_trigger_data(td)) != SPI_OK_TD_REGISTER)
			elog(ERROR, "foistats.rollup_trigger: SPI_register_trigger_data failed: %s",
				 SPI_result_code_string(ret));
		init_statements(nsp);
		list = rollups_of(relid);
		n = list->n;
		ids = palloc(Max(n, 1) * sizeof(int32));
		versions = palloc(Max(n, 1) * sizeof(int64));
		memcpy(ids, list->ids, n * sizeof(int32));
		memcpy(versions, list->versions, n * sizeof(int64));
		for (int i = 0; i < n; i++)
		{
			Datum		id[1] = {Int32GetDatum(ids[i])};
			SPITupleTable *months;
			uint64		nmonths;

			CHECK_FOR_INTERRUPTS();
			ret = SPI_execute_plan(plan_for(ids[i], versions[i], relid, event), id, NULL, false, 0);
			if (ret != SPI_OK_SELECT)
				elog(ERROR, "foistats.rollup_trigger: roll-up %d failed: %s",
					 ids[i], SPI_result_code_string(ret));
			/* (month, added, removed, left_out) per month the statement touched */
			months = SPI_tuptable;
			nmonths = SPI_processed;
			for (uint64 k = 0; k < nmonths; k++)
			{
				HeapTuple	tup = months->vals[k];
				bool		isnull;
				Datum		month = SPI_getbinval(tup, months->tupdesc, 1, &isnull);
				Datum		lo;

				if (isnull)
					continue;
				lo = SPI_getbinval(tup, months->tupdesc, 4, &isnull);
				fold_month(ids[i], month, get_xtab(tup, months->tupdesc, 2),
						   get_xtab(tup, months->tupdesc, 3), isnull ? 0 : DatumGetInt64(lo));
			}
			SPI_freetuptable(months);
		}
	}
	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * foistats.rollup_invalidate(relations regclass[]): invalidate the relcache
 * entries of these tables, so every backend lists their roll-ups again
 * before its next write to them (see RollupList).
 */
Datum
foistats_rollup_invalidate(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	deconstruct_array(arr, REGCLASSOID, sizeof(Oid), true, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i] && SearchSysCacheExists1(RELOID, elems[i]))
			CacheInvalidateRelcacheByRelid(DatumGetObjectId(elems[i]));
	PG_RETURN_VOID();
}

/*
 * Statement trigger on foistats.ho_outcome: a new "outcomes" version in
 * foistats.cache_version (src/cache.h).  Outcome labels and groups come from
 * that table, so a roll-up built with another version no longer answers.
 */
Datum
foistats_outcome_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("foistats.outcome_changed() must be called as a trigger")));
	foistats_cache_bump(RelationGetNamespace(td->tg_relation), "outcomes");
	return PointerGetDatum(NULL);
}
