/*
 * xtab_edit.c
 *		Reshaping a cross-tab for publication.
 *
 *	foistats.with_columns(x, labels text[]) -> xtab
 *		exactly these columns: missing periods added as zeros (a request that
 *		shows every period of its range), others dropped (a view whose columns
 *		were fixed when it was made).
 *	foistats.with_rows(x, labels text[]) -> xtab
 *		these rows too, as zeros when absent (age bands, listed platforms).
 *	foistats.annotate(x, title, row_header, footnotes text[]) -> xtab
 *		set the title and the row header (NULL keeps them) and append
 *		footnotes (a footnote already present is not repeated).
 *
 * Published values (protected or parsed, see xtab.h) stay publishable: a
 * zero row or column added to one gets a published total of 0, and dropping
 * a column that held anything drops the published totals that counted it,
 * so no total shown is a figure of cells that are not shown.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "xtab.h"
#include "xtab_edit.h"

PG_FUNCTION_INFO_V1(xtab_sql_with_columns);
PG_FUNCTION_INFO_V1(xtab_sql_with_rows);
PG_FUNCTION_INFO_V1(xtab_sql_annotate);

/* Did column c of xt hold anything a reader could see or a total counted? */
static bool
col_held_anything(const Xtab *xt, int c, bool *row_lost)
{
	bool		any = false;
	int64		t;

	for (int r = 0; r < xt->nrows; r++)
	{
		if (xtab_get(xt, r, c) != 0 || xtab_get_flags(xt, r, c) != 0 ||
			xtab_get_marker(xt, r, c) != NULL)
		{
			row_lost[r] = true;
			any = true;
		}
	}
	if (xtab_get_pub_col_total(xt, c, &t) && t != 0)
		any = true;
	if (xtab_has_units(xt) && xtab_col_units(xt, c) != 0)
		any = true;
	return any;
}

static void
copy_text(Xtab *dst, const Xtab *src)
{
	if (xtab_get_title(src))
		xtab_set_title(dst, xtab_get_title(src));
	if (xtab_get_row_header(src))
		xtab_set_row_header(dst, xtab_get_row_header(src));
	for (int i = 0; i < xtab_nfootnotes(src); i++)
		xtab_add_footnote(dst, xtab_footnote(src, i));
}

Xtab *
xtab_with_columns(const Xtab *xt, char **labels, int n, MemoryContext mcxt)
{
	Xtab	   *nx = xtab_create(mcxt);
	bool		pub = xtab_has_pub_totals(xt);
	bool	   *row_lost = palloc0(Max(xt->nrows, 1) * sizeof(bool));
	bool		lost = false;
	int		   *newcol = palloc(Max(xt->ncols, 1) * sizeof(int));
	int64		t;

	copy_text(nx, xt);
	for (int i = 0; i < n; i++)
		xtab_add_col(nx, labels[i], strlen(labels[i]), XTAB_COL_INFER);
	for (int c = 0; c < xt->ncols; c++)
	{
		int			len;
		const char *l = xtab_col_label(xt, c, &len);

		newcol[c] = xtab_find_col(nx, l, len);
		if (newcol[c] < 0 && col_held_anything(xt, c, row_lost))
			lost = true;
	}
	for (int r = 0; r < xt->nrows; r++)
	{
		int			len;
		const char *l = xtab_row_label(xt, r, &len);
		int			nr = xtab_add_row(nx, l, len);

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xt->ncols; c++)
		{
			int			nc = newcol[c];
			const char *m;

			if (nc < 0)
				continue;
			xtab_set(nx, nr, nc, xtab_get(xt, r, c));
			if (xtab_get_flags(xt, r, c))
				xtab_set_flags(nx, nr, nc, xtab_get_flags(xt, r, c));
			if ((m = xtab_get_marker(xt, r, c)) != NULL)
				xtab_set_marker(nx, nr, nc, m);
		}
		if (xtab_get_pub_row_total(xt, r, &t) && !row_lost[r])
			xtab_set_pub_row_total(nx, nr, t);
	}
	for (int nc = 0; nc < nx->ncols; nc++)
	{
		int			len;
		const char *l = xtab_col_label(nx, nc, &len);
		int			c = xtab_find_col(xt, l, len);

		if (c >= 0)
		{
			if (xtab_get_pub_col_total(xt, c, &t))
				xtab_set_pub_col_total(nx, nc, t);
			if (xtab_has_units(xt))
				xtab_set_units(nx, nc, xtab_col_units(xt, c));
		}
		else
		{
			if (pub)
				xtab_set_pub_col_total(nx, nc, 0);
			if (xtab_has_units(xt))
				xtab_set_units(nx, nc, 0);
		}
	}
	if (xtab_get_pub_grand_total(xt, &t) && !lost)
		xtab_set_pub_grand_total(nx, t);
	return nx;
}

/* The elements of a text[] argument; NULL elements are an error. */
static int
label_array(ArrayType *arr, const char *what, char ***out)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	*out = palloc(Max(n, 1) * sizeof(char *));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", what)));
		(*out)[i] = TextDatumGetCString(elems[i]);
	}
	return n;
}

/* foistats.with_columns(x, labels text[]) */
Datum
xtab_sql_with_columns(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	char	  **labels;
	int			n = label_array(PG_GETARG_ARRAYTYPE_P(1), "column labels", &labels);

	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(labels[i], labels[j]) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column label \"%s\" is listed twice", labels[i])));
	PG_RETURN_XTAB_P(xtab_flatten(xtab_with_columns(xt, labels, n, CurrentMemoryContext)));
}

/* foistats.with_rows(x, labels text[]) */
Datum
xtab_sql_with_rows(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	char	  **labels;
	int			n = label_array(PG_GETARG_ARRAYTYPE_P(1), "row labels", &labels);
	bool		pub = xtab_has_pub_totals(xt);

	for (int i = 0; i < n; i++)
	{
		int			len = strlen(labels[i]);

		if (xtab_find_row(xt, labels[i], len) >= 0)
			continue;
		if (pub)
			xtab_set_pub_row_total(xt, xtab_add_row(xt, labels[i], len), 0);
		else
			xtab_add_row(xt, labels[i], len);
	}
	PG_RETURN_XTAB_P(xtab_flatten(xt));
}

/* foistats.annotate(x, title, row_header, footnotes text[]) */
Datum
xtab_sql_annotate(PG_FUNCTION_ARGS)
{
	Xtab	   *xt;
	char	  **notes = NULL;
	int			n = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	xt = PG_GETARG_XTAB_EXPANDED(0);
	if (!PG_ARGISNULL(1))
		xtab_set_title(xt, text_to_cstring(PG_GETARG_TEXT_PP(1)));
	if (!PG_ARGISNULL(2))
		xtab_set_row_header(xt, text_to_cstring(PG_GETARG_TEXT_PP(2)));
	if (!PG_ARGISNULL(3))
		n = label_array(PG_GETARG_ARRAYTYPE_P(3), "footnotes", &notes);
	for (int i = 0; i < n; i++)
	{
		bool		seen = false;

		for (int j = 0; j < xtab_nfootnotes(xt) && !seen; j++)
			seen = strcmp(xtab_footnote(xt, j), notes[i]) == 0;
		if (!seen)
			xtab_add_footnote(xt, notes[i]);
	}
	PG_RETURN_XTAB_P(xtab_flatten(xt));
}
