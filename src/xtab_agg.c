/*
 * xtab_agg.c
 *		The foistats.xtab(...) aggregates and foistats.xtab_merge(xtab).
 *
 * One transition function serves every foistats.xtab(...) signature; on the
 * first row of a group it looks at its argument types and remembers in the
 * state what to do:
 *
 *	arg 1	row label: text, or text[] ("multi-label": one input row counts
 *			once under each distinct label, and once in its column's units)
 *	arg 2	column: date, timestamp, timestamptz (bucketed into periods here,
 *			in C), int4/int8 (column kind int) or text (kind inferred, so
 *			'2013/14' sorts as a financial year)
 *	arg 3	optional granularity text ('year' | 'fy' | 'quarter' | 'month';
 *			dates only; default 'year')
 *	last	optional bigint weight (re-aggregating pre-counted rows)
 *
 * NULLs (documented in sql/xtab_agg.sql): a NULL row label is counted under
 * the row '(blank)', a NULL column under the column '(blank)' (kind text, so
 * it sorts after the periods); a NULL weight skips the row (like sum()); a
 * NULL text[] counts under '(blank)', as do NULL elements; an EMPTY text[]
 * counts nowhere (the input row has no label of interest).
 *
 * Speed: the row label is read straight from the tuple's bytes (no copy
 * unless it is a new label), the date is bucketed by integer arithmetic and
 * the column found through a day cache and a small memo of period keys, and
 * the count goes into a dense matrix.  There is no per-row allocation on the
 * common path.  For xtab(text, date) by year, a row whose day and label were
 * seen before takes a fast path of about 64 instructions (xtab_agg_trans:
 * the label compared, in three 16-byte blocks, with an aligned copy of the
 * row's label that its memo entry points to, beside the row's cells).
 *
 * The state is a foistats.xtab, not internal: an aggregate whose state has
 * a real type can be split by Citus (partial aggregates on the shards,
 * combined on the coordinator; Citus refuses pseudo-type states) and by
 * PostgreSQL's parallel query without serialize functions (which a
 * non-internal state may not have).  To keep the transition as cheap as an
 * internal state's, the state is an EXPANDED object (utils/expandeddatum.h):
 * an XtabAggState whose header is an ExpandedObjectHeader, in its own memory
 * context under the aggregate context.  The transition function returns the
 * read-write pointer it was given, so nodeAgg keeps the object in place and
 * never copies or flattens it per row (ExecAggTransReparent, nodeAgg.c).  It
 * is flattened (to the ordinary xtab binary format) only when it leaves the
 * aggregate: a parallel worker's partial state sent to the leader, Citus's
 * worker_partial_agg sending it to the coordinator as text.  The combine and
 * final functions accept any xtab: this state, a flat value or NULL.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "period_fmgr.h"
#include "xtab.h"

typedef enum ColType
{
	COLT_DATE,
	COLT_TIMESTAMP,
	COLT_TIMESTAMPTZ,
	COLT_INT4,
	COLT_INT8,
	COLT_TEXT
} ColType;

#define MEMO_SIZE 64

typedef struct ColMemo
{
	int64		key;
	int32		col;			/* -1: empty */
	uint8		kind;
} ColMemo;

/*
 * The label -> row memo: direct-mapped, keyed by a cheap mix of the label's
 * length and its first and last 8 bytes (labels of 8 bytes or more), always
 * verified against the row's full label, so a stale or colliding slot only
 * costs a hash-table lookup.  An FOI table has tens to hundreds of distinct
 * labels, so nearly every row hits.  An entry holds what the fast path needs
 * without going through the Xtab: the row's cells, and the label to verify
 * against, as the row's label image when it is at most IMAGE_MAX bytes long
 * (see label_image), else as its bytes (in the Xtab's arena, which never
 * moves).  The cells pointers are valid while xt->cells and xt->colcap are
 * what memo_cells and memo_colcap say (memo_sync mends them after the
 * matrix grows).
 */
#define ROWMEMO_BITS 10
#define ROWMEMO_SIZE (1 << ROWMEMO_BITS)

typedef struct RowMemo
{
	const char *bytes;			/* label image, or label bytes if longer */
	int64	   *cells;			/* the row's cells: xt->cells + row * colcap */
	int32		len;			/* label length; 0: empty slot */
	int32		row;
} RowMemo;

/*
 * A label image: the bytes of a label of 8 to IMAGE_MAX bytes laid out so
 * that comparing an input label with it takes three 16-byte compares at
 * fixed places, from aligned memory, and no branch (probe_eq).  For 16
 * bytes or more: label bytes [0, 16), [m, m + 16) and [len - 16, len), m =
 * (len - 16) / 2 (IMAGE_MID: the three blocks cover the label when len is
 * at most 48); for 8 to 15 bytes: [0, 8) and [len - 8, len), three times.  Images are made once per row, in the
 * state's memory, and never move.
 */
#define IMAGE_MAX 48
#define IMAGE_SIZE 48
#define IMAGES_PER_CHUNK 64

/*
 * fast_label_len[b]: for a varlena whose first byte is b, the length of its
 * data when it is short inline text (1-byte header) of 8 to IMAGE_MAX bytes
 * (the labels the fast path reads in place), else 0.  An external TOAST
 * pointer has a 1-byte header too, but VARSIZE_SHORT reads 0 for it.
 * Filled from postgres.h's macros, so it holds on either byte order, once
 * per backend (by configure, before any state can take the fast path).
 */
static uint8 fast_label_len[256];
static bool fast_label_len_made = false;

static void
make_fast_label_len(void)
{
	for (int b = 0; b < 256; b++)
	{
		uint8		hdr[VARHDRSZ] = {(uint8) b};
		int			len = VARSIZE_SHORT(hdr) - VARHDRSZ_SHORT;

		fast_label_len[b] = (VARATT_IS_SHORT(hdr) && len >= 8 && len <= IMAGE_MAX) ? len : 0;
	}
	fast_label_len_made = true;
}

typedef struct XtabAggState
{
	ExpandedObjectHeader hdr;	/* first: the state is an expanded xtab */
	Xtab	   *xt;
	struct varlena *flat;		/* image made by state_get_flat_size, or NULL */
	bool		configured;
	bool		fast;			/* (text, date) by year: see xtab_agg_trans */
	bool		multi;			/* row label is text[] */
	ColType		coltype;
	int			gran_arg;		/* argument number of granularity, or -1 */
	int			weight_arg;		/* argument number of weight, or -1 */
	PeriodGranularity gran;
	char		gran_text[16];	/* granularity text last parsed */
	int			gran_len;
	int			null_col;		/* column index of '(blank)', or -1 */
	ColMemo		memo[MEMO_SIZE];
	/* day -> column cache for date/timestamp columns (see day_col) */
	int32	   *daycol;			/* NULL until first used; -1 = not known */
	int32		daybase;		/* day number of daycol[0] */
	int32		ndays;
	uint8		daygran;		/* granularity the cache was filled for */
	int		   *scratch;		/* multi-label: rows seen in this input row */
	int			scratchcap;
	/*
	 * The fast path (xtab_agg_trans) runs only while fast_ndays > 0: it is
	 * ndays when the state is fast, the memo's cells pointers are in sync
	 * and there is no flat image to forget; 0 otherwise (state_changed and
	 * state_get_flat_size clear it, trans_general sets it on its way out).
	 */
	int32		fast_ndays;
	int64	   *memo_cells;		/* xt->cells the memo's pointers are into */
	int32		memo_colcap;	/* xt->colcap they were computed with */
	char	  **rowimage;		/* per row: its label image, or NULL */
	int32		rowimagecap;
	char	   *images;			/* free space for images (16-byte aligned) */
	int32		imagesleft;		/* images that fit in it */
	RowMemo		rowmemo[ROWMEMO_SIZE];	/* label -> row (see memo_row) */
} XtabAggState;

PG_FUNCTION_INFO_V1(xtab_agg_trans);
PG_FUNCTION_INFO_V1(xtab_agg_final);
PG_FUNCTION_INFO_V1(xtab_agg_combine);
PG_FUNCTION_INFO_V1(xtab_merge_trans);
PG_FUNCTION_INFO_V1(xtab_plus);
PG_FUNCTION_INFO_V1(xtab_agg_serialize);
PG_FUNCTION_INFO_V1(xtab_agg_deserialize);

/* ---- the state as an expanded object ---- */

static Size state_get_flat_size(ExpandedObjectHeader *eohptr);
static void state_flatten_into(ExpandedObjectHeader *eohptr, void *result,
							   Size allocated_size);

static const ExpandedObjectMethods state_methods = {
	state_get_flat_size,
	state_flatten_into
};

/*
 * The flat form is the xtab binary format of the cross-tab so far (rows as
 * built, columns in natural order): a valid foistats.xtab.  Building a tuple
 * asks for the size twice before flattening, so the image is made once and
 * kept until the state changes (state_changed).
 */
static Size
state_get_flat_size(ExpandedObjectHeader *eohptr)
{
	XtabAggState *st = (XtabAggState *) eohptr;

	if (st->flat == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(st->hdr.eoh_context);

		st->flat = xtab_flatten(st->xt);
		MemoryContextSwitchTo(old);
		st->fast_ndays = 0;		/* the next change must forget the image */
	}
	return VARSIZE(st->flat);
}

static void
state_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	XtabAggState *st = (XtabAggState *) eohptr;

	Assert(st->flat != NULL && allocated_size == VARSIZE(st->flat));
	memcpy(result, st->flat, allocated_size);
}

/*
 * The cross-tab is about to change: forget its flat image, and keep the
 * fast path off until trans_general has checked the row memo again.
 */
static inline void
state_changed(XtabAggState *st)
{
	if (unlikely(st->flat != NULL))
	{
		pfree(st->flat);
		st->flat = NULL;
	}
	st->fast_ndays = 0;
}

/*
 * A new, empty state: an expanded object in its own context under the
 * aggregate context (nodeAgg keeps a returned read-write pointer without
 * copying only when the object's context is a child of the aggregate's).
 */
static XtabAggState *
state_create(MemoryContext aggcontext)
{
	MemoryContext cxt = AllocSetContextCreate(aggcontext, "foistats.xtab aggregate state",
											  ALLOCSET_DEFAULT_SIZES);
	XtabAggState *st = MemoryContextAllocZero(cxt, sizeof(XtabAggState));

	EOH_init_header(&st->hdr, &state_methods, cxt);
	st->xt = xtab_create(cxt);
	st->gran_arg = -1;
	st->weight_arg = -1;
	st->null_col = -1;
	for (int i = 0; i < MEMO_SIZE; i++)
		st->memo[i].col = -1;
	return st;
}

/* The state behind an expanded-object datum of ours (R/W or R/O), or NULL. */
static inline XtabAggState *
state_of_datum(Datum d)
{
	struct varlena *p = (struct varlena *) DatumGetPointer(d);
	varatt_expanded ptr;

	if (!VARATT_IS_EXTERNAL_EXPANDED(p))
		return NULL;
	/* DatumGetEOHP, inline: the transition function calls this per row */
	memcpy(&ptr, VARDATA_EXTERNAL(p), sizeof(ptr));
	if (ptr.eohptr->eoh_methods != &state_methods)
		return NULL;
	return (XtabAggState *) ptr.eohptr;
}

/*
 * The state argument (arg 0) of a transition or combine function, to be
 * modified in place: the state itself when it is ours and read-write (the
 * aggregate hands its state over that way), else a new state in the
 * aggregate context holding a copy of the given cross-tab (a flat xtab: an
 * initial value, or a state some caller flattened), or NULL for NULL.
 */
static XtabAggState *
state_arg(FunctionCallInfo fcinfo, MemoryContext aggcontext)
{
	XtabAggState *st;
	Datum		d;

	if (PG_ARGISNULL(0))
		return NULL;
	d = PG_GETARG_DATUM(0);
	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
		(st = state_of_datum(d)) != NULL)
		return st;
	st = state_create(aggcontext);
	st->xt = xtab_expand(PG_GETARG_XTAB_P(0), st->hdr.eoh_context);
	return st;
}

/*
 * A read-only view of xtab argument n: the cross-tab of our expanded state,
 * or the flat value expanded into the current (per-call) context.
 */
static const Xtab *
xtab_arg(FunctionCallInfo fcinfo, int n)
{
	XtabAggState *st = state_of_datum(PG_GETARG_DATUM(n));

	if (st != NULL)
		return st->xt;
	return PG_GETARG_XTAB_EXPANDED(n);
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fname)));
	return aggcontext;
}

/*
 * The argument types of this call.  From the expression when there is one;
 * a caller that calls the transition function by itself, without one
 * (Citus's worker_partial_agg), gets the declared types, which are exact:
 * every signature is declared with its own types.
 */
static Oid *
arg_types(FunctionCallInfo fcinfo)
{
	int			nargs = PG_NARGS();
	Oid		   *types = palloc(nargs * sizeof(Oid));
	int			ndeclared;

	for (int i = 0; i < nargs; i++)
		types[i] = get_fn_expr_argtype(fcinfo->flinfo, i);
	if (OidIsValid(types[1]))
		return types;
	pfree(types);
	(void) get_func_signature(fcinfo->flinfo->fn_oid, &types, &ndeclared);
	if (ndeclared != nargs)
		elog(ERROR, "foistats.xtab: called with %d arguments, declared with %d",
			 nargs, ndeclared);
	return types;
}

/* Work out, once per state, what the arguments are. */
static void
configure(XtabAggState *st, FunctionCallInfo fcinfo)
{
	int			nargs = PG_NARGS();
	Oid		   *types = arg_types(fcinfo);
	Oid			rowtype = types[1];
	Oid			coltype = types[2];

	st->multi = (rowtype == TEXTARRAYOID);
	if (!st->multi && rowtype != TEXTOID)
		elog(ERROR, "foistats.xtab: unexpected row label type %u", rowtype);
	switch (coltype)
	{
		case DATEOID:
			st->coltype = COLT_DATE;
			break;
		case TIMESTAMPOID:
			st->coltype = COLT_TIMESTAMP;
			break;
		case TIMESTAMPTZOID:
			st->coltype = COLT_TIMESTAMPTZ;
			break;
		case INT4OID:
			st->coltype = COLT_INT4;
			break;
		case INT8OID:
			st->coltype = COLT_INT8;
			break;
		case TEXTOID:
			st->coltype = COLT_TEXT;
			break;
		default:
			elog(ERROR, "foistats.xtab: unexpected column type %u", coltype);
	}
	for (int i = 3; i < nargs; i++)
	{
		Oid			t = types[i];

		if (t == TEXTOID)
			st->gran_arg = i;
		else if (t == INT8OID)
			st->weight_arg = i;
		else
			elog(ERROR, "foistats.xtab: unexpected argument type %u", t);
	}
	st->gran = PERIOD_YEAR;
	st->fast = (!st->multi && st->coltype == COLT_DATE &&
				st->gran_arg < 0 && st->weight_arg < 0);
	if (st->fast && !fast_label_len_made)
		make_fast_label_len();
	if (st->multi)
		st->xt->has_units = true;
	st->configured = true;
	pfree(types);
}

/* The granularity of this row (the argument is normally a constant). */
static inline void
read_granularity(XtabAggState *st, FunctionCallInfo fcinfo)
{
	text	   *g;
	int			len;
	int			gran;

	if (PG_ARGISNULL(st->gran_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("granularity must not be null"),
				 errhint("Use 'year', 'fy', 'quarter' or 'month'.")));
	g = PG_GETARG_TEXT_PP(st->gran_arg);
	len = VARSIZE_ANY_EXHDR(g);
	if (len == st->gran_len && memcmp(VARDATA_ANY(g), st->gran_text, len) == 0)
		return;
	gran = period_granularity(VARDATA_ANY(g), len);
	if (st->coltype != COLT_DATE && st->coltype != COLT_TIMESTAMP &&
		st->coltype != COLT_TIMESTAMPTZ)
		elog(ERROR, "foistats.xtab: granularity given for a non-date column");
	st->gran = (PeriodGranularity) gran;
	if (len < (int) sizeof(st->gran_text))
	{
		memcpy(st->gran_text, VARDATA_ANY(g), len);
		st->gran_len = len;
	}
}

/* Column for a period key (memoized). */
static inline int
period_col(XtabAggState *st, int64 key)
{
	ColMemo    *m = &st->memo[(uint64) key & (MEMO_SIZE - 1)];
	char		label[PERIOD_LABEL_MAX];
	int			len;

	if (m->col >= 0 && m->key == key && m->kind == (uint8) st->gran)
		return m->col;
	len = period_label(st->gran, key, label);
	m->col = xtab_add_col(st->xt, label, len, (XtabColKind) st->gran);
	m->key = key;
	m->kind = (uint8) st->gran;
	return m->col;
}

/*
 * Column of a day number.  Most rows hit the day cache: an array indexed by
 * day (relative to daybase) holding the column index, filled lazily; it
 * covers up to DAYCACHE_MAX days (about 180 years) around the dates seen.
 * Days outside it, or a change of granularity, go the slow way.
 */
#define DAYCACHE_INIT 4096
#define DAYCACHE_MAX 65536

static int
day_col_slow(XtabAggState *st, int32 days)
{
	int			c = period_col(st, period_key(st->gran, days));
	int64		idx;

	if (st->daycol == NULL || st->daygran != (uint8) st->gran)
	{
		if (st->daycol == NULL)
		{
			st->daycol = MemoryContextAlloc(st->xt->mcxt, DAYCACHE_INIT * sizeof(int32));
			st->ndays = DAYCACHE_INIT;
		}
		st->daybase = days - st->ndays / 2;
		st->daygran = (uint8) st->gran;
		memset(st->daycol, 0xFF, st->ndays * sizeof(int32));
	}
	idx = (int64) days - st->daybase;
	if (idx < 0 || idx >= st->ndays)
	{
		/* grow to cover both the old window and this day, if not too wide */
		int64		lo = Min((int64) st->daybase, (int64) days);
		int64		hi = Max((int64) st->daybase + st->ndays, (int64) days + 1);
		int64		n = st->ndays;
		int32	   *nc;

		while (n < hi - lo)
			n *= 2;
		if (n > DAYCACHE_MAX)
			return c;
		nc = MemoryContextAlloc(st->xt->mcxt, n * sizeof(int32));
		memset(nc, 0xFF, n * sizeof(int32));
		memcpy(nc + (st->daybase - lo), st->daycol, st->ndays * sizeof(int32));
		pfree(st->daycol);
		st->daycol = nc;
		st->daybase = (int32) lo;
		st->ndays = (int32) n;
		idx = (int64) days - st->daybase;
	}
	st->daycol[idx] = c;
	return c;
}

static inline int
day_col(XtabAggState *st, int32 days)
{
	uint32		idx = (uint32) days - (uint32) st->daybase;

	if (likely(idx < (uint32) st->ndays && st->daygran == (uint8) st->gran))
	{
		int			c = st->daycol[idx];

		if (c >= 0)
			return c;
	}
	return day_col_slow(st, days);
}

/* Column index of this input row. */
static inline int
row_col(XtabAggState *st, FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(2))
	{
		if (st->null_col < 0)
			st->null_col = xtab_add_col(st->xt, XTAB_NULL_LABEL,
										strlen(XTAB_NULL_LABEL), XTAB_COL_TEXT);
		return st->null_col;
	}
	if (st->gran_arg >= 0)
		read_granularity(st, fcinfo);
	switch (st->coltype)
	{
		case COLT_DATE:
			return day_col(st, period_day_of_date(PG_GETARG_DATEADT(2)));
		case COLT_TIMESTAMP:
			return day_col(st, period_day_of_timestamp(PG_GETARG_TIMESTAMP(2)));
		case COLT_TIMESTAMPTZ:
			/* the local (TimeZone) calendar date: hence STABLE */
			return day_col(st, period_day_of_timestamptz(PG_GETARG_TIMESTAMPTZ(2)));
		case COLT_INT4:
		case COLT_INT8:
			{
				int64		v = st->coltype == COLT_INT4 ?
				(int64) PG_GETARG_INT32(2) : PG_GETARG_INT64(2);
				ColMemo    *m = &st->memo[(uint64) v & (MEMO_SIZE - 1)];
				char		label[32];
				int			len;

				if (m->col >= 0 && m->key == v)
					return m->col;
				len = snprintf(label, sizeof(label), INT64_FORMAT, v);
				m->col = xtab_add_col(st->xt, label, len, XTAB_COL_INT);
				m->key = v;
				return m->col;
			}
		case COLT_TEXT:
			{
				text	   *t = PG_GETARG_TEXT_PP(2);

				return xtab_add_col(st->xt, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									XTAB_COL_INFER);
			}
	}
	return -1;					/* keep compiler quiet */
}

static void
count_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("cross-tab count out of range")));
}

static inline void
add_count(Xtab *xt, int r, int c, int64 w)
{
	int64	   *p = &xt->cells[(Size) r * xt->colcap + c];

	if (unlikely(pg_add_s64_overflow(*p, w, p)))
		count_out_of_range();
}

/* The row memo's slot of a label whose first and last 8 bytes are a and b. */
static inline uint32
rowmemo_slot_of(uint64 a, uint64 b, int len)
{
	return (uint32) (((a ^ (b + (uint64) len)) * UINT64CONST(0x9E3779B97F4A7C15)) >>
					 (64 - ROWMEMO_BITS));
}

/* The row memo's slot for a label of 8 or more bytes (see ROWMEMO_BITS). */
static inline uint32
rowmemo_slot(const char *label, int len)
{
	uint64		a,
				b;

	memcpy(&a, label, 8);
	memcpy(&b, label + len - 8, 8);
	return rowmemo_slot_of(a, b, len);
}

/*
 * Point the row memo's entries at the cells again after the matrix moved
 * or grew wider (rows are never removed, so every entry still names a row).
 */
static void
memo_sync(XtabAggState *st)
{
	Xtab	   *xt = st->xt;

	for (int i = 0; i < ROWMEMO_SIZE; i++)
		if (st->rowmemo[i].len > 0)
		{
			Assert(st->rowmemo[i].row < xt->nrows);
			st->rowmemo[i].cells = xt->cells + (Size) st->rowmemo[i].row * xt->colcap;
		}
	st->memo_cells = xt->cells;
	st->memo_colcap = xt->colcap;
}

/*
 * Offset of the middle block of a label image (see IMAGE_MAX), for a label
 * of 16 to IMAGE_MAX bytes: at most 16, and at least len - 32, so that the
 * blocks at 0, IMAGE_MID and len - 16 leave no byte out.
 */
#define IMAGE_MID(len) (((uint32) (len) - 16) >> 1)
StaticAssertDecl(IMAGE_MAX == 48, "IMAGE_MID covers labels of at most 48 bytes");

/*
 * The label image of row r (see IMAGE_MAX), made if it has none; the row's
 * label is 8 to IMAGE_MAX bytes long.
 */
static const char *
label_image(XtabAggState *st, int r)
{
	Xtab	   *xt = st->xt;
	const char *label = xt->rlabel[r].data;
	int			len = xt->rlabel[r].len;
	char	   *img;

	Assert(len >= 8 && len <= IMAGE_MAX);
	if (r >= st->rowimagecap)
	{
		int			n = Max(xt->rowcap, r + 1);

		st->rowimage = st->rowimage ?
			repalloc_huge(st->rowimage, n * sizeof(char *)) :
			MemoryContextAllocHuge(xt->mcxt, n * sizeof(char *));
		memset(st->rowimage + st->rowimagecap, 0, (n - st->rowimagecap) * sizeof(char *));
		st->rowimagecap = n;
	}
	if (st->rowimage[r] != NULL)
		return st->rowimage[r];
	if (st->imagesleft == 0)
	{
		char	   *chunk = MemoryContextAlloc(xt->mcxt, IMAGES_PER_CHUNK * IMAGE_SIZE + 16);

		st->images = (char *) TYPEALIGN(16, chunk);
		st->imagesleft = IMAGES_PER_CHUNK;
	}
	img = st->images;
	st->images += IMAGE_SIZE;
	st->imagesleft--;
	if (len < 16)
	{
		/* the first and last 8 bytes, three times */
		memcpy(img, label, 8);
		memcpy(img + 8, label + len - 8, 8);
		memcpy(img + 16, img, 16);
		memcpy(img + 32, img, 16);
	}
	else
	{
		memcpy(img, label, 16);
		memcpy(img + 16, label + IMAGE_MID(len), 16);
		memcpy(img + 32, label + len - 16, 16);
	}
	st->rowimage[r] = img;
	return img;
}

/*
 * A label of 8 to IMAGE_MAX bytes, read for comparing with images: its
 * three blocks as the image holds them (see IMAGE_MAX), and its first and
 * last 8 bytes for the memo slot.  With SSE2 the blocks are in vector
 * registers and the 8-byte words come out of them.
 */
typedef struct LabelProbe
{
#ifdef __SSE2__
	__m128i		blk[3];
#else
	const char *label;
	int			len;
#endif
	uint64		first8;
	uint64		last8;
} LabelProbe;

static inline void
probe_label(LabelProbe *p, const char *label, int len)
{
#ifdef __SSE2__
	if (len >= 16)
	{
		p->blk[0] = _mm_loadu_si128((const __m128i *) label);
		p->blk[1] = _mm_loadu_si128((const __m128i *) (label + IMAGE_MID(len)));
		p->blk[2] = _mm_loadu_si128((const __m128i *) (label + len - 16));
	}
	else
	{
		p->blk[0] = _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *) label),
									   _mm_loadl_epi64((const __m128i *) (label + len - 8)));
		p->blk[1] = p->blk[2] = p->blk[0];
	}
	/* the first 8 bytes, and the last 8 (the high half of the last block) */
	p->first8 = (uint64) _mm_cvtsi128_si64(p->blk[0]);
	p->last8 = (uint64) _mm_cvtsi128_si64(_mm_unpackhi_epi64(p->blk[2], p->blk[2]));
#else
	p->label = label;
	p->len = len;
	memcpy(&p->first8, label, 8);
	memcpy(&p->last8, label + len - 8, 8);
#endif
}

/* Whether the probed label equals the one imaged in img (same length). */
static inline bool
probe_eq(const LabelProbe *p, const char *img)
{
#ifdef __SSE2__
	__m128i		eq;

	eq = _mm_and_si128(_mm_cmpeq_epi8(p->blk[0], _mm_load_si128((const __m128i *) img)),
					   _mm_cmpeq_epi8(p->blk[1], _mm_load_si128((const __m128i *) (img + 16))));
	eq = _mm_and_si128(eq, _mm_cmpeq_epi8(p->blk[2], _mm_load_si128((const __m128i *) (img + 32))));
	return _mm_movemask_epi8(eq) == 0xFFFF;
#else
	const char *label = p->label;
	int			len = p->len;

	if (len < 16)
		return memcmp(img, &p->first8, 8) == 0 && memcmp(img + 8, &p->last8, 8) == 0;
	return memcmp(label, img, 16) == 0 &&
		memcmp(label + IMAGE_MID(len), img + 16, 16) == 0 &&
		memcmp(label + len - 16, img + 32, 16) == 0;
#endif
}

/* Row of a label, added if new; through the row memo (see ROWMEMO_BITS). */
static inline int
memo_row(XtabAggState *st, const char *label, int len)
{
	Xtab	   *xt = st->xt;
	RowMemo    *m;
	int			r;

	if (len < 8)
		return xtab_add_row(xt, label, len);
	if (len <= IMAGE_MAX)
	{
		LabelProbe	p;

		probe_label(&p, label, len);
		m = &st->rowmemo[rowmemo_slot_of(p.first8, p.last8, len)];
		if (m->len == len && probe_eq(&p, m->bytes))
			return m->row;
	}
	else
	{
		m = &st->rowmemo[rowmemo_slot(label, len)];
		if (m->len == len && xtab_label_eq(m->bytes, label, len))
			return m->row;
	}
	r = xtab_add_row(xt, label, len);
	/* the matrix may have grown: mend the other entries first */
	if (xt->cells != st->memo_cells || xt->colcap != st->memo_colcap)
		memo_sync(st);
	m->bytes = len <= IMAGE_MAX ? label_image(st, r) : xt->rlabel[r].data;
	m->cells = xt->cells + (Size) r * xt->colcap;
	m->len = len;
	m->row = r;
	return r;
}

/*
 * Let the next rows take the fast path, if this state is for it: the memo's
 * cells pointers mended if the matrix moved, the day cache made for this
 * granularity (the fast path's is always year).  Called by trans_general on
 * its way out; state_changed turns it off again.
 */
static inline void
fast_path_on(XtabAggState *st)
{
	if (!st->fast || st->flat != NULL)
		return;
	if (st->xt->cells != st->memo_cells || st->xt->colcap != st->memo_colcap)
		memo_sync(st);
	st->fast_ndays = (st->daycol != NULL && st->daygran == (uint8) st->gran) ? st->ndays : 0;
}

/* Return the state: its read-write pointer, so nodeAgg keeps it in place. */
#define PG_RETURN_STATE(st) PG_RETURN_DATUM(EOHPGetRWDatum(&(st)->hdr))

pg_noinline static Datum trans_general(FunctionCallInfo fcinfo);

/*
 * VARATT_IS_EXTERNAL_EXPANDED_RW as one compare of the first two bytes (the
 * 1-byte external header and the tag), which the compiler folds into a
 * constant.
 */
static inline bool
is_expanded_rw(const struct varlena *p)
{
	varattrib_1b_e rw;
	uint16		want,
				have;

	SET_VARTAG_1B_E(&rw, VARTAG_EXPANDED_RW);
	memcpy(&want, &rw, sizeof(want));
	memcpy(&have, p, sizeof(have));
	return have == want;
}

/*
 * xtab_agg_trans(xtab, row, col [, granularity] [, weight]) -> xtab
 *
 * The fast path serves the commonest call, xtab(text, date) by year, on a
 * row whose day and label have been seen before: the state is our own
 * expanded object (a read-write pointer to it) with the fast path on
 * (fast_ndays), the day's column is in the day cache and the label, short
 * and inline, is in the row memo.  It calls nothing, reads nothing of the
 * Xtab but the one cell, and returns the state pointer it was given;
 * everything else (the first row, a new label or day, other signatures,
 * NULLs) is trans_general's.
 */
Datum
xtab_agg_trans(PG_FUNCTION_ARGS)
{
	if (likely(!(fcinfo->args[0].isnull | fcinfo->args[1].isnull | fcinfo->args[2].isnull)))
	{
		struct varlena *sp = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(0));
		struct varlena *tp = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(1));
		XtabAggState *st;

		/* a read-write pointer to an expanded object ... */
		if (likely(is_expanded_rw(sp)))
		{
			/* (DatumGetEOHP, inline) */
			memcpy(&st, VARDATA_EXTERNAL(sp), sizeof(st));
			/* ... that is our state, with the fast path on */
			if (likely(st->hdr.eoh_methods == &state_methods))
			{
				uint32		idx = (uint32) PG_GETARG_DATEADT(2) - (uint32) st->daybase;
				int			len = fast_label_len[*(const uint8 *) tp];

				if (likely(idx < (uint32) st->fast_ndays && len != 0))
				{
					int			c = st->daycol[idx];
					LabelProbe	p;
					const RowMemo *m;

					probe_label(&p, VARDATA_SHORT(tp), len);
					m = &st->rowmemo[rowmemo_slot_of(p.first8, p.last8, len)];
					if (likely(c >= 0 && m->len == len && probe_eq(&p, m->bytes)))
					{
						int64	   *cell = &m->cells[c];

						if (unlikely(pg_add_s64_overflow(*cell, 1, cell)))
							count_out_of_range();
						return PG_GETARG_DATUM(0);
					}
				}
			}
		}
	}
	return trans_general(fcinfo);
}

/* Every call the fast path does not serve. */
static Datum
trans_general(FunctionCallInfo fcinfo)
{
	XtabAggState *st = PG_ARGISNULL(0) ? NULL : state_of_datum(PG_GETARG_DATUM(0));
	Xtab	   *xt;
	int64		w = 1;
	int			c;

	/* the first row, or a state that is not our own read-write object */
	if (st == NULL || !VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		MemoryContext aggcontext = agg_context(fcinfo, "foistats.xtab");

		st = PG_ARGISNULL(0) ? state_create(aggcontext) : state_arg(fcinfo, aggcontext);
	}
	state_changed(st);
	if (!st->configured)
		configure(st, fcinfo);
	xt = st->xt;

	if (st->weight_arg >= 0)
	{
		if (PG_ARGISNULL(st->weight_arg))
			PG_RETURN_STATE(st);
		w = PG_GETARG_INT64(st->weight_arg);
		if (w < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cross-tab weight must not be negative"),
					 errdetail("The weight (count) was " INT64_FORMAT ".", w)));
	}

	if (!st->multi)
	{
		int			r;

		c = row_col(st, fcinfo);
		if (PG_ARGISNULL(1))
			r = xtab_add_row(xt, XTAB_NULL_LABEL, strlen(XTAB_NULL_LABEL));
		else
		{
			struct varlena *t = (struct varlena *) PG_GETARG_POINTER(1);

			/*
			 * short inline text (the usual case) needs no detoasting call;
			 * a 1-byte header also marks an external TOAST pointer, which does
			 */
			if (!VARATT_IS_SHORT(t) || VARATT_IS_EXTERNAL(t))
				t = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
			r = memo_row(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		}
		add_count(xt, r, c, w);
	}
	else
	{
		ArrayType  *arr;
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;
		int			nseen = 0;

		if (PG_ARGISNULL(1))
		{
			nelems = 1;
			elems = NULL;
			nulls = NULL;
		}
		else
		{
			arr = PG_GETARG_ARRAYTYPE_P(1);
			deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT,
							  &elems, &nulls, &nelems);
			if (nelems == 0)
				PG_RETURN_STATE(st);	/* no label: counted nowhere */
		}
		c = row_col(st, fcinfo);
		if (st->scratchcap < nelems)
		{
			st->scratchcap = Max(nelems, 16);
			st->scratch = st->scratch ?
				repalloc(st->scratch, st->scratchcap * sizeof(int)) :
				MemoryContextAlloc(st->xt->mcxt, st->scratchcap * sizeof(int));
		}
		for (int i = 0; i < nelems; i++)
		{
			int			r;
			bool		dup = false;

			if (elems == NULL || nulls[i])
				r = xtab_add_row(xt, XTAB_NULL_LABEL, strlen(XTAB_NULL_LABEL));
			else
			{
				text	   *t = (text *) PG_DETOAST_DATUM_PACKED(elems[i]);

				r = xtab_add_row(xt, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
			}
			for (int j = 0; j < nseen && !dup; j++)
				dup = (st->scratch[j] == r);
			if (dup)
				continue;
			st->scratch[nseen++] = r;
			add_count(xt, r, c, w);
		}
		if (pg_add_s64_overflow(xt->cunits[c], w, &xt->cunits[c]))
			count_out_of_range();
	}
	fast_path_on(st);
	PG_RETURN_STATE(st);
}

/*
 * xtab_agg_final(xtab) -> xtab: rows sorted by label, columns in natural
 * order.  No input rows gives an empty cross-tab ('{}'), as count() gives
 * 0.  The state is not modified.
 */
Datum
xtab_agg_final(PG_FUNCTION_ARGS)
{
	const Xtab *xt;

	(void) agg_context(fcinfo, "foistats.xtab_agg_final");
	xt = PG_ARGISNULL(0) ? xtab_create(CurrentMemoryContext) : xtab_arg(fcinfo, 0);
	PG_RETURN_XTAB_P(xtab_flatten_sorted(xt));
}

/*
 * xtab_agg_combine(xtab, xtab) -> xtab: add a partial state (a parallel
 * worker's, flattened on its way to the leader; or a Citus shard's, sent as
 * text) into the state.
 */
Datum
xtab_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = agg_context(fcinfo, "foistats.xtab_agg_combine");
	XtabAggState *st;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (PG_ARGISNULL(0))
	{
		XtabAggState *in = state_of_datum(PG_GETARG_DATUM(1));

		/* the first partial state: take a copy of it */
		st = state_create(aggcontext);
		st->xt = in ? xtab_copy(in->xt, st->hdr.eoh_context) :
			xtab_expand(PG_GETARG_XTAB_P(1), st->hdr.eoh_context);
		st->configured = true;
		PG_RETURN_STATE(st);
	}
	st = state_arg(fcinfo, aggcontext);
	state_changed(st);
	st->configured = true;
	xtab_merge_into(st->xt, xtab_arg(fcinfo, 1));
	PG_RETURN_STATE(st);
}

/*
 * xtab_merge_trans(xtab, xtab) -> xtab: add a stored cross-tab.
 * NULL inputs are skipped.
 */
Datum
xtab_merge_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = agg_context(fcinfo, "foistats.xtab_merge");
	XtabAggState *st = state_arg(fcinfo, aggcontext);

	if (st == NULL)
		st = state_create(aggcontext);
	state_changed(st);
	st->configured = true;
	if (!PG_ARGISNULL(1))
		xtab_merge_into(st->xt, xtab_arg(fcinfo, 1));
	PG_RETURN_STATE(st);
}

/* xtab + xtab: rows of a in their order, then new rows of b. */
Datum
xtab_plus(PG_FUNCTION_ARGS)
{
	Xtab	   *a = PG_GETARG_XTAB_EXPANDED(0);
	Xtab	   *b = PG_GETARG_XTAB_EXPANDED(1);

	xtab_merge_into(a, b);
	PG_RETURN_XTAB_P(xtab_flatten(a));
}

/*
 * Version 0.1.0's aggregates (update/foistats--0.1.0.sql) declare the state
 * internal and pass it between parallel workers through these two, so a
 * database still at 0.1.0 keeps working with this library until ALTER
 * EXTENSION foistats UPDATE (which re-points its aggregates at the functions
 * above and drops these declarations).  The internal state is the same
 * expanded object; its serialized form is the flat xtab.
 */
Datum
xtab_agg_serialize(PG_FUNCTION_ARGS)
{
	XtabAggState *st;

	(void) agg_context(fcinfo, "foistats.xtab_agg_serialize");
	st = state_of_datum(PG_GETARG_DATUM(0));
	if (st == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("foistats.xtab_agg_serialize was given no cross-tab aggregate state")));
	PG_RETURN_BYTEA_P((bytea *) xtab_flatten(st->xt));
}

Datum
xtab_agg_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = agg_context(fcinfo, "foistats.xtab_agg_deserialize");
	XtabAggState *st = state_create(aggcontext);

	st->xt = xtab_expand(PG_GETARG_XTAB_P(0), st->hdr.eoh_context);
	st->configured = true;
	PG_RETURN_STATE(st);
}
