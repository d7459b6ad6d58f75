/*
 * xtab_text.c
 *		The text format of a cross-tab and the type's text input/output
 *		functions (xtab_in, xtab_out).
 *
 * The model and its binary (stored) form are in xtab.c; this file uses only
 * the C API of xtab.h.
 *
 * Text format (type input/output), one line, e.g.
 *
 *	{cols: "2013", "2014"; rows: "EXPOSURE" 16 1, "VOYEURISM" 6 3s"<5"}
 *
 *	xtab	:= '{' [ section { ';' section } ] '}'
 *	section := 'cols:' [ col { ',' col } ]
 *			 | 'rows:' [ row { ',' row } ]
 *			 | 'units:' int x ncols				(multi-label tables)
 *			 | 'coltotals:' (int | '-') x ncols	(published column totals)
 *			 | 'rowtotals:' (int | '-') x nrows	(published row totals)
 *			 | 'grandtotal:' int					(published grand total)
 *			 | 'title:' string | 'rowheader:' string
 *			 | 'footnote:' string				(repeatable)
 *	col		:= [ kind ] string					kind: year fy quarter month
 *												int text; omitted = inferred
 *	row		:= string cell x ncols
 *	cell	:= int [ flags ] [ string ]			flags: letters s b c r (see
 *												XTAB_CELL_*); string: marker
 *	string	:= '"' { any character but '"' and '\' | '\"' | '\\' } '"'
 *
 * Sections appear in the order listed (each at most once, footnote
 * repeatable); output omits empty ones, so an empty cross-tab is '{}'.
 * Output writes a column's kind only when it differs from the inferred one,
 * and always writes columns in natural order.  Counts are non-negative.
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"

#include "xtab.h"

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */

static void
out_string(StringInfo buf, const char *s, int len)
{
	appendStringInfoChar(buf, '"');
	for (int i = 0; i < len; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, s[i]);
	}
	appendStringInfoChar(buf, '"');
}

static void
out_flags(StringInfo buf, uint8 f)
{
	if (f & XTAB_CELL_SUPPRESSED)
		appendStringInfoChar(buf, 's');
	if (f & XTAB_CELL_BLANK)
		appendStringInfoChar(buf, 'b');
	if (f & XTAB_CELL_SECONDARY)
		appendStringInfoChar(buf, 'c');
	if (f & XTAB_CELL_ROUNDED)
		appendStringInfoChar(buf, 'r');
}

char *
xtab_to_cstring(const Xtab *xt)
{
	StringInfoData buf;
	int		   *cperm = xtab_col_sort_perm(xt);
	bool		first_section = true;

#define SECTION(name) \
	do { \
		appendStringInfoString(&buf, first_section ? name ":" : "; " name ":"); \
		first_section = false; \
	} while (0)

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	if (xt->ncols > 0)
	{
		SECTION("cols");
		for (int i = 0; i < xt->ncols; i++)
		{
			int			c = cperm[i];
			int64		key;

			appendStringInfoString(&buf, i ? ", " : " ");
			if (xtab_label_infer(xt->clabel[c].data, xt->clabel[c].len, &key) != xt->ckind[c])
				appendStringInfo(&buf, "%s ", xtab_kind_name(xt->ckind[c]));
			out_string(&buf, xt->clabel[c].data, xt->clabel[c].len);
		}
	}
	if (xt->nrows > 0)
	{
		SECTION("rows");
		for (int r = 0; r < xt->nrows; r++)
		{
			if ((r & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			appendStringInfoString(&buf, r ? ", " : " ");
			out_string(&buf, xt->rlabel[r].data, xt->rlabel[r].len);
			for (int i = 0; i < xt->ncols; i++)
			{
				int			c = cperm[i];
				const char *m;

				appendStringInfo(&buf, " " INT64_FORMAT, xtab_get(xt, r, c));
				out_flags(&buf, xtab_get_flags(xt, r, c));
				if (xt->nmarkers && (m = xtab_get_marker(xt, r, c)) != NULL)
					out_string(&buf, m, strlen(m));
			}
		}
	}
	if (xt->has_units && xt->ncols > 0)
	{
		SECTION("units");
		for (int i = 0; i < xt->ncols; i++)
			appendStringInfo(&buf, " " INT64_FORMAT, xt->cunits[cperm[i]]);
	}
	for (int i = 0; i < xt->ncols; i++)
	{
		if (xt->cpub_set[i])
		{
			SECTION("coltotals");
			for (int j = 0; j < xt->ncols; j++)
			{
				int			c = cperm[j];

				if (xt->cpub_set[c])
					appendStringInfo(&buf, " " INT64_FORMAT, xt->cpub[c]);
				else
					appendStringInfoString(&buf, " -");
			}
			break;
		}
	}
	for (int i = 0; i < xt->nrows; i++)
	{
		if (xt->rpub_set[i])
		{
			SECTION("rowtotals");
			for (int r = 0; r < xt->nrows; r++)
			{
				if (xt->rpub_set[r])
					appendStringInfo(&buf, " " INT64_FORMAT, xt->rpub[r]);
				else
					appendStringInfoString(&buf, " -");
			}
			break;
		}
	}
	if (xt->pub_grand_set)
	{
		SECTION("grandtotal");
		appendStringInfo(&buf, " " INT64_FORMAT, xt->pub_grand);
	}
	if (xt->title)
	{
		SECTION("title");
		appendStringInfoChar(&buf, ' ');
		out_string(&buf, xt->title, strlen(xt->title));
	}
	if (xt->row_header)
	{
		SECTION("rowheader");
		appendStringInfoChar(&buf, ' ');
		out_string(&buf, xt->row_header, strlen(xt->row_header));
	}
	for (int i = 0; i < xt->nfootnotes; i++)
	{
		SECTION("footnote");
		appendStringInfoChar(&buf, ' ');
		out_string(&buf, xt->footnotes[i], strlen(xt->footnotes[i]));
	}
	appendStringInfoChar(&buf, '}');
#undef SECTION
	pfree(cperm);
	return buf.data;
}

/* The text parser: a cursor over the input with error reporting. */
typedef struct TextParser
{
	const char *input;
	const char *p;
} TextParser;

pg_attribute_noreturn()
static void
syntax_error(TextParser *tp, const char *detail)
{
	int			pos = (int) (tp->p - tp->input) + 1;

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type xtab: \"%s\"", tp->input),
			 errdetail("%s (at character %d).", detail, pos),
			 errhint("A cross-tab looks like {cols: \"2013\", \"2014\"; "
					 "rows: \"EXPOSURE\" 16 1, \"VOYEURISM\" 6 3}.")));
}

static void
skip_ws(TextParser *tp)
{
	while (*tp->p == ' ' || *tp->p == '\t' || *tp->p == '\n' || *tp->p == '\r')
		tp->p++;
}

/* Parse a quoted string into buf (reset first). */
static void
parse_string(TextParser *tp, StringInfo buf, const char *what)
{
	skip_ws(tp);
	resetStringInfo(buf);
	if (*tp->p != '"')
		syntax_error(tp, psprintf("Expected a double-quoted %s", what));
	tp->p++;
	for (;;)
	{
		char		ch = *tp->p;

		if (ch == '\0')
			syntax_error(tp, psprintf("Unterminated %s", what));
		if (ch == '"')
		{
			tp->p++;
			return;
		}
		if (ch == '\\')
		{
			tp->p++;
			ch = *tp->p;
			if (ch != '"' && ch != '\\')
				syntax_error(tp, "Only \\\" and \\\\ are valid escapes");
		}
		appendStringInfoChar(buf, ch);
		tp->p++;
	}
}

/* Parse a non-negative int64 count. */
static int64
parse_count(TextParser *tp, const char *what)
{
	int64		v = 0;
	const char *start;

	skip_ws(tp);
	start = tp->p;
	if (*tp->p == '-' && tp->p[1] >= '0' && tp->p[1] <= '9')
		syntax_error(tp, psprintf("A %s cannot be negative", what));
	while (*tp->p >= '0' && *tp->p <= '9')
	{
		if (pg_mul_s64_overflow(v, 10, &v) ||
			pg_add_s64_overflow(v, *tp->p - '0', &v))
		{
			tp->p = start;
			syntax_error(tp, psprintf("The %s is out of range for bigint", what));
		}
		tp->p++;
	}
	if (tp->p == start)
		syntax_error(tp, psprintf("Expected a %s (a non-negative integer)", what));
	return v;
}

static bool
accept_char(TextParser *tp, char ch)
{
	skip_ws(tp);
	if (*tp->p == ch)
	{
		tp->p++;
		return true;
	}
	return false;
}

/* Is the next token a cell (a digit or '-')? */
static bool
at_number(TextParser *tp)
{
	skip_ws(tp);
	return (*tp->p >= '0' && *tp->p <= '9') || *tp->p == '-';
}

static const char *const section_names[] = {
	"cols", "rows", "units", "coltotals", "rowtotals", "grandtotal",
	"title", "rowheader", "footnote"
};
#define NSECTIONS lengthof(section_names)

Xtab *
xtab_from_cstring(const char *str, MemoryContext mcxt)
{
	TextParser	tp;
	Xtab	   *xt = xtab_create(mcxt);
	StringInfoData sbuf;
	int			last_section = -1;

	tp.input = str;
	tp.p = str;
	initStringInfo(&sbuf);

	if (!accept_char(&tp, '{'))
		syntax_error(&tp, "Expected \"{\"");
	skip_ws(&tp);
	if (*tp.p != '}')
	{
		for (;;)
		{
			const char *start;
			int			sec = -1;

			skip_ws(&tp);
			start = tp.p;
			while ((*tp.p >= 'a' && *tp.p <= 'z'))
				tp.p++;
			for (int i = 0; i < (int) NSECTIONS; i++)
				if ((int) strlen(section_names[i]) == tp.p - start &&
					memcmp(section_names[i], start, tp.p - start) == 0)
					sec = i;
			if (sec < 0)
			{
				tp.p = start;
				syntax_error(&tp, "Expected a section name (cols, rows, units, coltotals, "
							 "rowtotals, grandtotal, title, rowheader or footnote)");
			}
			if (sec < last_section || (sec == last_section && sec != NSECTIONS - 1))
			{
				tp.p = start;
				syntax_error(&tp, psprintf("Section \"%s\" is repeated or out of order",
										   section_names[sec]));
			}
			last_section = sec;
			if (!accept_char(&tp, ':'))
				syntax_error(&tp, psprintf("Expected \":\" after \"%s\"", section_names[sec]));

			switch (sec)
			{
				case 0:			/* cols */
					skip_ws(&tp);
					if (*tp.p == ';' || *tp.p == '}')
						break;
					do
					{
						XtabColKind kind = XTAB_COL_INFER;
						const char *kstart;
						int64		key;

						skip_ws(&tp);
						kstart = tp.p;
						while (*tp.p >= 'a' && *tp.p <= 'z')
							tp.p++;
						if (tp.p > kstart)
						{
							kind = xtab_kind_from_name(kstart, tp.p - kstart);
							if (kind == XTAB_COL_INFER)
							{
								tp.p = kstart;
								syntax_error(&tp, "Unknown column kind (expected year, fy, "
											 "quarter, month, int or text)");
							}
						}
						start = tp.p;
						parse_string(&tp, &sbuf, "column label");
						if (xtab_find_col(xt, sbuf.data, sbuf.len) >= 0)
						{
							tp.p = start;
							syntax_error(&tp, psprintf("Column \"%s\" appears twice", sbuf.data));
						}
						if (kind != XTAB_COL_INFER &&
							!xtab_label_parse(kind, sbuf.data, sbuf.len, &key))
						{
							tp.p = start;
							syntax_error(&tp, psprintf("\"%s\" is not a valid %s label",
													   sbuf.data, xtab_kind_name(kind)));
						}
						xtab_add_col(xt, sbuf.data, sbuf.len, kind);
					} while (accept_char(&tp, ','));
					break;

				case 1:			/* rows */
					skip_ws(&tp);
					if (*tp.p == ';' || *tp.p == '}')
						break;
					do
					{
						int			r;

						CHECK_FOR_INTERRUPTS();
						start = tp.p;
						parse_string(&tp, &sbuf, "row label");
						if (xtab_find_row(xt, sbuf.data, sbuf.len) >= 0)
						{
							tp.p = start;
							syntax_error(&tp, psprintf("Row \"%s\" appears twice", sbuf.data));
						}
						r = xtab_add_row(xt, sbuf.data, sbuf.len);
						for (int c = 0; c < xt->ncols; c++)
						{
							uint8		f = 0;

							if (!at_number(&tp))
								syntax_error(&tp, psprintf("Row \"%s\" has %d cells; "
														   "expected %d, one per column",
														   xt->rlabel[r].data, c, xt->ncols));
							xtab_set(xt, r, c, parse_count(&tp, "cell count"));
							for (;;)
							{
								char		ch = *tp.p;
								uint8		bit = ch == 's' ? XTAB_CELL_SUPPRESSED :
								ch == 'b' ? XTAB_CELL_BLANK :
								ch == 'c' ? XTAB_CELL_SECONDARY :
								ch == 'r' ? XTAB_CELL_ROUNDED : 0;

								if (bit == 0)
								{
									if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
										syntax_error(&tp, "Unknown cell flag (expected s, b, c or r)");
									break;
								}
								f |= bit;
								tp.p++;
							}
							xtab_set_flags(xt, r, c, f);
							skip_ws(&tp);
							if (*tp.p == '"')
							{
								parse_string(&tp, &sbuf, "cell marker");
								xtab_set_marker(xt, r, c, sbuf.data);
							}
						}
						if (at_number(&tp))
							syntax_error(&tp, psprintf("Row \"%s\" has more cells than the %d columns",
													   xt->rlabel[r].data, xt->ncols));
					} while (accept_char(&tp, ','));
					break;

				case 2:			/* units */
					for (int c = 0; c < xt->ncols; c++)
						xtab_set_units(xt, c, parse_count(&tp, "unit count"));
					if (xt->ncols == 0)
						syntax_error(&tp, "Units need columns");
					break;

				case 3:			/* coltotals */
					for (int c = 0; c < xt->ncols; c++)
					{
						if (accept_char(&tp, '-'))
							continue;
						xtab_set_pub_col_total(xt, c, parse_count(&tp, "column total"));
					}
					break;

				case 4:			/* rowtotals */
					for (int r = 0; r < xt->nrows; r++)
					{
						if (accept_char(&tp, '-'))
							continue;
						xtab_set_pub_row_total(xt, r, parse_count(&tp, "row total"));
					}
					break;

				case 5:			/* grandtotal */
					xtab_set_pub_grand_total(xt, parse_count(&tp, "grand total"));
					break;

				case 6:			/* title */
					parse_string(&tp, &sbuf, "title");
					xtab_set_title(xt, sbuf.data);
					break;

				case 7:			/* rowheader */
					parse_string(&tp, &sbuf, "row header");
					xtab_set_row_header(xt, sbuf.data);
					break;

				case 8:			/* footnote */
					parse_string(&tp, &sbuf, "footnote");
					xtab_add_footnote(xt, sbuf.data);
					break;
			}
			if (accept_char(&tp, ';'))
				continue;
			break;
		}
	}
	if (!accept_char(&tp, '}'))
		syntax_error(&tp, "Expected \";\" or \"}\"");
	skip_ws(&tp);
	if (*tp.p != '\0')
		syntax_error(&tp, "Unexpected text after \"}\"");
	pfree(sbuf.data);
	xtab_sort_cols(xt);
	return xt;
}

/* ------------------------------------------------------------------------
 * Type I/O (text; the binary functions are in xtab.c)
 * ------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(xtab_in);
PG_FUNCTION_INFO_V1(xtab_out);

Datum
xtab_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Xtab	   *xt = xtab_from_cstring(str, CurrentMemoryContext);

	PG_RETURN_XTAB_P(xtab_flatten(xt));
}

Datum
xtab_out(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_CSTRING(xtab_to_cstring(xt));
}
