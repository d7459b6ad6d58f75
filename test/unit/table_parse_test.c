/*
 * table_parse_test.c
 *		Out-of-server unit tests and fuzz smoke run for src/table_parse.c.
 *
 *   table_parse_test FIXTURE_DIR            unit tests (seed tables + inline cases)
 *   table_parse_test --fuzz N FIXTURE_DIR   N mutated/random inputs: never crash,
 *                                           every result either a consistent
 *                                           table or an error with a message
 *
 * Built and run by test/checks/table_parse_unit.sh with -Wall -Werror and, when
 * the compiler supports them, AddressSanitizer and UBSan.
 */
#include "../../src/table_parse.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ctype.h>
#include <locale.h>

/* ------------------------------------------------------------ arena */

typedef struct block
{
	struct block *next;
	char		data[];
} block;

static block *arena = NULL;
static long ticks = 0;

static void *
arena_alloc(void *ctx, size_t size)
{
	block	   *b = calloc(1, sizeof(block) + size);

	(void) ctx;
	if (!b)
	{
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	b->next = arena;
	arena = b;
	return b->data;
}

static void
arena_tick(void *ctx)
{
	(void) ctx;
	ticks++;
}

static void
arena_reset(void)
{
	while (arena)
	{
		block	   *n = arena->next;

		free(arena);
		arena = n;
	}
}

static const tp_alloc A = {arena_alloc, arena_tick, NULL};

/* ------------------------------------------------------------ asserts */

static char *
read_file(const char *dir, const char *name, size_t *len)
{
	char		path[1024];
	FILE	   *f;
	char	   *buf;
	long		n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
	{
		fprintf(stderr, "cannot open %s\n", path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (fread(buf, 1, n, f) != (size_t) n)
		exit(2);
	buf[n] = '\0';
	fclose(f);
	*len = n;
	return buf;
}

static bool
parse(const char *s, tp_format f, tp_table *t, tp_error *e)
{
	return tp_parse(s, strlen(s), f, &A, t, e);
}

static tp_cell *
cell(tp_table *t, int r, int c)
{
	return &t->cells[(size_t) r * t->ncols + c];
}

static int
row_of(tp_table *t, const char *label)
{
	for (int r = 0; r < t->nrows; r++)
		if (strcmp(t->row_labels[r], label) == 0)
			return r;
	return -1;
}

/* Count the rows/columns whose cells do not sum to the published total. */
static void
sum_mismatches(tp_table *t, int *bad_rows, int *bad_cols, int *bad_grand)
{
	int64_t		all = 0,
				rows_total = 0;

	*bad_rows = *bad_cols = *bad_grand = 0;
	for (int r = 0; r < t->nrows; r++)
	{
		int64_t		s = 0;

		for (int c = 0; c < t->ncols; c++)
			s += cell(t, r, c)->value;
		all += s;
		rows_total += t->row_totals[r].value;
		if (s != t->row_totals[r].value)
			(*bad_rows)++;
	}
	for (int c = 0; c < t->ncols; c++)
	{
		int64_t		s = 0;

		for (int r = 0; r < t->nrows; r++)
			s += cell(t, r, c)->value;
		if (s != t->col_totals[c].value)
			(*bad_cols)++;
	}
	if (all != t->grand.value)
		(*bad_grand)++;
}

/* ------------------------------------------------------------ seed */

/*
 * The seed tables (test/fixtures): what every one is checked for -- its size,
 * its grand total, and how many printed row totals, column totals and grand
 * totals differ from the sums of their cells -- and the checks of its own.
 */
typedef struct seed_case
{
	const char *file;
	int			ncols;
	int			nrows;
	int64_t		grand;
	int			bad_rows;
	int			bad_cols;
	int			bad_grand;
	void		(*more) (tp_table *t, const char *s, size_t n);
} seed_case;

static void
seed_q1(tp_table *t, const char *s, size_t n)
{
	const char *years[] = {"2010", "2011", "2012", "2013", "2014"};
	int			r;

	CHECK(tp_detect(s, n) == TP_TSV);
	CHECK_EQ(t->format, TP_TSV);
	for (int i = 0; i < 5; i++)
		CHECK_STR(t->col_labels[i], years[i]);
	CHECK_STR(t->corner, "");
	CHECK(t->has_total_col && t->has_total_row);
	CHECK_STR(t->total_col_label, "Grand Total");
	CHECK_STR(t->total_row_label, "Grand Total");
	CHECK_EQ(t->header_line, 1);
	CHECK_EQ(t->total_row_line, 83);
	CHECK_STR(t->row_labels[0], "SEXUAL ASSAULT ON A FEMALE 13 OR OVER");
	CHECK_EQ(cell(t, 0, 0)->value, 119);
	CHECK_EQ(t->row_totals[0].value, 539);
	/* the blank line after row 26 is skipped: row 27 is on line 29 */
	CHECK_STR(t->row_labels[26], "ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD 13-15 - OFFENDER 18+");
	CHECK_EQ(t->row_lines[26], 29);
	r = row_of(t, "CAUSE/INCITE CHILD PROSTITUTION OR PORNOGRAPHY 13-17");
	CHECK(r >= 0);
	CHECK_EQ(cell(t, r, 0)->kind, MARKER_BLANK);
	CHECK_EQ(cell(t, r, 1)->value, 20);
	CHECK_EQ(cell(t, r, 4)->kind, MARKER_BLANK);
	CHECK_EQ(t->row_totals[r].value, 30);
}

static void
seed_q1b(tp_table *t, const char *s, size_t n)
{
	CHECK_STR(t->col_labels[0], "2012");
	CHECK_STR(t->total_row_label, "Grand Total");	/* <b> stripped */
	CHECK_EQ(t->col_totals[0].value, 25);
	CHECK_EQ(t->col_totals[1].value, 29);
	CHECK_EQ(t->col_totals[2].value, 10);
}

static void
seed_q3(tp_table *t, const char *s, size_t n)
{
	CHECK_STR(t->row_labels[0], "FACEBOOK");
	CHECK_EQ(t->row_totals[0].value, 87);
	CHECK_STR(t->row_totals[0].text, "87");
	CHECK_EQ(cell(t, 0, 4)->value, 7);
	CHECK_EQ(t->col_totals[1].value, 22);
}

static const seed_case seed_cases[] = {
	{"q1.txt", 5, 79, 2500, 0, 0, 0, seed_q1},
	{"q1b.txt", 3, 21, 64, 0, 0, 0, seed_q1b},
	{"q1c.txt", 5, 18, 32, 0, 0, 0, NULL},
	/* FACEBOOK: 89 vs 87; 2011..2014: 18/22, 25/43, 36/61, 10/46; 93 vs 101 */
	{"q3.txt", 5, 5, 101, 1, 4, 1, seed_q3},
};

static void
test_seed(const char *dir)
{
	for (int i = 0; i < (int) (sizeof(seed_cases) / sizeof(seed_cases[0])); i++)
	{
		const seed_case *c = &seed_cases[i];
		tp_table	t;
		tp_error	e;
		size_t		n;
		char	   *s = read_file(dir, c->file, &n);
		int			br,
					bc,
					bg;

		CHECK(tp_parse(s, n, TP_AUTO, &A, &t, &e));
		CHECK_EQ(t.ncols, c->ncols);
		CHECK_EQ(t.nrows, c->nrows);
		CHECK_EQ(t.grand.value, c->grand);
		if (c->more)
			c->more(&t, s, n);
		sum_mismatches(&t, &br, &bc, &bg);
		CHECK_EQ(br, c->bad_rows);
		CHECK_EQ(bc, c->bad_cols);
		CHECK_EQ(bg, c->bad_grand);
		free(s);
		arena_reset();
	}
}

/* ------------------------------------------------------------ labels */

/* (What a cell's text means is tested in marker_test.c.) */
static void
test_total_labels(void)
{
	CHECK(tp_is_total_label("Grand Total"));
	CHECK(tp_is_total_label("TOTAL:"));
	CHECK(tp_is_total_label("Totals"));
	CHECK(!tp_is_total_label("Total offences recorded by force"));
	CHECK(!tp_is_total_label("Subtotal"));
}

/* ------------------------------------------------------------ formats */

static void
test_formats(void)
{
	tp_table	t;
	tp_error	e;

	/* CSV: quoted labels with commas and quotes, thousands separators, blank line */
	CHECK(parse("Offence,2021,2022,Total\r\n"
				"\"Theft, other\",\"1,234\",5,\"1,239\"\r\n"
				"\r\n"
				"\"He said \"\"hi\"\"\",-,<5,*\r\n"
				"Total,\"1,234\",*,\"1,243\"\r\n", TP_AUTO, &t, &e));
	CHECK_EQ(t.format, TP_CSV);
	CHECK_STR(t.corner, "Offence");
	CHECK_EQ(t.nrows, 2);
	CHECK_EQ(t.ncols, 2);
	CHECK_STR(t.row_labels[0], "Theft, other");
	CHECK_STR(t.row_labels[1], "He said \"hi\"");
	CHECK_EQ(t.row_lines[1], 4);
	CHECK_EQ(cell(&t, 0, 0)->value, 1234);
	CHECK_EQ(cell(&t, 1, 0)->kind, MARKER_BLANK);
	CHECK_EQ(cell(&t, 1, 1)->kind, MARKER_WITHHELD);
	CHECK_STR(cell(&t, 1, 1)->text, "<5");
	CHECK_EQ(t.row_totals[1].kind, MARKER_WITHHELD);
	CHECK_EQ(t.col_totals[1].kind, MARKER_WITHHELD);
	CHECK_EQ(t.grand.value, 1243);
	arena_reset();

	/* CSV: a quoted field spanning lines keeps the record's line numbers right */
	CHECK(parse("a,b\n\"x\ny\",1\nz,oops\n", TP_CSV, &t, &e) == false);
	CHECK_EQ(e.line, 4);
	CHECK_EQ(e.col, 2);
	arena_reset();
	CHECK(!parse("a,b\n\"x,1\n", TP_CSV, &t, &e));
	CHECK(strstr(e.message, "unterminated quoted field starting on line 2") != NULL);
	arena_reset();
	CHECK(!parse("a,b\nx\"y,1\n", TP_CSV, &t, &e));
	CHECK_EQ(e.line, 2);
	arena_reset();

	/* Markdown, with alignment row, bold total, escaped pipe */
	CHECK(parse("| Offence | 2022/23 | 2023/24 | Total |\n"
				"|:--------|--------:|:-------:|------:|\n"
				"| Robbery \\| personal | 10 | 12 | 22 |\n"
				"| Burglary | 3 | - | 3 |\n"
				"| **Total** | **13** | **12** | **25** |\n", TP_AUTO, &t, &e));
	CHECK_EQ(t.format, TP_MARKDOWN);
	CHECK_EQ(t.nrows, 2);
	CHECK_EQ(t.ncols, 2);
	CHECK_STR(t.col_labels[1], "2023/24");
	CHECK_STR(t.row_labels[0], "Robbery | personal");
	CHECK_EQ(t.row_lines[1], 4);
	CHECK(t.has_total_row);
	CHECK_EQ(t.grand.value, 25);
	arena_reset();
	/* a multi-label table as render prints it: mentions total row, units row */
	CHECK(parse("\t2023\t2024\tGrand Total\nFacebook\t5\t6\t11\nSnapchat\t7\t8\t15\n"
				"Grand Total (mentions)\t12\t15\t27\nGrand Total (distinct crimes)\t10\t*\t23\n",
				TP_TSV, &t, &e));
	CHECK_EQ(t.nrows, 2);
	CHECK(t.has_total_row && t.has_units_row);
	CHECK_STR(t.total_row_label, "Grand Total (mentions)");
	CHECK_EQ(t.col_totals[1].value, 15);
	CHECK_EQ(t.grand.value, 27);
	CHECK_STR(t.units_row_label, "Grand Total (distinct crimes)");
	CHECK_EQ(t.units_row_line, 5);
	CHECK_EQ(t.col_units[0].value, 10);
	CHECK_EQ(t.col_units[1].kind, MARKER_WITHHELD);
	CHECK_EQ(t.units_grand.value, 23);
	arena_reset();
	CHECK(!parse("\t2023\nA\t5\nTotal (distinct crimes)\t5\n", TP_TSV, &t, &e));
	CHECK(strstr(e.message, "distinct-crimes row on line 3 but no total row") != NULL);
	arena_reset();
	/* markdown as a web page's text shows it: no leading pipe, thousands separators */
	CHECK(parse("Ethnicity | Number |\n---|---|\nWhite | 2,287 |\nMixed | 118 |\nTotal | 2,405 |\n",
				TP_AUTO, &t, &e));
	CHECK_EQ(t.format, TP_MARKDOWN);
	CHECK_EQ(t.ncols, 1);
	CHECK_EQ(cell(&t, 0, 0)->value, 2287);
	CHECK_EQ(t.col_totals[0].value, 2405);
	arena_reset();
	/* extra total labels */
	{
		const char *extra[] = {"England and Wales"};

		CHECK(tp_parse_ext("\t1997\nKent\t3\nEngland and Wales:\t3\n", 34, TP_TSV, extra, 1, &A, &t, &e));
		CHECK(t.has_total_row);
		CHECK_EQ(t.nrows, 1);
		arena_reset();
		CHECK(tp_parse("\t1997\nKent\t3\nEngland and Wales:\t3\n", 34, TP_TSV, &A, &t, &e));
		CHECK(!t.has_total_row);
		CHECK_EQ(t.nrows, 2);
		arena_reset();
	}
	/* markdown without outer pipes */
	CHECK(parse("x | a | b\n---|---|---\nr | 1 | 2\n", TP_MARKDOWN, &t, &e));
	CHECK_EQ(t.ncols, 2);
	CHECK_EQ(cell(&t, 0, 1)->value, 2);
	arena_reset();

	/* HTML with entities, th, tags inside cells, a caption and a comment */
	CHECK(parse("<p>intro</p>\n<table class=\"t\">\n<caption>Crimes</caption>\n"
				"<thead><tr><th></th><th>2019</th><th>2020</th><th>Total</th></tr></thead>\n"
				"<tbody>\n<tr><td>Theft &amp; handling</td><td>1&#44;200</td><td>&lt;5</td><td>*</td></tr>\n"
				"<!-- <tr><td>hidden</td></tr> -->\n"
				"<tr><td><b>Fraud</b><br>online</td><td><span>7</span></td><td>&nbsp;</td><td>7</td></tr>\n"
				"<tr><th>Total</th><td>1,207</td><td>*</td><td>1,210</td></tr>\n"
				"</tbody></table>\n", TP_AUTO, &t, &e));
	CHECK_EQ(t.format, TP_HTML);
	CHECK_EQ(t.nrows, 2);
	CHECK_EQ(t.ncols, 2);
	CHECK_STR(t.row_labels[0], "Theft & handling");
	CHECK_STR(t.row_labels[1], "Fraud online");
	CHECK_EQ(t.row_lines[1], 8);
	CHECK_EQ(cell(&t, 0, 0)->value, 1200);
	CHECK_EQ(cell(&t, 0, 1)->kind, MARKER_WITHHELD);
	CHECK_EQ(cell(&t, 0, 1)->hi, 4);
	CHECK_EQ(cell(&t, 1, 1)->kind, MARKER_BLANK);
	CHECK_EQ(t.header_line, 4);
	CHECK_EQ(t.grand.value, 1210);
	arena_reset();
	CHECK(!parse("<table><tr><td></td><td colspan=\"2\">2020</td></tr></table>", TP_AUTO, &t, &e));
	CHECK(strstr(e.message, "colspan") != NULL);
	arena_reset();
	CHECK(!parse("<table><tr><td></td><td>a</td></tr><tr><td>x</td><td>1</td></tr>", TP_AUTO, &t, &e));
	CHECK(strstr(e.message, "no closing </table>") != NULL);
	arena_reset();

	/* format forced: TSV text read as CSV is one column per line, an error */
	CHECK(!parse("\ta\tb\nx\t1\t2\n", TP_CSV, &t, &e));
	arena_reset();

	/* total row and column need not be last */
	CHECK(parse("\tTotal\tA\tB\nTotal\t3\t1\t2\nr1\t1\t1\t-\nr2\t2\t\t2\n", TP_TSV, &t, &e));
	CHECK_EQ(t.nrows, 2);
	CHECK_STR(t.col_labels[0], "A");
	CHECK_EQ(t.row_totals[1].value, 2);
	CHECK_EQ(t.col_totals[1].value, 2);
	CHECK_EQ(t.grand.value, 3);
	arena_reset();

	/* no totals at all */
	CHECK(parse("\ta\tb\nx\t1\t2\n", TP_TSV, &t, &e));
	CHECK(!t.has_total_col && !t.has_total_row);
	arena_reset();

	/* trailing empty cells beyond the header are tolerated (spreadsheet exports) */
	CHECK(parse("k,a,b,,\nx,1,2,,\n", TP_CSV, &t, &e));
	CHECK_EQ(t.ncols, 2);
	arena_reset();
}

/* ------------------------------------------------------------ errors */

static void
expect_error(const char *text, tp_format f, int line, int col, const char *needle)
{
	tp_table	t;
	tp_error	e;

	unit_checks++;
	if (parse(text, f, &t, &e))
	{
		unit_failures++;
		fprintf(stderr, "expected an error containing \"%s\", parse succeeded for:\n%s\n", needle, text);
	}
	else if (e.line != line || (col >= 0 && e.col != col) || strstr(e.message, needle) == NULL)
	{
		unit_failures++;
		fprintf(stderr, "expected line %d col %d \"%s\", got line %d col %d \"%s\"\n",
				line, col, needle, e.line, e.col, e.message);
	}
	arena_reset();
}

static void
test_errors(void)
{
	/* ragged rows */
	expect_error("\ta\tb\tTotal\nx\t1\t2\t3\ny\t1\t2\n", TP_TSV, 3, 0,
				 "line 3 has 3 cells but the header on line 1 has 4");
	expect_error("\ta\tb\nx\t1\t2\t9\n", TP_TSV, 2, 4, "line 2 has 4 cells");
	/* missing header */
	expect_error("x\t1\t2\ny\t3\t4\n", TP_TSV, 1, 0, "missing header row");
	/* a line of one cell before the header is a title: the header must follow */
	expect_error("only one cell\nx\t1\n", TP_AUTO, 2, 0, "looks like data");
	expect_error("only one cell\n", TP_TSV, 1, 0, "fewer than two cells");
	/* duplicate labels */
	expect_error("\ta\tb\nx\t1\t2\ny\t1\t2\nx\t3\t4\n", TP_TSV, 4, 1,
				 "duplicate row label \"x\" on lines 2 and 4");
	expect_error("\ta\ta\nx\t1\t2\n", TP_TSV, 1, 3, "duplicate column label \"a\"");
	/* junk in a number cell */
	expect_error("\ta\tb\nx\t1\t2\ny\t1\t2O\n", TP_TSV, 3, 3,
				 "invalid cell \"2O\" on line 3, cell 3");
	expect_error("k,a\nx,12%\n", TP_CSV, 2, 2, "invalid cell \"12%\"");
	expect_error("| k | a |\n|---|---|\n| x | 1.5 |\n", TP_MARKDOWN, 3, 2, "not a whole number");
	expect_error("<table>\n<tr><th></th><th>a</th></tr>\n<tr><td>x</td><td>seven</td></tr>\n</table>",
				 TP_HTML, 3, 2, "invalid cell \"seven\"");
	/* missing row label, empty column label */
	expect_error("\ta\tb\n\t1\t2\n", TP_TSV, 2, 1, "row on line 2 has no label");
	expect_error("\ta\t\tc\nx\t1\t2\t3\n", TP_TSV, 1, 3, "empty label in cell 3");
	/* two total rows or columns */
	expect_error("\ta\tTotal\tGrand Total\nx\t1\t1\t1\n", TP_TSV, 1, 4, "two total columns");
	expect_error("\ta\nTotal\t1\nx\t1\nGrand Total\t1\n", TP_TSV, 4, 1, "two total rows");
	/* empty, undetectable, no rows */
	expect_error("", TP_AUTO, 0, 0, "table text is empty");
	expect_error("  \n\n", TP_AUTO, 0, 0, "table text is empty");
	expect_error("just words here\n", TP_AUTO, 0, 0, "cannot detect the table format");
	expect_error("\ta\tb\n", TP_TSV, 1, 0, "no rows");
	expect_error("\tTotal\nx\t1\n", TP_TSV, 1, 0, "no data columns");
	/* markdown line without pipes */
	expect_error("| k | a |\n| x | 1 |\nstray text\n| y | 2 |\n", TP_MARKDOWN, 3, 0,
				 "not a Markdown table row");
	expect_error("\ta\tb\nx\t1\t2\nstray\ny\t1\t2\n", TP_TSV, 3, 0,
				 "line 3 has 1 cells but the header on line 1 has 3");
	/* NUL byte */
	{
		tp_table	t;
		tp_error	e;

		unit_checks++;
		if (tp_parse("\ta\nx\0\t1\n", 8, TP_TSV, &A, &t, &e) || e.line != 2)
		{
			unit_failures++;
			fprintf(stderr, "NUL byte not rejected on line 2\n");
		}
		arena_reset();
	}
}

/* ------------------------------------------------------------ finder */

static void
test_find(const char *dir)
{
	size_t		n1,
				n3;
	char	   *q1 = read_file(dir, "q1.txt", &n1);
	char	   *q3 = read_file(dir, "q3.txt", &n3);
	size_t		cap = n1 + n3 + 1024;
	char	   *resp = malloc(cap);
	tp_span    *sp;
	tp_error	e;
	tp_table	t;
	int			n;
	int			q1_first;

	/* a response: question, bold title, table 1, prose with a list, table 3 */
	snprintf(resp, cap,
			 "\n1. How many reports?\n\n**Sexual offences by year**\n\n%s\n"
			 "Some prose.\n\n**3. Which sites?**\n\n- a. Facebook.\n- b. Twitter.\n\n%s\n"
			 "Closing words\twith a stray tab.\n", q1, q3);
	n = tp_find_tables(resp, strlen(resp), &A, &sp, &e);
	CHECK_EQ(n, 2);
	if (n == 2)
	{
		q1_first = 6;
		CHECK_EQ(sp[0].format, TP_TSV);
		CHECK_EQ(sp[0].first_line, q1_first);
		CHECK_EQ(sp[0].last_line, q1_first + 82);
		CHECK_STR(sp[0].title, "Sexual offences by year");
		CHECK_EQ(sp[1].first_line, q1_first + 91);
		CHECK_EQ(sp[1].last_line, q1_first + 97);
		CHECK_STR(sp[1].title, "3. Which sites?");
		CHECK(tp_parse_at(resp + sp[0].start, sp[0].end - sp[0].start, sp[0].first_line,
						  sp[0].format, NULL, 0, &A, &t, &e));
		CHECK_EQ(t.nrows, 79);
		CHECK_EQ(t.header_line, q1_first);
		CHECK_EQ(t.total_row_line, q1_first + 82);
		CHECK_EQ(t.grand.value, 2500);
		CHECK(tp_parse_at(resp + sp[1].start, sp[1].end - sp[1].start, sp[1].first_line,
						  sp[1].format, NULL, 0, &A, &t, &e));
		CHECK_EQ(t.grand.value, 101);
		CHECK_EQ(t.row_lines[0], sp[1].first_line + 1);
	}
	arena_reset();

	/* HTML: two tables, titles from the text before each */
	n = tp_find_tables("<h2>Arrests</h2>\n<table><tr><th></th><th>a</th></tr><tr><td>x</td><td>1</td></tr></table>\n"
					   "<p>Next:</p>\n<p><b>Stops</b></p>\n<table>\n<tr><th></th><th>b</th></tr>\n<tr><td>y</td><td>2</td></tr>\n</table>",
					   198, &A, &sp, &e);
	CHECK_EQ(n, 2);
	if (n == 2)
	{
		CHECK_STR(sp[0].title, "Arrests");
		CHECK_STR(sp[1].title, "Stops");
		CHECK_EQ(sp[1].first_line, 5);
		CHECK_EQ(sp[1].last_line, 8);
	}
	arena_reset();

	/* a bad table inside a response: the error names the line of the response */
	n = tp_find_tables("Intro\n\n\tA\tB\nx\t1\t2\ny\t1\n", 22, &A, &sp, &e);
	CHECK_EQ(n, 1);
	if (n == 1)
	{
		CHECK(!tp_parse_at("Intro\n\n\tA\tB\nx\t1\t2\ny\t1\n" + sp[0].start, sp[0].end - sp[0].start,
						   sp[0].first_line, sp[0].format, NULL, 0, &A, &t, &e));
		CHECK_EQ(e.line, 5);
		CHECK(strstr(e.message, "line 5 has 2 cells but the header on line 3 has 3") != NULL);
	}
	arena_reset();
	free(resp);
	free(q1);
	free(q3);
}

/* ------------------------------------------------------------ fuzz */

static unsigned long long fuzz_state = 88172645463325252ULL;

static unsigned
fuzz_rnd(unsigned n)
{
	fuzz_state ^= fuzz_state << 13;
	fuzz_state ^= fuzz_state >> 7;
	fuzz_state ^= fuzz_state << 17;
	return (unsigned) (fuzz_state % n);
}

static void
check_consistent(const tp_table *t, const tp_error *e, bool ok)
{
	if (!ok)
	{
		if (e->message[0] == '\0')
		{
			unit_failures++;
			fprintf(stderr, "fuzz: error without a message\n");
		}
		return;
	}
	if (t->nrows < 1 || t->ncols < 1 || !t->corner)
	{
		unit_failures++;
		fprintf(stderr, "fuzz: accepted an empty table\n");
		return;
	}
	for (int r = 0; r < t->nrows; r++)
	{
		if (!t->row_labels[r] || t->row_labels[r][0] == '\0')
		{
			unit_failures++;
			fprintf(stderr, "fuzz: empty row label accepted\n");
		}
		for (int c = 0; c < t->ncols; c++)
		{
			const tp_cell *x = &t->cells[(size_t) r * t->ncols + c];

			if (!x->text || x->value < 0 || (x->kind != MARKER_COUNT && x->value != 0))
			{
				unit_failures++;
				fprintf(stderr, "fuzz: inconsistent cell\n");
			}
		}
	}
}

static void
fuzz(int iterations, const char *dir)
{
	static const char *const seeds_inline[] = {
		"k,a,b,Total\n\"x, y\",\"1,234\",<5,*\nTotal,1,2,3\n",
		"| k | a | Total |\n|---|---|---|\n| x | 1 | 1 |\n| **Total** | 1 | 1 |\n",
		"<table><tr><th></th><th>2019</th></tr><tr><td>a &amp; b</td><td>1</td></tr></table>",
	};
	static const char alphabet[] = "\t\n\r,|\"<>&;#/-*0123456789 abT<b></b>";
	const char *files[] = {"q1.txt", "q1b.txt", "q1c.txt", "q3.txt"};
	char	   *seeds[7];
	size_t		lens[7];
	int			nseeds = 0;
	long		accepted = 0,
				rejected = 0;

	for (int i = 0; i < 4; i++)
	{
		seeds[nseeds] = read_file(dir, files[i], &lens[nseeds]);
		nseeds++;
	}
	for (int i = 0; i < 3; i++)
	{
		lens[nseeds] = strlen(seeds_inline[i]);
		seeds[nseeds] = malloc(lens[nseeds] + 1);
		memcpy(seeds[nseeds], seeds_inline[i], lens[nseeds] + 1);
		nseeds++;
	}
	for (int it = 0; it < iterations; it++)
	{
		int			k = fuzz_rnd(nseeds);
		size_t		n = lens[k];
		size_t		cap = n + 64;
		char	   *buf = malloc(cap);
		int			muts = 1 + fuzz_rnd(8);
		tp_table	t;
		tp_error	e;
		bool		ok;

		if (it % 10 == 9)
		{
			/* purely random text from the alphabet */
			n = fuzz_rnd(60);
			for (size_t j = 0; j < n; j++)
				buf[j] = alphabet[fuzz_rnd(sizeof(alphabet) - 1)];
		}
		else
		{
			memcpy(buf, seeds[k], n);
			for (int m = 0; m < muts; m++)
			{
				size_t		pos = n ? fuzz_rnd(n) : 0;

				switch (fuzz_rnd(4))
				{
					case 0:		/* overwrite */
						if (n)
							buf[pos] = alphabet[fuzz_rnd(sizeof(alphabet) - 1)];
						break;
					case 1:		/* insert */
						if (n + 1 < cap)
						{
							memmove(buf + pos + 1, buf + pos, n - pos);
							buf[pos] = alphabet[fuzz_rnd(sizeof(alphabet) - 1)];
							n++;
						}
						break;
					case 2:		/* delete */
						if (n)
						{
							memmove(buf + pos, buf + pos + 1, n - pos - 1);
							n--;
						}
						break;
					default:	/* truncate */
						n = pos;
						break;
				}
			}
		}
		/* exact-length buffer: overreads past n are caught by ASan */
		{
			char	   *exact = malloc(n ? n : 1);

			memcpy(exact, buf, n);
			ok = tp_parse(exact, n, (tp_format) fuzz_rnd(5), &A, &t, &e);
			check_consistent(&t, &e, ok);
			{
				tp_span    *sp;
				tp_table	t2;
				tp_error	e2;
				int			ns = tp_find_tables(exact, n, &A, &sp, &e2);

				for (int si = 0; si < ns; si++)
				{
					bool		ok2;

					if (sp[si].start > sp[si].end || sp[si].end > n)
					{
						unit_failures++;
						fprintf(stderr, "fuzz: span out of range\n");
						break;
					}
					ok2 = tp_parse_at(exact + sp[si].start, sp[si].end - sp[si].start,
									  sp[si].first_line, sp[si].format, NULL, 0, &A, &t2, &e2);
					check_consistent(&t2, &e2, ok2);
				}
			}
			free(exact);
		}
		if (ok)
			accepted++;
		else
			rejected++;
		arena_reset();
		free(buf);
	}
	for (int i = 0; i < nseeds; i++)
		free(seeds[i]);
	fprintf(stderr, "fuzz: %d inputs, %ld parsed, %ld rejected with an error\n",
			iterations, accepted, rejected);
	unit_checks++;
}

/* ------------------------------------------------------------ defects (issue 14) */

/*
 * Markdown emphasis is peeled off a cell in linear time: a cell of 2 x 1.6M
 * stars around a count parses in well under a second (peeling moved the rest
 * of the cell after every pair: 42 s for this cell in the server).
 */
static void
test_emphasis_linear(void)
{
	tp_table	t;
	tp_error	e;
	size_t		half = 1600000;
	size_t		n = 0;
	char	   *s = malloc(2 * half + 64);
	clock_t		t0;
	double		secs;

	n += sprintf(s, "\t2020\nA\t");
	memset(s + n, '*', half);
	n += half;
	s[n++] = '7';
	memset(s + n, '*', half);
	n += half;
	s[n++] = '\n';
	s[n] = '\0';
	t0 = clock();
	CHECK(tp_parse(s, n, TP_TSV, &A, &t, &e), "%s", e.message);
	secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 1.0, "3.2M stars took %.2f s", secs);
	CHECK(t.nrows == 1 && t.ncols == 1 && t.cells[0].kind == MARKER_COUNT &&
		  t.cells[0].value == 7);
	free(s);
	/* what peeling does: pairs from both ends, spaces inside trimmed, mixed */
	CHECK(parse("\t2020\nA\t** 5 **\nB\t__**6**__\nC\t****\n", TP_TSV, &t, &e) == false);
	CHECK(parse("\t2020\nA\t** 5 **\nB\t__**6**__\nC\t**\n", TP_TSV, &t, &e), "%s", e.message);
	CHECK(t.cells[0].value == 5 && t.cells[1].value == 6 && t.cells[2].kind == MARKER_WITHHELD);
	CHECK(parse("\t2020\n**A**\t1\n", TP_TSV, &t, &e), "%s", e.message);
	CHECK_STR(t.row_labels[0], "A");
	arena_reset();
}

/* Is s valid UTF-8 (every sequence complete)? */
static bool
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
	{
		int			n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 :
			(*p & 0xF8) == 0xF0 ? 4 : 0;

		if (n == 0)
			return false;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return false;
		p += n;
	}
	return true;
}

/*
 * Error messages and details cut long labels at a character, never inside
 * one: labels of 2-, 3- and 4-byte characters after 0-3 ASCII bytes, in the
 * message (an invalid cell, a duplicate column) and the detail (its row).
 */
static void
test_error_clip_utf8(void)
{
	static const char *const chars[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
	char		s[8192];
	char		lab[2048];
	tp_table	t;
	tp_error	e;

	for (int k = 0; k < 3; k++)
		for (int pre = 0; pre < 4; pre++)
			for (int reps = 20; reps < 300; reps += 37)
			{
				size_t		n = 0;

				memset(lab, 'A', pre);
				n = pre;
				for (int i = 0; i < reps; i++)
				{
					memcpy(lab + n, chars[k], strlen(chars[k]));
					n += strlen(chars[k]);
				}
				lab[n] = '\0';
				snprintf(s, sizeof(s), "\t2020\n%s\t%s\n", lab, lab);
				CHECK(!parse(s, TP_TSV, &t, &e));
				CHECK(valid_utf8(e.message), "message of %d x char %d after %d: %s", reps, k, pre, e.message);
				CHECK(valid_utf8(e.detail), "detail of %d x char %d after %d: %s", reps, k, pre, e.detail);
				CHECK(n < 90 || strstr(e.message, "...\"") != NULL, "%s", e.message);
				snprintf(s, sizeof(s), "\t%s\t%s\nA\t1\t2\n", lab, lab);
				CHECK(!parse(s, TP_TSV, &t, &e));
				CHECK(valid_utf8(e.message), "message of %d x char %d after %d: %s", reps, k, pre, e.message);
				arena_reset();
			}
}

/*
 * The parser's character tests are ASCII only, whatever LC_CTYPE says
 * (parse_table is IMMUTABLE): under a Latin-1 locale, where 0xE9 'é' is a
 * letter and 0xC9 'É' folds to it, a tag name with an 'é' is not a tag
 * and 'ÉCOSSE' is not the total label 'écosse', as in the C locale.  Skipped
 * (said so) when no Latin-1 locale is installed.
 */
static void
test_locale_independent(void)
{
	static const char *const latin1[] = {"en_GB.iso88591", "en_GB.ISO-8859-1", "en_US.iso88591",
	"de_DE.iso88591", "fr_FR.iso88591"};
	const char *const extra[] = {"\xe9" "cosse"};
	const char *tag = "\t2020\nA<b\xe9>x</b\xe9>\t1\n";
	const char *tot = "\t2020\nA\t1\n\xc9" "COSSE\t1\n";
	const char *used = NULL;
	tp_table	t;
	tp_error	e;

	for (int pass = 0; pass < 2; pass++)
	{
		if (pass == 1)
		{
			for (size_t i = 0; i < sizeof(latin1) / sizeof(latin1[0]) && !used; i++)
				if (setlocale(LC_CTYPE, latin1[i]))
					used = latin1[i];
			if (!used)
			{
				printf("table_parse: no Latin-1 locale installed; locale independence checked in C only\n");
				break;
			}
			/* the locale really classifies the byte, else this proves nothing */
			CHECK(isalpha(0xE9) && tolower(0xC9) == 0xE9, "%s", used);
		}
		CHECK(tp_parse(tag, strlen(tag), TP_TSV, &A, &t, &e), "%s", e.message);
		CHECK_STR(t.row_labels[0], "A<b\xe9>x</b\xe9>");
		CHECK(tp_parse_ext(tot, strlen(tot), TP_TSV, extra, 1, &A, &t, &e), "%s", e.message);
		CHECK(!t.has_total_row && t.nrows == 2, "pass %d", pass);
		arena_reset();
	}
	setlocale(LC_CTYPE, "C");
}

/*
 * HTML: text between cells is an error, never dropped; a newline or other
 * control character written as an entity is a space in a label.
 */
static void
test_html_text_between_cells(void)
{
	tp_table	t;
	tp_error	e;

	CHECK(!parse("<table><tr><td></td><td>2020</td><td>2021</td></tr>"
				 "<tr><td>A</td><td>1</td>7<td>2</td></tr></table>", TP_HTML, &t, &e));
	CHECK(strstr(e.message, "text outside any cell on line 1: \"7\"") != NULL, "%s", e.message);
	CHECK(e.col == 3, "%d", e.col);
	CHECK(!parse("<table>\n<tr><td></td><td>2020</td></tr>\nstray text\n<tr><td>A</td><td>1</td></tr></table>",
				 TP_HTML, &t, &e));
	CHECK(strstr(e.message, "line 3: \"stray text\"") != NULL, "%s", e.message);
	/* whitespace, &nbsp;, comments and captions between cells are layout */
	CHECK(parse("<table>\n <caption>C</caption> <!-- x -->\n<tr> <td></td>\n\t<td>2020</td> &nbsp;</tr>\n"
				"<tr><td>A</td> <td>1</td></tr></table>", TP_HTML, &t, &e), "%s", e.message);
	CHECK(t.nrows == 1 && t.cells[0].value == 1);
	CHECK(parse("<table><tr><td></td><td>2020</td></tr>"
				"<tr><td>A&#10;B</td><td>1</td></tr><tr><td>C&#13;&#10;&#9;D&#x0A;</td><td>2</td></tr></table>",
				TP_HTML, &t, &e), "%s", e.message);
	CHECK_STR(t.row_labels[0], "A B");
	CHECK_STR(t.row_labels[1], "C D");
	arena_reset();
}

/*
 * Text around a table, as render() writes it: lines before the header are
 * its title, lines after the last row its notes (TSV, CSV: one-cell lines;
 * Markdown: lines without an unescaped '|'; HTML: <caption>, <p> after it).
 */
static void
test_text_around(void)
{
	static const struct
	{
		tp_format	f;
		const char *text;
	}			cases[] = {
		{TP_TSV, "Crimes, by year | all\n\n\t2013\t2014\nA\t1\t2\n\n* fewer than 5\nSource: police"},
		{TP_CSV, "\"Crimes, by year | all\"\r\n,2013,2014\r\nA,1,2\r\n* fewer than 5\r\nSource: police\r\n"},
		{TP_MARKDOWN, "**Crimes, by year \\| all**\n\n| | 2013 | 2014 |\n| --- | ---: | ---: |\n| A | 1 | 2 |\n\n"
		"* fewer than 5  \nSource: police  "},
		{TP_HTML, "<table>\n<caption>Crimes, by year | all</caption>\n<tr><th></th><th>2013</th><th>2014</th></tr>\n"
		"<tr><th>A</th><td>1</td><td>2</td></tr>\n</table>\n<p>* fewer than 5</p>\n<p>Source: police</p>"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		tp_table	t;
		tp_error	e;

		CHECK(parse(cases[i].text, cases[i].f, &t, &e), "case %zu: %s", i, e.message);
		CHECK(t.nrows == 1 && t.ncols == 2 && t.cells[1].value == 2, "case %zu", i);
		CHECK_STR(t.title, "Crimes, by year | all");
		CHECK(t.nnotes == 2, "case %zu: %d notes", i, t.nnotes);
		if (t.nnotes == 2)
		{
			CHECK_STR(t.notes[0], "* fewer than 5");
			CHECK_STR(t.notes[1], "Source: police");
		}
		arena_reset();
	}
	/* no text around: no title, no notes */
	{
		tp_table	t;
		tp_error	e;

		CHECK(parse("\ta\tb\nx\t1\t2\n", TP_TSV, &t, &e));
		CHECK(t.title == NULL && t.nnotes == 0);
		arena_reset();
	}
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--fuzz") == 0)
		fuzz(atoi(argv[2]), argv[3]);
	else if (argc == 2)
	{
		test_seed(argv[1]);
		test_total_labels();
		test_formats();
		test_errors();
		test_find(argv[1]);
		test_emphasis_linear();
		test_error_clip_utf8();
		test_locale_independent();
		test_html_text_between_cells();
		test_text_around();
		CHECK(ticks > 0);
	}
	else
	{
		fprintf(stderr, "usage: %s FIXTURE_DIR | --fuzz N FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	arena_reset();
	return unit_done("table_parse");
}
