/*
 * pg_shim.c
 *		Just enough of the server, outside it, for the xtab input functions
 *		(src/xtab_text.c, src/xtab.c) to run in a libFuzzer harness
 *		(test/fuzz/fuzz_xtab.c).  Written for these harnesses from the
 *		functions' documented contracts, not copied from PostgreSQL.
 *
 * What xtab.c and xtab_text.c take from the server, and what stands in:
 *	palloc & co., MemoryContextAlloc*, repalloc, pfree
 *			malloc'ed chunks on one list, all freed by shim_reset() after each
 *			input (a memory context reset); pfree frees at once, so
 *			AddressSanitizer sees a use after pfree.  Like palloc they never
 *			return NULL, and refuse more than MaxAllocSize (MaxAllocHugeSize
 *			for the _huge/HUGE variants) with an ERROR.
 *	ereport(ERROR)	errstart/errfinish record the SQLSTATE and message and
 *			siglongjmp to the harness's shim_try (an error aborts the input,
 *			as in a transaction); lower levels return.
 *	CHECK_FOR_INTERRUPTS	InterruptPending stays 0.
 *	pq_getmsg*, pq_begintypsend, pq_endtypsend, pq_sendbytes
 *			the libpq message readers and writers over a StringInfo, with the
 *			server's errors when a message is short.
 *	pg_verifymbstr	UTF-8 (the database encoding of the tests) through
 *			libpgcommon's pg_encoding_verifymbstr; GetDatabaseEncoding,
 *			pg_mbstrlen_with_len and pg_mbcharcliplen likewise in UTF-8.
 *	pg_detoast_datum	values here are never toasted: returned as they are.
 * StringInfo, psprintf, qsort_arg and snprintf are PostgreSQL's own, from the
 * frontend libraries libpgcommon.a and libpgport.a.
 */
#include "postgres.h"

#include <setjmp.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/memnodes.h"
#include "utils/memutils.h"

#include "pg_shim.h"

/* ---- memory */

typedef struct Chunk
{
	struct Chunk *prev,
			   *next;
	size_t		size;
	long double data[];			/* aligned for any type */
} Chunk;

static Chunk shim_chunks = {&shim_chunks, &shim_chunks, 0};
static MemoryContextData shim_context;
MemoryContext CurrentMemoryContext = &shim_context;
volatile sig_atomic_t InterruptPending = 0;

static void *
chunk_alloc(Size size, bool zero, bool huge)
{
	Chunk	   *c;

	if (size > (huge ? MaxAllocHugeSize : MaxAllocSize))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("invalid memory alloc request size %zu", (size_t) size)));
	c = zero ? calloc(1, sizeof(Chunk) + size) : malloc(sizeof(Chunk) + size);
	if (c == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	c->size = size;
	c->next = shim_chunks.next;
	c->prev = &shim_chunks;
	shim_chunks.next->prev = c;
	shim_chunks.next = c;
	return c->data;
}

static Chunk *
chunk_of(void *p)
{
	return (Chunk *) ((char *) p - offsetof(Chunk, data));
}

void
pfree(void *p)
{
	Chunk	   *c = chunk_of(p);

	c->prev->next = c->next;
	c->next->prev = c->prev;
	free(c);
}

void
shim_reset(void)
{
	while (shim_chunks.next != &shim_chunks)
		pfree(shim_chunks.next->data);
}

void *
palloc(Size size)
{
	return chunk_alloc(size, false, false);
}

void *
palloc0(Size size)
{
	return chunk_alloc(size, true, false);
}

void *
palloc_extended(Size size, int flags)
{
	return chunk_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0, (flags & MCXT_ALLOC_HUGE) != 0);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return chunk_alloc(size, false, false);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return chunk_alloc(size, true, false);
}

void *
MemoryContextAllocHuge(MemoryContext context, Size size)
{
	return chunk_alloc(size, false, true);
}

void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return palloc_extended(size, flags);
}

static void *
chunk_realloc(void *p, Size size, bool huge)
{
	Chunk	   *c = chunk_of(p);
	void	   *q = chunk_alloc(size, false, huge);

	memcpy(q, p, Min(size, c->size));
	pfree(p);
	return q;
}

void *
repalloc(void *p, Size size)
{
	return chunk_realloc(p, size, false);
}

void *
repalloc_huge(void *p, Size size)
{
	return chunk_realloc(p, size, true);
}

char *
MemoryContextStrdup(MemoryContext context, const char *s)
{
	size_t		n = strlen(s) + 1;
	char	   *d = chunk_alloc(n, false, false);

	memcpy(d, s, n);
	return d;
}

char *
pstrdup(const char *s)
{
	return MemoryContextStrdup(CurrentMemoryContext, s);
}

char *
pnstrdup(const char *s, Size len)
{
	size_t		n = strnlen(s, len);
	char	   *d = chunk_alloc(n + 1, false, false);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void
ProcessInterrupts(void)
{
}

/* ---- errors */

sigjmp_buf *shim_try = NULL;
int			shim_sqlstate = 0;
char		shim_message[1024];
static int	shim_level = 0;

bool
errstart(int elevel, const char *domain)
{
	shim_level = elevel;
	if (elevel >= ERROR)
	{
		shim_sqlstate = ERRCODE_INTERNAL_ERROR;
		shim_message[0] = '\0';
	}
	return elevel >= ERROR;		/* lower levels are not reported */
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	if (shim_level < ERROR)
		return;
	if (shim_try == NULL)
	{
		fprintf(stderr, "ERROR outside shim_try: %s (%s:%d)\n", shim_message, filename, lineno);
		abort();
	}
	siglongjmp(*shim_try, 1);
}

int
errcode(int sqlerrcode)
{
	shim_sqlstate = sqlerrcode;
	return 0;
}

int
errmsg(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(shim_message, sizeof(shim_message), fmt, ap);
	va_end(ap);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	return 0;
}

int
errhint(const char *fmt,...)
{
	return 0;
}

/* ---- libpq messages */

static void
short_message(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROTOCOL_VIOLATION),
			 errmsg("insufficient data left in message")));
}

int
pq_getmsgbyte(StringInfo msg)
{
	if (msg->cursor >= msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("no data left in message")));
	return (unsigned char) msg->data[msg->cursor++];
}

const char *
pq_getmsgbytes(StringInfo msg, int datalen)
{
	const char *p;

	if (datalen < 0 || datalen > msg->len - msg->cursor)
		short_message();
	p = &msg->data[msg->cursor];
	msg->cursor += datalen;
	return p;
}

unsigned int
pq_getmsgint(StringInfo msg, int b)
{
	unsigned int v = 0;

	if (b != 1 && b != 2 && b != 4)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("unsupported integer size %d", b)));
	if (b > msg->len - msg->cursor)
		short_message();
	for (int i = 0; i < b; i++)
		v = (v << 8) | (unsigned char) msg->data[msg->cursor++];
	return v;
}

int64
pq_getmsgint64(StringInfo msg)
{
	uint64		v = 0;

	if (8 > msg->len - msg->cursor)
		short_message();
	for (int i = 0; i < 8; i++)
		v = (v << 8) | (unsigned char) msg->data[msg->cursor++];
	return (int64) v;
}

void
pq_begintypsend(StringInfo buf)
{
	initStringInfo(buf);
	appendStringInfoSpaces(buf, VARHDRSZ);
}

bytea *
pq_endtypsend(StringInfo buf)
{
	bytea	   *result = (bytea *) buf->data;

	SET_VARSIZE(result, buf->len);
	return result;
}

void
pq_sendbytes(StringInfo buf, const char *data, int datalen)
{
	appendBinaryStringInfo(buf, data, datalen);
}

/* ---- encoding, toast */

bool
pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	if (pg_encoding_verifymbstr(PG_UTF8, mbstr, len) == len)
		return true;
	if (noError)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
			 errmsg("invalid byte sequence for encoding \"UTF8\"")));
	return false;
}

int
GetDatabaseEncoding(void)
{
	return PG_UTF8;
}

/* characters in the first len bytes (stops at a NUL, as the server's) */
int
pg_mbstrlen_with_len(const char *mbstr, int len)
{
	int			n = 0;

	while (len > 0 && *mbstr)
	{
		int			l = pg_encoding_mblen(PG_UTF8, mbstr);

		len -= l;
		mbstr += l;
		n++;
	}
	return n;
}

/* bytes of at most limit characters of the first len bytes */
int
pg_mbcharcliplen(const char *mbstr, int len, int limit)
{
	int			clen = 0,
				nch = 0;

	while (clen < len && *mbstr && nch < limit)
	{
		int			l = pg_encoding_mblen(PG_UTF8, mbstr);

		if (clen + l > len)
			break;
		clen += l;
		mbstr += l;
		nch++;
	}
	return clen;
}

struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	if (VARATT_IS_EXTENDED(datum))
	{
		fprintf(stderr, "pg_shim: a toasted or short value reached pg_detoast_datum\n");
		abort();
	}
	return datum;
}
