/*
 * xtab.h
 *		The cross-tab value (foistats.xtab): in-memory form and C API.
 *
 * A cross-tab is what an FOI response publishes: rows (offence titles,
 * platforms, ...) by columns (years, financial years, ...), a count in each
 * cell, and totals.  foistats builds them with the foistats.xtab(...)
 * aggregates, parses them from published text (table_parse.c), protects them
 * (protect.c), audits them (audit.c) and renders them (render.c).  All of that
 * code works on the EXPANDED form declared here and never on bytes.
 *
 * Two forms
 * ---------
 * - Expanded (Xtab *): a struct in a memory context with growable arrays and
 *	 hash indexes on row and column labels.  Build one with xtab_create(), or
 *	 get one from a SQL value with xtab_expand() / PG_GETARG_XTAB_EXPANDED().
 * - Flat: the varlena stored in tables (type foistats.xtab).  Make one with
 *	 xtab_flatten().  Its byte layout is private to xtab.c; it is the same
 *	 byte stream as the binary send/recv format (network byte order) behind a
 *	 varlena header, versioned by its first byte.
 *
 * What a value holds
 * ------------------
 * - columns: label (text, unique within the table), kind (see xtab_label.h:
 *	 year, fy, quarter, month, int, text) and a sort key derived from label
 *	 and kind.  A flattened value always has its columns in natural order
 *	 (xtab_sort_cols), so readers see 2010, 2011, ... left to right.
 * - rows: label (text, unique within the table).  Row order is kept as built:
 *	 the aggregates sort rows by label bytes (C collation) when they finish; a
 *	 table parsed from published text keeps the published order.  Renderers
 *	 choose their own order (by total, by label, as stored, or given).
 * - cells: an int64 count per (row, column), zero when nothing was counted,
 *	 and a flag byte (XTAB_CELL_* below; zero normally).  A cell may also
 *	 carry MARKER text, e.g. '*' or '<5' as published for a suppressed cell.
 * - units (optional, "multi-label" tables): per column, the number of input
 *	 rows (distinct crimes) aggregated.  When one input row carries several
 *	 row labels it counts once under each label but once in the units, so the
 *	 column sum of cells ("mentions") may exceed the units.  When a table has
 *	 no units (xtab_has_units() false) each input row had exactly one label,
 *	 and xtab_col_units() returns the column sum.
 * - published totals (optional): a row total per row, a column total per
 *	 column and a grand total, each possibly absent.  A table parsed from
 *	 published text carries what was published (possibly disagreeing with
 *	 the cells: that is what audit reports); protect() stores the margins it
 *	 publishes (a margin it withholds has none).  xtab_row_total() etc.
 *	 always compute from the cells; xtab_get_pub_*() return what was
 *	 published; xtab_shown_*() return what a reader may show (below).
 * - title, row header (text over the row labels) and footnotes (text lines
 *	 printed under a rendered table, e.g. the suppression rule).
 *
 * Memory
 * ------
 * All storage of an Xtab lives in the context given to xtab_create() (for the
 * aggregates: the aggregate context).  Labels are copied into a bump arena,
 * counts into one row-major matrix (ncols rounded up to a capacity), so a
 * row costs about label bytes + 8 x column capacity + ~40 bytes, e.g. about
 * 150 MB for 1,000,000 distinct 45-byte labels by 5 years.  Limits:
 * XTAB_MAX_ROWS rows, XTAB_MAX_COLS columns, XTAB_MAX_CELLS rows x column
 * capacity; past them the functions raise ERRCODE_PROGRAM_LIMIT_EXCEEDED.
 *
 * Error handling: every function that can fail ereports; none returns an
 * error code.  Indexes (r, c) are 0-based and checked with Assert only:
 * callers get them from xtab_find_*() / xtab_add_*() or loop below
 * xtab_nrows()/xtab_ncols().
 *
 * Building one, for example (in some function's memory context):
 *
 *		Xtab	   *xt = xtab_create(CurrentMemoryContext);
 *		int			c = xtab_add_col(xt, "2013", 4, XTAB_COL_INFER);
 *		int			r = xtab_add_row(xt, "EXPOSURE", 8);
 *
 *		xtab_add(xt, r, c, 16);
 *		xtab_set_pub_grand_total(xt, 16);
 *		PG_RETURN_XTAB_P(xtab_flatten(xt));
 *
 * Changing one (e.g. protect suppressing a cell): the expanded form is a
 * private copy, so modify it freely and flatten it again:
 *
 *		Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
 *
 *		xtab_set_flags(xt, r, c, xtab_get_flags(xt, r, c) | XTAB_CELL_SUPPRESSED);
 *		xtab_add_footnote(xt, "* fewer than 5 crimes, not shown");
 *		PG_RETURN_XTAB_P(xtab_flatten(xt));
 *
 * Protected / published values, and what readers show
 * ----------------------------------------------------
 * A value is PUBLISHED (xtab_is_published()) when it carries any suppressed
 * cell or any published total: a protect() result, or a table parsed from
 * a response.  Its totals computed from the cells are NOT publishable: with
 * true counts kept in suppressed cells, "row total - visible cells" would
 * give a withheld count away.  So every SQL-callable reader (foistats.wide,
 * to_jsonb, col_totals, grand_total, col_units, total_units, render with
 * its default published_totals => NULL) shows, for a published value, its
 * published totals only: a margin without one is WITHHELD and reads as
 * NULL (render: the marker).  Units (distinct crimes) of a multi-label
 * value with a suppressed cell are shown with their column's published total
 * only (protect() and the audit model them: no cell exceeds its column's
 * units).  A value that is not
 * published (built by the aggregates) shows totals computed from its
 * cells.  xtab_shown_*() implement that rule; use them, never the computed
 * totals, for anything a reader sees.  render's default row order follows
 * it too: by published row totals when every row has one, else by label.
 *
 * Readers that show cells (foistats.rows, wide, to_jsonb, render) show
 * suppressed cells as NULL or a marker, never their count.  The type's
 * text and binary forms DO keep the count (values must round-trip through
 * pg_dump, and disclosure_audit needs the true counts): a protected value
 * must be published through the readers, never as ::text.
 * foistats.publishable() returns a copy whose withheld counts are zero and
 * whose flags say only "withheld", safe to hand out as a value.
 */
#ifndef XTAB_H
#define XTAB_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "xtab_label.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Limits (see "Memory" above). */
#define XTAB_MAX_ROWS		2000000
#define XTAB_MAX_COLS		10000
#define XTAB_MAX_CELLS		((int64) 64 * 1024 * 1024)
#define XTAB_MAX_LABEL		10000	/* bytes in one row or column label */

/*
 * Cell flags.  Letters are those of the text format (see xtab_text.c).
 */
#define XTAB_CELL_SUPPRESSED	0x01	/* 's': withheld; the count is the true
										 * value when known, 0 if parsed */
#define XTAB_CELL_BLANK			0x02	/* 'b': published as an empty cell */
#define XTAB_CELL_SECONDARY		0x04	/* 'c': suppressed as a complement to
										 * protect another cell (with 's') */
#define XTAB_CELL_ROUNDED		0x08	/* 'r': count was rounded */
#define XTAB_CELL_FLAGS_MASK	0x0F

/* Label of NULL row or column values counted by the aggregates. */
#define XTAB_NULL_LABEL			"(blank)"

/* Row orders for xtab_sort_rows(). */
typedef enum XtabRowOrder
{
	XTAB_ORDER_LABEL,			/* label bytes ascending (C collation) */
	XTAB_ORDER_TOTAL_DESC,		/* row total descending, ties by label */
	XTAB_ORDER_PUB_TOTAL_DESC	/* published row total descending, ties by
								 * label; rows without one last, by label */
} XtabRowOrder;

/* A label: bytes (not NUL-terminated in general) and their hash. */
typedef struct XtabLabel
{
	const char *data;
	int32		len;
	uint32		hash;
} XtabLabel;

/* Open-addressing index of labels: slot holds (index + 1), 0 = empty. */
typedef struct XtabIndex
{
	int32	   *slots;
	uint32		mask;			/* nslots - 1; nslots is a power of 2 */
} XtabIndex;

/* A cell marker (text as published for one cell). */
typedef struct XtabMarker
{
	int32		row;
	int32		col;
	char	   *text;			/* NUL-terminated */
} XtabMarker;

/*
 * The expanded cross-tab.  Prefer the accessor functions below; the fields
 * are visible so hot loops (the aggregates) can be inlined, and may change.
 */
typedef struct Xtab
{
	MemoryContext mcxt;

	/* columns */
	int32		ncols;
	int32		colcap;			/* allocated columns per matrix row */
	XtabLabel  *clabel;
	uint8	   *ckind;			/* XtabColKind */
	int64	   *ckey;			/* sort key (xtab_label.h) */
	int64	   *cunits;			/* units per column, valid if has_units */
	int64	   *cpub;			/* published column totals */
	bool	   *cpub_set;
	XtabIndex	cindex;

	/* rows */
	int32		nrows;
	int32		rowcap;
	XtabLabel  *rlabel;
	int64	   *rpub;			/* published row totals */
	bool	   *rpub_set;
	XtabIndex	rindex;

	/* cells: row-major, (r, c) at r * colcap + c */
	int64	   *cells;
	uint8	   *flags;			/* same layout; NULL while all are zero */

	bool		has_units;
	bool		pub_grand_set;
	int64		pub_grand;

	char	   *title;			/* NULL if none */
	char	   *row_header;		/* NULL if none */
	int32		nfootnotes;
	char	  **footnotes;
	int32		nmarkers;
	int32		markercap;
	XtabMarker *markers;
	XtabIndex	mindex;			/* markers by cell: slot holds (index + 1);
								 * slots NULL while there are none */

	/* bump arena for label bytes */
	char	   *arena;
	Size		arena_left;
} Xtab;

/* ---- label hashing (shared by the indexes and the aggregates) ---- */

/*
 * Hash of label bytes.  With 128-bit multiplication (wyhash's "mum": the
 * two halves of a 64 x 64 bit product xor'ed) each 16-byte chunk is mixed
 * independently of the others, so the multiplications overlap in the CPU
 * and a 45-byte offence title hashes in a few nanoseconds: the hash is a
 * large part of the aggregate's per-row budget.  The last chunk overlaps
 * the previous one instead of being assembled byte by byte.  Hashes are
 * never stored on disk or sent, so they may differ between platforms.
 */
#define XTAB_HASH_S0 UINT64CONST(0xa0761d6478bd642f)
#define XTAB_HASH_S1 UINT64CONST(0xe7037ed1a0b428db)
#define XTAB_HASH_S2 UINT64CONST(0x8ebc6af09c88c6e3)

#ifdef HAVE_INT128
static inline uint64
xtab_mum(uint64 a, uint64 b)
{
	uint128		r = (uint128) a * b;

	return (uint64) r ^ (uint64) (r >> 64);
}
#else
static inline uint64
xtab_mum(uint64 a, uint64 b)
{
	uint64		h = (a ^ (b * UINT64CONST(0xff51afd7ed558ccd))) * UINT64CONST(0xc4ceb9fe1a85ec53);

	return h ^ (h >> 32);
}
#endif

static inline uint64
xtab_load8(const char *p)
{
	uint64		w;

	memcpy(&w, p, 8);
	return w;
}

static inline uint32
xtab_label_hash(const char *data, int len)
{
	uint64		acc;

	if (len >= 16)
	{
		const char *last = data + len - 16;

		acc = 0;
		while (data < last)
		{
			acc += xtab_mum(xtab_load8(data) ^ XTAB_HASH_S0, xtab_load8(data + 8) ^ XTAB_HASH_S1);
			data += 16;
		}
		acc += xtab_mum(xtab_load8(last) ^ XTAB_HASH_S1, xtab_load8(last + 8) ^ XTAB_HASH_S0);
	}
	else if (len >= 8)
		acc = xtab_mum(xtab_load8(data) ^ XTAB_HASH_S0, xtab_load8(data + len - 8) ^ XTAB_HASH_S1);
	else
	{
		uint64		w;

		if (len >= 4)
		{
			uint32		a,
						b;

			memcpy(&a, data, 4);
			memcpy(&b, data + len - 4, 4);
			w = ((uint64) a << 32) | b;
		}
		else if (len > 0)
			w = (uint64) (uint8) data[0] | ((uint64) (uint8) data[len / 2] << 8) |
				((uint64) (uint8) data[len - 1] << 16);
		else
			w = 0;
		acc = xtab_mum(w ^ XTAB_HASH_S0, XTAB_HASH_S1);
	}
	return (uint32) xtab_mum(acc ^ (uint64) len ^ XTAB_HASH_S2, XTAB_HASH_S1);
}

/*
 * Equal label bytes, inline (labels are mostly short).  The aggregates'
 * fast path verifies every input row's label with this, so it compares
 * 16-byte blocks where SSE2 is there (every x86-64), the last block
 * overlapping the previous one, and checks once at the end: equal is the
 * usual outcome.  Else 8-byte words.
 */
static inline bool
xtab_label_eq(const char *a, const char *b, int len)
{
	uint64		x,
				y;

	if (len < 8)
		return memcmp(a, b, len) == 0;
#ifdef __SSE2__
	if (len >= 16)
	{
#define XTAB_EQ16(off) _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (a + (off))), \
									  _mm_loadu_si128((const __m128i *) (b + (off))))
		__m128i		eq = _mm_and_si128(XTAB_EQ16(0), XTAB_EQ16(len - 16));

		if (len > 32)
		{
			/* up to 48 bytes (an offence title) in three blocks, no loop */
			eq = _mm_and_si128(eq, XTAB_EQ16(16));
			for (int off = 32; off < len - 16; off += 16)
				eq = _mm_and_si128(eq, XTAB_EQ16(off));
		}
		return _mm_movemask_epi8(eq) == 0xFFFF;
#undef XTAB_EQ16
	}
#endif
	while (len > 8)
	{
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return false;
		a += 8;
		b += 8;
		len -= 8;
	}
	/* the last 8 bytes, overlapping the previous word */
	memcpy(&x, a + len - 8, 8);
	memcpy(&y, b + len - 8, 8);
	return x == y;
}


/*
 * Row lookup without adding, inline for the aggregates' hot path: the row
 * index of a label, or -1.  (xtab_find_row is the same, out of line.)
 */
static inline int
xtab_lookup_row(const Xtab *xt, const char *label, int len)
{
	uint32		hash = xtab_label_hash(label, len);
	uint32		s = hash & xt->rindex.mask;

	for (;;)
	{
		int			v = xt->rindex.slots[s];

		if (v == 0)
			return -1;
		if (xt->rlabel[v - 1].hash == hash && xt->rlabel[v - 1].len == len &&
			xtab_label_eq(xt->rlabel[v - 1].data, label, len))
			return v - 1;
		s = (s + 1) & xt->rindex.mask;
	}
}

/* ---- SQL value access (type foistats.xtab is a plain varlena) ---- */
#define DatumGetXtabP(d)		((struct varlena *) PG_DETOAST_DATUM(d))
#define PG_GETARG_XTAB_P(n)		DatumGetXtabP(PG_GETARG_DATUM(n))
#define PG_RETURN_XTAB_P(x)		PG_RETURN_POINTER(x)
/* Expand argument n into CurrentMemoryContext. */
#define PG_GETARG_XTAB_EXPANDED(n) \
	xtab_expand(PG_GETARG_XTAB_P(n), CurrentMemoryContext)

/* ---- lifecycle ---- */
extern Xtab *xtab_create(MemoryContext mcxt);
extern Xtab *xtab_copy(const Xtab *src, MemoryContext mcxt);
/* Expand a detoasted flat value; validates it fully (corrupt data ereports). */
extern Xtab *xtab_expand(const struct varlena *flat, MemoryContext mcxt);
/* Flatten into a palloc'd varlena in CurrentMemoryContext; sorts columns of
 * the output (not of xt).  Rows are written in xt's order. */
extern struct varlena *xtab_flatten(const Xtab *xt);
/* Same, rows written sorted by label (the aggregates' canonical order). */
extern struct varlena *xtab_flatten_sorted(const Xtab *xt);
/* Same, rows written in the order perm (perm[i] = index of i-th row). */
extern struct varlena *xtab_flatten_perm(const Xtab *xt, const int *rowperm);
/* The binary format (send/recv; also the body of the flat form). */
extern void xtab_send_to(const Xtab *xt, StringInfo buf);
extern Xtab *xtab_recv_from(StringInfo buf, MemoryContext mcxt);
/* Text format (type input/output); see xtab_text.c for the grammar. */
extern char *xtab_to_cstring(const Xtab *xt);
extern Xtab *xtab_from_cstring(const char *str, MemoryContext mcxt);

/* ---- shape ---- */
static inline int
xtab_ncols(const Xtab *xt)
{
	return xt->ncols;
}
static inline int
xtab_nrows(const Xtab *xt)
{
	return xt->nrows;
}

/* ---- columns ---- */
/* Index of the column with this label, adding it (with this kind, or the
 * inferred kind for XTAB_COL_INFER) if absent.  Ereports if the label is
 * not well-formed for an explicit kind, or past XTAB_MAX_COLS. */
extern int	xtab_add_col(Xtab *xt, const char *label, int len, XtabColKind kind);
/* Index of the column with this label, or -1. */
extern int	xtab_find_col(const Xtab *xt, const char *label, int len);
/* Label bytes (NUL-terminated copy inside the arena) and length. */
static inline const char *
xtab_col_label(const Xtab *xt, int c, int *len)
{
	if (len)
		*len = xt->clabel[c].len;
	return xt->clabel[c].data;
}
static inline XtabColKind
xtab_col_kind(const Xtab *xt, int c)
{
	return (XtabColKind) xt->ckind[c];
}

/* ---- rows ---- */
/* Index of the row with this label, adding it if absent (row labels are
 * unique).  Ereports past XTAB_MAX_ROWS or XTAB_MAX_CELLS. */
extern int	xtab_add_row(Xtab *xt, const char *label, int len);
/* Index of the row with this label, or -1. */
extern int	xtab_find_row(const Xtab *xt, const char *label, int len);
static inline const char *
xtab_row_label(const Xtab *xt, int r, int *len)
{
	if (len)
		*len = xt->rlabel[r].len;
	return xt->rlabel[r].data;
}

/* ---- cells ---- */
static inline int64
xtab_get(const Xtab *xt, int r, int c)
{
	Assert(r >= 0 && r < xt->nrows && c >= 0 && c < xt->ncols);
	return xt->cells[(Size) r * xt->colcap + c];
}
static inline void
xtab_set(Xtab *xt, int r, int c, int64 n)
{
	Assert(r >= 0 && r < xt->nrows && c >= 0 && c < xt->ncols);
	xt->cells[(Size) r * xt->colcap + c] = n;
}
/* Add n to a cell; ereports on int64 overflow. */
extern void xtab_add(Xtab *xt, int r, int c, int64 n);
static inline uint8
xtab_get_flags(const Xtab *xt, int r, int c)
{
	return xt->flags ? xt->flags[(Size) r * xt->colcap + c] : 0;
}
extern void xtab_set_flags(Xtab *xt, int r, int c, uint8 flags);
/* Marker text of a cell, or NULL. */
extern const char *xtab_get_marker(const Xtab *xt, int r, int c);
/* Set (text != NULL) or clear (NULL) a cell's marker.  Markers are
 * indexed by cell (a hash on row, column), so both are O(1). */
extern void xtab_set_marker(Xtab *xt, int r, int c, const char *text);
/* Rebuild the marker index after editing xt->markers in place (rows,
 * columns or the array itself changed). */
extern void xtab_reindex_markers(Xtab *xt);

/* ---- units (multi-label tables) ---- */
static inline bool
xtab_has_units(const Xtab *xt)
{
	return xt->has_units;
}
/* Units of a column: stored units if the table has them, else column sum. */
extern int64 xtab_col_units(const Xtab *xt, int c);
/* Store units for a column; the first call turns units on for the table
 * (other columns start from their column sums). */
extern void xtab_set_units(Xtab *xt, int c, int64 units);
extern void xtab_add_units(Xtab *xt, int c, int64 units);
/* Sum of xtab_col_units over all columns. */
extern int64 xtab_total_units(const Xtab *xt);

/* ---- totals computed from cells (suppressed cells included: never show
 * them for a published value; see xtab_shown_*) ---- */
extern int64 xtab_row_total(const Xtab *xt, int r);
extern int64 xtab_col_total(const Xtab *xt, int c);
extern int64 xtab_grand_total(const Xtab *xt);

/* ---- published totals (optional) ---- */
extern bool xtab_get_pub_row_total(const Xtab *xt, int r, int64 *total);
extern void xtab_set_pub_row_total(Xtab *xt, int r, int64 total);
extern bool xtab_get_pub_col_total(const Xtab *xt, int c, int64 *total);
extern void xtab_set_pub_col_total(Xtab *xt, int c, int64 total);
extern bool xtab_get_pub_grand_total(const Xtab *xt, int64 *total);
extern void xtab_set_pub_grand_total(Xtab *xt, int64 total);
/* Forget all published totals. */
extern void xtab_clear_pub_totals(Xtab *xt);
/* Has any published total / any suppressed cell. */
extern bool xtab_has_pub_totals(const Xtab *xt);
extern bool xtab_has_suppressed(const Xtab *xt);

/* ---- totals as readers may show them (see "Protected / published") ---- */
/* Published: any suppressed cell or any published total. */
static inline bool
xtab_is_published(const Xtab *xt)
{
	return xtab_has_suppressed(xt) || xtab_has_pub_totals(xt);
}

/*
 * The total a reader shows: with published = true the published total
 * (false if there is none: the total is withheld), else the total computed
 * from the cells (always true).  Callers pass xtab_is_published(xt) unless
 * the user forced one way (render's published_totals).
 */
extern bool xtab_shown_row_total(const Xtab *xt, int r, bool published, int64 *v);
extern bool xtab_shown_col_total(const Xtab *xt, int c, bool published, int64 *v);
extern bool xtab_shown_grand_total(const Xtab *xt, bool published, int64 *v);
/* Units: stored units of a multi-label value (with a suppressed cell, a
 * published value shows a column's units only with its published total, and
 * the total units only when every column's are shown and the grand total is
 * published: protect() models the units it publishes so); else the shown
 * column / grand total. */
extern bool xtab_shown_col_units(const Xtab *xt, int c, bool published, int64 *v);
extern bool xtab_shown_total_units(const Xtab *xt, bool published, int64 *v);
/* Every row has a published total. */
extern bool xtab_all_pub_row_totals(const Xtab *xt);

/* ---- text attached to the table ---- */
extern void xtab_set_title(Xtab *xt, const char *title);	/* NULL clears */
static inline const char *
xtab_get_title(const Xtab *xt)
{
	return xt->title;
}
extern void xtab_set_row_header(Xtab *xt, const char *text);	/* NULL clears */
static inline const char *
xtab_get_row_header(const Xtab *xt)
{
	return xt->row_header;
}
extern void xtab_add_footnote(Xtab *xt, const char *text);
static inline int
xtab_nfootnotes(const Xtab *xt)
{
	return xt->nfootnotes;
}
static inline const char *
xtab_footnote(const Xtab *xt, int i)
{
	return xt->footnotes[i];
}

/* ---- ordering ---- */
/* Put columns in natural order (kind, key, label); reorders cells. */
extern void xtab_sort_cols(Xtab *xt);
extern void xtab_sort_rows(Xtab *xt, XtabRowOrder order);
/* Reorder rows to perm (perm[i] = old index of new row i, a permutation). */
extern void xtab_permute_rows(Xtab *xt, const int *perm);
/* Natural column comparison, usable with qsort_arg-style callers. */
extern int	xtab_col_cmp(const Xtab *xt, int a, int b);
/* Column indexes in natural order (perm[i] = index of the column at position
 * i), palloc'd in CurrentMemoryContext; xt is not reordered. */
extern int *xtab_col_sort_perm(const Xtab *xt);

/* ---- combining ---- */
/*
 * Add src into dst: rows and columns matched by label (added if absent),
 * cells and units added, cell flags OR'ed, markers kept from dst (else src).
 * A published total survives only if both sides have it (then it is summed).
 * Title and row header are kept from dst if set, else taken from src;
 * footnotes of src not already in dst are appended.
 *
 * An empty dst (no rows, no columns: nothing merged yet) takes src as it
 * is, published totals included; an empty src leaves dst's totals alone.  A value with withheld cells adds only to
 * a published value (xtab_is_published: a protected or parsed one): the
 * sum keeps every withheld cell withheld (flags OR'ed) and publishes a
 * total only where both sides publish it, so all it shows is sums of
 * figures both sides show, and its readers show only those totals.  Adding
 * it to an unprotected value is an error (the sum would show that side's
 * small counts beside the withheld ones; protect the sum instead).
 * Without withheld cells on either side nothing can leak, and a value with
 * published totals adds to a plain one (the totals lapse).
 */
extern void xtab_merge_into(Xtab *dst, const Xtab *src);

#endif							/* XTAB_H */
