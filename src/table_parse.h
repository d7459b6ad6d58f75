/*
 * table_parse.h
 *		Parse a cross-tabulation as it is published (tab-separated text as
 *		pasted from a response, CSV, Markdown pipe tables, HTML <table>) into a
 *		neutral struct: header labels, row labels, cells, and the published
 *		totals kept apart from the cells.
 *
 * What each cell's text means (a count, a blank, a suppression marker and
 * the counts it allows) is marker.h's.
 *
 * Pure C: no postgres.h, so it is unit tested and fuzzed outside the server
 * (test/unit/table_parse_test.c).  Memory comes from a caller-supplied
 * allocator (palloc in the server, an arena in the tests); nothing is freed
 * piecemeal.  Errors are returned, never printed or raised: the caller turns
 * them into ereport(ERROR) with the line and cell they name.
 */
#ifndef FOISTATS_TABLE_PARSE_H
#define FOISTATS_TABLE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "marker.h"

typedef enum tp_format
{
	TP_AUTO = 0,
	TP_TSV,
	TP_CSV,
	TP_MARKDOWN,
	TP_HTML
} tp_format;

typedef struct tp_cell
{
	marker_kind kind;			/* MARKER_COUNT, MARKER_BLANK, MARKER_WITHHELD */
	int64_t		value;			/* MARKER_COUNT: the number; otherwise 0 */
	int64_t		lo;				/* MARKER_WITHHELD: least value the marker allows */
	int64_t		hi;				/* MARKER_WITHHELD: greatest, or MARKER_UNBOUNDED */
	const char *text;			/* cell text after tag stripping and trimming */
	int			line;			/* 1-based source line */
	int			col;			/* 1-based cell position in its row */
} tp_cell;

typedef struct tp_table
{
	tp_format	format;			/* the format actually parsed */
	int			header_line;
	const char *corner;			/* header's first cell ("" when empty) */
	int			nrows;			/* body rows, total row excluded */
	int			ncols;			/* body columns, total column excluded */
	const char **row_labels;	/* [nrows] */
	int		   *row_lines;		/* [nrows] */
	const char **col_labels;	/* [ncols] */
	tp_cell    *cells;			/* [nrows * ncols], row-major */

	bool		has_total_col;
	const char *total_col_label;
	tp_cell    *row_totals;		/* [nrows] when has_total_col */

	bool		has_total_row;
	const char *total_row_label;
	int			total_row_line;
	tp_cell    *col_totals;		/* [ncols] when has_total_row */

	tp_cell		grand;			/* when has_total_row && has_total_col */

	/* a multi-label table as render prints it: "Grand Total (mentions)" is
	 * the total row, "Grand Total (distinct crimes)" its units row */
	bool		has_units_row;
	const char *units_row_label;
	int			units_row_line;
	tp_cell    *col_units;		/* [ncols] when has_units_row */
	tp_cell		units_grand;	/* when has_units_row && has_total_col */

	/* text around the table (render's title and footnotes): lines before
	 * the header (HTML: the caption), joined; lines after the last row
	 * (HTML: <p> after the table), one note each */
	const char *title;			/* NULL when none */
	int			nnotes;
	const char **notes;			/* [nnotes] */
} tp_table;

typedef struct tp_error
{
	int			line;			/* 0 when not tied to a line */
	int			col;			/* 0 when not tied to a cell */
	char		message[256];
	char		detail[512];
} tp_error;

typedef struct tp_alloc
{
	void	   *(*alloc) (void *ctx, size_t size);	/* zeroed memory, never NULL */
	void		(*tick) (void *ctx);	/* called once per line; may be NULL */
	void	   *ctx;
} tp_alloc;

/* Largest input, rows and columns accepted (errors beyond, never truncation). */
#define TP_MAX_CELLS		(1 << 22)
#define TP_MAX_LABEL_LEN	4096

extern tp_format tp_detect(const char *text, size_t len);
extern const char *tp_format_name(tp_format f);
extern bool tp_format_from_name(const char *name, tp_format *out);

/*
 * Parse text (not necessarily NUL-terminated) as a table of the given format
 * (TP_AUTO detects it).  Returns true and fills *out, or false and fills
 * *err.  All memory in *out comes from a->alloc.
 */
extern bool tp_parse(const char *text, size_t len, tp_format format,
					 const tp_alloc *a, tp_table *out, tp_error *err);

/*
 * As tp_parse, also taking the labels in extra_totals[0..nextra) (compared
 * case-insensitively, trailing ':' ignored) as total labels, for tables whose
 * total row or column is named e.g. 'England and Wales' or 'All forces'.
 */
extern bool tp_parse_ext(const char *text, size_t len, tp_format format,
						 const char *const *extra_totals, int nextra,
						 const tp_alloc *a, tp_table *out, tp_error *err);

/* As tp_parse_ext, numbering lines from first_line (for a table cut out of a
 * longer text, so errors name the line of the whole text). */
extern bool tp_parse_at(const char *text, size_t len, int first_line, tp_format format,
						const char *const *extra_totals, int nextra,
						const tp_alloc *a, tp_table *out, tp_error *err);

/*
 * The tables inside a whole response: HTML <table> elements, or else runs of
 * tab-separated lines (blank lines inside a run allowed, as in the seed) and
 * runs of Markdown pipe lines.  Text between them is prose.  A table's title
 * is the last heading-like line before it since the previous table (a line
 * in **bold**, a '#' heading or <hN>), else the last text line before it.
 */
typedef struct tp_span
{
	size_t		start;			/* byte offsets [start, end) into the text */
	size_t		end;
	int			first_line;
	int			last_line;
	tp_format	format;
	const char *title;			/* NULL when none */
} tp_span;

/* Returns the number of tables (spans in *out), or -1 with *err filled. */
extern int	tp_find_tables(const char *text, size_t len, const tp_alloc *a,
						   tp_span **out, tp_error *err);

/* Is this label a total ("Total", "Grand Total", "Totals", "All", ...)? */
extern bool tp_is_total_label(const char *s);

#endif							/* FOISTATS_TABLE_PARSE_H */
