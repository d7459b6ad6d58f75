/*
 * suppress_fmgr.c
 *		foistats.protect(xtab, ...), foistats.disclosure_audit(xtab, ...) and
 *		foistats.publishable(xtab): SQL wrappers around the disclosure-control
 *		core in suppress.c (the xtab side of it: disclosure.c).
 *
 * What is "published" for a cross-tab
 * -----------------------------------
 * render() prints every cell not flagged XTAB_CELL_SUPPRESSED, a total per
 * row, a total per column and the grand total.  So the audit takes as
 * published: every unsuppressed cell; and every margin, with its value
 * taken from the value's published totals when it has any (a protected or
 * parsed table), else computed from the cells (a table built by the
 * aggregates, which has no suppressed cells).  When a table has published
 * totals, a margin without one is WITHHELD (protect with allow_totals =>
 * true withholds margins that way; render() and the other readers then
 * show them blank / NULL, by default: see xtab.h).  disclosure.c builds this
 * view for the core, for disclosure_audit() here and for audit()'s
 * disclosure findings alike.
 *
 * The values of suppressed cells are known when the cells add up to the
 * published totals (a table protected here keeps its true counts); else
 * (a table parsed from a published response) the audit works from the
 * published figures alone (see suppress.h).
 *
 * Flags written by protect: primary cells XTAB_CELL_SUPPRESSED, complements
 * XTAB_CELL_SUPPRESSED | XTAB_CELL_SECONDARY, rounded cells
 * XTAB_CELL_ROUNDED; every margin that is published gets a published total.
 * A footnote states the rule and the method; render() prints it.
 *
 * PUBLISHING A PROTECTED VALUE
 * ----------------------------
 * The value protect() returns keeps the TRUE counts of its withheld cells
 * (and which of them are complements), so that disclosure_audit() is exact
 * and the value round-trips through pg_dump.  Its text (::text, psql
 * output, COPY) and binary forms therefore show every withheld count.
 * Publish it only through the readers -- render(), rows(), wide(),
 * to_jsonb(), col_totals(), grand_total() -- which show withheld cells as a
 * marker or NULL and, because the value carries suppressed cells or
 * published totals, show only the totals protect() published (xtab.h,
 * "Protected / published values").  To hand out the value itself, pass it
 * through foistats.publishable(), which zeroes the withheld counts.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "common/hashfn.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "disclosure.h"
#include "marker.h"
#include "suppress.h"
#include "suppress_fmgr.h"
#include "xtab.h"

PG_FUNCTION_INFO_V1(foistats_protect);
PG_FUNCTION_INFO_V1(foistats_record_key);
PG_FUNCTION_INFO_V1(foistats_disclosure_audit);
PG_FUNCTION_INFO_V1(foistats_publishable);

static char *
row_name(const Xtab *xt, int r)
{
	int			len;
	const char *s = xtab_row_label(xt, r, &len);

	return pnstrdup(s, len);
}

static char *
col_name(const Xtab *xt, int c)
{
	int			len;
	const char *s = xtab_col_label(xt, c, &len);

	return pnstrdup(s, len);
}

int32
threshold_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("threshold must not be null")));
	return PG_GETARG_INT32(argno);
}

void
params_from_args(SdcParams *p, int32 threshold, FunctionCallInfo fcinfo,
				 int protection_arg, int zeros_arg)
{
	bool		protection_null = PG_ARGISNULL(protection_arg);
	int32		protection = protection_null ? 0 : PG_GETARG_INT32(protection_arg);
	bool		zeros = PG_ARGISNULL(zeros_arg) ? false : PG_GETARG_BOOL(zeros_arg);

	if (threshold < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("threshold must be at least 1, not %d", threshold),
				 errdetail("Counts from 1 to threshold - 1 are withheld."),
				 errhint("The usual threshold for counts of crimes is 5 (counts 1 to 4 withheld).")));
	if (!protection_null && protection < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("protection must not be negative, not %d", protection),
				 errhint("Leave it NULL to use the threshold.")));
	disclosure_params(p, threshold);
	p->protection = protection_null ? threshold : protection;
	p->zeros_sensitive = zeros;
}

/* Errors shared by protect and audit: empty, multi-label, negative. */
static void
check_shape(const Xtab *xt, const char *what)
{
	if (xtab_nrows(xt) == 0 || xtab_ncols(xt) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot %s an empty cross-tab", what),
				 errdetail("The cross-tab has %d rows and %d columns.",
						   xtab_nrows(xt), xtab_ncols(xt))));
	for (int r = 0; r < xtab_nrows(xt); r++)
		for (int c = 0; c < xtab_ncols(xt); c++)
			if (xtab_get(xt, r, c) < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot %s a cross-tab with a negative count", what),
						 errdetail("Row \"%s\", column \"%s\" has %lld.",
								   row_name(xt, r), col_name(xt, c),
								   (long long) xtab_get(xt, r, c)),
						 errhint("Counts of crimes are never negative; check how the table was built.")));
}

#define has_pub_totals(xt) xtab_has_pub_totals(xt)
#define has_suppressed(xt) xtab_has_suppressed(xt)

/*
 * Do the cells add up to every published total?  If not, *detail describes
 * the first disagreement.
 */
static bool
totals_agree(const Xtab *xt, char **detail)
{
	int64		v;

	for (int r = 0; r < xtab_nrows(xt); r++)
		if (xtab_get_pub_row_total(xt, r, &v) && v != xtab_row_total(xt, r))
		{
			*detail = psprintf("Row \"%s\" is published as %lld but its cells add up to %lld.",
							   row_name(xt, r), (long long) v,
							   (long long) xtab_row_total(xt, r));
			return false;
		}
	for (int c = 0; c < xtab_ncols(xt); c++)
		if (xtab_get_pub_col_total(xt, c, &v) && v != xtab_col_total(xt, c))
		{
			*detail = psprintf("Column \"%s\" is published as %lld but its cells add up to %lld.",
							   col_name(xt, c), (long long) v,
							   (long long) xtab_col_total(xt, c));
			return false;
		}
	if (xtab_get_pub_grand_total(xt, &v) && v != xtab_grand_total(xt))
	{
		*detail = psprintf("The grand total is published as %lld but the cells add up to %lld.",
						   (long long) v, (long long) xtab_grand_total(xt));
		return false;
	}
	return true;
}

/* ---- protect ---- */

/* The input must be a table of true counts. */
void
check_protect_input(const Xtab *xt)
{
	char	   *detail = NULL;

	check_shape(xt, "protect");
	if (!totals_agree(xt, &detail))
	{
		if (has_suppressed(xt))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot protect a cross-tab whose withheld counts are not known"),
					 errdetail("%s", detail),
					 errhint("Protect the cross-tab built from the records; use foistats.disclosure_audit() to check a published one.")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot protect a cross-tab whose published totals disagree with its cells"),
				 errdetail("%s", detail),
				 errhint("Reconcile the table first, or clear its published totals.")));
	}
}

/* Group of each row from the groups jsonb (object: row label -> group). */
static int *
row_groups(const Xtab *xt, Jsonb *jb, char ***group_names, int *ngroups,
		   const bool *no_group)
{
	int			nr = xtab_nrows(xt);
	int		   *g = palloc(Max(nr, 1) * sizeof(int));
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			cap = 16;

	*ngroups = 0;
	*group_names = palloc(cap * sizeof(char *));
	for (int r = 0; r < nr; r++)
		g[r] = -1;
	if (jb == NULL)
		return g;
	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("groups must be a JSON object"),
				 errdetail("It maps row labels to the label of their group."),
				 errhint("For example: '{\"RAPE OF MALE 16 OR OVER\": \"Rape\"}'.")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
			key = pnstrdup(v.val.string.val, v.val.string.len);
		else if (tok == WJB_VALUE)
		{
			int			r,
						k;
			char	   *name;

			if (v.type != jbvString)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("group of row \"%s\" must be a JSON string", key),
						 errhint("Map each row label to the label of its group.")));
			r = xtab_find_row(xt, key, strlen(key));
			if (r < 0 || (no_group && no_group[r]))
				continue;		/* labels of other tables are allowed */
			name = pnstrdup(v.val.string.val, v.val.string.len);
			for (k = 0; k < *ngroups; k++)
				if (strcmp((*group_names)[k], name) == 0)
					break;
			if (k == *ngroups)
			{
				if (*ngroups == cap)
				{
					cap *= 2;
					*group_names = repalloc(*group_names, cap * sizeof(char *));
				}
				(*group_names)[(*ngroups)++] = name;
			}
			g[r] = k;
		}
	}
	return g;
}

/*
 * Replace the rows marked in collapse[] by one row per group (labelled with
 * the group), placed where the group's first member was.  Rows created here
 * are flagged in *created (indexed by the new table's rows).
 */
static Xtab *
collapse_rows(const Xtab *xt, const int *group, char **group_names,
			  const bool *collapse, const bool *created_in, bool **created_out)
{
	Xtab	   *nx = xtab_create(CurrentMemoryContext);
	int			nr = xtab_nrows(xt),
				nc = xtab_ncols(xt);
	bool	   *created = palloc0(Max(nr, 1) * sizeof(bool));

	for (int c = 0; c < nc; c++)
	{
		int			len;
		const char *s = xtab_col_label(xt, c, &len);

		xtab_add_col(nx, s, len, xtab_col_kind(xt, c));
	}
	for (int r = 0; r < nr; r++)
	{
		int			nrow;

		CHECK_FOR_INTERRUPTS();
		if (collapse[r])
		{
			const char *gname = group_names[group[r]];

			nrow = xtab_add_row(nx, gname, strlen(gname));
			created[nrow] = true;
		}
		else
		{
			int			len;
			const char *s = xtab_row_label(xt, r, &len);

			nrow = xtab_add_row(nx, s, len);
			if (created_in && created_in[r])
				created[nrow] = true;
		}
		for (int c = 0; c < nc; c++)
			xtab_add(nx, nrow, c, xtab_get(xt, r, c));
	}
	if (xtab_get_title(xt))
		xtab_set_title(nx, xtab_get_title(xt));
	if (xtab_get_row_header(xt))
		xtab_set_row_header(nx, xtab_get_row_header(xt));
	for (int i = 0; i < xtab_nfootnotes(xt); i++)
		xtab_add_footnote(nx, xtab_footnote(xt, i));
	*created_out = created;
	return nx;
}

static void
report_unprotectable(const Xtab *xt, const SdcTable *t, const SdcParams *p,
					 const SdcStats *s, bool grouped)
{
	int			r = s->bad_row,
				c = s->bad_col;
	int64		v = t->cell[(Size) r * t->nc + c];
	int64		hi = Min(Min(t->rtot[r], t->ctot[c]), t->ccap ? t->ccap[c] : SDC_INF);
	int64		lo = Max(0, t->rtot[r] + t->ctot[c] - t->grand);

	/* a multi-label table cannot be rounded (its distinct-crime totals) */
	const char *alternative = xtab_has_units(xt) ?
		"perturb instead (method => 'cellkey')" :
		"round instead (method => 'round5')";

	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("cannot protect row \"%s\", column \"%s\" while every total is published",
					row_name(xt, r), col_name(xt, c)),
			 errdetail("Its count is %lld, its row total %lld and its column total %lld, so even with every cell withheld a reader knows it lies between %lld and %lld; the rule needs %lld to %lld.",
					   (long long) v, (long long) t->rtot[r], (long long) t->ctot[c],
					   (long long) lo, (long long) hi,
					   (long long) Max(0, v - p->protection),
					   (long long) (v + p->protection)),
			 grouped ?
			 errhint("The row has no group, or no other row of its group to combine with: add it to a group, allow withholding totals (allow_totals => true), or %s.",
					 alternative) :
			 errhint("Combine small rows into groups (groups => '{\"row label\": \"group\", ...}'), allow withholding totals (allow_totals => true), or %s.",
					 alternative)));
}

/*
 * The marker every withheld cell shows.  It must read as "withheld, any
 * count": a count, a blank or '-' would be read as the cell's value, and a
 * range such as '<5' would say that complements (withheld to protect
 * another cell, often large) are small.
 */
const char *
marker_or_default(FunctionCallInfo fcinfo, int argno)
{
	const char *m = MARKER_DEFAULT;

	if (PG_NARGS() > argno && !PG_ARGISNULL(argno))
		m = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	if (!marker_is_plain_withheld(m))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("marker \"%s\" does not mean \"withheld, any count\"", m),
				 errdetail("Every withheld cell shows the marker, complements included, so it must not read as a count, a blank or a range such as '<5'."),
				 errhint("Use '*', '[c]', 'x', '..', 'c' or 'suppressed'.")));
	return m;
}

/* method 'round5': controlled rounding of every figure, totals published */
static Xtab *
protect_round5(const Xtab *xt, const SdcParams *p)
{
	SdcTable   *t = disclosure_cells(xt);
	bool	   *changed = palloc0(Max((Size) t->nr * t->nc, 1));
	SdcStatus	st = sdc_round_controlled(t, p, 5, changed);
	Xtab	   *out;

	if (st != SDC_OK)
		elog(ERROR, "controlled rounding failed: %s", sdc_status_message(st));
	out = xtab_copy(xt, CurrentMemoryContext);
	for (int r = 0; r < t->nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < t->nc; c++)
		{
			Size		i = (Size) r * t->nc + c;

			xtab_set(out, r, c, t->cell[i]);
			xtab_set_flags(out, r, c, changed[i] ? XTAB_CELL_ROUNDED : 0);
		}
		xtab_set_pub_row_total(out, r, t->rtot[r]);
	}
	for (int c = 0; c < t->nc; c++)
		xtab_set_pub_col_total(out, c, t->ctot[c]);
	xtab_set_pub_grand_total(out, t->grand);
	xtab_add_footnote(out,
					  "All figures are rounded to a multiple of 5 to protect individuals "
					  "(controlled rounding: each figure, totals included, is rounded up or "
					  "down to an adjacent multiple of 5 so that rows and columns still add up "
					  "to their totals; figures already a multiple of 5 are unchanged).");
	return out;
}

/*
 * The key of a figure for the cell-key method: a hash of its row label,
 * its column label (empty for a total) and its true count.  The aggregate
 * path carries no per-record keys (xtab counts crimes, it does not keep
 * them), so the key is the cell's identity: the same cell with the same
 * count gets the same key, hence the same noise, in every table and run.
 */
static uint64
figure_key(const char *row, int rlen, const char *col, int clen, int64 v)
{
	uint64		h = hash_bytes_extended((const unsigned char *) row, rlen, UINT64CONST(0x666f6973746174));

	h = hash_bytes_extended((const unsigned char *) col, clen, h);
	return hash_bytes_extended((const unsigned char *) &v, sizeof(v), h);
}

/*
 * A cross-tab's record keys for the cell-key method: keys counts the same
 * records as the table, each weighted by its record key (foistats.xtab(...,
 * foistats.record_key(crime_ref))), so a cell's position in the perturbation
 * table is the sum of its records' keys, the same for the same records in
 * any table.  krow / kcol map the table's rows and columns to keys' (-1:
 * none there, which only a cell with no records may lack).
 */
typedef struct RecordKeys
{
	const Xtab *keys;			/* NULL: each figure's key is its identity */
	int		   *krow;
	int		   *kcol;
} RecordKeys;

static void
record_keys_map(RecordKeys *k, const Xtab *xt, const Xtab *keys)
{
	int			len;
	const char *l;

	k->keys = keys;
	k->krow = k->kcol = NULL;
	if (keys == NULL)
		return;
	if (xtab_has_units(xt) && !xtab_has_units(keys))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("keys must be a multi-label cross-tab like the table it keys"),
				 errhint("Count the record keys with the same text[] rows: foistats.xtab(labels, recorded_on, foistats.record_key(crime_ref)).")));
	k->krow = palloc(sizeof(int) * Max(1, xtab_nrows(xt)));
	k->kcol = palloc(sizeof(int) * Max(1, xtab_ncols(xt)));
	for (int i = 0; i < xtab_nrows(xt); i++)
	{
		l = xtab_row_label(xt, i, &len);
		k->krow[i] = xtab_find_row(keys, l, len);
	}
	for (int j = 0; j < xtab_ncols(xt); j++)
	{
		l = xtab_col_label(xt, j, &len);
		k->kcol[j] = xtab_find_col(keys, l, len);
	}
}

/* keys' sum for cell (i, j) of the table, whose count is v */
static int64
record_keys_cell(const RecordKeys *k, const Xtab *xt, int i, int j, int64 v)
{
	int			rl,
				cl;
	const char *r,
			   *c;

	if (k->krow[i] >= 0 && k->kcol[j] >= 0)
		return xtab_get(k->keys, k->krow[i], k->kcol[j]);
	if (v == 0)
		return 0;
	r = xtab_row_label(xt, i, &rl);
	c = xtab_col_label(xt, j, &cl);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("keys have no cell for row \"%s\", column \"%s\", which counts %lld",
					pnstrdup(r, rl), pnstrdup(c, cl), (long long) v),
			 errdetail("The record keys must be counted over the same records, rows and columns as the table."),
			 errhint("Build both from one query: foistats.xtab(row, col) and foistats.xtab(row, col, foistats.record_key(crime_ref)).")));
	return 0;					/* not reached */
}

/*
 * foistats.record_key(ref text, secret text) -> integer: a record's key for
 * the cell-key method, uniform in 0..SDC_CELLKEY_SPAN-1, a hash of its crime
 * reference seeded by a secret (without one, anybody who knows the
 * references could compute every figure's noise and take it off).
 */
Datum
foistats_record_key(PG_FUNCTION_ARGS)
{
	text	   *ref = PG_GETARG_TEXT_PP(0);
	text	   *secret = PG_GETARG_TEXT_PP(1);
	uint64		seed = hash_bytes_extended((const unsigned char *) VARDATA_ANY(secret),
										   VARSIZE_ANY_EXHDR(secret), UINT64CONST(0x7265636b6579));
	uint64		h = hash_bytes_extended((const unsigned char *) VARDATA_ANY(ref),
										VARSIZE_ANY_EXHDR(ref), seed);

	PG_RETURN_INT32((int32) ((h >> 11) % SDC_CELLKEY_SPAN));
}

/* a sum of record keys as a position in the perturbation table */
static int
record_keys_pos(int64 sum)
{
	int64		m = sum % SDC_CELLKEY_SPAN;

	return (int) (m < 0 ? m + SDC_CELLKEY_SPAN : m);
}

/*
 * method 'cellkey': every figure perturbed from its key (suppress.h): the
 * sum of its records' keys when keys are given, else its identity.
 */
static Xtab *
protect_cellkey(const Xtab *xt, const Xtab *keys)
{
	Xtab	   *out = xtab_copy(xt, CurrentMemoryContext);
	int			nr = xtab_nrows(xt),
				nc = xtab_ncols(xt);
	int			rl,
				cl;
	const char *r,
			   *c;
	RecordKeys	k;
	int64	   *colkey = palloc0(sizeof(int64) * Max(1, nc));
	int64		grandkey = 0;

	record_keys_map(&k, xt, keys);
	xtab_clear_pub_totals(out);
	for (int i = 0; i < nr; i++)
	{
		int64		rowkey = 0;
		int64		total = xtab_row_total(xt, i);

		CHECK_FOR_INTERRUPTS();
		r = xtab_row_label(xt, i, &rl);
		for (int j = 0; j < nc; j++)
		{
			int64		v = xtab_get(xt, i, j);
			int64		w;

			c = xtab_col_label(xt, j, &cl);
			if (keys)
			{
				int			pos = record_keys_pos(record_keys_cell(&k, xt, i, j, v));

				w = sdc_cellkey_value_at(v, pos);
				/* sums of keys mod SPAN: add the positions, no overflow */
				rowkey = (rowkey + pos) % SDC_CELLKEY_SPAN;
				colkey[j] = (colkey[j] + pos) % SDC_CELLKEY_SPAN;
			}
			else
				w = sdc_cellkey_value(v, figure_key(r, rl, c, cl, v));
			xtab_set(out, i, j, w);
			xtab_set_flags(out, i, j, 0);	/* no mark: it would say which moved */
		}
		if (keys)
		{
			xtab_set_pub_row_total(out, i, sdc_cellkey_value_at(total, (int) rowkey));
			grandkey = (grandkey + rowkey) % SDC_CELLKEY_SPAN;
		}
		else
			xtab_set_pub_row_total(out, i, sdc_cellkey_value(total, figure_key(r, rl, "", 0, total)));
	}
	for (int j = 0; j < nc; j++)
	{
		int64		total = xtab_col_total(xt, j);

		c = xtab_col_label(xt, j, &cl);
		xtab_set_pub_col_total(out, j, keys ? sdc_cellkey_value_at(total, (int) colkey[j]) :
							   sdc_cellkey_value(total, figure_key("", 0, c, cl, total)));
	}
	xtab_set_pub_grand_total(out, keys ? sdc_cellkey_value_at(xtab_grand_total(xt), (int) grandkey) :
							 sdc_cellkey_value(xtab_grand_total(xt),
											   figure_key("", 0, "", 0, xtab_grand_total(xt))));
	if (xtab_has_units(xt))
		for (int j = 0; j < nc; j++)
		{
			int64		units = xtab_col_units(xt, j);

			c = xtab_col_label(xt, j, &cl);
			if (keys && k.kcol[j] < 0 && units != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("keys have no column \"%s\", which counts %lld crimes",
								pnstrdup(c, cl), (long long) units),
						 errdetail("The record keys must be counted over the same records, rows and columns as the table.")));
			xtab_set_units(out, j, keys ?
						   sdc_cellkey_value_at(units, k.kcol[j] < 0 ? 0 :
												record_keys_pos(xtab_col_units(keys, k.kcol[j]))) :
						   sdc_cellkey_value(units, figure_key("units", 5, c, cl, units)));
		}
	xtab_add_footnote(out,
					  psprintf("Figures are perturbed to protect individuals (cell-key method): each figure, "
							   "totals included, has a small noise of at most %d either way, the same every "
							   "time the same figure is published; 1s and 2s are never shown and zeros stay "
							   "zero, so rows and columns may not add up exactly to their totals.",
							   SDC_CELLKEY_D));
	return out;
}

/*
 * Combining a row alone only renames it; keep a row of collapse[] only where
 * at least two rows of a group combine, or the group's label is already a
 * row (then they add up with it).  Returns how many rows still collapse.
 */
static int
real_collapses(const Xtab *xt, const int *group, char **gnames, int ngroups,
			   bool *collapse)
{
	int		   *members = palloc0(Max(ngroups, 1) * sizeof(int));
	int			k = 0;

	for (int r = 0; r < xtab_nrows(xt); r++)
		if (collapse[r])
			members[group[r]]++;
	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		const char *gname;

		if (!collapse[r])
			continue;
		gname = gnames[group[r]];
		if (members[group[r]] < 2 &&
			xtab_find_row(xt, gname, strlen(gname)) < 0)
			collapse[r] = false;
		else
			k++;
	}
	return k;
}

/*
 * method 'suppress': protect *xt; with groups, collapse rows that would be
 * mostly withheld (or that cannot be protected with totals published) into
 * their groups and protect again, until nothing more collapses.  Each round
 * removes at least one original row and a created row never collapses
 * again, so this ends.  *xt becomes the table protected (rows collapsed);
 * returns its suppression pattern.
 */
static SdcTable *
protect_suppress(Xtab **xtp, const SdcParams *p, Jsonb *groups, SdcStats *s,
				 int *ncollapsed)
{
	Xtab	   *xt = *xtp;
	bool	   *created = NULL;
	SdcTable   *t;

	*ncollapsed = 0;
	for (;;)
	{
		int		   *group;
		char	  **gnames;
		int			ngroups;
		bool	   *collapse;
		SdcStatus	st;

		t = disclosure_cells(xt);
		st = sdc_protect(t, p, s);
		if (st != SDC_OK && st != SDC_ERR_UNPROTECTABLE)
			elog(ERROR, "cell suppression failed: %s", sdc_status_message(st));
		if (groups == NULL)
		{
			if (st == SDC_ERR_UNPROTECTABLE)
				report_unprotectable(xt, t, p, s, false);
			break;
		}
		group = row_groups(xt, groups, &gnames, &ngroups, created);
		collapse = palloc0(Max(t->nr, 1) * sizeof(bool));
		sdc_collapse_plan(t, group, collapse);
		if (st == SDC_ERR_UNPROTECTABLE && group[s->bad_row] >= 0)
			collapse[s->bad_row] = true;
		if (real_collapses(xt, group, gnames, ngroups, collapse) == 0)
		{
			if (st == SDC_ERR_UNPROTECTABLE)
				report_unprotectable(xt, t, p, s, true);
			break;
		}
		for (int r = 0; r < t->nr; r++)
			if (collapse[r] && !(created && created[r]))
				(*ncollapsed)++;
		xt = collapse_rows(xt, group, gnames, collapse, created, &created);
	}
	*xtp = xt;
	return t;
}

/*
 * Every withheld cell of out shows marker and nothing else: markers of
 * withheld cells are dropped (one pass, no search per cell), then, unless
 * marker is the readers' default, marker is set on each withheld cell.
 */
void
withheld_markers(Xtab *out, const char *marker)
{
	int			k = 0;

	for (int i = 0; i < out->nmarkers; i++)
		if (!(xtab_get_flags(out, out->markers[i].row, out->markers[i].col) &
			  XTAB_CELL_SUPPRESSED))
			out->markers[k++] = out->markers[i];
	if (k != out->nmarkers)
	{
		out->nmarkers = k;
		xtab_reindex_markers(out);
	}
	if (strcmp(marker, MARKER_DEFAULT) == 0)
		return;
	for (int r = 0; r < xtab_nrows(out); r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xtab_ncols(out); c++)
			if (xtab_get_flags(out, r, c) & XTAB_CELL_SUPPRESSED)
				xtab_set_marker(out, r, c, marker);
	}
}

/*
 * The protected value: true counts, flags, published totals.  Every withheld
 * cell shows the withholding marker and nothing else: whatever marker the
 * input cell carried ('-' for a zero as parsed, a count) is replaced.
 */
static Xtab *
protected_value(const Xtab *xt, const SdcTable *t, const char *marker)
{
	Xtab	   *out = xtab_copy(xt, CurrentMemoryContext);

	xtab_clear_pub_totals(out);
	for (int r = 0; r < t->nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < t->nc; c++)
		{
			uint8_t		cs = t->cstate[(Size) r * t->nc + c];
			uint8		f = 0;

			if (cs == SDC_PRIMARY)
				f = XTAB_CELL_SUPPRESSED;
			else if (cs != SDC_PUBLISHED)
				f = XTAB_CELL_SUPPRESSED | XTAB_CELL_SECONDARY;
			xtab_set_flags(out, r, c, f);
		}
		if (t->rstate[r] == SDC_PUBLISHED)
			xtab_set_pub_row_total(out, r, t->rtot[r]);
	}
	for (int c = 0; c < t->nc; c++)
		if (t->cstate_tot[c] == SDC_PUBLISHED)
			xtab_set_pub_col_total(out, c, t->ctot[c]);
	if (t->gstate == SDC_PUBLISHED)
		xtab_set_pub_grand_total(out, t->grand);
	withheld_markers(out, marker);
	return out;
}

/* The footnote stating the rule and the method. */
char *
suppression_note(const SdcParams *p, const SdcStats *s, const char *marker)
{
	StringInfoData note;

	initStringInfo(&note);
	if (p->threshold > 1)
		appendStringInfo(&note,
						 "%s Withheld to protect individuals: counts from %d to %lld are not published%s, "
						 "and further figures are withheld so that no withheld count can be worked out "
						 "from the published figures to within %lld either way (or to above zero).",
						 marker, p->zeros_sensitive ? 0 : 1, (long long) (p->threshold - 1),
						 p->zeros_sensitive ? " (zeros included)" : "",
						 (long long) p->protection);
	else
		appendStringInfo(&note, "%s Withheld to protect individuals.", marker);
	appendStringInfo(&note,
					 " Method: cell suppression, threshold %lld, protection %lld, "
					 "%d primary and %d secondary cells withheld%s; exact audit passed.",
					 (long long) p->threshold, (long long) p->protection,
					 s->primary, s->secondary,
					 s->totals ? psprintf(", %d totals withheld (shown as %s)", s->totals, marker) : "");
	return note.data;
}

/*
 * foistats.protect(x xtab, threshold int, protection int, method text,
 *					zeros bool, allow_totals bool, groups jsonb, marker text,
 *					keys xtab)
 */
Datum
foistats_protect(PG_FUNCTION_ARGS)
{
	Xtab	   *xt;
	Xtab	   *keys;
	Xtab	   *out;
	SdcParams	p;
	SdcTable   *t;
	SdcStats	s;
	char	   *method;
	Jsonb	   *groups;
	const char *marker;
	int			ncollapsed;
	int32		threshold;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	threshold = threshold_arg(fcinfo, 1);
	method = PG_ARGISNULL(3) ? "suppress" : text_to_cstring(PG_GETARG_TEXT_PP(3));
	groups = PG_ARGISNULL(6) ? NULL : PG_GETARG_JSONB_P(6);
	marker = marker_or_default(fcinfo, 7);
	params_from_args(&p, threshold, fcinfo, 2, 4);
	p.allow_totals = PG_ARGISNULL(5) ? false : PG_GETARG_BOOL(5);

	xt = PG_GETARG_XTAB_EXPANDED(0);
	check_protect_input(xt);

	if (strcmp(method, "round5") == 0)
	{
		if (xtab_has_units(xt))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("cannot round a multi-label cross-tab"),
					 errdetail("Rounding its cells and mentions would leave its distinct-crime totals exact beside them."),
					 errhint("Use method 'suppress' (which models the distinct-crime totals) or 'cellkey'.")));
		if (groups)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("groups apply only to method 'suppress'")));
		PG_RETURN_XTAB_P(xtab_flatten(protect_round5(xt, &p)));
	}
	keys = (PG_NARGS() > 8 && !PG_ARGISNULL(8)) ? PG_GETARG_XTAB_EXPANDED(8) : NULL;
	if (keys && strcmp(method, "cellkey") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("keys apply only to method 'cellkey'")));
	if (strcmp(method, "cellkey") == 0)
	{
		if (groups)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("groups apply only to method 'suppress'")));
		PG_RETURN_XTAB_P(xtab_flatten(protect_cellkey(xt, keys)));
	}
	if (strcmp(method, "suppress") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown protection method \"%s\"", method),
				 errhint("Use 'suppress' (cell suppression with an exact audit), 'round5' (controlled rounding to base 5) or 'cellkey' (perturbation).")));

	t = protect_suppress(&xt, &p, groups, &s, &ncollapsed);
	out = protected_value(xt, t, marker);
	xtab_add_footnote(out, suppression_note(&p, &s, marker));
	if (ncollapsed > 0)
		xtab_add_footnote(out,
						  psprintf("%d rows with few crimes are combined into their groups.",
								   ncollapsed));
	PG_RETURN_XTAB_P(xtab_flatten(out));
}

/* ---- audit ---- */

static const char *
bound_text(int64 hi)
{
	return hi == SDC_INF ? "any number" : psprintf("%lld", (long long) hi);
}

/* The detail column of one withheld entry. */
static char *
audit_detail(const DisclosureWithheld *w, const SdcParams *p, bool known)
{
	const SdcInterval *o = &w->iv;
	bool		total = w->row < 0 || w->col < 0;

	if (known && o->sensitive)
		return psprintf("%s: count %lld could be anything from %lld to %s; the rule needs at least %lld to %lld",
						o->meets ? "protected" : "NOT PROTECTED",
						(long long) o->value, (long long) o->lo, bound_text(o->hi),
						(long long) Max(0, o->value - p->protection),
						(long long) (o->value + p->protection));
	if (known && total)
		return psprintf("withheld total %lld: could be anything from %lld to %s",
						(long long) o->value, (long long) o->lo, bound_text(o->hi));
	if (known)
		return psprintf("not sensitive (count %lld); withheld to protect others",
						(long long) o->value);
	if (o->sensitive)
		return psprintf("%s: true count unknown; the published figures allow %lld to %s, "
						"and a count from %d to %lld needs 0 to %lld",
						o->meets ? "protected" : "NOT PROTECTED",
						(long long) o->lo, bound_text(o->hi),
						p->zeros_sensitive ? 0 : 1, (long long) (p->threshold - 1),
						(long long) (p->threshold - 1 + p->protection));
	if (total)
		return psprintf("withheld total: the published figures allow %lld to %s",
						(long long) o->lo, bound_text(o->hi));
	return psprintf("not sensitive: the published figures put it at %lld or more",
					(long long) o->lo);
}

/* One result row of disclosure_audit. */
static void
put_audit_row(ReturnSetInfo *rsinfo, const Xtab *xt, const DisclosureWithheld *w,
			  const SdcParams *p, bool known)
{
	Datum		values[7];
	bool		nulls[7] = {0};
	const char *pstate;

	if (w->row >= 0)
		values[0] = CStringGetTextDatum(row_name(xt, w->row));
	else
		nulls[0] = true;
	if (w->col >= 0)
		values[1] = CStringGetTextDatum(col_name(xt, w->col));
	else
		nulls[1] = true;
	if (w->row < 0 || w->col < 0)
		pstate = "total";
	else if (w->state == SDC_SECONDARY)
		pstate = "secondary";
	else if (known && w->iv.sensitive)
		pstate = "primary";
	else
		pstate = "suppressed";
	values[2] = CStringGetTextDatum(pstate);
	values[3] = Int64GetDatum(w->iv.lo);
	if (w->iv.hi == SDC_INF)
		nulls[4] = true;
	else
		values[4] = Int64GetDatum(w->iv.hi);
	if (w->iv.sensitive)
		values[5] = BoolGetDatum(w->iv.meets);
	else
		nulls[5] = true;
	values[6] = CStringGetTextDatum(audit_detail(w, p, known));
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * Which totals are published: 'auto' = the value's published totals if it
 * has any, else (no cell withheld) the totals computed from the cells;
 * 'published' = exactly the value's published totals (a total it lacks is
 * withheld; with none, every total is withheld); 'computed' = every total,
 * computed from the cells (as render prints them with published_totals =>
 * false; its default prints the published ones).
 */
static bool
audit_pub_totals(const Xtab *xt, const char *totals_mode)
{
	if (strcmp(totals_mode, "published") == 0)
		return true;
	if (strcmp(totals_mode, "computed") == 0)
		return false;
	if (strcmp(totals_mode, "auto") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown totals mode \"%s\"", totals_mode),
				 errhint("Use 'auto', 'published' or 'computed'.")));
	if (!has_pub_totals(xt) && has_suppressed(xt))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot audit a cross-tab with withheld cells but no totals"),
				 errdetail("The audit works out withheld cells from the published totals; this cross-tab has none, so it cannot tell whether every total is withheld or the totals are printed from the cells."),
				 errhint("Pass totals => 'published' if every total is withheld, or totals => 'computed' if the totals are printed from the cells.")));
	return has_pub_totals(xt);
}

/*
 * foistats.disclosure_audit(x xtab, threshold int, protection int, zeros bool,
 *							  totals text)
 *	-> setof (row_label, col_label, published_state, min, max, meets_rule,
 *			  detail)
 *
 * One row per withheld cell (row-major) and per withheld total (row totals:
 * col_label NULL; column totals: row_label NULL; grand total: both NULL).
 */
Datum
foistats_disclosure_audit(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	SdcParams	p;
	DisclosureQuery q;
	DisclosureWithheld *w;
	int			nw;
	DisclosureStatus st;
	char	   *detail = NULL;

	params_from_args(&p, threshold_arg(fcinfo, 1), fcinfo, 2, 3);
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;		/* no table, no rows */
	xt = PG_GETARG_XTAB_EXPANDED(0);
	check_shape(xt, "audit");

	memset(&q, 0, sizeof(q));
	q.xt = xt;
	q.params = &p;
	q.whole_table = true;
	q.pub_totals = audit_pub_totals(xt, PG_ARGISNULL(4) ? "auto" :
									text_to_cstring(PG_GETARG_TEXT_PP(4)));
	q.known = q.pub_totals ? totals_agree(xt, &detail) : true;
	disclosure_check_sums(xt);
	st = disclosure_withheld(&q, &w, &nw);
	if (st == DISCLOSURE_INFEASIBLE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("the published figures of this cross-tab contradict each other"),
				 errdetail("No nonnegative counts in the withheld cells add up to the published totals.%s%s",
						   detail ? " " : "", detail ? detail : "")));
	if (st != DISCLOSURE_OK)
		elog(ERROR, "disclosure audit gave up with no work limit");
	for (int i = 0; i < nw; i++)
	{
		CHECK_FOR_INTERRUPTS();
		put_audit_row(rsinfo, xt, &w[i], &p, q.known);
	}
	return (Datum) 0;
}

/*
 * foistats.publishable(x xtab) -> xtab: a protected (or parsed) value that is
 * safe to hand out as a value, text form included: every withheld cell's
 * count is set to 0 and its flags to XTAB_CELL_SUPPRESSED alone (whether a
 * cell is a complement says it is not small), XTAB_CELL_ROUNDED is cleared
 * (it says a true count was not a multiple of 5), and a multi-label value
 * with withheld cells loses its units (distinct crimes per column, which
 * the readers withhold anyway).  Published totals, markers, title and
 * footnotes stay.  The result reads like a table parsed from the published
 * response: the readers show the same figures as for x, and
 * disclosure_audit() works from the published figures alone.  A value with
 * no withheld cell and no published total is not protected: error.
 */
Datum
foistats_publishable(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	bool		any_suppressed = xtab_has_suppressed(xt);

	if (!xtab_is_published(xt))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cross-tab is not protected"),
				 errdetail("It has no withheld cell and no published total, so every count in it would be handed out."),
				 errhint("Protect it first: foistats.publishable(foistats.protect(x)).")));
	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xtab_ncols(xt); c++)
		{
			uint8		f = xtab_get_flags(xt, r, c);

			if (f & XTAB_CELL_SUPPRESSED)
			{
				const char *m = xtab_get_marker(xt, r, c);

				xtab_set(xt, r, c, 0);
				f &= ~XTAB_CELL_SECONDARY;
				/* a withheld cell shows only a withheld marker */
				if (m && marker_shown(m, NULL) == NULL)
					xtab_set_marker(xt, r, c, NULL);
			}
			f &= ~XTAB_CELL_ROUNDED;
			if (f != xtab_get_flags(xt, r, c))
				xtab_set_flags(xt, r, c, f);
		}
	}
	if (any_suppressed && xtab_has_units(xt))
	{
		/* units shown only with their column's published total: keep them
		 * only when every column has one (else one would be handed out) */
		for (int c = 0; c < xtab_ncols(xt); c++)
			if (!xtab_get_pub_col_total(xt, c, &(int64){0}))
				xt->has_units = false;
	}
	PG_RETURN_XTAB_P(xtab_flatten(xt));
}
