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
 *												XTAB_CELL_*), c only with s;
 *												string: marker, only on a
 *												withheld (s) or blank (b) cell
 *	string	:= '"' { any character but '"' and '\' | '\"' | '\\' } '"'
 *
 * Sections appear in the order listed (each at most once, footnote
 * repeatable); output omits empty ones, so an empty cross-tab is '{}'.
 * Output writes a column's kind only when it differs from the inferred one,
 * and always writes columns in natural order.  Counts are non-negative.
 * Errors echo the first 100 characters of the input and give the position
 * in characters.  Binary input (xtab.c) applies the same rules.
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "xtab.h"

/*
 * The sections of the text format, in the order they must appear.  Input and
 * output both name them through section_names.
 */
typedef enum XtabSection
{
	SECTION_COLS,
	SECTION_ROWS,
	SECTION_UNITS,
	SECTION_COLTOTALS,
	SECTION_ROWTOTALS,
	SECTION_GRANDTOTAL,
	SECTION_TITLE,
	SECTION_ROWHEADER,
	SECTION_FOOTNOTE,			/* the only repeatable one */
	NUM_SECTIONS
} XtabSection;

static const char *const section_names[NUM_SECTIONS] = {
	[SECTION_COLS] = "cols",
	[SECTION_ROWS] = "rows",
	[SECTION_UNITS] = "units",
	[SECTION_COLTOTALS] = "coltotals",
	[SECTION_ROWTOTALS] = "rowtotals",
	[SECTION_GRANDTOTAL] = "grandtotal",
	[SECTION_TITLE] = "title",
	[SECTION_ROWHEADER] = "rowheader",
	[SECTION_FOOTNOTE] = "footnote",
};

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
	/* c only with s, as input requires (0.1.0's input accepted it alone) */
	if ((f & XTAB_CELL_SECONDARY) && (f & XTAB_CELL_SUPPRESSED))
		appendStringInfoChar(buf, 'c');
	if (f & XTAB_CELL_ROUNDED)
		appendStringInfoChar(buf, 'r');
}

/* Start a section: its name, after a separator unless it is the first. */
static void
out_section(StringInfo buf, bool *first, XtabSection sec)
{
	if (!*first)
		appendStringInfoString(buf, "; ");
	appendStringInfoString(buf, section_names[sec]);
	appendStringInfoChar(buf, ':');
	*first = false;
}

static void
out_text_section(StringInfo buf, bool *first, XtabSection sec, const char *text)
{
	out_section(buf, first, sec);
	appendStringInfoChar(buf, ' ');
	out_string(buf, text, strlen(text));
}

/* The cols section: kinds only where they differ from the inferred one. */
static void
out_cols(StringInfo buf, const Xtab *xt, const int *cperm)
{
	for (int i = 0; i < xtab_ncols(xt); i++)
	{
		int			c = cperm[i];
		int			len;
		const char *label = xtab_col_label(xt, c, &len);
		int64		key;

		appendStringInfoString(buf, i ? ", " : " ");
		if (xtab_label_infer(label, len, &key) != xtab_col_kind(xt, c))
			appendStringInfo(buf, "%s ", xtab_kind_name(xtab_col_kind(xt, c)));
		out_string(buf, label, len);
	}
}

/* The rows section: per row its label, then count, flags and marker per cell. */
static void
out_rows(StringInfo buf, const Xtab *xt, const int *cperm)
{
	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		int			len;
		const char *label = xtab_row_label(xt, r, &len);

		if ((r & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		appendStringInfoString(buf, r ? ", " : " ");
		out_string(buf, label, len);
		for (int i = 0; i < xtab_ncols(xt); i++)
		{
			int			c = cperm[i];
			const char *m;
			uint8		f = xtab_get_flags(xt, r, c);

			appendStringInfo(buf, " " INT64_FORMAT, xtab_get(xt, r, c));
			out_flags(buf, f);
			/* only a withheld or blank cell's marker means anything, and
			 * input accepts no other; protect() keeps a parsed '-' on a
			 * cell it publishes (and 0.1.0 stored such values): they must
			 * still dump and reload */
			if ((f & (XTAB_CELL_SUPPRESSED | XTAB_CELL_BLANK)) &&
				(m = xtab_get_marker(xt, r, c)) != NULL)
				out_string(buf, m, strlen(m));
		}
	}
}

/* A published total, or '-' for none. */
static void
out_pub_total(StringInfo buf, bool set, int64 total)
{
	if (set)
		appendStringInfo(buf, " " INT64_FORMAT, total);
	else
		appendStringInfoString(buf, " -");
}

/* The coltotals section, if any column has a published total. */
static void
out_coltotals(StringInfo buf, bool *first, const Xtab *xt, const int *cperm)
{
	int64		total = 0;
	int			c;

	for (c = 0; c < xtab_ncols(xt); c++)
		if (xtab_get_pub_col_total(xt, c, &total))
			break;
	if (c == xtab_ncols(xt))
		return;
	out_section(buf, first, SECTION_COLTOTALS);
	for (int i = 0; i < xtab_ncols(xt); i++)
	{
		bool		set = xtab_get_pub_col_total(xt, cperm[i], &total);

		out_pub_total(buf, set, total);
	}
}

/* The rowtotals section, if any row has a published total. */
static void
out_rowtotals(StringInfo buf, bool *first, const Xtab *xt)
{
	int64		total = 0;
	int			r;

	for (r = 0; r < xtab_nrows(xt); r++)
		if (xtab_get_pub_row_total(xt, r, &total))
			break;
	if (r == xtab_nrows(xt))
		return;
	out_section(buf, first, SECTION_ROWTOTALS);
	for (r = 0; r < xtab_nrows(xt); r++)
	{
		bool		set = xtab_get_pub_row_total(xt, r, &total);

		out_pub_total(buf, set, total);
	}
}

char *
xtab_to_cstring(const Xtab *xt)
{
	StringInfoData buf;
	int		   *cperm = xtab_col_sort_perm(xt);
	bool		first = true;
	int64		total;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	if (xtab_ncols(xt) > 0)
	{
		out_section(&buf, &first, SECTION_COLS);
		out_cols(&buf, xt, cperm);
	}
	if (xtab_nrows(xt) > 0)
	{
		out_section(&buf, &first, SECTION_ROWS);
		out_rows(&buf, xt, cperm);
	}
	if (xtab_has_units(xt) && xtab_ncols(xt) > 0)
	{
		out_section(&buf, &first, SECTION_UNITS);
		for (int i = 0; i < xtab_ncols(xt); i++)
			appendStringInfo(&buf, " " INT64_FORMAT, xtab_col_units(xt, cperm[i]));
	}
	out_coltotals(&buf, &first, xt, cperm);
	out_rowtotals(&buf, &first, xt);
	if (xtab_get_pub_grand_total(xt, &total))
	{
		out_section(&buf, &first, SECTION_GRANDTOTAL);
		appendStringInfo(&buf, " " INT64_FORMAT, total);
	}
	if (xtab_get_title(xt))
		out_text_section(&buf, &first, SECTION_TITLE, xtab_get_title(xt));
	if (xtab_get_row_header(xt))
		out_text_section(&buf, &first, SECTION_ROWHEADER, xtab_get_row_header(xt));
	for (int i = 0; i < xtab_nfootnotes(xt); i++)
		out_text_section(&buf, &first, SECTION_FOOTNOTE, xtab_footnote(xt, i));
	appendStringInfoChar(&buf, '}');
	pfree(cperm);
	return buf.data;
}

/* ------------------------------------------------------------------------
 * Input
 * ------------------------------------------------------------------------
 */

/* The text parser: a cursor over the input with error reporting. */
typedef struct TextParser
{
	const char *input;
	const char *p;
	StringInfoData str;			/* the last string parsed */
} TextParser;

/* Input longer than this many characters is cut in error messages. */
#define XTAB_ERROR_ECHO_CHARS	100

pg_attribute_noreturn()
static void
syntax_error(TextParser *tp, const char *detail)
{
	int			len = strlen(tp->input);
	int			pos = pg_mbstrlen_with_len(tp->input, (int) (tp->p - tp->input)) + 1;
	int			shown = pg_mbcharcliplen(tp->input, len, XTAB_ERROR_ECHO_CHARS);

	/* the message echoes the start of the input, not all of it */
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type xtab: \"%.*s%s\"", shown, tp->input,
					shown < len ? (GetDatabaseEncoding() == PG_UTF8 ? "\xe2\x80\xa6" : "...") : ""),
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

/* Skip a word of lower-case letters (a section name or column kind). */
static void
skip_word(TextParser *tp)
{
	while (*tp->p >= 'a' && *tp->p <= 'z')
		tp->p++;
}

/* Is the section empty (followed at once by ';' or '}')? */
static bool
at_section_end(TextParser *tp)
{
	skip_ws(tp);
	return *tp->p == ';' || *tp->p == '}';
}

/* cols: [ kind ] string, ... */
static void
parse_col(TextParser *tp, Xtab *xt)
{
	XtabColKind kind = XTAB_COL_INFER;
	const char *kstart;
	const char *start;
	int64		key;

	skip_ws(tp);
	kstart = tp->p;
	skip_word(tp);
	if (tp->p > kstart)
	{
		kind = xtab_kind_from_name(kstart, tp->p - kstart);
		if (kind == XTAB_COL_INFER)
		{
			tp->p = kstart;
			syntax_error(tp, "Unknown column kind (expected year, fy, "
						 "quarter, month, int or text)");
		}
	}
	start = tp->p;
	parse_string(tp, &tp->str, "column label");
	if (xtab_find_col(xt, tp->str.data, tp->str.len) >= 0)
	{
		tp->p = start;
		syntax_error(tp, psprintf("Column \"%s\" appears twice", tp->str.data));
	}
	if (kind != XTAB_COL_INFER &&
		!xtab_label_parse(kind, tp->str.data, tp->str.len, &key))
	{
		tp->p = start;
		syntax_error(tp, psprintf("\"%s\" is not a valid %s label",
								  tp->str.data, xtab_kind_name(kind)));
	}
	xtab_add_col(xt, tp->str.data, tp->str.len, kind);
}

static void
parse_cols(TextParser *tp, Xtab *xt)
{
	if (at_section_end(tp))
		return;
	do
		parse_col(tp, xt);
	while (accept_char(tp, ','));
}

/* A cell's flag letters (XTAB_CELL_*), right after its count. */
static uint8
parse_cell_flags(TextParser *tp)
{
	uint8		f = 0;

	for (;;)
	{
		char		ch = *tp->p;
		uint8		bit = ch == 's' ? XTAB_CELL_SUPPRESSED :
		ch == 'b' ? XTAB_CELL_BLANK :
		ch == 'c' ? XTAB_CELL_SECONDARY :
		ch == 'r' ? XTAB_CELL_ROUNDED : 0;

		if (bit == 0)
		{
			if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
				syntax_error(tp, "Unknown cell flag (expected s, b, c or r)");
			if ((f & XTAB_CELL_SECONDARY) && !(f & XTAB_CELL_SUPPRESSED))
				syntax_error(tp, "Flag c (withheld as a complement) needs flag s (withheld)");
			return f;
		}
		f |= bit;
		tp->p++;
	}
}

/* rows: string, then one cell (count [ flags ] [ marker ]) per column */
static void
parse_row(TextParser *tp, Xtab *xt)
{
	const char *start = tp->p;
	const char *label;
	int			r;

	CHECK_FOR_INTERRUPTS();
	parse_string(tp, &tp->str, "row label");
	if (xtab_find_row(xt, tp->str.data, tp->str.len) >= 0)
	{
		tp->p = start;
		syntax_error(tp, psprintf("Row \"%s\" appears twice", tp->str.data));
	}
	r = xtab_add_row(xt, tp->str.data, tp->str.len);
	label = xtab_row_label(xt, r, NULL);
	for (int c = 0; c < xtab_ncols(xt); c++)
	{
		uint8		f;

		if (!at_number(tp))
			syntax_error(tp, psprintf("Row \"%s\" has %d cells; "
									  "expected %d, one per column",
									  label, c, xtab_ncols(xt)));
		xtab_set(xt, r, c, parse_count(tp, "cell count"));
		f = parse_cell_flags(tp);
		xtab_set_flags(xt, r, c, f);
		skip_ws(tp);
		if (*tp->p == '"')
		{
			/* a marker is the text of a withheld or blank cell, never of a count */
			if (!(f & (XTAB_CELL_SUPPRESSED | XTAB_CELL_BLANK)))
				syntax_error(tp, "A cell marker needs flag s (withheld) or b (blank)");
			parse_string(tp, &tp->str, "cell marker");
			xtab_set_marker(xt, r, c, tp->str.data);
		}
	}
	if (at_number(tp))
		syntax_error(tp, psprintf("Row \"%s\" has more cells than the %d columns",
								  label, xtab_ncols(xt)));
}

static void
parse_rows(TextParser *tp, Xtab *xt)
{
	if (at_section_end(tp))
		return;
	do
		parse_row(tp, xt);
	while (accept_char(tp, ','));
}

/* units: one count per column */
static void
parse_units(TextParser *tp, Xtab *xt)
{
	for (int c = 0; c < xtab_ncols(xt); c++)
		xtab_set_units(xt, c, parse_count(tp, "unit count"));
	if (xtab_ncols(xt) == 0)
		syntax_error(tp, "Units need columns");
}

/* coltotals: one count or '-' per column */
static void
parse_coltotals(TextParser *tp, Xtab *xt)
{
	for (int c = 0; c < xtab_ncols(xt); c++)
	{
		if (accept_char(tp, '-'))
			continue;
		xtab_set_pub_col_total(xt, c, parse_count(tp, "column total"));
	}
}

/* rowtotals: one count or '-' per row */
static void
parse_rowtotals(TextParser *tp, Xtab *xt)
{
	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		if (accept_char(tp, '-'))
			continue;
		xtab_set_pub_row_total(xt, r, parse_count(tp, "row total"));
	}
}

static void
parse_grandtotal(TextParser *tp, Xtab *xt)
{
	xtab_set_pub_grand_total(xt, parse_count(tp, "grand total"));
}

static void
parse_title(TextParser *tp, Xtab *xt)
{
	parse_string(tp, &tp->str, "title");
	xtab_set_title(xt, tp->str.data);
}

static void
parse_rowheader(TextParser *tp, Xtab *xt)
{
	parse_string(tp, &tp->str, "row header");
	xtab_set_row_header(xt, tp->str.data);
}

static void
parse_footnote(TextParser *tp, Xtab *xt)
{
	parse_string(tp, &tp->str, "footnote");
	xtab_add_footnote(xt, tp->str.data);
}

typedef void (*SectionParser) (TextParser *tp, Xtab *xt);

static const SectionParser section_parsers[NUM_SECTIONS] = {
	[SECTION_COLS] = parse_cols,
	[SECTION_ROWS] = parse_rows,
	[SECTION_UNITS] = parse_units,
	[SECTION_COLTOTALS] = parse_coltotals,
	[SECTION_ROWTOTALS] = parse_rowtotals,
	[SECTION_GRANDTOTAL] = parse_grandtotal,
	[SECTION_TITLE] = parse_title,
	[SECTION_ROWHEADER] = parse_rowheader,
	[SECTION_FOOTNOTE] = parse_footnote,
};

/*
 * A section name and its ':'.  prev is the section before it (-1 for none):
 * sections come in their order, each once but for footnote.
 */
static XtabSection
parse_section_name(TextParser *tp, int prev)
{
	const char *start;
	int			sec;

	skip_ws(tp);
	start = tp->p;
	skip_word(tp);
	for (sec = 0; sec < NUM_SECTIONS; sec++)
		if ((int) strlen(section_names[sec]) == tp->p - start &&
			memcmp(section_names[sec], start, tp->p - start) == 0)
			break;
	if (sec == NUM_SECTIONS)
	{
		tp->p = start;
		syntax_error(tp, "Expected a section name (cols, rows, units, coltotals, "
					 "rowtotals, grandtotal, title, rowheader or footnote)");
	}
	if (sec < prev || (sec == prev && sec != SECTION_FOOTNOTE))
	{
		tp->p = start;
		syntax_error(tp, psprintf("Section \"%s\" is repeated or out of order",
								  section_names[sec]));
	}
	if (!accept_char(tp, ':'))
		syntax_error(tp, psprintf("Expected \":\" after \"%s\"", section_names[sec]));
	return (XtabSection) sec;
}

Xtab *
xtab_from_cstring(const char *str, MemoryContext mcxt)
{
	TextParser	tp;
	Xtab	   *xt = xtab_create(mcxt);
	int			prev = -1;

	tp.input = str;
	tp.p = str;
	initStringInfo(&tp.str);

	if (!accept_char(&tp, '{'))
		syntax_error(&tp, "Expected \"{\"");
	skip_ws(&tp);
	if (*tp.p != '}')
	{
		do
		{
			XtabSection sec = parse_section_name(&tp, prev);

			section_parsers[sec] (&tp, xt);
			prev = sec;
		} while (accept_char(&tp, ';'));
	}
	if (!accept_char(&tp, '}'))
		syntax_error(&tp, "Expected \";\" or \"}\"");
	skip_ws(&tp);
	if (*tp.p != '\0')
		syntax_error(&tp, "Unexpected text after \"}\"");
	pfree(tp.str.data);
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
