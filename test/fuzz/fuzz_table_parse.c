/*
 * fuzz_table_parse.c
 *		libFuzzer harness of the table parser (src/table_parse.c, reading
 *		cells with src/marker.c).
 *
 * Input: one control byte, then the text.  Control byte:
 *	bits 0-2	format, modulo 5: auto-detect, TSV, CSV, Markdown, HTML
 *	bit 3		a whole response: tp_find_tables, then every span parsed at
 *				its own line with the format found for it
 *	bit 4		extra total labels ("England and Wales", "All forces")
 * Properties checked on every result: an error has a message; an accepted
 * table has rows, columns and labels, every cell a consistent meaning
 * (a count >= 0, a withheld cell with lo <= hi), lines inside the text;
 * spans lie inside the text, in order.
 */
#include "table_parse.h"
#include "fuzz.h"

static void *
tp_fuzz_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return fuzz_alloc(size);
}

static const tp_alloc A = {tp_fuzz_alloc, NULL, NULL};

static void
check_cell(const tp_cell *x, int nlines)
{
	FUZZ_ASSERT(x->text != NULL, "cell without text");
	FUZZ_ASSERT(x->line >= 1 && x->line <= nlines, "cell line %d of %d", x->line, nlines);
	switch (x->kind)
	{
		case MARKER_COUNT:
			FUZZ_ASSERT(x->value >= 0, "negative count %lld", (long long) x->value);
			break;
		case MARKER_BLANK:
			FUZZ_ASSERT(x->value == 0, "blank with a value");
			break;
		case MARKER_WITHHELD:
			FUZZ_ASSERT(x->value == 0 && x->lo >= 0 && x->lo <= x->hi,
						"withheld cell [%lld, %lld]", (long long) x->lo, (long long) x->hi);
			break;
		default:
			FUZZ_ASSERT(false, "cell kind %d", (int) x->kind);
	}
}

static void
check_table(bool ok, const tp_table *t, const tp_error *e, int nlines)
{
	if (!ok)
	{
		FUZZ_ASSERT(e->message[0] != '\0', "error without a message");
		FUZZ_ASSERT(memchr(e->message, '\0', sizeof(e->message)) &&
					memchr(e->detail, '\0', sizeof(e->detail)), "unterminated error");
		return;
	}
	FUZZ_ASSERT(t->nrows >= 1 && t->ncols >= 1 && t->corner, "empty table accepted");
	FUZZ_ASSERT((size_t) t->nrows * t->ncols <= TP_MAX_CELLS, "too many cells");
	FUZZ_ASSERT(t->format >= TP_TSV && t->format <= TP_HTML, "format %d", (int) t->format);
	for (int c = 0; c < t->ncols; c++)
		FUZZ_ASSERT(t->col_labels[c] != NULL, "column %d without a label", c);
	for (int r = 0; r < t->nrows; r++)
	{
		FUZZ_ASSERT(t->row_labels[r] && t->row_labels[r][0] != '\0', "empty row label");
		FUZZ_ASSERT(strlen(t->row_labels[r]) <= TP_MAX_LABEL_LEN, "label too long");
		for (int c = 0; c < t->ncols; c++)
			check_cell(&t->cells[(size_t) r * t->ncols + c], nlines);
		if (t->has_total_col)
			check_cell(&t->row_totals[r], nlines);
	}
	if (t->has_total_row)
		for (int c = 0; c < t->ncols; c++)
			check_cell(&t->col_totals[c], nlines);
	if (t->has_total_row && t->has_total_col)
		check_cell(&t->grand, nlines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const extra[] = {"England and Wales", "All forces"};
	uint8_t		ctl;
	const char *text;
	size_t		len;
	int			nlines = 1;
	tp_table	t;
	tp_error	e;

	if (size < 1)
		return 0;
	ctl = data[0];
	text = (const char *) data + 1;	/* not NUL-terminated: the parser must not need it */
	len = size - 1;
	for (size_t i = 0; i < len; i++)
		nlines += text[i] == '\n';

	(void) tp_detect(text, len);
	if (ctl & 8)
	{
		tp_span    *spans = NULL;
		int			n;

		memset(&e, 0, sizeof(e));
		n = tp_find_tables(text, len, &A, &spans, &e);
		if (n < 0)
			FUZZ_ASSERT(e.message[0] != '\0', "find_tables error without a message");
		for (int i = 0; i < n; i++)
		{
			const tp_span *s = &spans[i];

			FUZZ_ASSERT(s->start <= s->end && s->end <= len, "span [%zu, %zu) of %zu",
						s->start, s->end, len);
			FUZZ_ASSERT(i == 0 || spans[i - 1].end <= s->start, "spans overlap");
			FUZZ_ASSERT(s->first_line >= 1 && s->first_line <= s->last_line &&
						s->last_line <= nlines, "span lines %d-%d of %d",
						s->first_line, s->last_line, nlines);
			memset(&t, 0, sizeof(t));
			memset(&e, 0, sizeof(e));
			check_table(tp_parse_at(text + s->start, s->end - s->start, s->first_line,
									s->format, extra, (ctl & 16) ? 2 : 0, &A, &t, &e),
						&t, &e, nlines);
		}
	}
	else
	{
		memset(&t, 0, sizeof(t));
		memset(&e, 0, sizeof(e));
		check_table(tp_parse_ext(text, len, (tp_format) ((ctl & 7) % 5), extra,
								 (ctl & 16) ? 2 : 0, &A, &t, &e),
					&t, &e, nlines);
	}
	fuzz_arena_reset();
	return 0;
}
