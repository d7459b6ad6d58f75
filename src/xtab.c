/*
 * xtab.c
 *		The cross-tab value: the expanded form (the model), its binary format
 *		(the stored form, send/recv) and the type's binary I/O functions.
 *
 * See xtab.h for what a cross-tab holds and for the C API; the text format
 * (type input/output) is in xtab_text.c.
 *
 * Binary format (send/recv, serialized aggregate state, and the body of the
 * stored varlena after its length word), all integers in network byte order:
 *
 *	byte	version (1)
 *	byte	flags: 1 = has units, 2 = grand total published, 4 = title,
 *			8 = row header, 16 = cell flags present
 *	int32	ncols, then per column:
 *			byte kind; int32 len; len bytes of label;
 *			[int64 units]; byte published?; [int64 published column total]
 *	int32	nrows, then per row:
 *			int32 len; len bytes of label; byte published?; [int64 total];
 *			ncols x int64 cells; [ncols x byte cell flags]
 *	[int64 published grand total] [int32 len + title] [int32 len + row header]
 *	int32	nfootnotes, each int32 len + bytes
 *	int32	nmarkers, each int32 row, int32 column, int32 len + bytes
 *
 * Text bytes are in the server encoding (recv checks them).  Everything read
 * is validated: a corrupt or hostile value raises an error, never a crash.
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/memutils.h"

#include "xtab.h"

#define XTAB_FORMAT_VERSION 1

#define XF_UNITS		0x01
#define XF_GRAND		0x02
#define XF_TITLE		0x04
#define XF_ROWHEADER	0x08
#define XF_CELLFLAGS	0x10
#define XF_ALL			0x1F

#define ARENA_BLOCK		(64 * 1024)

/* ------------------------------------------------------------------------
 * Allocation helpers
 * ------------------------------------------------------------------------
 */

/* Copy label bytes into the arena, NUL-terminated. */
static const char *
arena_copy(Xtab *xt, const char *data, int len)
{
	Size		need = (Size) len + 1;
	char	   *p;

	if (need > xt->arena_left)
	{
		Size		sz = Max(need, ARENA_BLOCK);

		xt->arena = MemoryContextAlloc(xt->mcxt, sz);
		xt->arena_left = sz;
	}
	p = xt->arena;
	memcpy(p, data, len);
	p[len] = '\0';
	xt->arena += need;
	xt->arena_left -= need;
	return p;
}

static char *
mcxt_strdup(Xtab *xt, const char *s)
{
	return s ? MemoryContextStrdup(xt->mcxt, s) : NULL;
}

#define label_hash(d, l) xtab_label_hash(d, l)
#define label_eq(a, b, l) xtab_label_eq(a, b, l)

/* ------------------------------------------------------------------------
 * Label indexes (open addressing, linear probing, load <= 1/2)
 * ------------------------------------------------------------------------
 */

static void
index_build(Xtab *xt, XtabIndex *ix, const XtabLabel *labels, int n)
{
	uint32		nslots = 64;

	/* at most 1/4 full (fewer collisions) up to 64K slots, then 1/2 */
	while (nslots < (uint32) n * (n < 16384 ? 4 : 2))
		nslots <<= 1;
	if (ix->slots)
		pfree(ix->slots);
	ix->slots = MemoryContextAllocZero(xt->mcxt, nslots * sizeof(int32));
	ix->mask = nslots - 1;
	for (int i = 0; i < n; i++)
	{
		uint32		s = labels[i].hash & ix->mask;

		while (ix->slots[s] != 0)
			s = (s + 1) & ix->mask;
		ix->slots[s] = i + 1;
	}
}

/* Slot for label: its (index + 1), or 0 with *slot set to where it goes. */
static inline int
index_lookup(const XtabIndex *ix, const XtabLabel *labels,
			 const char *data, int len, uint32 hash, uint32 *slot)
{
	uint32		s = hash & ix->mask;

	for (;;)
	{
		int			v = ix->slots[s];

		if (v == 0)
		{
			*slot = s;
			return 0;
		}
		if (labels[v - 1].hash == hash && labels[v - 1].len == len &&
			label_eq(labels[v - 1].data, data, len))
			return v;
		s = (s + 1) & ix->mask;
	}
}

static void
check_label(const char *what, const char *data, int len)
{
	if (len > XTAB_MAX_LABEL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s label is too long", what),
				 errdetail("The label has %d bytes; the limit is %d.",
						   len, XTAB_MAX_LABEL)));
}

/* ------------------------------------------------------------------------
 * Matrix growth
 * ------------------------------------------------------------------------
 */

static void
check_cells_limit(int64 rowcap, int64 colcap)
{
	if (rowcap * colcap > XTAB_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cross-tab is too large"),
				 errdetail("Rows (capacity " INT64_FORMAT ") times columns (capacity "
						   INT64_FORMAT ") exceed the limit of " INT64_FORMAT " cells.",
						   rowcap, colcap, (int64) XTAB_MAX_CELLS)));
}

/* Re-lay the matrix for new capacities (copying existing cells). */
static void
matrix_resize(Xtab *xt, int newrowcap, int newcolcap)
{
	int64	   *cells;
	uint8	   *flags = NULL;

	check_cells_limit(newrowcap, newcolcap);
	if (newcolcap == xt->colcap && xt->cells != NULL)
	{
		/* row-major with same row width: plain repalloc keeps the layout */
		Size		oldn = (Size) xt->rowcap * xt->colcap;
		Size		newn = (Size) newrowcap * newcolcap;

		xt->cells = repalloc_huge(xt->cells, newn * sizeof(int64));
		memset(xt->cells + oldn, 0, (newn - oldn) * sizeof(int64));
		if (xt->flags)
		{
			xt->flags = repalloc_huge(xt->flags, newn);
			memset(xt->flags + oldn, 0, newn - oldn);
		}
		xt->rowcap = newrowcap;
		return;
	}
	cells = MemoryContextAllocExtended(xt->mcxt,
									   (Size) newrowcap * newcolcap * sizeof(int64),
									   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	if (xt->flags)
		flags = MemoryContextAllocExtended(xt->mcxt, (Size) newrowcap * newcolcap,
										   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	for (int r = 0; r < xt->nrows; r++)
	{
		memcpy(cells + (Size) r * newcolcap, xt->cells + (Size) r * xt->colcap,
			   xt->ncols * sizeof(int64));
		if (flags)
			memcpy(flags + (Size) r * newcolcap, xt->flags + (Size) r * xt->colcap,
				   xt->ncols);
	}
	if (xt->cells)
		pfree(xt->cells);
	if (xt->flags)
		pfree(xt->flags);
	xt->cells = cells;
	xt->flags = flags;
	xt->rowcap = newrowcap;
	xt->colcap = newcolcap;
}

/* ------------------------------------------------------------------------
 * Lifecycle
 * ------------------------------------------------------------------------
 */

Xtab *
xtab_create(MemoryContext mcxt)
{
	Xtab	   *xt = MemoryContextAllocZero(mcxt, sizeof(Xtab));

	xt->mcxt = mcxt;
	xt->colcap = 8;
	xt->rowcap = 64;
	xt->clabel = MemoryContextAlloc(mcxt, xt->colcap * sizeof(XtabLabel));
	xt->ckind = MemoryContextAlloc(mcxt, xt->colcap * sizeof(uint8));
	xt->ckey = MemoryContextAlloc(mcxt, xt->colcap * sizeof(int64));
	xt->cunits = MemoryContextAllocZero(mcxt, xt->colcap * sizeof(int64));
	xt->cpub = MemoryContextAllocZero(mcxt, xt->colcap * sizeof(int64));
	xt->cpub_set = MemoryContextAllocZero(mcxt, xt->colcap * sizeof(bool));
	xt->rlabel = MemoryContextAlloc(mcxt, xt->rowcap * sizeof(XtabLabel));
	xt->rpub = MemoryContextAllocZero(mcxt, xt->rowcap * sizeof(int64));
	xt->rpub_set = MemoryContextAllocZero(mcxt, xt->rowcap * sizeof(bool));
	xt->cells = MemoryContextAllocZero(mcxt,
									   (Size) xt->rowcap * xt->colcap * sizeof(int64));
	index_build(xt, &xt->cindex, xt->clabel, 0);
	index_build(xt, &xt->rindex, xt->rlabel, 0);
	return xt;
}

Xtab *
xtab_copy(const Xtab *src, MemoryContext mcxt)
{
	Xtab	   *dst = xtab_create(mcxt);

	xtab_merge_into(dst, src);
	/* merge keeps published totals only when both have them: copy them */
	for (int c = 0; c < src->ncols; c++)
		if (src->cpub_set[c])
			xtab_set_pub_col_total(dst, c, src->cpub[c]);
	for (int r = 0; r < src->nrows; r++)
		if (src->rpub_set[r])
			xtab_set_pub_row_total(dst, r, src->rpub[r]);
	if (src->pub_grand_set)
		xtab_set_pub_grand_total(dst, src->pub_grand);
	return dst;
}

/* ------------------------------------------------------------------------
 * Columns and rows
 * ------------------------------------------------------------------------
 */

int
xtab_find_col(const Xtab *xt, const char *label, int len)
{
	uint32		slot;

	return index_lookup(&xt->cindex, xt->clabel, label, len,
						label_hash(label, len), &slot) - 1;
}

int
xtab_add_col(Xtab *xt, const char *label, int len, XtabColKind kind)
{
	uint32		h = label_hash(label, len);
	uint32		slot;
	int			v;
	int64		key;
	int			c;

	v = index_lookup(&xt->cindex, xt->clabel, label, len, h, &slot);
	if (v)
		return v - 1;

	check_label("column", label, len);
	if (kind == XTAB_COL_INFER)
		kind = xtab_label_infer(label, len, &key);
	else if (!xtab_label_parse(kind, label, len, &key))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("column label \"%.*s\" is not a valid %s label",
						len, label, xtab_kind_name(kind) ? xtab_kind_name(kind) : "?"),
				 errdetail("Labels of kind year look like 2013, fy like 2013/14, "
						   "quarter like 2013 Q1, month like 2013-01, int like 42.")));
	if (xt->ncols >= XTAB_MAX_COLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cross-tab has too many columns"),
				 errdetail("The limit is %d distinct column labels.", XTAB_MAX_COLS)));

	if (xt->ncols >= xt->colcap)
	{
		int			newcap = xt->colcap * 2;

		matrix_resize(xt, xt->rowcap, newcap);
		xt->clabel = repalloc(xt->clabel, newcap * sizeof(XtabLabel));
		xt->ckind = repalloc(xt->ckind, newcap * sizeof(uint8));
		xt->ckey = repalloc(xt->ckey, newcap * sizeof(int64));
		xt->cunits = repalloc(xt->cunits, newcap * sizeof(int64));
		xt->cpub = repalloc(xt->cpub, newcap * sizeof(int64));
		xt->cpub_set = repalloc(xt->cpub_set, newcap * sizeof(bool));
	}
	c = xt->ncols++;
	xt->clabel[c].data = arena_copy(xt, label, len);
	xt->clabel[c].len = len;
	xt->clabel[c].hash = h;
	xt->ckind[c] = (uint8) kind;
	xt->ckey[c] = key;
	xt->cunits[c] = 0;
	xt->cpub[c] = 0;
	xt->cpub_set[c] = false;
	if ((uint32) xt->ncols * (xt->ncols < 16384 ? 4 : 2) > xt->cindex.mask + 1)
		index_build(xt, &xt->cindex, xt->clabel, xt->ncols);
	else
		xt->cindex.slots[slot] = c + 1;
	return c;
}

int
xtab_find_row(const Xtab *xt, const char *label, int len)
{
	uint32		slot;

	return index_lookup(&xt->rindex, xt->rlabel, label, len,
						label_hash(label, len), &slot) - 1;
}

/* Append a row known to be absent, whose hash is h and free slot is slot. */
static int
add_row_at(Xtab *xt, const char *label, int len, uint32 h, uint32 slot)
{
	int			r;

	check_label("row", label, len);
	if (xt->nrows >= XTAB_MAX_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cross-tab has too many rows"),
				 errdetail("The limit is %d distinct row labels.", XTAB_MAX_ROWS),
				 errhint("Group the rows into fewer labels before cross-tabulating.")));
	if (xt->nrows >= xt->rowcap)
	{
		int			newcap = Min(xt->rowcap * 2, XTAB_MAX_ROWS);

		matrix_resize(xt, newcap, xt->colcap);
		xt->rlabel = repalloc_huge(xt->rlabel, newcap * sizeof(XtabLabel));
		xt->rpub = repalloc_huge(xt->rpub, newcap * sizeof(int64));
		xt->rpub_set = repalloc_huge(xt->rpub_set, newcap * sizeof(bool));
	}
	r = xt->nrows++;
	xt->rlabel[r].data = arena_copy(xt, label, len);
	xt->rlabel[r].len = len;
	xt->rlabel[r].hash = h;
	xt->rpub[r] = 0;
	xt->rpub_set[r] = false;
	if ((uint32) xt->nrows * (xt->nrows < 16384 ? 4 : 2) > xt->rindex.mask + 1)
		index_build(xt, &xt->rindex, xt->rlabel, xt->nrows);
	else
		xt->rindex.slots[slot] = r + 1;
	return r;
}

int
xtab_add_row(Xtab *xt, const char *label, int len)
{
	uint32		h = label_hash(label, len);
	uint32		slot;
	int			v = index_lookup(&xt->rindex, xt->rlabel, label, len, h, &slot);

	if (v)
		return v - 1;
	return add_row_at(xt, label, len, h, slot);
}

/* ------------------------------------------------------------------------
 * Cells, flags, markers
 * ------------------------------------------------------------------------
 */

static void
overflow_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("cross-tab count out of range"),
			 errdetail("A count exceeds the range of bigint.")));
}

void
xtab_add(Xtab *xt, int r, int c, int64 n)
{
	int64	   *p = &xt->cells[(Size) r * xt->colcap + c];

	if (pg_add_s64_overflow(*p, n, p))
		overflow_error();
}

void
xtab_set_flags(Xtab *xt, int r, int c, uint8 flags)
{
	Assert(r >= 0 && r < xt->nrows && c >= 0 && c < xt->ncols);
	if (xt->flags == NULL)
	{
		if (flags == 0)
			return;
		xt->flags = MemoryContextAllocExtended(xt->mcxt,
											   (Size) xt->rowcap * xt->colcap,
											   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	}
	xt->flags[(Size) r * xt->colcap + c] = flags;
}

/*
 * Markers are indexed by cell: an open-addressing hash (linear probing) on
 * (row, column) whose slots hold (index into xt->markers + 1), at most half
 * full.  A linear search made every reader, parser, expand and merge
 * quadratic in the number of markers (issue 14).
 */
static inline uint32
marker_hash(int r, int c)
{
	uint64		k = ((uint64) (uint32) r << 32) | (uint32) c;

	/* murmur3's 64-bit finalizer: every bit of (r, c) reaches the low bits */
	k ^= k >> 33;
	k *= UINT64CONST(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= UINT64CONST(0xc4ceb9fe1a85ec53);
	k ^= k >> 33;
	return (uint32) k;
}

/* Slot of the cell's marker, or of the empty slot where it would go; *found
 * says which. */
static inline uint32
marker_slot(const Xtab *xt, int r, int c, bool *found)
{
	uint32		s = marker_hash(r, c) & xt->mindex.mask;

	for (;;)
	{
		int			v = xt->mindex.slots[s];

		if (v == 0)
		{
			*found = false;
			return s;
		}
		if (xt->markers[v - 1].row == r && xt->markers[v - 1].col == c)
		{
			*found = true;
			return s;
		}
		s = (s + 1) & xt->mindex.mask;
	}
}

void
xtab_reindex_markers(Xtab *xt)
{
	uint32		nslots = 16;

	while (nslots < (uint32) Max(xt->markercap, xt->nmarkers) * 2)
		nslots <<= 1;
	if (xt->mindex.slots)
		pfree(xt->mindex.slots);
	xt->mindex.slots = MemoryContextAllocExtended(xt->mcxt, nslots * sizeof(int32),
												  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	xt->mindex.mask = nslots - 1;
	for (int i = 0; i < xt->nmarkers; i++)
	{
		bool		found;
		uint32		s = marker_slot(xt, xt->markers[i].row, xt->markers[i].col, &found);

		if ((i & 16383) == 0)
			CHECK_FOR_INTERRUPTS();
		Assert(!found);
		xt->mindex.slots[s] = i + 1;
	}
}

const char *
xtab_get_marker(const Xtab *xt, int r, int c)
{
	bool		found;
	uint32		s;

	if (xt->nmarkers == 0)
		return NULL;
	s = marker_slot(xt, r, c, &found);
	return found ? xt->markers[xt->mindex.slots[s] - 1].text : NULL;
}

/* Empty slot s, moving later entries of its probe run back (no tombstones). */
static void
marker_slot_delete(Xtab *xt, uint32 s)
{
	uint32		mask = xt->mindex.mask;
	uint32		j = s;

	for (;;)
	{
		int			v;
		uint32		home;

		j = (j + 1) & mask;
		v = xt->mindex.slots[j];
		if (v == 0)
			break;
		home = marker_hash(xt->markers[v - 1].row, xt->markers[v - 1].col) & mask;
		/* the entry at j may move to s unless its home lies cyclically in (s, j] */
		if (((j - home) & mask) >= ((j - s) & mask))
		{
			xt->mindex.slots[s] = v;
			s = j;
		}
	}
	xt->mindex.slots[s] = 0;
}

void
xtab_set_marker(Xtab *xt, int r, int c, const char *text)
{
	bool		found;
	uint32		s;

	Assert(r >= 0 && r < xt->nrows && c >= 0 && c < xt->ncols);
	if (xt->mindex.slots == NULL)
	{
		if (text == NULL)
			return;
		xtab_reindex_markers(xt);
	}
	s = marker_slot(xt, r, c, &found);
	if (found)
	{
		int			i = xt->mindex.slots[s] - 1;
		int			last = xt->nmarkers - 1;

		if (text)
		{
			xt->markers[i].text = mcxt_strdup(xt, text);
			return;
		}
		marker_slot_delete(xt, s);
		if (i != last)
		{
			/* the last marker moves into the hole */
			s = marker_slot(xt, xt->markers[last].row, xt->markers[last].col, &found);
			Assert(found);
			xt->mindex.slots[s] = i + 1;
			xt->markers[i] = xt->markers[last];
		}
		xt->nmarkers--;
		return;
	}
	if (text == NULL)
		return;
	if (xt->nmarkers >= xt->markercap)
	{
		xt->markercap = Max(16, xt->markercap * 2);
		if (xt->markers)
			xt->markers = repalloc_huge(xt->markers,
										xt->markercap * sizeof(XtabMarker));
		else
			xt->markers = MemoryContextAlloc(xt->mcxt,
											 xt->markercap * sizeof(XtabMarker));
	}
	xt->markers[xt->nmarkers].row = r;
	xt->markers[xt->nmarkers].col = c;
	xt->markers[xt->nmarkers].text = mcxt_strdup(xt, text);
	xt->nmarkers++;
	if ((uint32) xt->nmarkers * 2 > xt->mindex.mask + 1)
		xtab_reindex_markers(xt);
	else
		xt->mindex.slots[s] = xt->nmarkers;
}

/* ------------------------------------------------------------------------
 * Units and totals
 * ------------------------------------------------------------------------
 */

int64
xtab_col_total(const Xtab *xt, int c)
{
	int64		sum = 0;

	for (int r = 0; r < xt->nrows; r++)
		if (pg_add_s64_overflow(sum, xt->cells[(Size) r * xt->colcap + c], &sum))
			overflow_error();
	return sum;
}

int64
xtab_row_total(const Xtab *xt, int r)
{
	int64		sum = 0;
	const int64 *row = xt->cells + (Size) r * xt->colcap;

	for (int c = 0; c < xt->ncols; c++)
		if (pg_add_s64_overflow(sum, row[c], &sum))
			overflow_error();
	return sum;
}

int64
xtab_grand_total(const Xtab *xt)
{
	int64		sum = 0;

	for (int r = 0; r < xt->nrows; r++)
		if (pg_add_s64_overflow(sum, xtab_row_total(xt, r), &sum))
			overflow_error();
	return sum;
}

int64
xtab_col_units(const Xtab *xt, int c)
{
	return xt->has_units ? xt->cunits[c] : xtab_col_total(xt, c);
}

int64
xtab_total_units(const Xtab *xt)
{
	int64		sum = 0;

	for (int c = 0; c < xt->ncols; c++)
		if (pg_add_s64_overflow(sum, xtab_col_units(xt, c), &sum))
			overflow_error();
	return sum;
}

static void
units_on(Xtab *xt)
{
	if (xt->has_units)
		return;
	for (int c = 0; c < xt->ncols; c++)
		xt->cunits[c] = xtab_col_total(xt, c);
	xt->has_units = true;
}

void
xtab_set_units(Xtab *xt, int c, int64 units)
{
	units_on(xt);
	xt->cunits[c] = units;
}

void
xtab_add_units(Xtab *xt, int c, int64 units)
{
	units_on(xt);
	if (pg_add_s64_overflow(xt->cunits[c], units, &xt->cunits[c]))
		overflow_error();
}

bool
xtab_get_pub_row_total(const Xtab *xt, int r, int64 *total)
{
	if (!xt->rpub_set[r])
		return false;
	*total = xt->rpub[r];
	return true;
}

void
xtab_set_pub_row_total(Xtab *xt, int r, int64 total)
{
	xt->rpub[r] = total;
	xt->rpub_set[r] = true;
}

bool
xtab_get_pub_col_total(const Xtab *xt, int c, int64 *total)
{
	if (!xt->cpub_set[c])
		return false;
	*total = xt->cpub[c];
	return true;
}

void
xtab_set_pub_col_total(Xtab *xt, int c, int64 total)
{
	xt->cpub[c] = total;
	xt->cpub_set[c] = true;
}

bool
xtab_get_pub_grand_total(const Xtab *xt, int64 *total)
{
	if (!xt->pub_grand_set)
		return false;
	*total = xt->pub_grand;
	return true;
}

void
xtab_set_pub_grand_total(Xtab *xt, int64 total)
{
	xt->pub_grand = total;
	xt->pub_grand_set = true;
}

void
xtab_clear_pub_totals(Xtab *xt)
{
	memset(xt->rpub_set, 0, xt->rowcap * sizeof(bool));
	memset(xt->cpub_set, 0, xt->colcap * sizeof(bool));
	xt->pub_grand_set = false;
}

bool
xtab_has_pub_totals(const Xtab *xt)
{
	if (xt->pub_grand_set)
		return true;
	for (int r = 0; r < xt->nrows; r++)
		if (xt->rpub_set[r])
			return true;
	for (int c = 0; c < xt->ncols; c++)
		if (xt->cpub_set[c])
			return true;
	return false;
}

bool
xtab_has_suppressed(const Xtab *xt)
{
	if (xt->flags == NULL)
		return false;
	for (int r = 0; r < xt->nrows; r++)
	{
		const uint8 *f = xt->flags + (Size) r * xt->colcap;

		for (int c = 0; c < xt->ncols; c++)
			if (f[c] & XTAB_CELL_SUPPRESSED)
				return true;
	}
	return false;
}

bool
xtab_all_pub_row_totals(const Xtab *xt)
{
	for (int r = 0; r < xt->nrows; r++)
		if (!xt->rpub_set[r])
			return false;
	return true;
}

/* ------------------------------------------------------------------------
 * Totals as readers show them: published totals of a published value
 * (absent = withheld), else computed.  See "Protected / published values"
 * in xtab.h.
 * ------------------------------------------------------------------------
 */

bool
xtab_shown_row_total(const Xtab *xt, int r, bool published, int64 *v)
{
	if (published)
		return xtab_get_pub_row_total(xt, r, v);
	*v = xtab_row_total(xt, r);
	return true;
}

bool
xtab_shown_col_total(const Xtab *xt, int c, bool published, int64 *v)
{
	if (published)
		return xtab_get_pub_col_total(xt, c, v);
	*v = xtab_col_total(xt, c);
	return true;
}

bool
xtab_shown_grand_total(const Xtab *xt, bool published, int64 *v)
{
	if (published)
		return xtab_get_pub_grand_total(xt, v);
	*v = xtab_grand_total(xt);
	return true;
}

bool
xtab_shown_col_units(const Xtab *xt, int c, bool published, int64 *v)
{
	if (!xt->has_units)
		return xtab_shown_col_total(xt, c, published, v);
	/* with withheld cells, a column's units go with its published total */
	if (published && xtab_has_suppressed(xt) && !xt->cpub_set[c])
		return false;
	*v = xt->cunits[c];
	return true;
}

bool
xtab_shown_total_units(const Xtab *xt, bool published, int64 *v)
{
	if (!xt->has_units)
		return xtab_shown_grand_total(xt, published, v);
	if (published && xtab_has_suppressed(xt))
	{
		/* the sum of the columns' units: every one of them shown */
		if (!xt->pub_grand_set)
			return false;
		for (int c = 0; c < xt->ncols; c++)
			if (!xt->cpub_set[c])
				return false;
	}
	*v = xtab_total_units(xt);
	return true;
}

/* ------------------------------------------------------------------------
 * Text attached to the table
 * ------------------------------------------------------------------------
 */

void
xtab_set_title(Xtab *xt, const char *title)
{
	xt->title = mcxt_strdup(xt, title);
}

void
xtab_set_row_header(Xtab *xt, const char *text)
{
	xt->row_header = mcxt_strdup(xt, text);
}

void
xtab_add_footnote(Xtab *xt, const char *text)
{
	if (xt->footnotes == NULL)
		xt->footnotes = MemoryContextAlloc(xt->mcxt, 8 * sizeof(char *));
	else if (xt->nfootnotes >= 8 && (xt->nfootnotes & (xt->nfootnotes - 1)) == 0)
		xt->footnotes = repalloc(xt->footnotes, xt->nfootnotes * 2 * sizeof(char *));
	xt->footnotes[xt->nfootnotes++] = mcxt_strdup(xt, text);
}

/* ------------------------------------------------------------------------
 * Ordering
 * ------------------------------------------------------------------------
 */

static int
label_cmp(const XtabLabel *a, const XtabLabel *b)
{
	int			cmp = memcmp(a->data, b->data, Min(a->len, b->len));

	if (cmp != 0)
		return cmp;
	return (a->len > b->len) - (a->len < b->len);
}

int
xtab_col_cmp(const Xtab *xt, int a, int b)
{
	if (xt->ckind[a] != xt->ckind[b])
		return xt->ckind[a] < xt->ckind[b] ? -1 : 1;
	if (xt->ckey[a] != xt->ckey[b])
		return xt->ckey[a] < xt->ckey[b] ? -1 : 1;
	return label_cmp(&xt->clabel[a], &xt->clabel[b]);
}

static int
col_perm_cmp(const void *a, const void *b, void *arg)
{
	return xtab_col_cmp((const Xtab *) arg, *(const int *) a, *(const int *) b);
}

/* perm[i] = old index of the column that goes to position i */
int *
xtab_col_sort_perm(const Xtab *xt)
{
	int		   *perm = palloc(Max(xt->ncols, 1) * sizeof(int));

	for (int i = 0; i < xt->ncols; i++)
		perm[i] = i;
	qsort_arg(perm, xt->ncols, sizeof(int), col_perm_cmp, (void *) xt);
	return perm;
}

typedef struct RowSortArg
{
	const Xtab *xt;
	int64	   *totals;			/* NULL: by label */
	bool	   *has_total;		/* NULL: every row has one; else rows
								 * without sort after those with */
} RowSortArg;

static int
row_perm_cmp(const void *a, const void *b, void *arg)
{
	RowSortArg *rs = (RowSortArg *) arg;
	int			ra = *(const int *) a;
	int			rb = *(const int *) b;

	if (rs->has_total && rs->has_total[ra] != rs->has_total[rb])
		return rs->has_total[ra] ? -1 : 1;
	if (rs->totals && (rs->has_total == NULL || rs->has_total[ra]) &&
		rs->totals[ra] != rs->totals[rb])
		return rs->totals[ra] > rs->totals[rb] ? -1 : 1;
	return label_cmp(&rs->xt->rlabel[ra], &rs->xt->rlabel[rb]);
}

/* Row permutation for an order, palloc'd in CurrentMemoryContext. */
static int *
row_sort_perm(const Xtab *xt, XtabRowOrder order)
{
	int		   *perm = palloc(Max(xt->nrows, 1) * sizeof(int));
	RowSortArg	rs;

	rs.xt = xt;
	rs.totals = NULL;
	rs.has_total = NULL;
	if (order == XTAB_ORDER_TOTAL_DESC)
	{
		rs.totals = palloc(Max(xt->nrows, 1) * sizeof(int64));
		for (int r = 0; r < xt->nrows; r++)
			rs.totals[r] = xtab_row_total(xt, r);
	}
	else if (order == XTAB_ORDER_PUB_TOTAL_DESC)
	{
		/* published figures only: a withheld total must not steer the order */
		rs.totals = palloc(Max(xt->nrows, 1) * sizeof(int64));
		rs.has_total = palloc(Max(xt->nrows, 1) * sizeof(bool));
		for (int r = 0; r < xt->nrows; r++)
		{
			rs.has_total[r] = xt->rpub_set[r];
			rs.totals[r] = xt->rpub_set[r] ? xt->rpub[r] : 0;
		}
	}
	for (int i = 0; i < xt->nrows; i++)
		perm[i] = i;
	qsort_arg(perm, xt->nrows, sizeof(int), row_perm_cmp, &rs);
	if (rs.totals)
		pfree(rs.totals);
	if (rs.has_total)
		pfree(rs.has_total);
	return perm;
}

void
xtab_permute_rows(Xtab *xt, const int *perm)
{
	Size		n = (Size) xt->rowcap * xt->colcap;
	int64	   *cells = MemoryContextAllocExtended(xt->mcxt, n * sizeof(int64),
												   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	uint8	   *flags = NULL;
	XtabLabel  *lab = MemoryContextAllocHuge(xt->mcxt, xt->rowcap * sizeof(XtabLabel));
	int64	   *pub = MemoryContextAllocHuge(xt->mcxt, xt->rowcap * sizeof(int64));
	bool	   *pubset = MemoryContextAllocHuge(xt->mcxt, xt->rowcap * sizeof(bool));
	int		   *inv = palloc(Max(xt->nrows, 1) * sizeof(int));

	if (xt->flags)
		flags = MemoryContextAllocExtended(xt->mcxt, n,
										   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	memset(pubset, 0, xt->rowcap * sizeof(bool));
	for (int i = 0; i < xt->nrows; i++)
	{
		int			o = perm[i];

		inv[o] = i;
		memcpy(cells + (Size) i * xt->colcap, xt->cells + (Size) o * xt->colcap,
			   xt->colcap * sizeof(int64));
		if (flags)
			memcpy(flags + (Size) i * xt->colcap, xt->flags + (Size) o * xt->colcap,
				   xt->colcap);
		lab[i] = xt->rlabel[o];
		pub[i] = xt->rpub[o];
		pubset[i] = xt->rpub_set[o];
	}
	for (int i = 0; i < xt->nmarkers; i++)
		xt->markers[i].row = inv[xt->markers[i].row];
	if (xt->nmarkers > 0)
		xtab_reindex_markers(xt);
	pfree(inv);
	pfree(xt->cells);
	if (xt->flags)
		pfree(xt->flags);
	pfree(xt->rlabel);
	pfree(xt->rpub);
	pfree(xt->rpub_set);
	xt->cells = cells;
	xt->flags = flags;
	xt->rlabel = lab;
	xt->rpub = pub;
	xt->rpub_set = pubset;
	index_build(xt, &xt->rindex, xt->rlabel, xt->nrows);
}

void
xtab_sort_rows(Xtab *xt, XtabRowOrder order)
{
	int		   *perm = row_sort_perm(xt, order);

	xtab_permute_rows(xt, perm);
	pfree(perm);
}

void
xtab_sort_cols(Xtab *xt)
{
	int		   *perm = xtab_col_sort_perm(xt);
	int		   *inv = palloc(Max(xt->ncols, 1) * sizeof(int));
	int			n = xt->ncols;
	XtabLabel  *lab = palloc(Max(n, 1) * sizeof(XtabLabel));
	uint8	   *kind = palloc(Max(n, 1));
	int64	   *key = palloc(Max(n, 1) * sizeof(int64));
	int64	   *units = palloc(Max(n, 1) * sizeof(int64));
	int64	   *pub = palloc(Max(n, 1) * sizeof(int64));
	bool	   *pubset = palloc(Max(n, 1) * sizeof(bool));
	int64	   *rowbuf = palloc(Max(n, 1) * sizeof(int64));
	uint8	   *flagbuf = palloc(Max(n, 1));

	for (int i = 0; i < n; i++)
	{
		int			o = perm[i];

		inv[o] = i;
		lab[i] = xt->clabel[o];
		kind[i] = xt->ckind[o];
		key[i] = xt->ckey[o];
		units[i] = xt->cunits[o];
		pub[i] = xt->cpub[o];
		pubset[i] = xt->cpub_set[o];
	}
	memcpy(xt->clabel, lab, n * sizeof(XtabLabel));
	memcpy(xt->ckind, kind, n);
	memcpy(xt->ckey, key, n * sizeof(int64));
	memcpy(xt->cunits, units, n * sizeof(int64));
	memcpy(xt->cpub, pub, n * sizeof(int64));
	memcpy(xt->cpub_set, pubset, n * sizeof(bool));
	for (int r = 0; r < xt->nrows; r++)
	{
		int64	   *row = xt->cells + (Size) r * xt->colcap;

		for (int i = 0; i < n; i++)
			rowbuf[i] = row[perm[i]];
		memcpy(row, rowbuf, n * sizeof(int64));
		if (xt->flags)
		{
			uint8	   *frow = xt->flags + (Size) r * xt->colcap;

			for (int i = 0; i < n; i++)
				flagbuf[i] = frow[perm[i]];
			memcpy(frow, flagbuf, n);
		}
	}
	for (int i = 0; i < xt->nmarkers; i++)
		xt->markers[i].col = inv[xt->markers[i].col];
	if (xt->nmarkers > 0)
		xtab_reindex_markers(xt);
	index_build(xt, &xt->cindex, xt->clabel, n);
	pfree(perm);
	pfree(inv);
	pfree(lab);
	pfree(kind);
	pfree(key);
	pfree(units);
	pfree(pub);
	pfree(pubset);
	pfree(rowbuf);
	pfree(flagbuf);
}

/* ------------------------------------------------------------------------
 * Merging
 * ------------------------------------------------------------------------
 */

void
xtab_merge_into(Xtab *dst, const Xtab *src)
{
	int		   *cmap = palloc(Max(src->ncols, 1) * sizeof(int));
	bool		dst_was_empty = (dst->nrows == 0 && dst->ncols == 0);
	bool		src_empty = (src->nrows == 0 && src->ncols == 0);
	int64	   *dst_units = NULL;
	int			dst_ncols0 = dst->ncols;

	/*
	 * A value with withheld cells adds only to published values (see
	 * xtab.h): the sum of a protected and an unprotected value would show
	 * the unprotected side's small counts beside the withheld ones.
	 */
	if (!dst_was_empty && !src_empty)
	{
		bool		dsup = xtab_has_suppressed(dst);
		bool		ssup = xtab_has_suppressed(src);

		if ((dsup && !xtab_is_published(src)) || (ssup && !xtab_is_published(dst)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot add a protected cross-tab to an unprotected one"),
					 errdetail("The %s cross-tab has withheld cells and the %s has neither withheld cells nor published totals; their sum would show the unprotected counts beside the withheld ones.",
							   dsup ? "first" : "second", dsup ? "second" : "first"),
					 errhint("Add the unprotected cross-tabs first and protect the sum with foistats.protect(), or add only protected (or parsed) cross-tabs.")));
	}

	/* units: compute dst's before cells change (col sums when not stored) */
	if (src->has_units || dst->has_units)
	{
		dst_units = palloc(Max(dst->ncols, 1) * sizeof(int64));
		for (int c = 0; c < dst->ncols; c++)
			dst_units[c] = xtab_col_units(dst, c);
	}

	for (int c = 0; c < src->ncols; c++)
		cmap[c] = xtab_add_col(dst, src->clabel[c].data, src->clabel[c].len,
							   (XtabColKind) src->ckind[c]);

	for (int r = 0; r < src->nrows; r++)
	{
		int			dr = xtab_add_row(dst, src->rlabel[r].data, src->rlabel[r].len);
		const int64 *srow = src->cells + (Size) r * src->colcap;
		int64	   *drow = dst->cells + (Size) dr * dst->colcap;

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < src->ncols; c++)
			if (pg_add_s64_overflow(drow[cmap[c]], srow[c], &drow[cmap[c]]))
				overflow_error();
		if (src->flags)
			for (int c = 0; c < src->ncols; c++)
			{
				uint8		f = src->flags[(Size) r * src->colcap + c];

				if (f)
					xtab_set_flags(dst, dr, cmap[c], xtab_get_flags(dst, dr, cmap[c]) | f);
			}
		/* published row totals: only meaningful if both had one */
		if (dst_was_empty)
		{
			/* an empty dst is no table yet: take src's as they are */
			dst->rpub_set[dr] = src->rpub_set[r];
			dst->rpub[dr] = src->rpub[r];
		}
		else
		{
			if (dst->rpub_set[dr] && src->rpub_set[r])
				{
				if (pg_add_s64_overflow(dst->rpub[dr], src->rpub[r], &dst->rpub[dr]))
					overflow_error();
			}
			else
				dst->rpub_set[dr] = false;
		}
	}
	if (src_empty)
	{
		/* adding nothing: dst's published totals stand */
	}
	else if (!dst_was_empty)
	{
		/* rows of dst absent from src lose their published totals */
		for (int r = 0; r < dst->nrows; r++)
			if (dst->rpub_set[r] && xtab_find_row(src, dst->rlabel[r].data,
												  dst->rlabel[r].len) < 0)
				dst->rpub_set[r] = false;
		for (int c = 0; c < dst->ncols; c++)
		{
			int			sc = xtab_find_col(src, dst->clabel[c].data, dst->clabel[c].len);

			if (dst->cpub_set[c] && sc >= 0 && src->cpub_set[sc])
				{
				if (pg_add_s64_overflow(dst->cpub[c], src->cpub[sc], &dst->cpub[c]))
					overflow_error();
			}
			else
				dst->cpub_set[c] = false;
		}
		if (dst->pub_grand_set && src->pub_grand_set)
			{
			if (pg_add_s64_overflow(dst->pub_grand, src->pub_grand, &dst->pub_grand))
				overflow_error();
		}
		else
			dst->pub_grand_set = false;
	}
	else
	{
		for (int c = 0; c < src->ncols; c++)
		{
			dst->cpub_set[cmap[c]] = src->cpub_set[c];
			dst->cpub[cmap[c]] = src->cpub[c];
		}
		dst->pub_grand_set = src->pub_grand_set;
		dst->pub_grand = src->pub_grand;
	}

	if (dst_units)
	{
		int64	   *newu = palloc0(Max(dst->ncols, 1) * sizeof(int64));

		for (int c = 0; c < dst_ncols0; c++)
			newu[c] = dst_units[c];
		for (int c = 0; c < src->ncols; c++)
			if (pg_add_s64_overflow(newu[cmap[c]], xtab_col_units(src, c), &newu[cmap[c]]))
				overflow_error();
		dst->has_units = true;
		memcpy(dst->cunits, newu, dst->ncols * sizeof(int64));
		pfree(newu);
		pfree(dst_units);
	}

	for (int i = 0; i < src->nmarkers; i++)
	{
		const XtabMarker *m = &src->markers[i];
		int			dr = xtab_find_row(dst, src->rlabel[m->row].data,
									   src->rlabel[m->row].len);

		if (xtab_get_marker(dst, dr, cmap[m->col]) == NULL)
			xtab_set_marker(dst, dr, cmap[m->col], m->text);
	}
	if (dst->title == NULL && src->title)
		xtab_set_title(dst, src->title);
	if (dst->row_header == NULL && src->row_header)
		xtab_set_row_header(dst, src->row_header);
	for (int i = 0; i < src->nfootnotes; i++)
	{
		bool		found = false;

		for (int j = 0; j < dst->nfootnotes && !found; j++)
			found = strcmp(dst->footnotes[j], src->footnotes[i]) == 0;
		if (!found)
			xtab_add_footnote(dst, src->footnotes[i]);
	}
	pfree(cmap);
}

/* ------------------------------------------------------------------------
 * Binary format
 * ------------------------------------------------------------------------
 */

static void
send_string(StringInfo buf, const char *s, int len)
{
	pq_sendint32(buf, len);
	pq_sendbytes(buf, s, len);
}

/* Estimated size of the binary form, to fail cleanly before 1 GB. */
static void
check_flat_size(const Xtab *xt, const int *perm_unused)
{
	double		sz = 64;

	for (int c = 0; c < xt->ncols; c++)
		sz += 22 + xt->clabel[c].len;
	for (int r = 0; r < xt->nrows; r++)
		sz += 13 + xt->rlabel[r].len + 9.0 * xt->ncols;
	sz += 16.0 * xt->nmarkers;
	if (sz > (double) (MaxAllocSize - VARHDRSZ - 1024 * 1024))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cross-tab is too large to store"),
				 errdetail("It would take about %.0f MB; a value is limited to 1 GB.",
						   sz / (1024 * 1024))));
}

/*
 * Write xt's binary form: columns in natural order, rows in the order of
 * rowperm (NULL: as stored).
 */
static inline bool
marker_kept(const Xtab *xt, const XtabMarker *m)
{
	return (xtab_get_flags(xt, m->row, m->col) & (XTAB_CELL_SUPPRESSED | XTAB_CELL_BLANK)) != 0;
}

static void
send_perm(const Xtab *xt, StringInfo buf, const int *rowperm)
{
	int		   *cperm = xtab_col_sort_perm(xt);
	int		   *cinv = palloc(Max(xt->ncols, 1) * sizeof(int));
	int		   *rinv = NULL;
	uint8		flags = 0;
	bool		any_cell_flags = false;
	int			nmarkers;

	check_flat_size(xt, rowperm);
	for (int i = 0; i < xt->ncols; i++)
		cinv[cperm[i]] = i;
	if (xt->flags)
	{
		for (int r = 0; r < xt->nrows && !any_cell_flags; r++)
			for (int c = 0; c < xt->ncols; c++)
				if (xt->flags[(Size) r * xt->colcap + c])
				{
					any_cell_flags = true;
					break;
				}
	}
	if (xt->has_units)
		flags |= XF_UNITS;
	if (xt->pub_grand_set)
		flags |= XF_GRAND;
	if (xt->title)
		flags |= XF_TITLE;
	if (xt->row_header)
		flags |= XF_ROWHEADER;
	if (any_cell_flags)
		flags |= XF_CELLFLAGS;

	pq_sendbyte(buf, XTAB_FORMAT_VERSION);
	pq_sendbyte(buf, flags);
	pq_sendint32(buf, xt->ncols);
	for (int i = 0; i < xt->ncols; i++)
	{
		int			c = cperm[i];

		pq_sendbyte(buf, xt->ckind[c]);
		send_string(buf, xt->clabel[c].data, xt->clabel[c].len);
		if (xt->has_units)
			pq_sendint64(buf, xt->cunits[c]);
		pq_sendbyte(buf, xt->cpub_set[c] ? 1 : 0);
		if (xt->cpub_set[c])
			pq_sendint64(buf, xt->cpub[c]);
	}
	pq_sendint32(buf, xt->nrows);
	for (int i = 0; i < xt->nrows; i++)
	{
		int			r = rowperm ? rowperm[i] : i;
		const int64 *row = xt->cells + (Size) r * xt->colcap;

		/* every row: a row can hold up to XTAB_MAX_COLS cells */
		CHECK_FOR_INTERRUPTS();
		send_string(buf, xt->rlabel[r].data, xt->rlabel[r].len);
		pq_sendbyte(buf, xt->rpub_set[r] ? 1 : 0);
		if (xt->rpub_set[r])
			pq_sendint64(buf, xt->rpub[r]);
		for (int j = 0; j < xt->ncols; j++)
			pq_sendint64(buf, row[cperm[j]]);
		if (any_cell_flags)
			for (int j = 0; j < xt->ncols; j++)
			{
				uint8		f = xt->flags[(Size) r * xt->colcap + cperm[j]];

				/* c only with s, as recv requires */
				if (!(f & XTAB_CELL_SUPPRESSED))
					f &= ~XTAB_CELL_SECONDARY;
				pq_sendbyte(buf, f);
			}
	}
	if (xt->pub_grand_set)
		pq_sendint64(buf, xt->pub_grand);
	if (xt->title)
		send_string(buf, xt->title, strlen(xt->title));
	if (xt->row_header)
		send_string(buf, xt->row_header, strlen(xt->row_header));
	pq_sendint32(buf, xt->nfootnotes);
	for (int i = 0; i < xt->nfootnotes; i++)
		send_string(buf, xt->footnotes[i], strlen(xt->footnotes[i]));
	if (rowperm && xt->nmarkers > 0)
	{
		rinv = palloc(Max(xt->nrows, 1) * sizeof(int));
		for (int i = 0; i < xt->nrows; i++)
			rinv[rowperm[i]] = i;
	}
	/* only markers of withheld or blank cells, as recv and text input accept
	 * (a marker elsewhere means nothing: protect() keeps a parsed '-' on a
	 * cell it publishes) */
	nmarkers = 0;
	for (int i = 0; i < xt->nmarkers; i++)
		if (marker_kept(xt, &xt->markers[i]))
			nmarkers++;
	pq_sendint32(buf, nmarkers);
	for (int i = 0; i < xt->nmarkers; i++)
	{
		const XtabMarker *m = &xt->markers[i];

		if (!marker_kept(xt, m))
			continue;
		pq_sendint32(buf, rinv ? rinv[m->row] : m->row);
		pq_sendint32(buf, cinv[m->col]);
		send_string(buf, m->text, strlen(m->text));
	}
	pfree(cperm);
	pfree(cinv);
	if (rinv)
		pfree(rinv);
}

void
xtab_send_to(const Xtab *xt, StringInfo buf)
{
	send_perm(xt, buf, NULL);
}

static void
corrupt(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary cross-tab value"),
			 errdetail("%s", detail)));
}

/* Read a length-prefixed string; returns a pointer into buf (not copied). */
static const char *
recv_string(StringInfo buf, int *len, bool verify, const char *what)
{
	int			n = pq_getmsgint(buf, 4);
	const char *s;

	if (n < 0 || n > buf->len - buf->cursor)
		corrupt(psprintf("The %s has a bad length.", what));
	s = pq_getmsgbytes(buf, n);
	if (memchr(s, '\0', n) != NULL)
		corrupt(psprintf("The %s contains a zero byte.", what));
	if (verify)
		(void) pg_verifymbstr(s, n, false);
	*len = n;
	return s;
}

static char *
recv_cstring(StringInfo buf, bool verify, const char *what)
{
	int			n;
	const char *s = recv_string(buf, &n, verify, what);

	return pnstrdup(s, n);
}

/*
 * Read the binary form.  verify: check text encoding and counts (untrusted
 * input from a client); the structure is always checked.
 */
/*
 * A count (units, a published total): with verify (binary input) it must not
 * be negative, as in the text format.  Stored values are read as written.
 */
static int64
recv_count(StringInfo buf, bool verify, const char *what)
{
	int64		v = pq_getmsgint64(buf);

	if (verify && v < 0)
		corrupt(psprintf("%s is negative.", what));
	return v;
}

static Xtab *
recv_internal(StringInfo buf, MemoryContext mcxt, bool verify)
{
	Xtab	   *xt;
	int			version = pq_getmsgbyte(buf);
	int			flags;
	int			ncols,
				nrows,
				n;

	if (version != XTAB_FORMAT_VERSION)
		corrupt(psprintf("Unknown format version %d (this library reads %d).",
						 version, XTAB_FORMAT_VERSION));
	flags = pq_getmsgbyte(buf);
	if (flags & ~XF_ALL)
		corrupt("Unknown header flags.");
	ncols = pq_getmsgint(buf, 4);
	if (ncols < 0 || ncols > XTAB_MAX_COLS || ncols > buf->len - buf->cursor)
		corrupt("The column count is out of range.");

	xt = xtab_create(mcxt);
	for (int i = 0; i < ncols; i++)
	{
		int			kind = pq_getmsgbyte(buf);
		int			len;
		const char *label;

		if (kind < XTAB_COL_YEAR || kind > XTAB_COL_KIND_MAX)
			corrupt("A column has an unknown kind.");
		label = recv_string(buf, &len, verify, "column label");
		if (xtab_find_col(xt, label, len) >= 0)
			corrupt("Two columns have the same label.");
		/* validates the label against its kind */
		xtab_add_col(xt, label, len, (XtabColKind) kind);
		if (flags & XF_UNITS)
			xt->cunits[i] = recv_count(buf, verify, "A unit count");
		if (pq_getmsgbyte(buf))
			xtab_set_pub_col_total(xt, i, recv_count(buf, verify, "A published column total"));
	}
	xt->has_units = (flags & XF_UNITS) != 0;

	nrows = pq_getmsgint(buf, 4);
	if (nrows < 0 || nrows > XTAB_MAX_ROWS ||
		(int64) nrows * (5 + 8 * (int64) ncols) > buf->len - buf->cursor)
		corrupt("The row count is out of range.");
	for (int i = 0; i < nrows; i++)
	{
		int			len;
		const char *label;
		uint32		h;
		uint32		slot;
		int			r;
		int64	   *row;

		/* every row: a row can hold up to XTAB_MAX_COLS cells */
		CHECK_FOR_INTERRUPTS();
		label = recv_string(buf, &len, verify, "row label");
		h = label_hash(label, len);
		if (index_lookup(&xt->rindex, xt->rlabel, label, len, h, &slot))
			corrupt("Two rows have the same label.");
		r = add_row_at(xt, label, len, h, slot);
		if (pq_getmsgbyte(buf))
			xtab_set_pub_row_total(xt, r, recv_count(buf, verify, "A published row total"));
		row = xt->cells + (Size) r * xt->colcap;
		for (int c = 0; c < ncols; c++)
		{
			row[c] = pq_getmsgint64(buf);
			if (verify && row[c] < 0)
				corrupt("A cell count is negative.");
		}
		if (flags & XF_CELLFLAGS)
			for (int c = 0; c < ncols; c++)
			{
				int			f = pq_getmsgbyte(buf);

				if (f & ~XTAB_CELL_FLAGS_MASK)
					corrupt("A cell has unknown flags.");
				if (verify && (f & XTAB_CELL_SECONDARY) && !(f & XTAB_CELL_SUPPRESSED))
					corrupt("A cell is withheld as a complement (flag c) but not withheld (flag s).");
				xtab_set_flags(xt, r, c, (uint8) f);
			}
	}
	if (flags & XF_GRAND)
		xtab_set_pub_grand_total(xt, recv_count(buf, verify, "The published grand total"));
	if (flags & XF_TITLE)
		xt->title = MemoryContextStrdup(mcxt, recv_cstring(buf, verify, "title"));
	if (flags & XF_ROWHEADER)
		xt->row_header = MemoryContextStrdup(mcxt, recv_cstring(buf, verify, "row header"));
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > buf->len - buf->cursor)
		corrupt("The footnote count is out of range.");
	for (int i = 0; i < n; i++)
		xtab_add_footnote(xt, recv_cstring(buf, verify, "footnote"));
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > buf->len - buf->cursor)
		corrupt("The marker count is out of range.");
	for (int i = 0; i < n; i++)
	{
		int			r = pq_getmsgint(buf, 4);
		int			c = pq_getmsgint(buf, 4);
		char	   *text;

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (r < 0 || r >= nrows || c < 0 || c >= ncols)
			corrupt("A marker refers to a cell that does not exist.");
		text = recv_cstring(buf, verify, "marker");
		if (xtab_get_marker(xt, r, c) != NULL)
			corrupt("A cell has two markers.");
		if (verify && !(xtab_get_flags(xt, r, c) & (XTAB_CELL_SUPPRESSED | XTAB_CELL_BLANK)))
			corrupt("A marker is on a cell that is neither withheld nor blank.");
		xtab_set_marker(xt, r, c, text);
	}
	if (buf->cursor != buf->len)
		corrupt("Extra bytes follow the value.");
	return xt;
}

Xtab *
xtab_recv_from(StringInfo buf, MemoryContext mcxt)
{
	return recv_internal(buf, mcxt, true);
}

Xtab *
xtab_expand(const struct varlena *flat, MemoryContext mcxt)
{
	StringInfoData buf;

	buf.data = (char *) VARDATA_ANY(flat);
	buf.len = VARSIZE_ANY_EXHDR(flat);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	return recv_internal(&buf, mcxt, false);
}

struct varlena *
xtab_flatten_perm(const Xtab *xt, const int *rowperm)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoSpaces(&buf, VARHDRSZ);
	send_perm(xt, &buf, rowperm);
	SET_VARSIZE(buf.data, buf.len);
	return (struct varlena *) buf.data;
}

struct varlena *
xtab_flatten(const Xtab *xt)
{
	return xtab_flatten_perm(xt, NULL);
}

struct varlena *
xtab_flatten_sorted(const Xtab *xt)
{
	int		   *perm = row_sort_perm(xt, XTAB_ORDER_LABEL);
	struct varlena *res = xtab_flatten_perm(xt, perm);

	pfree(perm);
	return res;
}
/* ------------------------------------------------------------------------
 * Type I/O (binary; the text input/output functions are in xtab_text.c)
 * ------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(xtab_recv);
PG_FUNCTION_INFO_V1(xtab_send);

Datum
xtab_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Xtab	   *xt = xtab_recv_from(buf, CurrentMemoryContext);

	PG_RETURN_XTAB_P(xtab_flatten(xt));
}

Datum
xtab_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_XTAB_P(0);
	StringInfoData buf;

	/* the stored body is the binary format: send it as is */
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
