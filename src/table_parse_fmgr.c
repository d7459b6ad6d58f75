/*
 * table_parse_fmgr.c
 *		foistats.parse_table(text [, format text]) -> xtab
 *
 * Thin wrapper around the pure C parser (table_parse.c): parses with palloc
 * memory, turns a parse error into an ereport naming the line and cell, and
 * builds the cross-tab with the published totals kept beside the cells.
 *
 * Mapping from the neutral parse to the xtab:
 *	count		-> the count, no flags
 *	blank, '-'	-> 0 with XTAB_CELL_BLANK; the published text ('-', 'n/a')
 *				   kept as the cell's marker when it is not empty
 *	'*', '<5'	-> 0 with XTAB_CELL_SUPPRESSED and the marker text as
 *				   published (audit and reconcile read bounds back from it)
 *	totals		-> published row/column/grand totals; a blank total is 0, a
 *				   suppressed total is left unset (no published figure)
 *	corner cell	-> the row header
 * Columns sort naturally when the value is flattened (years in time order);
 * rows keep the published order.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "table_parse.h"
#include "table_parse_fmgr.h"
#include "xtab.h"

PG_FUNCTION_INFO_V1(foistats_parse_table);
PG_FUNCTION_INFO_V1(foistats_parse_tables);
PG_FUNCTION_INFO_V1(foistats_table_cells);

static void *
tp_palloc(void *ctx, size_t size)
{
	const size_t chunk = (size_t) 8 * 1024 * 1024;
	char	   *p;
	size_t		done = 0;

	if (size <= chunk)
		return MemoryContextAllocZero((MemoryContext) ctx, size);

	/*
	 * A large table's cell array runs to about a hundred megabytes, and
	 * touching its pages for the first time is slow: zeroed in pieces, with
	 * a cancel point between them.
	 */
	p = MemoryContextAlloc((MemoryContext) ctx, size);
	while (size - done > chunk)
	{
		memset(p + done, 0, chunk);
		done += chunk;
		CHECK_FOR_INTERRUPTS();
	}
	memset(p + done, 0, size - done);
	return p;
}

static void
tp_interrupts(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

tp_format
foistats_table_format_arg(text *fmt)
{
	char	   *name = text_to_cstring(fmt);
	tp_format	f;

	if (!tp_format_from_name(name, &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown table format \"%s\"", name),
				 errhint("Use one of auto, tsv, csv, markdown, html.")));
	return f;
}

void
foistats_parse_table_into(const char *data, size_t len, tp_format format,
						  const char *const *extra_totals, int nextra, tp_table *t)
{
	tp_alloc	a;
	tp_error	err;

	a.alloc = tp_palloc;
	a.tick = tp_interrupts;
	a.ctx = CurrentMemoryContext;
	if (!tp_parse_ext(data, len, format, extra_totals, nextra, &a, t, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid published table: %s", err.message),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
}

static void
set_cell(Xtab *xt, int r, int c, const tp_cell *cell)
{
	switch (cell->kind)
	{
		case MARKER_COUNT:
			xtab_set(xt, r, c, (int64) cell->value);
			break;
		case MARKER_BLANK:
			xtab_set_flags(xt, r, c, XTAB_CELL_BLANK);
			if (cell->text && cell->text[0])
				xtab_set_marker(xt, r, c, cell->text);
			break;
		case MARKER_WITHHELD:
			xtab_set_flags(xt, r, c, XTAB_CELL_SUPPRESSED);
			xtab_set_marker(xt, r, c, cell->text);
			break;
	}
}

/* Published total from a total cell: false when it was suppressed. */
static bool
total_value(const tp_cell *cell, int64 *v)
{
	if (cell->kind == MARKER_WITHHELD)
		return false;
	*v = cell->kind == MARKER_COUNT ? (int64) cell->value : 0;
	return true;
}

Xtab *
foistats_table_to_xtab(const tp_table *t, MemoryContext mcxt)
{
	Xtab	   *xt = xtab_create(mcxt);
	int		   *cidx = palloc(sizeof(int) * t->ncols);
	int64		v;

	if (t->corner && t->corner[0])
		xtab_set_row_header(xt, t->corner);
	for (int j = 0; j < t->ncols; j++)
		cidx[j] = xtab_add_col(xt, t->col_labels[j], strlen(t->col_labels[j]), XTAB_COL_INFER);
	for (int i = 0; i < t->nrows; i++)
	{
		int			r = xtab_add_row(xt, t->row_labels[i], strlen(t->row_labels[i]));

		CHECK_FOR_INTERRUPTS();
		for (int j = 0; j < t->ncols; j++)
			set_cell(xt, r, cidx[j], &t->cells[(size_t) i * t->ncols + j]);
		if (t->has_total_col && total_value(&t->row_totals[i], &v))
			xtab_set_pub_row_total(xt, r, v);
	}
	if (t->has_total_row)
		for (int j = 0; j < t->ncols; j++)
			if (total_value(&t->col_totals[j], &v))
				xtab_set_pub_col_total(xt, cidx[j], v);
	if (t->has_total_row && t->has_total_col && total_value(&t->grand, &v))
		xtab_set_pub_grand_total(xt, v);
	/* a withheld column's units are not shown (it has no published total) */
	if (t->has_units_row)
		for (int j = 0; j < t->ncols; j++)
			if (t->col_units[j].kind == MARKER_COUNT)
				xtab_set_units(xt, cidx[j], (int64) t->col_units[j].value);
	if (t->title)
		xtab_set_title(xt, t->title);
	for (int i = 0; i < t->nnotes; i++)
		xtab_add_footnote(xt, t->notes[i]);
	pfree(cidx);
	return xt;
}

/* text[] -> C strings (NULL elements skipped) */
static int
text_array_cstrings(ArrayType *arr, char ***out)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				k = 0;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("total_labels must be a one-dimensional array")));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	*out = palloc(sizeof(char *) * Max(1, n));
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			(*out)[k++] = TextDatumGetCString(elems[i]);
	return k;
}

/*
 * foistats.parse_table(tbl text, format text DEFAULT 'auto',
 *						total_labels text[] DEFAULT '{}') -> xtab
 */
Datum
foistats_parse_table(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	tp_format	format = PG_NARGS() > 1 ? foistats_table_format_arg(PG_GETARG_TEXT_PP(1)) : TP_AUTO;
	char	  **extra = NULL;
	int			nextra = 0;
	tp_table	t;
	Xtab	   *xt;

	if (PG_NARGS() > 2)
		nextra = text_array_cstrings(PG_GETARG_ARRAYTYPE_P(2), &extra);
	foistats_parse_table_into(VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), format,
							  (const char *const *) extra, nextra, &t);
	xt = foistats_table_to_xtab(&t, CurrentMemoryContext);
	PG_RETURN_XTAB_P(xtab_flatten(xt));
}

/*
 * foistats.parse_tables(response text, total_labels text[] DEFAULT '{}')
 *	 -> setof (table_no, title, first_line, last_line, format, x)
 *
 * Every table of a whole response (see tp_find_tables), parsed as
 * parse_table would.  A table that does not parse is an error naming its
 * number and the line of the response, not a silently missing row.
 */
Datum
foistats_parse_tables(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	const char *data = VARDATA_ANY(txt);
	size_t		len = VARSIZE_ANY_EXHDR(txt);
	char	  **extra = NULL;
	int			nextra = 0;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	tp_alloc	a;
	tp_error	err;
	tp_span    *spans;
	int			n;

	if (PG_NARGS() > 1)
		nextra = text_array_cstrings(PG_GETARG_ARRAYTYPE_P(1), &extra);
	InitMaterializedSRF(fcinfo, 0);
	a.alloc = tp_palloc;
	a.tick = tp_interrupts;
	a.ctx = CurrentMemoryContext;
	n = tp_find_tables(data, len, &a, &spans, &err);
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid published response: %s", err.message)));
	for (int i = 0; i < n; i++)
	{
		tp_table	t;
		Datum		v[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		CHECK_FOR_INTERRUPTS();
		if (!tp_parse_at(data + spans[i].start, spans[i].end - spans[i].start,
						 spans[i].first_line, spans[i].format,
						 (const char *const *) extra, nextra, &a, &t, &err))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid published table %d (lines %d to %d): %s",
							i + 1, spans[i].first_line, spans[i].last_line, err.message),
					 err.detail[0] ? errdetail("%s", err.detail) : 0));
		v[0] = Int32GetDatum(i + 1);
		if (spans[i].title && spans[i].title[0])
			v[1] = CStringGetTextDatum(spans[i].title);
		else
			nulls[1] = true;
		v[2] = Int32GetDatum(spans[i].first_line);
		v[3] = Int32GetDatum(spans[i].last_line);
		v[4] = CStringGetTextDatum(tp_format_name(t.format));
		v[5] = PointerGetDatum(xtab_flatten(foistats_table_to_xtab(&t, CurrentMemoryContext)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, nulls);
	}
	PG_RETURN_NULL();
}

static void
put_cell(ReturnSetInfo *rsinfo, const char *role, const char *rl, const char *cl,
		 const tp_cell *cell)
{
	Datum		v[8];
	bool		n[8] = {false, false, false, false, false, false, false, false};
	static const char *const kinds[] = {
		[MARKER_COUNT] = "count", [MARKER_BLANK] = "blank", [MARKER_WITHHELD] = "suppressed"
	};

	v[0] = CStringGetTextDatum(role);
	v[1] = CStringGetTextDatum(rl);
	v[2] = CStringGetTextDatum(cl);
	v[3] = CStringGetTextDatum(kinds[cell->kind]);
	if (cell->kind == MARKER_WITHHELD)
		n[4] = true;
	else
		v[4] = Int64GetDatum((int64) cell->value);
	v[5] = CStringGetTextDatum(cell->text ? cell->text : "");
	v[6] = Int32GetDatum(cell->line);
	v[7] = Int32GetDatum(cell->col);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
}

/*
 * foistats.table_cells(tbl text, format text DEFAULT 'auto',
 *						total_labels text[] DEFAULT '{}')
 *	 -> setof (role, row_label, col_label, kind, value, text, line, cell)
 *
 * The parse itself, one row per cell as read: what each cell was taken for
 * (count, blank, suppressed), its text as published and where it stands in
 * the input.  For checking a parse before trusting it.
 */
Datum
foistats_table_cells(PG_FUNCTION_ARGS)
{
	text	   *txt = PG_GETARG_TEXT_PP(0);
	tp_format	format = foistats_table_format_arg(PG_GETARG_TEXT_PP(1));
	char	  **extra = NULL;
	int			nextra = text_array_cstrings(PG_GETARG_ARRAYTYPE_P(2), &extra);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	tp_table	t;

	foistats_parse_table_into(VARDATA_ANY(txt), VARSIZE_ANY_EXHDR(txt), format,
							  (const char *const *) extra, nextra, &t);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < t.nrows; i++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int j = 0; j < t.ncols; j++)
			put_cell(rsinfo, "cell", t.row_labels[i], t.col_labels[j],
					 &t.cells[(size_t) i * t.ncols + j]);
		if (t.has_total_col)
			put_cell(rsinfo, "row_total", t.row_labels[i], t.total_col_label, &t.row_totals[i]);
	}
	if (t.has_total_row)
	{
		for (int j = 0; j < t.ncols; j++)
			put_cell(rsinfo, "column_total", t.total_row_label, t.col_labels[j], &t.col_totals[j]);
		if (t.has_total_col)
			put_cell(rsinfo, "grand_total", t.total_row_label, t.total_col_label, &t.grand);
	}
	if (t.has_units_row)
	{
		for (int j = 0; j < t.ncols; j++)
			put_cell(rsinfo, "column_units", t.units_row_label, t.col_labels[j], &t.col_units[j]);
		if (t.has_total_col)
			put_cell(rsinfo, "total_units", t.units_row_label, t.total_col_label, &t.units_grand);
	}
	PG_RETURN_NULL();
}
