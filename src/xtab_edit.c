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
 *	foistats.relabel_columns(x, old_labels text[], new_labels text[]) -> xtab
 *		rename columns; columns that end up with the same label are added
 *		together (a roll-up's placeholder column becomes the period's span).
 *	foistats.xtab_minus(a, b, clip boolean) -> xtab, and the operator a - b
 *		the counts of a less those of b (records deleted from a roll-up):
 *		cells and units subtracted by row and column label; rows and columns
 *		left with nothing are dropped, so the result is what counting the
 *		remaining records would give.
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
#include "common/int.h"
#include "utils/builtins.h"

#include "xtab.h"
#include "xtab_edit.h"

PG_FUNCTION_INFO_V1(xtab_sql_with_columns);
PG_FUNCTION_INFO_V1(xtab_sql_with_rows);
PG_FUNCTION_INFO_V1(xtab_sql_annotate);
PG_FUNCTION_INFO_V1(xtab_sql_relabel_columns);
PG_FUNCTION_INFO_V1(xtab_sql_minus);

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

/* ------------------------------------------------------------------------
 * Relabelling columns
 * ------------------------------------------------------------------------
 */

Xtab *
xtab_relabel_columns(const Xtab *xt, char **old_labels, char **new_labels, int n,
					 MemoryContext mcxt)
{
	Xtab	   *nx = xtab_create(mcxt);
	int		   *newcol = palloc(Max(xt->ncols, 1) * sizeof(int));
	bool	   *pub_lost;

	copy_text(nx, xt);
	for (int c = 0; c < xt->ncols; c++)
	{
		int			len;
		const char *l = xtab_col_label(xt, c, &len);
		int			i;

		for (i = 0; i < n; i++)
			if ((int) strlen(old_labels[i]) == len && memcmp(old_labels[i], l, len) == 0)
				break;
		if (i < n)
			newcol[c] = xtab_add_col(nx, new_labels[i], strlen(new_labels[i]), XTAB_COL_INFER);
		else
			newcol[c] = xtab_add_col(nx, l, len, xtab_col_kind(xt, c));
	}
	if (xtab_has_units(xt))
		for (int nc = 0; nc < nx->ncols; nc++)
			xtab_set_units(nx, nc, 0);
	for (int r = 0; r < xt->nrows; r++)
	{
		int			len;
		const char *l = xtab_row_label(xt, r, &len);
		int			nr = xtab_add_row(nx, l, len);
		int64		t;

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xt->ncols; c++)
		{
			const char *m;
			uint8		f = xtab_get_flags(xt, r, c);

			xtab_add(nx, nr, newcol[c], xtab_get(xt, r, c));
			if (f)
				xtab_set_flags(nx, nr, newcol[c], xtab_get_flags(nx, nr, newcol[c]) | f);
			if ((m = xtab_get_marker(xt, r, c)) != NULL && xtab_get_marker(nx, nr, newcol[c]) == NULL)
				xtab_set_marker(nx, nr, newcol[c], m);
		}
		/* a row's total is the same however its columns are labelled */
		if (xtab_get_pub_row_total(xt, r, &t))
			xtab_set_pub_row_total(nx, nr, t);
	}

	/* a merged column has a published total only if every part had one */
	pub_lost = palloc0(Max(nx->ncols, 1) * sizeof(bool));
	for (int c = 0; c < xt->ncols; c++)
	{
		int64		t,
					sum;

		if (xtab_has_units(xt))
			xtab_add_units(nx, newcol[c], xtab_col_units(xt, c));
		if (!xtab_get_pub_col_total(xt, c, &t))
			pub_lost[newcol[c]] = true;
		else if (!pub_lost[newcol[c]])
		{
			if (!xtab_get_pub_col_total(nx, newcol[c], &sum))
				sum = 0;
			if (pg_add_s64_overflow(sum, t, &sum))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("cross-tab count out of range")));
			xtab_set_pub_col_total(nx, newcol[c], sum);
		}
	}
	for (int nc = 0; nc < nx->ncols; nc++)
		if (pub_lost[nc])
			nx->cpub_set[nc] = false;
	{
		int64		t;

		if (xtab_get_pub_grand_total(xt, &t))
			xtab_set_pub_grand_total(nx, t);
	}
	return nx;
}

/* foistats.relabel_columns(x, old_labels text[], new_labels text[]) */
Datum
xtab_sql_relabel_columns(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	char	  **old_labels;
	char	  **new_labels;
	int			n = label_array(PG_GETARG_ARRAYTYPE_P(1), "old column labels", &old_labels);
	int			m = label_array(PG_GETARG_ARRAYTYPE_P(2), "new column labels", &new_labels);

	if (n != m)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("old_labels and new_labels must have the same number of elements"),
				 errdetail("old_labels has %d, new_labels has %d.", n, m)));
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(old_labels[i], old_labels[j]) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column label \"%s\" is listed twice in old_labels", old_labels[i])));
	PG_RETURN_XTAB_P(xtab_flatten(xtab_relabel_columns(xt, old_labels, new_labels, n,
													   CurrentMemoryContext)));
}

/* ------------------------------------------------------------------------
 * Subtracting
 * ------------------------------------------------------------------------
 */

static void
refuse_published(const Xtab *xt, const char *which)
{
	if (xtab_is_published(xt))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a protected or parsed cross-tab"),
				 errdetail("The %s cross-tab has withheld cells or published totals.", which),
				 errhint("Subtract the exact counts (unprotected cross-tabs) and protect the difference with foistats.protect().")));
}

static void
negative_error(const char *what, const Xtab *a, int r, int c, int64 have, int64 take)
{
	const char *row = r >= 0 ? xtab_row_label(a, r, NULL) : NULL;
	const char *col = c >= 0 ? xtab_col_label(a, c, NULL) : NULL;

	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("cannot subtract %s%s%s%s%s%s%s: the second cross-tab counts more than the first",
					what, row ? " of row \"" : "", row ? row : "", row ? "\"" : "",
					col ? " in column \"" : "", col ? col : "", col ? "\"" : ""),
			 errdetail("The first counts " INT64_FORMAT ", the second " INT64_FORMAT ".", have, take),
			 errhint("Subtract only counts that are part of the first cross-tab (e.g. of records deleted from those it counted), or pass clip => true to stop at zero.")));
}

/*
 * a - b in mcxt.  Rows and columns are matched by label; a row whose cells
 * all come to zero is dropped, and a column whose cells and units all come
 * to zero; what remains is in a's order, with a's title, row header and
 * footnotes.  A count of b with nothing (or less) to take from in a is an
 * error, or with clip stops at zero.  Units (multi-label cross-tabs) are
 * subtracted like cells.
 */
Xtab *
xtab_subtract(const Xtab *a, const Xtab *b, bool clip, MemoryContext mcxt)
{
	Xtab	   *nx = xtab_create(mcxt);
	bool		units = xtab_has_units(a) || xtab_has_units(b);
	int			nr = a->nrows,
				nc = a->ncols;
	int		   *bcol = palloc(Max(nc, 1) * sizeof(int));
	int		   *brow = palloc(Max(nr, 1) * sizeof(int));
	int64	   *cells = palloc0((Size) Max(nr, 1) * Max(nc, 1) * sizeof(int64));
	int64	   *cunits = palloc0(Max(nc, 1) * sizeof(int64));
	bool	   *keep_col = palloc0(Max(nc, 1) * sizeof(bool));
	bool	   *keep_row = palloc0(Max(nr, 1) * sizeof(bool));
	int		   *newcol = palloc(Max(nc, 1) * sizeof(int));

	refuse_published(a, "first");
	refuse_published(b, "second");

	for (int c = 0; c < nc; c++)
	{
		int			len;
		const char *l = xtab_col_label(a, c, &len);

		bcol[c] = xtab_find_col(b, l, len);
	}
	for (int r = 0; r < nr; r++)
	{
		int			len;
		const char *l = xtab_row_label(a, r, &len);

		brow[r] = xtab_find_row(b, l, len);
	}

	/* counts of b that a does not have at all */
	if (!clip)
	{
		for (int r = 0; r < b->nrows; r++)
		{
			int			len;
			const char *l = xtab_row_label(b, r, &len);
			int			ar = xtab_find_row(a, l, len);

			CHECK_FOR_INTERRUPTS();
			for (int c = 0; c < b->ncols; c++)
			{
				int			clen;
				const char *cl = xtab_col_label(b, c, &clen);

				if (xtab_get(b, r, c) != 0 && (ar < 0 || xtab_find_col(a, cl, clen) < 0))
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("cannot subtract row \"%s\" in column \"%s\": the first cross-tab has no such cell",
									l, cl),
							 errdetail("The second counts " INT64_FORMAT " there.", xtab_get(b, r, c)),
							 errhint("Subtract only counts that are part of the first cross-tab, or pass clip => true to stop at zero.")));
			}
		}
		if (units)
			for (int c = 0; c < b->ncols; c++)
			{
				int			clen;
				const char *cl = xtab_col_label(b, c, &clen);

				if (xtab_col_units(b, c) != 0 && xtab_find_col(a, cl, clen) < 0)
					negative_error("the units", b, -1, c, 0, xtab_col_units(b, c));
			}
	}

	for (int r = 0; r < nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < nc; c++)
		{
			int64		have = xtab_get(a, r, c);
			int64		take = (brow[r] >= 0 && bcol[c] >= 0) ? xtab_get(b, brow[r], bcol[c]) : 0;
			int64		v = have - take;	/* both are non-negative */

			if (v < 0)
			{
				if (!clip)
					negative_error("the count", a, r, c, have, take);
				v = 0;
			}
			cells[(Size) r * nc + c] = v;
			if (v != 0)
				keep_row[r] = keep_col[c] = true;
		}
	}
	if (units)
		for (int c = 0; c < nc; c++)
		{
			int64		have = xtab_col_units(a, c);
			int64		take = bcol[c] >= 0 ? xtab_col_units(b, bcol[c]) : 0;
			int64		v = have - take;

			if (v < 0)
			{
				if (!clip)
					negative_error("the units", a, -1, c, have, take);
				v = 0;
			}
			cunits[c] = v;
			if (v != 0)
				keep_col[c] = true;
		}

	copy_text(nx, a);
	for (int c = 0; c < nc; c++)
	{
		int			len;
		const char *l = xtab_col_label(a, c, &len);

		newcol[c] = keep_col[c] ? xtab_add_col(nx, l, len, xtab_col_kind(a, c)) : -1;
	}
	if (units && nx->ncols > 0)
		for (int c = 0; c < nc; c++)
			if (newcol[c] >= 0)
				xtab_set_units(nx, newcol[c], cunits[c]);
	for (int r = 0; r < nr; r++)
	{
		int			len;
		const char *l;
		int			row;

		if (!keep_row[r])
			continue;
		l = xtab_row_label(a, r, &len);
		row = xtab_add_row(nx, l, len);
		for (int c = 0; c < nc; c++)
			if (newcol[c] >= 0)
				xtab_set(nx, row, newcol[c], cells[(Size) r * nc + c]);
	}
	return nx;
}

/* foistats.xtab_minus(a, b, clip) */
Datum
xtab_sql_minus(PG_FUNCTION_ARGS)
{
	Xtab	   *a = PG_GETARG_XTAB_EXPANDED(0);
	Xtab	   *b = PG_GETARG_XTAB_EXPANDED(1);
	bool		clip = PG_NARGS() > 2 ? PG_GETARG_BOOL(2) : false;

	PG_RETURN_XTAB_P(xtab_flatten(xtab_subtract(a, b, clip, CurrentMemoryContext)));
}
