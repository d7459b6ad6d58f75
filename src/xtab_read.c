/*
 * xtab_read.c
 *		SQL functions that read a cross-tab: long and wide forms, labels,
 *		totals, units and JSON.
 *
 * Suppressed cells (XTAB_CELL_SUPPRESSED) read as NULL wherever a single
 * cell is shown.  Totals follow the rule in xtab.h ("Protected / published
 * values"): a value with any suppressed cell or any published total shows
 * its published totals only, a withheld one as NULL (and units of a
 * protected multi-label value as NULL); any other value shows totals
 * computed from its cells.  So no total these functions return lets a
 * reader work out a withheld cell as "total - visible cells".
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/jsonb.h"

#include "xtab.h"

PG_FUNCTION_INFO_V1(xtab_sql_rows);
PG_FUNCTION_INFO_V1(xtab_sql_wide);
PG_FUNCTION_INFO_V1(xtab_sql_col_labels);
PG_FUNCTION_INFO_V1(xtab_sql_row_labels);
PG_FUNCTION_INFO_V1(xtab_sql_col_totals);
PG_FUNCTION_INFO_V1(xtab_sql_col_units);
PG_FUNCTION_INFO_V1(xtab_sql_grand_total);
PG_FUNCTION_INFO_V1(xtab_sql_total_units);
PG_FUNCTION_INFO_V1(xtab_sql_is_multi_label);
PG_FUNCTION_INFO_V1(xtab_sql_to_jsonb);

static inline bool
suppressed(const Xtab *xt, int r, int c)
{
	return (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED) != 0;
}

static text *
label_text(const char *data, int len)
{
	return cstring_to_text_with_len(data, len);
}

Datum
xtab_sql_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	text	  **clabels;

	InitMaterializedSRF(fcinfo, 0);
	xt = PG_GETARG_XTAB_EXPANDED(0);
	clabels = palloc(Max(xt->ncols, 1) * sizeof(text *));
	for (int c = 0; c < xt->ncols; c++)
		clabels[c] = label_text(xt->clabel[c].data, xt->clabel[c].len);
	for (int r = 0; r < xt->nrows; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = PointerGetDatum(label_text(xt->rlabel[r].data, xt->rlabel[r].len));
		for (int c = 0; c < xt->ncols; c++)
		{
			values[1] = PointerGetDatum(clabels[c]);
			nulls[2] = suppressed(xt, r, c);
			values[2] = Int64GetDatum(xtab_get(xt, r, c));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

Datum
xtab_sql_wide(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	Datum	   *cells;
	bool	   *cnulls;
	int			dims[1];
	int			lbs[1] = {1};

	bool		published;

	InitMaterializedSRF(fcinfo, 0);
	xt = PG_GETARG_XTAB_EXPANDED(0);
	published = xtab_is_published(xt);
	cells = palloc(Max(xt->ncols, 1) * sizeof(Datum));
	cnulls = palloc(Max(xt->ncols, 1) * sizeof(bool));
	dims[0] = xt->ncols;
	for (int r = 0; r < xt->nrows; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xt->ncols; c++)
		{
			cells[c] = Int64GetDatum(xtab_get(xt, r, c));
			cnulls[c] = suppressed(xt, r, c);
		}
		values[0] = PointerGetDatum(label_text(xt->rlabel[r].data, xt->rlabel[r].len));
		values[1] = PointerGetDatum(construct_md_array(cells, cnulls, 1, dims, lbs,
													   INT8OID, 8, FLOAT8PASSBYVAL,
													   TYPALIGN_DOUBLE));
		{
			int64		t = 0;

			nulls[2] = !xtab_shown_row_total(xt, r, published, &t);
			values[2] = Int64GetDatum(t);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

static Datum
text_array(int n, const XtabLabel *labels)
{
	Datum	   *d = palloc(Max(n, 1) * sizeof(Datum));

	for (int i = 0; i < n; i++)
		d[i] = PointerGetDatum(label_text(labels[i].data, labels[i].len));
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* bigint[] of v; elements with isnull[i] are NULL. */
static Datum
int8_array(int n, const int64 *v, const bool *isnull)
{
	Datum	   *d = palloc(Max(n, 1) * sizeof(Datum));
	int			dims[1];
	int			lbs[1] = {1};

	for (int i = 0; i < n; i++)
		d[i] = Int64GetDatum(v[i]);
	dims[0] = n;
	if (n == 0)
		return PointerGetDatum(construct_empty_array(INT8OID));
	return PointerGetDatum(construct_md_array(d, (bool *) isnull, 1, dims, lbs,
											  INT8OID, 8, FLOAT8PASSBYVAL,
											  TYPALIGN_DOUBLE));
}

Datum
xtab_sql_col_labels(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_DATUM(text_array(xt->ncols, xt->clabel));
}

Datum
xtab_sql_row_labels(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_DATUM(text_array(xt->nrows, xt->rlabel));
}

Datum
xtab_sql_col_totals(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	bool		published = xtab_is_published(xt);
	int64	   *v = palloc(Max(xt->ncols, 1) * sizeof(int64));
	bool	   *isnull = palloc(Max(xt->ncols, 1) * sizeof(bool));

	for (int c = 0; c < xt->ncols; c++)
		isnull[c] = !xtab_shown_col_total(xt, c, published, &v[c]);
	PG_RETURN_DATUM(int8_array(xt->ncols, v, isnull));
}

Datum
xtab_sql_col_units(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	bool		published = xtab_is_published(xt);
	int64	   *v = palloc(Max(xt->ncols, 1) * sizeof(int64));
	bool	   *isnull = palloc(Max(xt->ncols, 1) * sizeof(bool));

	for (int c = 0; c < xt->ncols; c++)
		isnull[c] = !xtab_shown_col_units(xt, c, published, &v[c]);
	PG_RETURN_DATUM(int8_array(xt->ncols, v, isnull));
}

Datum
xtab_sql_grand_total(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	int64		v;

	if (!xtab_shown_grand_total(xt, xtab_is_published(xt), &v))
		PG_RETURN_NULL();
	PG_RETURN_INT64(v);
}

Datum
xtab_sql_total_units(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	int64		v;

	if (!xtab_shown_total_units(xt, xtab_is_published(xt), &v))
		PG_RETURN_NULL();
	PG_RETURN_INT64(v);
}

Datum
xtab_sql_is_multi_label(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_BOOL(xtab_has_units(xt));
}

/*
 * to_jsonb builds the jsonb value directly (pushJsonbValue), not as JSON
 * text parsed by jsonb_in: that parse had no cancel point (about 0.4 s for
 * 3M cells) and doubled the memory.  The value is the one jsonb_in made of
 * the text this function used to write: the same keys (pushJsonbValue sorts
 * an object's keys at its end, as jsonb_in does), numbers as numeric of the
 * same int64, labels as strings up to their first NUL byte (the text form
 * went through a C string).
 */
static void
jb_push(JsonbParseState **st, JsonbIteratorToken tok, JsonbValue *v)
{
	(void) pushJsonbValue(st, tok, v);
}

static void
jb_string(JsonbParseState **st, JsonbIteratorToken tok, const char *data, int len)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) data;
	v.val.string.len = (int) strnlen(data, len);
	jb_push(st, tok, &v);
}

static void
jb_key(JsonbParseState **st, const char *key)
{
	jb_string(st, WJB_KEY, key, strlen(key));
}

static void
jb_int(JsonbParseState **st, JsonbIteratorToken tok, int64 n)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	v.val.numeric = int64_to_numeric(n);
	jb_push(st, tok, &v);
}

static void
jb_null(JsonbParseState **st, JsonbIteratorToken tok)
{
	JsonbValue	v;

	v.type = jbvNull;
	jb_push(st, tok, &v);
}

/* A total as JSON: the number, or null when withheld. */
static void
jb_total(JsonbParseState **st, JsonbIteratorToken tok, bool shown, int64 v)
{
	if (shown)
		jb_int(st, tok, v);
	else
		jb_null(st, tok);
}

/*
 * Totals ("total", "col_totals", "grand_total", "units", "total_units")
 * follow the rule in xtab.h: a published value's published totals (null
 * where withheld), else computed from the cells.
 *
 * {"cols": [...], "col_kinds": [...], "rows": [{"label", "cells", "total"}],
 *	"col_totals": [...], "grand_total": n,
 *	["units": [...], "total_units": n,] ["title",] ["row_header",]
 *	["footnotes": [...],] ["published": {"row_totals", "col_totals",
 *	"grand_total"}]}
 */
Datum
xtab_sql_to_jsonb(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	JsonbParseState *st = NULL;
	JsonbValue *res;
	bool		anypub = xt->pub_grand_set;
	bool		published = xtab_is_published(xt);
	int64		t = 0;
	bool		shown;

	jb_push(&st, WJB_BEGIN_OBJECT, NULL);
	jb_key(&st, "cols");
	jb_push(&st, WJB_BEGIN_ARRAY, NULL);
	for (int c = 0; c < xt->ncols; c++)
	{
		CHECK_FOR_INTERRUPTS();
		jb_string(&st, WJB_ELEM, xt->clabel[c].data, xt->clabel[c].len);
	}
	jb_push(&st, WJB_END_ARRAY, NULL);
	jb_key(&st, "col_kinds");
	jb_push(&st, WJB_BEGIN_ARRAY, NULL);
	for (int c = 0; c < xt->ncols; c++)
	{
		const char *k = xtab_kind_name(xt->ckind[c]);

		CHECK_FOR_INTERRUPTS();
		jb_string(&st, WJB_ELEM, k, strlen(k));
	}
	jb_push(&st, WJB_END_ARRAY, NULL);
	jb_key(&st, "rows");
	jb_push(&st, WJB_BEGIN_ARRAY, NULL);
	for (int r = 0; r < xt->nrows; r++)
	{
		CHECK_FOR_INTERRUPTS();
		jb_push(&st, WJB_BEGIN_OBJECT, NULL);
		jb_key(&st, "label");
		jb_string(&st, WJB_VALUE, xt->rlabel[r].data, xt->rlabel[r].len);
		jb_key(&st, "cells");
		jb_push(&st, WJB_BEGIN_ARRAY, NULL);
		for (int c = 0; c < xt->ncols; c++)
		{
			if ((c & 4095) == 4095)
				CHECK_FOR_INTERRUPTS();
			if (suppressed(xt, r, c))
				jb_null(&st, WJB_ELEM);
			else
				jb_int(&st, WJB_ELEM, xtab_get(xt, r, c));
		}
		jb_push(&st, WJB_END_ARRAY, NULL);
		jb_key(&st, "total");
		shown = xtab_shown_row_total(xt, r, published, &t);
		jb_total(&st, WJB_VALUE, shown, t);
		jb_push(&st, WJB_END_OBJECT, NULL);
		anypub = anypub || xt->rpub_set[r];
	}
	jb_push(&st, WJB_END_ARRAY, NULL);
	jb_key(&st, "col_totals");
	jb_push(&st, WJB_BEGIN_ARRAY, NULL);
	for (int c = 0; c < xt->ncols; c++)
	{
		CHECK_FOR_INTERRUPTS();
		shown = xtab_shown_col_total(xt, c, published, &t);
		jb_total(&st, WJB_ELEM, shown, t);
		anypub = anypub || xt->cpub_set[c];
	}
	jb_push(&st, WJB_END_ARRAY, NULL);
	jb_key(&st, "grand_total");
	shown = xtab_shown_grand_total(xt, published, &t);
	jb_total(&st, WJB_VALUE, shown, t);
	if (xt->has_units)
	{
		jb_key(&st, "units");
		jb_push(&st, WJB_BEGIN_ARRAY, NULL);
		for (int c = 0; c < xt->ncols; c++)
		{
			CHECK_FOR_INTERRUPTS();
			shown = xtab_shown_col_units(xt, c, published, &t);
			jb_total(&st, WJB_ELEM, shown, t);
		}
		jb_push(&st, WJB_END_ARRAY, NULL);
		jb_key(&st, "total_units");
		shown = xtab_shown_total_units(xt, published, &t);
		jb_total(&st, WJB_VALUE, shown, t);
	}
	if (xt->title)
	{
		jb_key(&st, "title");
		jb_string(&st, WJB_VALUE, xt->title, strlen(xt->title));
	}
	if (xt->row_header)
	{
		jb_key(&st, "row_header");
		jb_string(&st, WJB_VALUE, xt->row_header, strlen(xt->row_header));
	}
	if (xt->nfootnotes)
	{
		jb_key(&st, "footnotes");
		jb_push(&st, WJB_BEGIN_ARRAY, NULL);
		for (int i = 0; i < xt->nfootnotes; i++)
			jb_string(&st, WJB_ELEM, xt->footnotes[i], strlen(xt->footnotes[i]));
		jb_push(&st, WJB_END_ARRAY, NULL);
	}
	if (anypub)
	{
		jb_key(&st, "published");
		jb_push(&st, WJB_BEGIN_OBJECT, NULL);
		jb_key(&st, "row_totals");
		jb_push(&st, WJB_BEGIN_ARRAY, NULL);
		for (int r = 0; r < xt->nrows; r++)
		{
			CHECK_FOR_INTERRUPTS();
			jb_total(&st, WJB_ELEM, xt->rpub_set[r], xt->rpub[r]);
		}
		jb_push(&st, WJB_END_ARRAY, NULL);
		jb_key(&st, "col_totals");
		jb_push(&st, WJB_BEGIN_ARRAY, NULL);
		for (int c = 0; c < xt->ncols; c++)
		{
			CHECK_FOR_INTERRUPTS();
			jb_total(&st, WJB_ELEM, xt->cpub_set[c], xt->cpub[c]);
		}
		jb_push(&st, WJB_END_ARRAY, NULL);
		jb_key(&st, "grand_total");
		jb_total(&st, WJB_VALUE, xt->pub_grand_set, xt->pub_grand);
		jb_push(&st, WJB_END_OBJECT, NULL);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}
