/*
 * table_parse.c
 *		Parse a published cross-tabulation into a tp_table (see table_parse.h).
 *
 * Two stages:
 *	1. a format-specific tokenizer turns the text into raw rows of cell
 *	   strings, each row remembering its source line (TSV, CSV per RFC 4180,
 *	   Markdown pipe tables, HTML <table>);
 *	2. one interpreter, shared by all formats, cleans each cell (inline tags,
 *	   entities, Markdown emphasis, whitespace), takes the first row as the
 *	   header, finds the total row and column by their labels, and classifies
 *	   every cell as a count, a blank (zero) or a suppression marker (what
 *	   a cell's text means is marker.c's).
 *
 * Anything that cannot be read unambiguously is an error naming the line and
 * cell: ragged rows, a missing header, duplicate labels, junk in a number
 * cell.
 *
 * tp_find_tables() (at the end) finds the tables inside a whole response, so
 * each can be parsed with tp_parse_at() keeping the response's line numbers.  A wrong parse that looks right is the failure this file exists to
 * prevent, so there is no "best effort" mode.
 *
 * Pure C (no postgres.h).  Errors leave through longjmp to tp_parse(), which
 * returns false; the allocator's memory is never freed here.
 */
#include "table_parse.h"

#include "ascii.h"
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct tp_rawrow
{
	int			line;
	int			n;
	int			cap;
	char	  **cells;
	int		   *lines;			/* line of each cell (HTML/CSV may differ) */
	bool		text;			/* a line of text, not a table row: one cell
								 * (TSV, CSV) or no '|' (Markdown) */
} tp_rawrow;

typedef struct tp_ctx
{
	const tp_alloc *a;
	tp_error   *err;
	jmp_buf		jb;
	tp_format	format;
	tp_rawrow  *rows;
	int			nrows;
	int			caprows;
	long		ncells;
	const char *const *extra_totals;
	int			nextra;
	int			line0;			/* lines before the text (tp_parse_at) */
	const char *caption;		/* HTML: the <caption>'s raw text, or NULL */
	const char **notes;			/* HTML: <p> paragraphs after the table */
	int			nnotes;
} tp_ctx;

/* A growable string living in the allocator's memory. */
typedef struct tp_buf
{
	char	   *s;
	size_t		len;
	size_t		cap;
} tp_buf;

static void tp_fail(tp_ctx *c, int line, int col, const char *detail, const char *fmt,...)
			__attribute__((format(printf, 5, 6), noreturn));

/*
 * Length of the longest prefix of s of at most n bytes that ends on a
 * character boundary (text is UTF-8; a byte 10xxxxxx continues a character).
 * s must be at least n bytes long.
 */
static size_t
utf8_clip(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Copy src into dst[cap], cut at a character boundary with "..." if too long. */
static void
copy_clipped(char *dst, size_t cap, const char *src)
{
	size_t		n = strlen(src);

	if (n < cap)
	{
		memcpy(dst, src, n + 1);
		return;
	}
	n = utf8_clip(src, cap - 4);
	memcpy(dst, src, n);
	memcpy(dst + n, "...", 4);
}

static void
tp_fail(tp_ctx *c, int line, int col, const char *detail, const char *fmt,...)
{
	va_list		ap;
	char		msg[1024];

	c->err->line = line;
	c->err->col = col;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* messages are built from clipped labels; cut what is still too long
	 * at a character, never inside one */
	copy_clipped(c->err->message, sizeof(c->err->message), msg);
	copy_clipped(c->err->detail, sizeof(c->err->detail), detail ? detail : "");
	longjmp(c->jb, 1);
}

static void *
tp_new(tp_ctx *c, size_t size)
{
	return c->a->alloc(c->a->ctx, size ? size : 1);
}

static void
buf_init(tp_ctx *c, tp_buf *b, size_t cap)
{
	b->cap = cap < 16 ? 16 : cap;
	b->s = tp_new(c, b->cap);
	b->len = 0;
}

static void
buf_putn(tp_ctx *c, tp_buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		ncap = b->cap * 2;
		char	   *ns;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		ns = tp_new(c, ncap);
		memcpy(ns, b->s, b->len);
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
buf_putc(tp_ctx *c, tp_buf *b, char ch)
{
	buf_putn(c, b, &ch, 1);
}

static char *
tp_strndup(tp_ctx *c, const char *p, size_t n)
{
	char	   *s = tp_new(c, n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

static void
tp_tick(tp_ctx *c)
{
	if (c->a->tick)
		c->a->tick(c->a->ctx);
}

/* ---------------------------------------------------------------- rows */

static tp_rawrow *
row_new(tp_ctx *c, int line)
{
	tp_rawrow  *r;

	if (c->nrows == c->caprows)
	{
		int			ncap = c->caprows ? c->caprows * 2 : 16;
		tp_rawrow  *nr = tp_new(c, sizeof(tp_rawrow) * ncap);

		if (c->nrows)
			memcpy(nr, c->rows, sizeof(tp_rawrow) * c->nrows);
		c->rows = nr;
		c->caprows = ncap;
	}
	r = &c->rows[c->nrows++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	return r;
}

static void
row_add(tp_ctx *c, tp_rawrow *r, char *cell, int line)
{
	if (++c->ncells > TP_MAX_CELLS)
		tp_fail(c, line, 0, NULL, "table has more than %d cells", TP_MAX_CELLS);
	if (r->n == r->cap)
	{
		int			ncap = r->cap ? r->cap * 2 : 8;
		char	  **nc = tp_new(c, sizeof(char *) * ncap);
		int		   *nl = tp_new(c, sizeof(int) * ncap);

		if (r->n)
		{
			memcpy(nc, r->cells, sizeof(char *) * r->n);
			memcpy(nl, r->lines, sizeof(int) * r->n);
		}
		r->cells = nc;
		r->lines = nl;
		r->cap = ncap;
	}
	r->cells[r->n] = cell;
	r->lines[r->n] = line;
	r->n++;
}

/* Remove a row that holds nothing but empty cells (a blank line inside a table). */
static bool
row_is_empty(const tp_rawrow *r)
{
	for (int i = 0; i < r->n; i++)
		for (const char *p = r->cells[i]; *p; p++)
			if (!ascii_isspace((unsigned char) *p))
				return false;
	return true;
}

static void
drop_empty_last_row(tp_ctx *c)
{
	if (c->nrows > 0 && row_is_empty(&c->rows[c->nrows - 1]))
		c->nrows--;
}

/* ---------------------------------------------------------------- lines */

/* Next line of text[*pos..len): sets *start and *n (without \r\n), advances. */
static bool
next_line(const char *text, size_t len, size_t *pos, const char **start, size_t *n)
{
	size_t		p = *pos;
	size_t		e;

	if (p >= len)
		return false;
	e = p;
	while (e < len && text[e] != '\n')
		e++;
	*start = text + p;
	*n = e - p;
	if (*n > 0 && text[p + *n - 1] == '\r')
		(*n)--;
	*pos = e < len ? e + 1 : e;
	return true;
}

/* The lines of a text in turn: the current one is s[0..n), number line. */
typedef struct tp_lines
{
	const char *text;
	size_t		len,
				pos;
	const char *s;
	size_t		n;
	int			line;
} tp_lines;

static tp_lines
lines_of(const tp_ctx *c, const char *text, size_t len)
{
	tp_lines	L = {text, len, 0, NULL, 0, c->line0};

	return L;
}

/* Move L to its next line (false after the last), counting it; ticks. */
static bool
lines_next(tp_ctx *c, tp_lines *L)
{
	if (!next_line(L->text, L->len, &L->pos, &L->s, &L->n))
		return false;
	L->line++;
	tp_tick(c);
	return true;
}

static bool
blank_span(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_isspace((unsigned char) p[i]))
			return false;
	return true;
}

static void
check_nul(tp_ctx *c, const char *text, size_t len)
{
	const char *z = memchr(text, '\0', len);

	if (z)
	{
		int			line = c->line0 + 1;

		for (const char *p = text; p < z; p++)
			if (*p == '\n')
				line++;
		tp_fail(c, line, 0, NULL, "table text contains a NUL byte");
	}
}

/* ---------------------------------------------------------------- TSV */

static void
tokenize_tsv(tp_ctx *c, const char *text, size_t len)
{
	tp_lines	L = lines_of(c, text, len);

	while (lines_next(c, &L))
	{
		tp_rawrow  *r;
		size_t		b = 0;

		if (blank_span(L.s, L.n))
			continue;
		r = row_new(c, L.line);
		for (size_t i = 0; i <= L.n; i++)
		{
			if (i == L.n || L.s[i] == '\t')
			{
				row_add(c, r, tp_strndup(c, L.s + b, i - b), L.line);
				b = i + 1;
			}
		}
		r->text = r->n == 1;
	}
}

/* ---------------------------------------------------------------- CSV */

/*
 * RFC 4180: fields separated by commas, records by line breaks; a field in
 * double quotes may hold commas, line breaks and doubled quotes.  A quote
 * inside an unquoted field, or text after a closing quote, is an error
 * rather than a guess.
 */
static void
tokenize_csv(tp_ctx *c, const char *text, size_t len)
{
	size_t		i = 0;
	int			line = c->line0 + 1;

	while (i < len)
	{
		tp_rawrow  *r = row_new(c, line);
		bool		end_record = false;
		int			col = 0;

		tp_tick(c);
		while (!end_record)
		{
			tp_buf		b;
			int			fline = line;

			col++;
			buf_init(c, &b, 16);
			/* leading spaces before an opening quote are tolerated */
			{
				size_t		j = i;

				while (j < len && (text[j] == ' ' || text[j] == '\t'))
					j++;
				if (j < len && text[j] == '"')
					i = j;
			}
			if (i < len && text[i] == '"')
			{
				int			qline = line;

				i++;
				for (;;)
				{
					if (i >= len)
						tp_fail(c, qline, col, "A quoted field must end with a double quote.",
								"unterminated quoted field starting on line %d", qline);
					if (text[i] == '"')
					{
						if (i + 1 < len && text[i + 1] == '"')
						{
							buf_putc(c, &b, '"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (text[i] == '\n')
						line++;
					buf_putc(c, &b, text[i]);
					i++;
				}
				while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
					i++;
				if (i < len && text[i] != ',' && text[i] != '\n')
					tp_fail(c, line, col,
							"In CSV, a quoted field must be followed by a comma or the end of the line.",
							"unexpected character after closing quote on line %d, cell %d",
							line, col);
			}
			else
			{
				size_t		st = i;

				while (i < len && text[i] != ',' && text[i] != '\n')
				{
					if (text[i] == '"')
						tp_fail(c, line, col,
								"In CSV, a field containing a double quote must itself be quoted and the quote doubled.",
								"double quote inside an unquoted field on line %d, cell %d",
								line, col);
					i++;
				}
				buf_putn(c, &b, text + st, i - st);
				if (b.len > 0 && b.s[b.len - 1] == '\r')
					b.s[--b.len] = '\0';
			}
			row_add(c, r, b.s, fline);
			if (i >= len)
				end_record = true;
			else if (text[i] == ',')
				i++;
			else
			{
				/* newline */
				i++;
				line++;
				end_record = true;
			}
		}
		r->text = r->n == 1;
		drop_empty_last_row(c);
	}
}

/* ---------------------------------------------------------------- Markdown */

static bool
md_is_separator(tp_rawrow *r)
{
	for (int i = 0; i < r->n; i++)
	{
		const char *p = r->cells[i];
		int			dashes = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == ':')
			p++;
		while (*p == '-')
			p++, dashes++;
		if (*p == ':')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p || dashes == 0)
			return false;
	}
	return r->n > 0;
}

/* Does the line hold a cell separator (a '|' not escaped as '\|')?  A
 * backslash escapes '|' and '\' (as render writes them). */
static bool
md_has_pipe(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '|' || s[i + 1] == '\\'))
			i++;
		else if (s[i] == '|')
			return true;
	}
	return false;
}

static void
tokenize_markdown(tp_ctx *c, const char *text, size_t len)
{
	tp_lines	L = lines_of(c, text, len);
	int			rows_seen = 0;

	while (lines_next(c, &L))
	{
		const char *s = L.s;
		size_t		n = L.n;
		int			line = L.line;
		tp_rawrow  *r;
		size_t		i,
					b;
		tp_buf		cell;
		bool		last_sep;

		while (n > 0 && ascii_isspace((unsigned char) *s))
			s++, n--;
		while (n > 0 && ascii_isspace((unsigned char) s[n - 1]))
			n--;
		if (n == 0)
			continue;
		if (!md_has_pipe(s, n))
		{
			/*
			 * text (a title, a note); interpret() allows it only around the
			 * table.  A backslash escapes any ASCII punctuation, as in
			 * Markdown ('\\*' in render's footnotes).
			 */
			r = row_new(c, line);
			buf_init(c, &cell, n + 1);
			for (i = 0; i < n; i++)
			{
				if (s[i] == '\\' && i + 1 < n && ascii_ispunct((unsigned char) s[i + 1]))
					i++;
				buf_putc(c, &cell, s[i]);
			}
			row_add(c, r, cell.s, line);
			r->text = true;
			continue;
		}
		r = row_new(c, line);
		b = (s[0] == '|') ? 1 : 0;
		buf_init(c, &cell, 32);
		last_sep = false;
		for (i = b; i < n; i++)
		{
			if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '|' || s[i + 1] == '\\'))
			{
				buf_putc(c, &cell, s[i + 1]);
				i++;
				last_sep = false;
				continue;
			}
			if (s[i] == '|')
			{
				row_add(c, r, cell.s, line);
				buf_init(c, &cell, 32);
				last_sep = true;
				continue;
			}
			buf_putc(c, &cell, s[i]);
			last_sep = false;
		}
		/* a trailing '|' closes the last cell, it does not open another */
		if (!last_sep)
			row_add(c, r, cell.s, line);
		rows_seen++;
		if (rows_seen == 2 && md_is_separator(r))
			c->nrows--;
	}
}

/* ---------------------------------------------------------------- HTML */

static bool
ci_prefix(const char *p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	if ((size_t) (end - p) < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_tolower((unsigned char) p[i]) != word[i])
			return false;
	return true;
}

static const char *
ci_find(const char *p, const char *end, const char *word)
{
	for (; p < end; p++)
		if (ci_prefix(p, end, word))
			return p;
	return NULL;
}

/* Tag name after '<' or '</' (lower-cased into name), or "" when not a tag. */
static void
tag_name(const char *p, const char *end, char *name, size_t cap)
{
	size_t		k = 0;

	if (p < end && *p == '/')
		p++;
	while (p < end && ascii_isalnum((unsigned char) *p) && k + 1 < cap)
		name[k++] = (char) ascii_tolower((unsigned char) *p++);
	name[k] = '\0';
}

/* Value of a numeric attribute (colspan="2") in a tag's text, or 1. */
static long
tag_attr_num(const char *tag, const char *tagend, const char *attr)
{
	const char *p = ci_find(tag, tagend, attr);

	if (!p)
		return 1;
	p += strlen(attr);
	while (p < tagend && (*p == ' ' || *p == '='))
		p++;
	if (p < tagend && (*p == '"' || *p == '\''))
		p++;
	if (p >= tagend || !ascii_isdigit((unsigned char) *p))
		return 1;
	{
		long		v = 0;

		while (p < tagend && ascii_isdigit((unsigned char) *p) && v < 100000)
			v = v * 10 + (*p++ - '0');
		return v;
	}
}

static void
tokenize_html(tp_ctx *c, const char *text, size_t len)
{
	const char *end = text + len;
	const char *t = ci_find(text, end, "<table");
	const char *p;
	int			line = c->line0 + 1;
	tp_rawrow  *row = NULL;
	tp_buf		cell;
	bool		in_cell = false;
	int			cell_line = 0;
	bool		done = false;

	if (!t)
		tp_fail(c, 0, 0, NULL, "no <table> element found");
	for (p = text; p < t; p++)
		if (*p == '\n')
			line++;
	/* skip the <table ...> tag itself */
	p = t;
	while (p < end && *p != '>')
	{
		if (*p == '\n')
			line++;
		p++;
	}
	if (p < end)
		p++;

	while (p < end && !done)
	{
		if (*p == '<')
		{
			const char *tag = p;
			const char *q = p + 1;
			char		name[16];
			bool		closing = (q < end && *q == '/');
			int			tagline = line;

			if (ci_prefix(p, end, "<!--"))
			{
				const char *e = ci_find(p + 4, end, "-->");

				if (!e)
					tp_fail(c, line, 0, NULL, "unterminated HTML comment on line %d", line);
				for (; p < e; p++)
					if (*p == '\n')
						line++;
				p = e + 3;
				continue;
			}
			tag_name(q, end, name, sizeof(name));
			if (name[0] == '\0')
			{
				/* a lone '<' (as in "<5") is text */
				if (in_cell)
					buf_putc(c, &cell, '<');
				p++;
				continue;
			}
			while (p < end && *p != '>')
			{
				if (*p == '\n')
					line++;
				p++;
			}
			if (p >= end)
				tp_fail(c, tagline, 0, NULL, "unterminated HTML tag on line %d", tagline);
			p++;				/* past '>' */

			if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
							 strcmp(name, "caption") == 0))
			{
				char		close[24];
				const char *e;

				snprintf(close, sizeof(close), "</%s", name);
				e = ci_find(p, end, close);
				if (!e)
					tp_fail(c, tagline, 0, NULL, "unterminated <%s> on line %d", name, tagline);
				if (strcmp(name, "caption") == 0 && !c->caption)
					c->caption = tp_strndup(c, p, e - p);	/* the table's title */
				for (; p < e; p++)
					if (*p == '\n')
						line++;
				continue;
			}
			if (strcmp(name, "table") == 0)
			{
				if (closing)
					done = true;
				else
					tp_fail(c, tagline, 0, "Pass the inner table on its own.",
							"nested <table> on line %d is not supported", tagline);
			}
			else if (strcmp(name, "tr") == 0)
			{
				if (in_cell)
				{
					row_add(c, row, cell.s, cell_line);
					in_cell = false;
				}
				if (!closing)
				{
					tp_tick(c);
					row = row_new(c, tagline);
				}
				else
					row = NULL;
			}
			else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
			{
				if (in_cell)
				{
					row_add(c, row, cell.s, cell_line);
					in_cell = false;
				}
				if (!closing)
				{
					if (tag_attr_num(tag, p, "colspan") > 1 || tag_attr_num(tag, p, "rowspan") > 1)
						tp_fail(c, tagline, row ? row->n + 1 : 0,
								"Cells spanning several rows or columns cannot be matched to one row and column label; split them first.",
								"colspan/rowspan on line %d is not supported", tagline);
					if (!row)
						row = row_new(c, tagline);
					buf_init(c, &cell, 32);
					in_cell = true;
					cell_line = tagline;
				}
			}
			else if (in_cell)
			{
				/* inline markup inside a cell: <br> and block tags become a space */
				if (strcmp(name, "br") == 0 || strcmp(name, "p") == 0 || strcmp(name, "div") == 0)
					buf_putc(c, &cell, ' ');
			}
			continue;
		}
		if (*p == '\n')
			line++;
		if (in_cell)
			buf_putc(c, &cell, *p);
		else if (!ascii_isspace((unsigned char) *p))
		{
			/* text between cells belongs to no cell: never drop it silently */
			const char *e = p;
			char		q[64];

			/* a no-break space between cells is layout */
			if (ci_prefix(p, end, "&nbsp;") || ci_prefix(p, end, "&#160;"))
			{
				p += 6;
				continue;
			}
			if (ci_prefix(p, end, "\xc2\xa0"))
			{
				p += 2;
				continue;
			}
			while (e < end && *e != '<' && *e != '\n' && e - p < 40)
				e++;
			snprintf(q, sizeof(q), "%.*s", (int) (e < end ? utf8_clip(p, e - p) : (size_t) (e - p)), p);
			tp_fail(c, line, row ? row->n + 1 : 0,
					"Text between the cells of a table belongs to no row or column; put it in a cell (<td>) or outside the table.",
					"text outside any cell on line %d: \"%s\"", line, q);
		}
		p++;
	}
	if (!done)
		tp_fail(c, line, 0, NULL, "<table> has no closing </table>");
	/* notes: the <p> paragraphs right after the table (render's footnotes) */
	for (;;)
	{
		const char *q = p,
				   *e;

		while (q < end && ascii_isspace((unsigned char) *q))
			q++;
		if (!(ci_prefix(q, end, "<p>") || ci_prefix(q, end, "<p ")) ||
			(e = ci_find(q, end, "</p>")) == NULL)
			break;
		while (q < e && *q != '>')
			q++;
		if (q >= e)
			break;
		if (c->nnotes % 8 == 0)
		{
			const char **nn = tp_new(c, sizeof(char *) * (c->nnotes + 8));

			if (c->nnotes)
				memcpy(nn, c->notes, sizeof(char *) * c->nnotes);
			c->notes = nn;
		}
		c->notes[c->nnotes++] = tp_strndup(c, q + 1, e - q - 1);
		p = e + 4;
	}
	if (ci_find(p, end, "<table"))
		tp_fail(c, 0, 0, "Pass one table at a time.", "text holds more than one <table>");
}

/* ---------------------------------------------------------------- cleaning */

static int
utf8_put(char *o, unsigned long cp)
{
	if (cp < 0x80)
	{
		o[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = (char) (0xC0 | (cp >> 6));
		o[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = (char) (0xE0 | (cp >> 12));
		o[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char) (0xF0 | (cp >> 18));
	o[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Decode one entity at s ('&'); returns bytes consumed (0 = not an entity). */
static size_t
decode_entity(const char *s, char *out, int *outlen)
{
	static const struct
	{
		const char *name;
		unsigned long cp;
	}			named[] = {
		{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
		{"nbsp", 0xA0}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"le", 0x2264},
		{"pound", 0xA3}, {"hellip", 0x2026}
	};
	const char *semi;
	size_t		n;

	semi = NULL;
	for (int i = 1; i < 12 && s[i]; i++)
		if (s[i] == ';')
		{
			semi = s + i;
			break;
		}
	if (!semi)
		return 0;
	n = semi - s - 1;
	if (n >= 2 && s[1] == '#')
	{
		unsigned long cp = 0;
		bool		hex = (s[2] == 'x' || s[2] == 'X');
		const char *d = s + (hex ? 3 : 2);

		if (d == semi)
			return 0;
		for (; d < semi; d++)
		{
			int			v;

			if (ascii_isdigit((unsigned char) *d))
				v = *d - '0';
			else if (hex && ascii_isxdigit((unsigned char) *d))
				v = ascii_tolower((unsigned char) *d) - 'a' + 10;
			else
				return 0;
			cp = cp * (hex ? 16 : 10) + v;
			if (cp > 0x10FFFF)
				return 0;
		}
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		*outlen = utf8_put(out, cp);
		return semi - s + 1;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strlen(named[i].name) == n && strncmp(s + 1, named[i].name, n) == 0)
		{
			*outlen = utf8_put(out, named[i].cp);
			return semi - s + 1;
		}
	return 0;
}

/* Is s at an inline tag ("<b>", "</strong>", "<span class=x>")?  Returns its length. */
static size_t
inline_tag_len(const char *s)
{
	const char *p = s + 1;

	if (*p == '/')
		p++;
	if (!ascii_isalpha((unsigned char) *p))
		return 0;
	while (ascii_isalnum((unsigned char) *p))
		p++;
	if (*p != '>' && *p != ' ' && *p != '/' && *p != '\t')
		return 0;
	while (*p && *p != '>' && *p != '<')
		p++;
	if (*p != '>')
		return 0;
	return p - s + 1;
}

/*
 * Clean a raw cell: drop inline tags (non-HTML formats: HTML cells were
 * already stripped), decode entities, turn no-break spaces and runs of
 * whitespace into one space, trim, and drop Markdown emphasis wrapping the
 * whole cell (**87**, __87__).
 */
static char *
clean_cell(tp_ctx *c, const char *raw, bool strip_tags)
{
	tp_buf		b;
	const char *s = raw;
	bool		space = false;

	buf_init(c, &b, strlen(raw) + 1);
	while (*s)
	{
		unsigned char ch = (unsigned char) *s;

		if (ch == '<' && strip_tags)
		{
			size_t		tl = inline_tag_len(s);

			if (tl)
			{
				s += tl;
				continue;
			}
		}
		if (ch == '&')
		{
			char		out[4];
			int			ol = 0;
			size_t		used = decode_entity(s, out, &ol);

			if (used)
			{
				/* a no-break space, or a whitespace or control character
				 * written as an entity (&#10;), is a space like any other:
				 * a label never keeps a newline */
				if ((ol == 2 && (unsigned char) out[0] == 0xC2 && (unsigned char) out[1] == 0xA0) ||
					(ol == 1 && ((unsigned char) out[0] < 0x20 || out[0] == 0x7F)))
					space = true;
				else
				{
					if (space && b.len)
						buf_putc(c, &b, ' ');
					space = false;
					buf_putn(c, &b, out, ol);
				}
				s += used;
				continue;
			}
		}
		if (ch == 0xC2 && (unsigned char) s[1] == 0xA0)
		{
			space = true;
			s += 2;
			continue;
		}
		if (ascii_isspace(ch))
		{
			space = true;
			s++;
			continue;
		}
		if (space && b.len)
			buf_putc(c, &b, ' ');
		space = false;
		buf_putc(c, &b, (char) ch);
		s++;
	}
	/*
	 * Markdown emphasis around the whole cell, peeled in place from both
	 * ends and moved once: linear in the cell (moving the rest after each
	 * pair made a cell of 1.6M stars take seconds, uncancellably).
	 */
	{
		size_t		lo = 0,
					hi = b.len;

		while (hi - lo > 4 &&
			   ((b.s[lo] == '*' && b.s[lo + 1] == '*' && b.s[hi - 2] == '*' && b.s[hi - 1] == '*') ||
				(b.s[lo] == '_' && b.s[lo + 1] == '_' && b.s[hi - 2] == '_' && b.s[hi - 1] == '_')))
		{
			lo += 2;
			hi -= 2;
			while (hi > lo && b.s[hi - 1] == ' ')
				hi--;
			while (lo < hi && b.s[lo] == ' ')
				lo++;
		}
		if (lo > 0)
			memmove(b.s, b.s + lo, hi - lo);
		b.len = hi - lo;
		b.s[b.len] = '\0';
	}
	return b.s;
}

/* ---------------------------------------------------------------- cells */

/* What a cell's text means: a count, a blank or a marker (marker.c). */
static bool
read_cell(const char *txt, tp_cell *cell, char *why, size_t whylen)
{
	marker_meaning m;

	if (!marker_read(txt, &m, why, whylen))
		return false;
	cell->kind = m.kind;
	cell->value = m.value;
	cell->lo = m.lo;
	cell->hi = m.hi;
	return true;
}

/* lower-cased copy into buf */
static void
lower_copy(const char *s, char *buf, size_t cap)
{
	size_t		i;

	for (i = 0; s[i] && i + 1 < cap; i++)
		buf[i] = (char) ascii_tolower((unsigned char) s[i]);
	buf[i] = '\0';
}

bool
tp_is_total_label(const char *s)
{
	static const char *const totals[] = {
		"total", "totals", "grand total", "grand totals", "overall total",
		"all", "sum", "total count", "overall"
	};
	char		low[32];
	size_t		n = strlen(s);

	if (n == 0 || n >= sizeof(low))
		return false;
	lower_copy(s, low, sizeof(low));
	while (n > 0 && (low[n - 1] == ':' || low[n - 1] == ' '))
		low[--n] = '\0';
	for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++)
		if (strcmp(low, totals[i]) == 0)
			return true;
	return false;
}

/* ---------------------------------------------------------------- detection */

/* "---|:--:|---|" (at least one '|' and three dashes, nothing else) */
static bool
md_line_is_separator(const char *s, size_t n)
{
	int			pipes = 0,
				dashes = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] == '|')
			pipes++;
		else if (s[i] == '-')
			dashes++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\r' && s[i] != '\t')
			return false;
	}
	return pipes > 0 && dashes >= 3;
}

tp_format
tp_detect(const char *text, size_t len)
{
	const char *end = text + len;
	size_t		pos = 0;
	const char *s;
	size_t		n;
	int			seen = 0;
	bool		comma = false,
				pipe = false;

	if (ci_find(text, end, "<table"))
		return TP_HTML;
	/*
	 * The first 20 non-blank lines decide: a leading '|' or a Markdown
	 * alignment row ("---|---|"), else any tab, else commas, else pipes.
	 */
	while (seen < 20 && next_line(text, len, &pos, &s, &n))
	{
		size_t		i = 0;

		if (memchr(s, '\t', n))
			return TP_TSV;
		while (i < n && (s[i] == ' ' || s[i] == '\r'))
			i++;
		if (i == n)
			continue;
		seen++;
		if (s[i] == '|' || md_line_is_separator(s + i, n - i))
			return TP_MARKDOWN;
		if (memchr(s, ',', n))
			comma = true;
		if (memchr(s, '|', n))
			pipe = true;
	}
	if (comma)
		return TP_CSV;
	if (pipe)
		return TP_MARKDOWN;
	return TP_AUTO;
}

const char *
tp_format_name(tp_format f)
{
	switch (f)
	{
		case TP_TSV:
			return "tsv";
		case TP_CSV:
			return "csv";
		case TP_MARKDOWN:
			return "markdown";
		case TP_HTML:
			return "html";
		default:
			return "auto";
	}
}

bool
tp_format_from_name(const char *name, tp_format *out)
{
	char		low[16];

	if (strlen(name) >= sizeof(low))
		return false;
	lower_copy(name, low, sizeof(low));
	if (strcmp(low, "auto") == 0)
		*out = TP_AUTO;
	else if (strcmp(low, "tsv") == 0 || strcmp(low, "tab") == 0)
		*out = TP_TSV;
	else if (strcmp(low, "csv") == 0)
		*out = TP_CSV;
	else if (strcmp(low, "markdown") == 0 || strcmp(low, "md") == 0)
		*out = TP_MARKDOWN;
	else if (strcmp(low, "html") == 0)
		*out = TP_HTML;
	else
		return false;
	return true;
}

/* ---------------------------------------------------------------- interpret */

/* Header cells that are all plain numbers but not years mean the header is missing. */
static bool
looks_like_data_row(tp_ctx *c, tp_rawrow *r, char **clean)
{
	int			numeric = 0;

	(void) c;
	for (int i = 1; i < r->n; i++)
	{
		int64_t		v;

		if (clean[i][0] == '\0')
			continue;
		if (!marker_read_count(clean[i], &v))
			return false;
		if (v >= 1900 && v <= 2100 && strchr(clean[i], ',') == NULL)
			return false;
		numeric++;
	}
	return numeric > 0;
}

static bool
ci_equal_total(const char *label, const char *want)
{
	size_t		n = strlen(label),
				m = strlen(want);

	while (n > 0 && (label[n - 1] == ':' || label[n - 1] == ' '))
		n--;
	while (m > 0 && (want[m - 1] == ':' || want[m - 1] == ' '))
		m--;
	if (n != m || n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_tolower((unsigned char) label[i]) != ascii_tolower((unsigned char) want[i]))
			return false;
	return true;
}

static bool
is_total(tp_ctx *c, const char *label)
{
	if (tp_is_total_label(label))
		return true;
	for (int i = 0; i < c->nextra; i++)
		if (c->extra_totals[i] && ci_equal_total(label, c->extra_totals[i]))
			return true;
	return false;
}

/*
 * "Grand Total (mentions)", "Total (distinct crimes)": a total label with
 * the suffix render gives a multi-label table's two total rows
 */
static bool
is_total_with(tp_ctx *c, const char *label, const char *suffix)
{
	size_t		n = strlen(label),
				m = strlen(suffix);
	char	   *prefix;

	if (n <= m)
		return false;
	for (size_t i = 0; i < m; i++)
		if (ascii_tolower((unsigned char) label[n - m + i]) != suffix[i])
			return false;
	prefix = tp_new(c, n - m + 1);
	memcpy(prefix, label, n - m);
	prefix[n - m] = '\0';
	return is_total(c, prefix);
}

static const char *
quote_label(const char *s, char *buf, size_t cap)
{
	if (strlen(s) + 3 > cap)
		snprintf(buf, cap, "\"%.*s...\"", (int) utf8_clip(s, cap - 6), s);
	else
		snprintf(buf, cap, "\"%s\"", s);
	return buf;
}

/*
 * First earlier index holding the same label, or -1: an open-addressing hash
 * set over labels[0..n) built incrementally (call with i = 0, 1, 2, ...).
 */
typedef struct tp_dupset
{
	int		   *slots;			/* index + 1, 0 = empty */
	uint32_t	mask;
} tp_dupset;

static uint32_t
label_hash(const char *s)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

static void
dupset_init(tp_ctx *c, tp_dupset *d, int n)
{
	uint32_t	size = 16;

	while (size < (uint32_t) n * 2)
		size *= 2;
	d->slots = tp_new(c, sizeof(int) * size);
	d->mask = size - 1;
}

static int
dupset_add(tp_dupset *d, char **labels, int i)
{
	uint32_t	h = label_hash(labels[i]) & d->mask;

	while (d->slots[h] != 0)
	{
		int			j = d->slots[h] - 1;

		if (strcmp(labels[j], labels[i]) == 0)
			return j;
		h = (h + 1) & d->mask;
	}
	d->slots[h] = i + 1;
	return -1;
}

static void
interpret(tp_ctx *c, tp_table *t)
{
	tp_rawrow  *h;
	char	  **hclean;
	int			width;
	int			total_col = -1;
	int			total_row = -1;
	int			units_row = -1;
	int			nbody;
	char		qa[96],
				qb[96];
	char	  **labels;
	int			r,
				k;
	bool		strip = (c->format != TP_HTML);
	tp_dupset	cols;

	if (c->nrows == 0)
		tp_fail(c, 0, 0, NULL, "table text is empty");

	/* header */
	h = &c->rows[0];
	hclean = tp_new(c, sizeof(char *) * h->n);
	for (int i = 0; i < h->n; i++)
		hclean[i] = clean_cell(c, h->cells[i], strip);
	width = h->n;
	while (width > 1 && hclean[width - 1][0] == '\0')
		width--;
	if (width < 2)
		tp_fail(c, h->line, 0,
				"A table needs a header row: an optional corner cell, then one label per column.",
				"header on line %d has fewer than two cells", h->line);
	if (looks_like_data_row(c, h, hclean))
		tp_fail(c, h->line, 0,
				"The first row's cells are counts, not column labels; add the header row.",
				"missing header row: line %d looks like data", h->line);
	t->header_line = h->line;
	t->corner = hclean[0];
	dupset_init(c, &cols, width);
	for (int i = 1; i < width; i++)
	{
		if (hclean[i][0] == '\0')
			tp_fail(c, h->line, i + 1, NULL,
					"header on line %d has an empty label in cell %d", h->line, i + 1);
		{
			int			j = dupset_add(&cols, hclean, i);

			if (j >= 0)
				tp_fail(c, h->line, i + 1, NULL,
						"duplicate column label %s in cells %d and %d of the header on line %d",
						quote_label(hclean[i], qa, sizeof(qa)), j + 1, i + 1, h->line);
		}
		if (strlen(hclean[i]) > TP_MAX_LABEL_LEN)
			tp_fail(c, h->line, i + 1, NULL, "column label in cell %d is longer than %d bytes",
					i + 1, TP_MAX_LABEL_LEN);
		if (is_total(c, hclean[i]))
		{
			if (total_col >= 0)
				tp_fail(c, h->line, i + 1,
						"Subtotal columns are not supported; remove all but the one total column.",
						"header on line %d has two total columns (%s and %s)", h->line,
						quote_label(hclean[total_col], qa, sizeof(qa)),
						quote_label(hclean[i], qb, sizeof(qb)));
			total_col = i;
		}
	}
	if (width - 1 - (total_col >= 0) < 1)
		tp_fail(c, h->line, 0, NULL, "table has no data columns besides the total");

	/* body rows: clean, check width, label */
	nbody = c->nrows - 1;
	if (nbody < 1)
		tp_fail(c, h->line, 0, NULL, "table has a header on line %d but no rows", h->line);
	labels = tp_new(c, sizeof(char *) * nbody);
	for (r = 0; r < nbody; r++)
	{
		tp_rawrow  *row = &c->rows[r + 1];
		char	   *label;

		tp_tick(c);
		if (row->n < width)
			tp_fail(c, row->line, 0,
					"Every row needs a label and one cell per header column; blank cells must still be delimited.",
					"line %d has %d cells but the header on line %d has %d",
					row->line, row->n, h->line, width);
		for (int i = width; i < row->n; i++)
		{
			char	   *extra = clean_cell(c, row->cells[i], strip);

			if (extra[0] != '\0')
				tp_fail(c, row->lines[i], i + 1, NULL,
						"line %d has %d cells but the header on line %d has %d",
						row->line, row->n, h->line, width);
		}
		label = clean_cell(c, row->cells[0], strip);
		if (label[0] == '\0')
			tp_fail(c, row->line, 1, NULL, "row on line %d has no label", row->line);
		if (strlen(label) > TP_MAX_LABEL_LEN)
			tp_fail(c, row->line, 1, NULL, "row label on line %d is longer than %d bytes",
					row->line, TP_MAX_LABEL_LEN);
		labels[r] = label;
		if (is_total_with(c, label, " (distinct crimes)"))
		{
			if (units_row >= 0)
				tp_fail(c, row->line, 1, NULL,
						"two distinct-crimes total rows, on lines %d and %d",
						c->rows[units_row + 1].line, row->line);
			units_row = r;
		}
		else if (is_total(c, label) || is_total_with(c, label, " (mentions)"))
		{
			if (total_row >= 0)
				tp_fail(c, row->line, 1,
						"Subtotal rows are not supported; remove all but the one total row.",
						"two total rows, on lines %d and %d", c->rows[total_row + 1].line, row->line);
			total_row = r;
		}
	}
	/* duplicate row labels */
	{
		tp_dupset	rows;

		dupset_init(c, &rows, nbody);
		for (r = 0; r < nbody; r++)
		{
			k = dupset_add(&rows, labels, r);
			if (k >= 0)
				tp_fail(c, c->rows[r + 1].line, 1,
						"Each row label must be unique; merge or rename the rows.",
						"duplicate row label %s on lines %d and %d",
						quote_label(labels[r], qa, sizeof(qa)),
						c->rows[k + 1].line, c->rows[r + 1].line);
		}
	}

	if (units_row >= 0 && total_row < 0)
		tp_fail(c, c->rows[units_row + 1].line, 1,
				"A multi-label table prints its mentions total row (e.g. 'Grand Total (mentions)') beside it.",
				"distinct-crimes row on line %d but no total row", c->rows[units_row + 1].line);
	t->nrows = nbody - (total_row >= 0) - (units_row >= 0);
	t->ncols = width - 1 - (total_col >= 0);
	if (t->nrows < 1)
		tp_fail(c, h->line, 0, NULL, "table has a total row but no data rows");
	t->row_labels = tp_new(c, sizeof(char *) * t->nrows);
	t->row_lines = tp_new(c, sizeof(int) * t->nrows);
	t->col_labels = tp_new(c, sizeof(char *) * t->ncols);
	t->cells = tp_new(c, sizeof(tp_cell) * (size_t) t->nrows * t->ncols);
	t->has_total_col = total_col >= 0;
	t->has_total_row = total_row >= 0;
	if (t->has_total_col)
	{
		t->total_col_label = hclean[total_col];
		t->row_totals = tp_new(c, sizeof(tp_cell) * t->nrows);
	}
	if (t->has_total_row)
	{
		t->total_row_label = labels[total_row];
		t->total_row_line = c->rows[total_row + 1].line;
		t->col_totals = tp_new(c, sizeof(tp_cell) * t->ncols);
	}
	t->has_units_row = units_row >= 0;
	if (t->has_units_row)
	{
		t->units_row_label = labels[units_row];
		t->units_row_line = c->rows[units_row + 1].line;
		t->col_units = tp_new(c, sizeof(tp_cell) * t->ncols);
	}
	for (int i = 1, j = 0; i < width; i++)
		if (i != total_col)
			t->col_labels[j++] = hclean[i];

	for (r = 0, k = 0; r < nbody; r++)
	{
		tp_rawrow  *row = &c->rows[r + 1];
		bool		is_total = (r == total_row);
		bool		is_units = (r == units_row);

		tp_tick(c);
		if (!is_total && !is_units)
		{
			t->row_labels[k] = labels[r];
			t->row_lines[k] = row->line;
		}
		for (int i = 1, j = 0; i < width; i++)
		{
			tp_cell    *cell;
			char		why[96];
			char	   *txt = clean_cell(c, row->cells[i], strip);

			if (i == total_col)
				cell = is_units ? &t->units_grand : is_total ? &t->grand : &t->row_totals[k];
			else
				cell = is_units ? &t->col_units[j++] : is_total ? &t->col_totals[j++] :
					&t->cells[(size_t) k * t->ncols + j++];
			if (!read_cell(txt, cell, why, sizeof(why)))
			{
				char		detail[300];

				snprintf(detail, sizeof(detail), "Row %s, column %s.",
						 quote_label(labels[r], qa, sizeof(qa)),
						 quote_label(hclean[i], qb, sizeof(qb)));
				tp_fail(c, row->lines[i], i + 1, detail,
						"invalid cell %s on line %d, cell %d: %s",
						quote_label(txt, qa, sizeof(qa)), row->lines[i], i + 1, why);
			}
			cell->text = txt;
			cell->line = row->lines[i];
			cell->col = i + 1;
		}
		if (!is_total && !is_units)
			k++;
	}
}

/*
 * Text around the table, as render() writes it: lines of text before the
 * header are its title (joined by spaces), lines after the last row its
 * notes, one each (TSV and CSV: lines of one cell; Markdown: lines without
 * '|'; HTML: the <caption> and the <p> paragraphs after </table>).  A line
 * of text between table rows stays in the table (an error there); text
 * alone, with no table row, is left to interpret() to reject.
 */
static void
text_around(tp_ctx *c, tp_table *out)
{
	int			first = 0,
				last = c->nrows;
	bool		strip = (c->format != TP_HTML);

	while (first < c->nrows && c->rows[first].text)
		first++;
	if (first == c->nrows)
		first = 0;				/* no table row at all */
	else
		while (last > first && c->rows[last - 1].text)
			last--;
	if (first > 0)
	{
		tp_buf		b;

		buf_init(c, &b, 64);
		for (int i = 0; i < first; i++)
		{
			const char *t = clean_cell(c, c->rows[i].cells[0], strip);

			if (b.len && t[0])
				buf_putc(c, &b, ' ');
			buf_putn(c, &b, t, strlen(t));
		}
		out->title = b.s;
	}
	else if (c->caption)
		out->title = clean_cell(c, c->caption, true);
	if (out->title && out->title[0] == '\0')
		out->title = NULL;
	out->notes = tp_new(c, sizeof(char *) * (c->nrows - last + c->nnotes + 1));
	for (int i = last; i < c->nrows; i++)
		out->notes[out->nnotes++] = clean_cell(c, c->rows[i].cells[0], strip);
	for (int i = 0; i < c->nnotes; i++)
	{
		const char *t = clean_cell(c, c->notes[i], true);

		if (t[0])
			out->notes[out->nnotes++] = t;
	}
	/* the table's rows alone */
	if (first > 0)
		memmove(c->rows, c->rows + first, sizeof(tp_rawrow) * (last - first));
	c->nrows = last - first;
	if (c->format == TP_MARKDOWN)
		for (int i = 0; i < c->nrows; i++)
			if (c->rows[i].text)
				tp_fail(c, c->rows[i].line, 0,
						"Every line of a Markdown table must contain '|' cell separators.",
						"line %d is not a Markdown table row", c->rows[i].line);
}

static void
parse_all(tp_ctx *c, const char *text, size_t len, tp_format format, tp_table *out)
{
	check_nul(c, text, len);
	if (format == TP_AUTO)
	{
		format = tp_detect(text, len);
		if (format == TP_AUTO)
		{
			if (blank_span(text, len))
				tp_fail(c, 0, 0, NULL, "table text is empty");
			tp_fail(c, 0, 0,
					"Tables are read as tab-separated, CSV, Markdown pipe or HTML <table>; none was recognised.",
					"cannot detect the table format");
		}
	}
	c->format = format;
	out->format = format;
	switch (format)
	{
		case TP_TSV:
			tokenize_tsv(c, text, len);
			break;
		case TP_CSV:
			tokenize_csv(c, text, len);
			break;
		case TP_MARKDOWN:
			tokenize_markdown(c, text, len);
			break;
		case TP_HTML:
			tokenize_html(c, text, len);
			break;
		default:
			tp_fail(c, 0, 0, NULL, "unknown table format");
	}
	/* blank rows inside the table (blank lines, HTML <tr></tr>, ",,,,") are dropped */
	{
		int			w = 0;

		for (int i = 0; i < c->nrows; i++)
			if (!row_is_empty(&c->rows[i]))
				c->rows[w++] = c->rows[i];
		c->nrows = w;
	}
	text_around(c, out);
	interpret(c, out);
}

bool
tp_parse(const char *text, size_t len, tp_format format, const tp_alloc *a,
		 tp_table *out, tp_error *err)
{
	return tp_parse_ext(text, len, format, NULL, 0, a, out, err);
}

bool
tp_parse_ext(const char *text, size_t len, tp_format format,
			 const char *const *extra_totals, int nextra,
			 const tp_alloc *a, tp_table *out, tp_error *err)
{
	return tp_parse_at(text, len, 1, format, extra_totals, nextra, a, out, err);
}

bool
tp_parse_at(const char *text, size_t len, int first_line, tp_format format,
			const char *const *extra_totals, int nextra,
			const tp_alloc *a, tp_table *out, tp_error *err)
{
	tp_ctx		c;

	memset(&c, 0, sizeof(c));
	c.extra_totals = extra_totals;
	c.nextra = nextra;
	c.line0 = first_line > 0 ? first_line - 1 : 0;
	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	c.a = a;
	c.err = err;
	if (setjmp(c.jb) != 0)
		return false;
	parse_all(&c, text, len, format, out);
	return true;
}

/* ---------------------------------------------------------------- finder */

typedef enum
{
	LN_BLANK,
	LN_TAB,						/* has a tab: a TSV row */
	LN_PIPE,					/* starts with '|' or is a "---|---" rule */
	LN_TEXT
} tp_linekind;

static tp_linekind
line_kind(const char *s, size_t n)
{
	size_t		i = 0;

	if (memchr(s, '\t', n))
		return LN_TAB;			/* a line of tabs only is an empty TSV row */
	while (i < n && ascii_isspace((unsigned char) s[i]))
		i++;
	if (i == n)
		return LN_BLANK;
	if (s[i] == '|' || md_line_is_separator(s + i, n - i))
		return LN_PIPE;
	return LN_TEXT;
}

/* Title text of a line: trimmed, tags and Markdown emphasis/list marks dropped. */
static char *
title_of(tp_ctx *c, const char *s, size_t n)
{
	char	   *raw = tp_strndup(c, s, n);
	char	   *t = clean_cell(c, raw, true);

	while (t[0] == '#' || t[0] == '-' || t[0] == '*' || t[0] == ' ')
		t++;
	return t;
}

static bool
is_heading_line(const char *s, size_t n)
{
	while (n > 0 && ascii_isspace((unsigned char) *s))
		s++, n--;
	while (n > 0 && ascii_isspace((unsigned char) s[n - 1]))
		n--;
	if (n > 4 && strncmp(s, "**", 2) == 0 && strncmp(s + n - 2, "**", 2) == 0)
		return true;
	if (n > 0 && s[0] == '#')
		return true;
	if (n > 3 && (s[0] == '<') && (s[1] == 'h' || s[1] == 'H') && ascii_isdigit((unsigned char) s[2]))
		return true;
	return false;
}

static void
add_span(tp_ctx *c, tp_span **spans, int *n, int *cap, tp_span sp)
{
	if (*n == *cap)
	{
		int			ncap = *cap ? *cap * 2 : 8;
		tp_span    *ns = tp_new(c, sizeof(tp_span) * ncap);

		if (*n)
			memcpy(ns, *spans, sizeof(tp_span) * *n);
		*spans = ns;
		*cap = ncap;
	}
	(*spans)[(*n)++] = sp;
}

static int
count_tabs(const char *s, size_t n)
{
	int			k = 0;

	for (size_t i = 0; i < n; i++)
		k += (s[i] == '\t');
	return k;
}

static int
find_all(tp_ctx *c, const char *text, size_t len, tp_span **out)
{
	const char *end = text + len;
	tp_span    *spans = NULL;
	int			n = 0,
				cap = 0;

	check_nul(c, text, len);
	if (ci_find(text, end, "<table"))
	{
		/* HTML: every <table> ... </table>; the title is the last text line before it */
		const char *p = text;
		int			line = 1;
		const char *prev_end = text;

		while ((p = ci_find(p, end, "<table")) != NULL)
		{
			const char *q = p;
			const char *close;
			tp_span		sp;
			const char *ls,
					   *le;

			for (const char *r = prev_end; r < p; r++)
				if (*r == '\n')
					line++;
			close = ci_find(p, end, "</table");
			if (!close)
				tp_fail(c, line, 0, NULL, "<table> on line %d has no closing </table>", line);
			q = close;
			while (q < end && *q != '>')
				q++;
			if (q < end)
				q++;
			memset(&sp, 0, sizeof(sp));
			sp.start = p - text;
			sp.end = q - text;
			sp.first_line = line;
			sp.format = TP_HTML;
			sp.title = NULL;
			/* title: last non-blank text (tags dropped) between the previous table and this one */
			le = p;
			while (le > prev_end)
			{
				char	   *t;

				ls = le;
				while (ls > prev_end && ls[-1] != '\n')
					ls--;
				t = title_of(c, ls, le - ls);
				if (t[0])
				{
					sp.title = t;
					break;
				}
				if (ls == prev_end)
					break;
				le = ls - 1;
			}
			{
				const char *r = p;
				int			inner = 0;

				for (; r < q; r++)
					if (*r == '\n')
						inner++;
				sp.last_line = line + inner;
			}
			add_span(c, &spans, &n, &cap, sp);
			line = sp.last_line;
			prev_end = q;
			p = q;
			tp_tick(c);
		}
	}
	else
	{
		/* line based: runs of tab lines (blank lines inside allowed) or pipe lines */
		size_t		pos = 0,
					lstart;
		const char *s;
		size_t		ln;
		int			line = 0;
		tp_span		cur;
		bool		open = false;
		size_t		last_row_end = 0;
		int			last_row_line = 0;
		const char *title_s = NULL,
				   *heading_s = NULL;
		int			header_tabs = 0;
		bool		after_blank = false;
		size_t		title_n = 0,
					heading_n = 0;

		memset(&cur, 0, sizeof(cur));
		for (;;)
		{
			bool		more;
			tp_linekind k;

			lstart = pos;
			more = next_line(text, len, &pos, &s, &ln);
			k = more ? line_kind(s, ln) : LN_TEXT;
			if (more)
				line++;
			if (more)
				tp_tick(c);
			if (open)
			{
				if (k == LN_BLANK && cur.format == TP_TSV)
				{
					after_blank = true;
					continue;	/* may be a blank line inside the table */
				}
				/*
				 * A tab line right after a row belongs to the table (if it is
				 * ragged, parsing says so); after blank lines only one with
				 * the header's number of cells does, so a later sentence that
				 * happens to hold a tab is not swallowed.
				 */
				if ((k == LN_TAB && cur.format == TP_TSV &&
					 (!after_blank || count_tabs(s, ln) == header_tabs)) ||
					(k == LN_PIPE && cur.format == TP_MARKDOWN))
				{
					last_row_end = pos;
					last_row_line = line;
					after_blank = false;
					continue;
				}
				cur.end = last_row_end;
				cur.last_line = last_row_line;
				/* one delimited line alone (an indented sentence) is no table */
				if (cur.last_line > cur.first_line)
					add_span(c, &spans, &n, &cap, cur);
				open = false;
				title_s = heading_s = NULL;
			}
			if (!more)
				break;
			if (k == LN_TAB || k == LN_PIPE)
			{
				memset(&cur, 0, sizeof(cur));
				cur.start = lstart;
				cur.first_line = line;
				cur.format = (k == LN_TAB) ? TP_TSV : TP_MARKDOWN;
				header_tabs = count_tabs(s, ln);
				after_blank = false;
				if (heading_s)
					cur.title = title_of(c, heading_s, heading_n);
				else if (title_s)
					cur.title = title_of(c, title_s, title_n);
				last_row_end = pos;
				last_row_line = line;
				open = true;
			}
			else if (k == LN_TEXT)
			{
				title_s = s;
				title_n = ln;
				if (is_heading_line(s, ln))
				{
					heading_s = s;
					heading_n = ln;
				}
			}
		}
	}
	*out = spans;
	return n;
}

int
tp_find_tables(const char *text, size_t len, const tp_alloc *a, tp_span **out,
			   tp_error *err)
{
	tp_ctx		c;

	memset(&c, 0, sizeof(c));
	memset(err, 0, sizeof(*err));
	c.a = a;
	c.err = err;
	*out = NULL;
	if (setjmp(c.jb) != 0)
		return -1;
	return find_all(&c, text, len, out);
}
