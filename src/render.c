/*
 * render.c
 *		foistats.render(xtab, format, ...) -> text: a cross-tab in the layout
 *		FOI responses publish.
 *
 * Layout (every format):
 *
 *	<title>											(if any)
 *	<row header> | 2010 | 2011 | ... | Grand Total	header: the periods
 *	<row label>  |  119 |  123 | ... |         539	one line per row
 *	Grand Total  |  506 |  562 | ... |        2500	column totals
 *	<footnotes>										(if any)
 *
 * - Rows are ordered by total descending, ties by label bytes (C collation)
 *	 (sort => 'total'); or by label ('label'); or as stored in the value
 *	 ('stored': a parsed table keeps its published order).  With totals
 *	 from the published totals (below), 'total' means the published row
 *	 totals, rows whose total is withheld last, by label: the order then
 *	 depends on published figures only.  The default (sort => NULL) is
 *	 'total', except that with published totals of which some row lacks
 *	 one it is 'label' (an order by true totals would hint at the withheld
 *	 ones).  row_order puts the listed labels first, in that order; unlisted
 *	 rows follow in the chosen order.  A listed label that is not a row is
 *	 an error.
 * - Zero cells are blank (zero => '') unless zero => '0', '-' or other text.
 * - Suppressed cells (XTAB_CELL_SUPPRESSED) show their own marker if it
 *	 means "withheld" (e.g. '<5' as published, or protect's marker), else
 *	 marker ('*'), never a count, blank or '-' the cell carried before it was
 *	 withheld.  marker must itself mean "withheld, any count" ('*', '[c]',
 *	 'x', ...; not '<5': complements need not be small).
 * - Totals: published_totals => NULL (the default) follows the rule in
 *	 xtab.h: a value with any suppressed cell or any published total (a
 *	 protect() result, a parsed table) shows its PUBLISHED totals only, and
 *	 the marker where one is withheld (never blank: a reader, and
 *	 parse_table, take a blank total for 0), so no printed total minus the
 *	 visible cells gives a withheld cell away; any other value shows totals
 *	 computed from its cells.  published_totals => true forces the published
 *	 totals (the marker where the value has none); false forces totals
 *	 computed from all cells, suppressed ones included: that reveals
 *	 withheld counts of a protected value, and is for checking only.  The
 *	 distinct-crimes row of a multi-label value follows the same rule
 *	 (xtab_shown_col_units).
 * - Multi-label cross-tabs (built from text[] row labels): one crime can be
 *	 under several rows, so the column sums count MENTIONS.  The totals row
 *	 is then labelled 'Grand Total (mentions)', and a final row 'Grand Total
 *	 (distinct crimes)' gives the units (input rows) per column and overall.
 *	 The Grand Total column counts, for each row label, the crimes having
 *	 that label.  A footnote says so.
 * - bold: any of 'total_row', 'total_column', 'row_labels' wraps those cells
 *	 in <b>...</b> (tsv, csv, html) or **...** (markdown), as some forces
 *	 publish; 'text' ignores it.
 *
 * Formats: 'tsv' (as the seed response: tab separated, tabs and newlines in
 * labels become spaces), 'csv' (RFC 4180: CRLF line ends, fields with comma,
 * quote, CR or LF quoted, quotes doubled; title and footnotes as one-field
 * records), 'markdown' (GitHub table, '|' escaped, numbers right-aligned),
 * 'html' (a <table> with <caption>, <thead>/<tbody>/<tfoot>, th scope="col"
 * and scope="row", everything escaped; footnotes in <p> after it), and
 * 'text' (aligned columns for a terminal, numbers right-aligned, widths in
 * characters).  Lines are joined with newlines, no final newline (CRLF and a
 * final CRLF for csv).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "marker.h"
#include "xtab.h"
#include "xtab_edit.h"

PG_FUNCTION_INFO_V1(xtab_render);
PG_FUNCTION_INFO_V1(xtab_table_rows);

typedef enum RowKind
{
	RK_HEADER,
	RK_BODY,
	RK_TOTAL
} RowKind;

typedef struct RCell
{
	char	   *text;
	bool		num;			/* right-align */
	bool		bold;
} RCell;

typedef struct Grid
{
	int			ncols;			/* including the label column */
	int			nrows;
	RCell	  **cells;			/* [row][col] */
	RowKind    *kinds;
	const char *title;
	int			nnotes;
	const char **notes;
} Grid;

typedef enum Fmt
{
	F_TSV,
	F_CSV,
	F_MARKDOWN,
	F_HTML,
	F_TEXT
} Fmt;

#define BOLD_TOTAL_ROW	1
#define BOLD_TOTAL_COL	2
#define BOLD_ROW_LABELS 4

static char *
count_text(int64 n, const char *zero)
{
	if (n == 0)
		return pstrdup(zero);
	return psprintf(INT64_FORMAT, n);
}

/* ---- emitters ---- */

static void
emit_bold_open(StringInfo b, Fmt f, bool bold)
{
	if (!bold)
		return;
	if (f == F_MARKDOWN)
		appendStringInfoString(b, "**");
	else if (f != F_TEXT)
		appendStringInfoString(b, "<b>");
}

static void
emit_bold_close(StringInfo b, Fmt f, bool bold)
{
	if (!bold)
		return;
	if (f == F_MARKDOWN)
		appendStringInfoString(b, "**");
	else if (f != F_TEXT)
		appendStringInfoString(b, "</b>");
}

static void
tsv_text(StringInfo b, const char *s)
{
	for (; *s; s++)
		appendStringInfoChar(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void
csv_field(StringInfo b, const char *s, bool bold)
{
	StringInfoData f;
	bool		quote = false;

	initStringInfo(&f);
	emit_bold_open(&f, F_CSV, bold);
	appendStringInfoString(&f, s);
	emit_bold_close(&f, F_CSV, bold);
	for (const char *p = f.data; *p; p++)
		if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
			quote = true;
	if (!quote)
		appendStringInfoString(b, f.data);
	else
	{
		appendStringInfoChar(b, '"');
		for (const char *p = f.data; *p; p++)
		{
			if (*p == '"')
				appendStringInfoChar(b, '"');
			appendStringInfoChar(b, *p);
		}
		appendStringInfoChar(b, '"');
	}
	pfree(f.data);
}

static void
md_text(StringInfo b, const char *s)
{
	for (; *s; s++)
	{
		if (*s == '|' || *s == '\\')
			appendStringInfoChar(b, '\\');
		appendStringInfoChar(b, (*s == '\n' || *s == '\r') ? ' ' : *s);
	}
}

/*
 * A footnote under a Markdown table is a paragraph of its own, so what would
 * read as Markdown is escaped: a '*' (the withheld marker: '* Withheld ...'
 * would otherwise be a bullet, and two of them emphasis), a '|' (a table
 * row) and a line's first character when it would start a heading, quote or
 * list.  parse_table unescapes them.
 */
static void
md_note(StringInfo b, const char *s)
{
	if (*s == '#' || *s == '>' || *s == '-' || *s == '+')
		appendStringInfoChar(b, '\\');
	for (; *s; s++)
	{
		if (*s == '*' || *s == '|' || *s == '\\')
			appendStringInfoChar(b, '\\');
		appendStringInfoChar(b, (*s == '\n' || *s == '\r') ? ' ' : *s);
	}
}

static void
html_text(StringInfo b, const char *s)
{
	for (; *s; s++)
	{
		switch (*s)
		{
			case '&':
				appendStringInfoString(b, "&amp;");
				break;
			case '<':
				appendStringInfoString(b, "&lt;");
				break;
			case '>':
				appendStringInfoString(b, "&gt;");
				break;
			case '"':
				appendStringInfoString(b, "&quot;");
				break;
			case '\'':
				appendStringInfoString(b, "&#39;");
				break;
			default:
				appendStringInfoChar(b, *s);
		}
	}
}

static int
display_width(const char *s)
{
	return pg_mbstrlen(s);
}

static void
emit(StringInfo b, const Grid *g, Fmt f)
{
	switch (f)
	{
		case F_TSV:
			if (g->title)
			{
				tsv_text(b, g->title);
				appendStringInfoString(b, "\n\n");
			}
			for (int r = 0; r < g->nrows; r++)
			{
				CHECK_FOR_INTERRUPTS();
				if (r)
					appendStringInfoChar(b, '\n');
				for (int c = 0; c < g->ncols; c++)
				{
					RCell	   *cell = &g->cells[r][c];

					if (c)
						appendStringInfoChar(b, '\t');
					emit_bold_open(b, f, cell->bold);
					tsv_text(b, cell->text);
					emit_bold_close(b, f, cell->bold);
				}
			}
			if (g->nnotes)
				appendStringInfoChar(b, '\n');
			for (int i = 0; i < g->nnotes; i++)
			{
				appendStringInfoChar(b, '\n');
				tsv_text(b, g->notes[i]);
			}
			break;

		case F_CSV:
			if (g->title)
			{
				csv_field(b, g->title, false);
				appendStringInfoString(b, "\r\n");
			}
			for (int r = 0; r < g->nrows; r++)
			{
				CHECK_FOR_INTERRUPTS();
				for (int c = 0; c < g->ncols; c++)
				{
					if (c)
						appendStringInfoChar(b, ',');
					csv_field(b, g->cells[r][c].text, g->cells[r][c].bold);
				}
				appendStringInfoString(b, "\r\n");
			}
			for (int i = 0; i < g->nnotes; i++)
			{
				csv_field(b, g->notes[i], false);
				appendStringInfoString(b, "\r\n");
			}
			break;

		case F_MARKDOWN:
			if (g->title)
			{
				appendStringInfoString(b, "**");
				md_text(b, g->title);
				appendStringInfoString(b, "**\n\n");
			}
			for (int r = 0; r < g->nrows; r++)
			{
				CHECK_FOR_INTERRUPTS();
				if (r)
					appendStringInfoChar(b, '\n');
				appendStringInfoChar(b, '|');
				for (int c = 0; c < g->ncols; c++)
				{
					RCell	   *cell = &g->cells[r][c];

					appendStringInfoChar(b, ' ');
					if (cell->text[0])
					{
						/*
						 * '**' around a marker made of asterisks would print
						 * as '*****' (emphasis of nothing): a marker is
						 * never bold in Markdown.
						 */
						bool		bold = cell->bold && strspn(cell->text, "*") != strlen(cell->text);

						emit_bold_open(b, f, bold);
						md_text(b, cell->text);
						emit_bold_close(b, f, bold);
						appendStringInfoChar(b, ' ');
					}
					appendStringInfoChar(b, '|');
				}
				if (r == 0)
				{
					appendStringInfoString(b, "\n|");
					for (int c = 0; c < g->ncols; c++)
						appendStringInfoString(b, c ? " ---: |" : " --- |");
				}
			}
			for (int i = 0; i < g->nnotes; i++)
			{
				appendStringInfoString(b, i ? "\n" : "\n\n");
				md_note(b, g->notes[i]);
				appendStringInfoString(b, "  ");
			}
			break;

		case F_HTML:
			appendStringInfoString(b, "<table>\n");
			if (g->title)
			{
				appendStringInfoString(b, "<caption>");
				html_text(b, g->title);
				appendStringInfoString(b, "</caption>\n");
			}
			for (int r = 0; r < g->nrows; r++)
			{
				CHECK_FOR_INTERRUPTS();
				if (r == 0)
					appendStringInfoString(b, "<thead>\n");
				else if (r == 1 && g->kinds[r] == RK_BODY)
					appendStringInfoString(b, "<tbody>\n");
				if (g->kinds[r] == RK_TOTAL && g->kinds[r - 1] != RK_TOTAL)
					appendStringInfoString(b, "<tfoot>\n");
				appendStringInfoString(b, "<tr>");
				for (int c = 0; c < g->ncols; c++)
				{
					RCell	   *cell = &g->cells[r][c];
					const char *tag = (r == 0 || c == 0) ? "th" : "td";

					if (r == 0)
						appendStringInfoString(b, "<th scope=\"col\">");
					else if (c == 0)
						appendStringInfoString(b, "<th scope=\"row\">");
					else
						appendStringInfoString(b, "<td>");
					/* no empty <b></b> around a blank (withheld total) cell */
					emit_bold_open(b, f, cell->bold && cell->text[0]);
					html_text(b, cell->text);
					emit_bold_close(b, f, cell->bold && cell->text[0]);
					appendStringInfo(b, "</%s>", tag);
				}
				appendStringInfoString(b, "</tr>\n");
				if (r == 0)
					appendStringInfoString(b, "</thead>\n");
				else if (g->kinds[r] == RK_BODY &&
						 (r + 1 == g->nrows || g->kinds[r + 1] != RK_BODY))
					appendStringInfoString(b, "</tbody>\n");
				else if (g->kinds[r] == RK_TOTAL && r + 1 == g->nrows)
					appendStringInfoString(b, "</tfoot>\n");
			}
			appendStringInfoString(b, "</table>");
			for (int i = 0; i < g->nnotes; i++)
			{
				appendStringInfoString(b, "\n<p>");
				html_text(b, g->notes[i]);
				appendStringInfoString(b, "</p>");
			}
			break;

		case F_TEXT:
			{
				int		   *w = palloc0(g->ncols * sizeof(int));

				for (int r = 0; r < g->nrows; r++)
				{
					CHECK_FOR_INTERRUPTS();
					for (int c = 0; c < g->ncols; c++)
						w[c] = Max(w[c], display_width(g->cells[r][c].text));
				}
				if (g->title)
				{
					appendStringInfoString(b, g->title);
					appendStringInfoString(b, "\n\n");
				}
				for (int r = 0; r < g->nrows; r++)
				{
					StringInfoData line;

					CHECK_FOR_INTERRUPTS();
					initStringInfo(&line);
					/* a rule under the header and above the totals */
					if (r == 1 || (r > 1 && g->kinds[r] == RK_TOTAL &&
								   g->kinds[r - 1] != RK_TOTAL))
					{
						appendStringInfoChar(b, '\n');
						for (int c = 0; c < g->ncols; c++)
						{
							if (c)
								appendStringInfoString(b, "  ");
							for (int i = 0; i < w[c]; i++)
								appendStringInfoChar(b, '-');
						}
					}
					for (int c = 0; c < g->ncols; c++)
					{
						RCell	   *cell = &g->cells[r][c];
						int			pad = w[c] - display_width(cell->text);
						bool		right = cell->num || (r == 0 && c > 0);

						if (c)
							appendStringInfoString(&line, "  ");
						if (right)
							for (int i = 0; i < pad; i++)
								appendStringInfoChar(&line, ' ');
						appendStringInfoString(&line, cell->text);
						if (!right)
							for (int i = 0; i < pad; i++)
								appendStringInfoChar(&line, ' ');
					}
					/* no trailing spaces */
					while (line.len > 0 && line.data[line.len - 1] == ' ')
						line.data[--line.len] = '\0';
					if (r)
						appendStringInfoChar(b, '\n');
					appendStringInfoString(b, line.data);
					pfree(line.data);
				}
				if (g->nnotes)
					appendStringInfoChar(b, '\n');
				for (int i = 0; i < g->nnotes; i++)
				{
					appendStringInfoChar(b, '\n');
					appendStringInfoString(b, g->notes[i]);
				}
				break;
			}
	}
}

/* ---- argument helpers ---- */

static char *
opt_text(FunctionCallInfo fcinfo, int n)
{
	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(n));
}

static Fmt
parse_format(const char *s)
{
	if (strcmp(s, "tsv") == 0)
		return F_TSV;
	if (strcmp(s, "csv") == 0)
		return F_CSV;
	if (strcmp(s, "markdown") == 0)
		return F_MARKDOWN;
	if (strcmp(s, "html") == 0)
		return F_HTML;
	if (strcmp(s, "text") == 0)
		return F_TEXT;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown render format \"%s\"", s),
			 errhint("Use 'tsv', 'csv', 'markdown', 'html' or 'text'.")));
	return F_TSV;
}

/* Elements of a text[] argument (NULL elements rejected). */
static int
text_array_arg(FunctionCallInfo fcinfo, int n, const char *what, char ***out)
{
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;

	*out = NULL;
	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return 0;
	arr = PG_GETARG_ARRAYTYPE_P(n);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	*out = palloc(Max(nelems, 1) * sizeof(char *));
	for (int i = 0; i < nelems; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", what)));
		(*out)[i] = TextDatumGetCString(elems[i]);
	}
	return nelems;
}

/*
 * The order rows are shown in (render and table_rows): the rows listed in
 * row_order first, in that order, then the others by order: 'total' (by
 * total descending, ties by label: the published totals of a published
 * value), 'label' or 'stored'.  NULL order: 'total', or 'label' for a
 * published value some row of which has no published total (an order by
 * true totals would hint at the withheld ones).  Sorts xt's rows; returns
 * perm[i] = the index of the i-th row shown.
 */
static int *
row_permutation(Xtab *xt, const char *order, bool published, char **row_order, int nrow_order)
{
	int		   *perm;
	bool	   *placed;
	int			nperm = 0;

	if (order == NULL)
		order = (published && !xtab_all_pub_row_totals(xt)) ? "label" : "total";
	if (strcmp(order, "total") == 0)
		xtab_sort_rows(xt, published ? XTAB_ORDER_PUB_TOTAL_DESC : XTAB_ORDER_TOTAL_DESC);
	else if (strcmp(order, "label") == 0)
		xtab_sort_rows(xt, XTAB_ORDER_LABEL);
	else if (strcmp(order, "stored") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown row order \"%s\"", order),
				 errhint("Use 'total' (descending, ties by label), 'label' or 'stored'.")));
	perm = palloc(Max(xt->nrows, 1) * sizeof(int));
	placed = palloc0(Max(xt->nrows, 1) * sizeof(bool));
	for (int i = 0; i < nrow_order; i++)
	{
		int			r = xtab_find_row(xt, row_order[i], strlen(row_order[i]));

		if (r < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("row_order names a row that is not in the cross-tab: \"%s\"",
							row_order[i])));
		if (placed[r])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("row_order names row \"%s\" twice", row_order[i])));
		placed[r] = true;
		perm[nperm++] = r;
	}
	for (int r = 0; r < xt->nrows; r++)
		if (!placed[r])
			perm[nperm++] = r;
	return perm;
}

/*
 * render(x, format, title, row_header, zero, marker, row_order text[], sort,
 *		  bold text[], published_totals bool, total_label text)
 */
Datum
xtab_render(PG_FUNCTION_ARGS)
{
	Xtab	   *xt;
	Fmt			fmt;
	char	   *title;
	char	   *row_header;
	char	   *zero;
	char	   *marker;
	char	   *order;
	char	  **row_order;
	int			nrow_order;
	char	  **boldv;
	int			nbold;
	int			bold = 0;
	bool		published;
	char	   *total_label;
	int		   *perm;
	Grid		g;
	int			gr;
	bool		multi;
	StringInfoData out;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	xt = PG_GETARG_XTAB_EXPANDED(0);
	if (PG_NARGS() > 1 && PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("render() was given a NULL format"),
				 errhint("Use 'tsv' (the default), 'csv', 'markdown', 'html' or 'text'.")));
	fmt = parse_format(opt_text(fcinfo, 1) ? opt_text(fcinfo, 1) : "tsv");
	title = opt_text(fcinfo, 2);
	if (title == NULL && xtab_get_title(xt))
		title = pstrdup(xtab_get_title(xt));
	row_header = opt_text(fcinfo, 3);
	if (row_header == NULL)
		row_header = xtab_get_row_header(xt) ? pstrdup(xtab_get_row_header(xt)) : "";
	zero = opt_text(fcinfo, 4) ? opt_text(fcinfo, 4) : "";
	marker = opt_text(fcinfo, 5) ? opt_text(fcinfo, 5) : MARKER_DEFAULT;
	if (!marker_is_plain_withheld(marker))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("marker \"%s\" does not mean \"withheld, any count\"", marker),
				 errdetail("A reader takes a count, a blank or '-' for the cell's value, and a range such as '<5' would say that every withheld cell is small."),
				 errhint("Use '*', '[c]', 'x', '..', 'c' or 'suppressed'.")));
	nrow_order = text_array_arg(fcinfo, 6, "row_order", &row_order);
	order = opt_text(fcinfo, 7);
	nbold = text_array_arg(fcinfo, 8, "bold", &boldv);
	/* NULL: published totals for a protected or published value */
	published = (PG_NARGS() > 9 && !PG_ARGISNULL(9)) ? PG_GETARG_BOOL(9) :
		xtab_is_published(xt);
	total_label = opt_text(fcinfo, 10) ? opt_text(fcinfo, 10) : "Grand Total";
	multi = xtab_has_units(xt);

	for (int i = 0; i < nbold; i++)
	{
		if (strcmp(boldv[i], "total_row") == 0)
			bold |= BOLD_TOTAL_ROW;
		else if (strcmp(boldv[i], "total_column") == 0)
			bold |= BOLD_TOTAL_COL;
		else if (strcmp(boldv[i], "row_labels") == 0)
			bold |= BOLD_ROW_LABELS;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown bold option \"%s\"", boldv[i]),
					 errhint("Use any of 'total_row', 'total_column' and 'row_labels'.")));
	}

	perm = row_permutation(xt, order, published, row_order, nrow_order);

	/* build the grid */
	g.ncols = xt->ncols + 2;
	g.nrows = 1 + xt->nrows + (multi ? 2 : 1);
	g.cells = palloc(g.nrows * sizeof(RCell *));
	g.kinds = palloc(g.nrows * sizeof(RowKind));
	for (int r = 0; r < g.nrows; r++)
		g.cells[r] = palloc0(g.ncols * sizeof(RCell));
	g.title = title;

	g.kinds[0] = RK_HEADER;
	g.cells[0][0].text = row_header;
	for (int c = 0; c < xt->ncols; c++)
		g.cells[0][c + 1].text = pnstrdup(xtab_col_label(xt, c, NULL), xt->clabel[c].len);
	g.cells[0][g.ncols - 1].text = total_label;

	gr = 1;
	for (int i = 0; i < xt->nrows; i++, gr++)
	{
		int			r = perm[i];
		int64		t = 0;

		CHECK_FOR_INTERRUPTS();
		g.kinds[gr] = RK_BODY;
		g.cells[gr][0].text = pnstrdup(xtab_row_label(xt, r, NULL), xt->rlabel[r].len);
		g.cells[gr][0].bold = (bold & BOLD_ROW_LABELS) != 0;
		for (int c = 0; c < xt->ncols; c++)
		{
			RCell	   *cell = &g.cells[gr][c + 1];

			cell->num = true;
			if (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED)
			{
				cell->text = pstrdup(marker_shown(xtab_get_marker(xt, r, c), marker));
			}
			else
				cell->text = count_text(xtab_get(xt, r, c), zero);
		}
		{
			RCell	   *cell = &g.cells[gr][g.ncols - 1];

			cell->num = true;
			cell->bold = (bold & BOLD_TOTAL_COL) != 0;
			cell->text = xtab_shown_row_total(xt, r, published, &t) ? count_text(t, zero) : pstrdup(marker);
		}
	}

	/* totals row(s) */
	g.kinds[gr] = RK_TOTAL;
	g.cells[gr][0].text = multi ? psprintf("%s (mentions)", total_label) : total_label;
	for (int c = 0; c < xt->ncols; c++)
	{
		int64		t = 0;
		RCell	   *cell = &g.cells[gr][c + 1];

		cell->num = true;
		cell->text = xtab_shown_col_total(xt, c, published, &t) ? count_text(t, zero) : pstrdup(marker);
	}
	{
		int64		t = 0;
		RCell	   *cell = &g.cells[gr][g.ncols - 1];

		cell->num = true;
		cell->text = xtab_shown_grand_total(xt, published, &t) ? count_text(t, zero) : pstrdup(marker);
	}
	for (int c = 0; c < g.ncols; c++)
		g.cells[gr][c].bold = (bold & BOLD_TOTAL_ROW) != 0;
	gr++;
	if (multi)
	{
		int64		t = 0;

		g.kinds[gr] = RK_TOTAL;
		g.cells[gr][0].text = psprintf("%s (distinct crimes)", total_label);
		for (int c = 0; c < xt->ncols; c++)
		{
			g.cells[gr][c + 1].text = xtab_shown_col_units(xt, c, published, &t) ?
				count_text(t, zero) : pstrdup(marker);
			g.cells[gr][c + 1].num = true;
		}
		g.cells[gr][g.ncols - 1].text = xtab_shown_total_units(xt, published, &t) ?
			count_text(t, zero) : pstrdup(marker);
		g.cells[gr][g.ncols - 1].num = true;
		for (int c = 0; c < g.ncols; c++)
			g.cells[gr][c].bold = (bold & BOLD_TOTAL_ROW) != 0;
		gr++;
	}
	Assert(gr == g.nrows);

	/* footnotes: the value's, then ours */
	g.nnotes = 0;
	g.notes = palloc((xtab_nfootnotes(xt) + 1) * sizeof(char *));
	for (int i = 0; i < xtab_nfootnotes(xt); i++)
		g.notes[g.nnotes++] = xtab_footnote(xt, i);
	if (multi)
		g.notes[g.nnotes++] =
			"A crime can appear in more than one row, so the rows add up to more "
			"than the number of distinct crimes; the Grand Total column counts the "
			"crimes in each row.";

	initStringInfo(&out);
	emit(&out, &g, fmt);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

/*
 * table_rows(x, columns text[], totals bool, sort, row_order text[],
 *			  total_label) -> setof (position, row_label, cells bigint[],
 *									total bigint, is_total)
 *
 * The rows of the table render prints, as numbers: the body rows in render's
 * order, then (totals => true) the Grand Total row and, for a multi-label
 * value, the distinct-crimes row.  A withheld figure is NULL.  With columns
 * (not NULL) the table has exactly those columns (xtab_with_columns: missing
 * ones zero, others dropped with the published totals that counted them),
 * so every total counts exactly the cells shown.  The one builder of wide
 * views (create_wide_view_in_path) reads this.
 */
Datum
xtab_table_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	bool		totals = PG_ARGISNULL(2) ? true : PG_GETARG_BOOL(2);
	char	  **row_order;
	int			nrow_order;
	char	   *total_label;
	bool		published;
	bool		multi;
	int		   *perm;
	Datum	   *cells;
	bool	   *cnulls;
	int			dims[1];
	int			lbs[1] = {1};
	int			pos = 0;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	xt = PG_GETARG_XTAB_EXPANDED(0);
	if (!PG_ARGISNULL(1))
	{
		char	  **labels;
		int			n = text_array_arg(fcinfo, 1, "columns", &labels);

		xt = xtab_with_columns(xt, labels, n, CurrentMemoryContext);
	}
	nrow_order = text_array_arg(fcinfo, 4, "row_order", &row_order);
	total_label = opt_text(fcinfo, 5) ? opt_text(fcinfo, 5) : "Grand Total";
	published = xtab_is_published(xt);
	multi = xtab_has_units(xt);
	perm = row_permutation(xt, opt_text(fcinfo, 3), published, row_order, nrow_order);
	cells = palloc(Max(xt->ncols, 1) * sizeof(Datum));
	cnulls = palloc(Max(xt->ncols, 1) * sizeof(bool));
	dims[0] = xt->ncols;

	for (int i = 0; i < xt->nrows + (totals ? (multi ? 2 : 1) : 0); i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		int64		t = 0;
		int			kind = i < xt->nrows ? 0 : i - xt->nrows + 1;	/* 0 body, 1 totals, 2 units */
		int			r = kind == 0 ? perm[i] : -1;
		int			len;

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xt->ncols; c++)
		{
			if (kind == 0)
			{
				cnulls[c] = (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED) != 0;
				t = xtab_get(xt, r, c);
			}
			else if (kind == 1)
				cnulls[c] = !xtab_shown_col_total(xt, c, published, &t);
			else
				cnulls[c] = !xtab_shown_col_units(xt, c, published, &t);
			cells[c] = Int64GetDatum(cnulls[c] ? 0 : t);
		}
		values[0] = Int32GetDatum(++pos);
		if (kind == 0)
		{
			const char *l = xtab_row_label(xt, r, &len);

			values[1] = PointerGetDatum(cstring_to_text_with_len(l, len));
			nulls[3] = !xtab_shown_row_total(xt, r, published, &t);
		}
		else if (kind == 1)
		{
			values[1] = CStringGetTextDatum(multi ? psprintf("%s (mentions)", total_label) : total_label);
			nulls[3] = !xtab_shown_grand_total(xt, published, &t);
		}
		else
		{
			values[1] = CStringGetTextDatum(psprintf("%s (distinct crimes)", total_label));
			nulls[3] = !xtab_shown_total_units(xt, published, &t);
		}
		values[2] = PointerGetDatum(construct_md_array(cells, cnulls, 1, dims, lbs,
													   INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		values[3] = Int64GetDatum(nulls[3] ? 0 : t);
		values[4] = BoolGetDatum(kind != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
